// Shared set-up of the task pane's jsdom tests (test/taskpane). Import '../support/pane-globals'
// before this module.
import '@testing-library/jest-dom';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { configure, render, screen } from '@testing-library/react';
import userEvent, { PointerEventsCheckLevel } from '@testing-library/user-event';
import * as React from 'react';
import type { ExportFile } from '../../src/app/exports';
import { createSession, type Host, type Session } from '../../src/app/session';
import { createWorkbook, type WorkbookState } from '../../src/app/workbook-actions';
import { XlsxWorkbook } from '../../src/io/xlsx/xlsx-workbook';
import { SAMPLE_BLOC, SAMPLE_DATA } from '../../src/sample';
import type { Notice, TabProps } from '../../src/taskpane/shared/types';
import { UNIT } from '../../src/workbook/unit-sheet';

export type User = ReturnType<typeof userEvent.setup>;

/**
 * jsdom's getComputedStyle walks every CSS rule Fluent inserts: role queries and pointer checks
 * that call it for each element make the whole-pane tests minutes long. For tests where nothing
 * is hidden by CSS.
 */
export function skipStyleChecks(): void {
  configure({ defaultHidden: true, asyncUtilTimeout: 10_000 });
}

/** A user without delays between events nor pointer-events checks (both only slow jsdom). */
export function quickUser(): User {
  return userEvent.setup({ delay: null, pointerEventsCheck: PointerEventsCheckLevel.Never });
}

/** A web app host that records the sheets it was asked to show and the files it downloaded. */
export interface TestHost extends Host {
  shown: string[];
  downloads: ExportFile[];
}

export function fakeHost(): TestHost {
  const host: TestHost = {
    kind: 'web',
    shown: [],
    downloads: [],
    showSheet: async (name) => void host.shown.push(name),
    download: (file) => void host.downloads.push(file),
  };
  return host;
}

/** An in-memory workbook created for the sample bloc, with its sample data. */
export async function sampleWorkbook(): Promise<XlsxWorkbook> {
  const workbook = XlsxWorkbook.empty();
  await createWorkbook(workbook, SAMPLE_BLOC, SAMPLE_DATA);
  return workbook;
}

/**
 * jsdom lacks ARIA reflection (element.role), which Fluent's Dropdown uses to find its options
 * when moving with the arrow keys; browsers have it.
 */
export function reflectAriaRole(): void {
  if (!('role' in Element.prototype))
    Object.defineProperty(Element.prototype, 'role', {
      configurable: true,
      get(this: Element) {
        return this.getAttribute('role');
      },
    });
}

/**
 * jsdom has no layout, and Tabster (Fluent's keyboard navigation) skips elements without one:
 * gives every element a parent box and a size around each test of the enclosing block.
 */
export function withLayoutBoxes(): void {
  let restore: () => void;
  beforeEach(() => {
    const offsetParent = Object.getOwnPropertyDescriptor(HTMLElement.prototype, 'offsetParent')!;
    Object.defineProperty(HTMLElement.prototype, 'offsetParent', {
      configurable: true,
      get(this: HTMLElement) {
        return this.parentElement;
      },
    });
    const rect = jest.spyOn(Element.prototype, 'getBoundingClientRect').mockReturnValue({
      x: 0,
      y: 0,
      top: 0,
      left: 0,
      bottom: 20,
      right: 100,
      width: 100,
      height: 20,
    } as DOMRect);
    restore = () => {
      Object.defineProperty(HTMLElement.prototype, 'offsetParent', offsetParent);
      rect.mockRestore();
    };
  });
  afterEach(() => restore());
}

// One tab rendered alone, as the shell would, over a real session.

export interface Harness {
  session: Session;
  port: XlsxWorkbook;
  notify: jest.Mock<void, [Notice]>;
  user: User;
  first: WorkbookState;
}

/** A real session over an in-memory workbook set up for the sample bloc (no data entered). */
export async function setUpSample(): Promise<Harness> {
  const port = XlsxWorkbook.empty();
  const session = createSession(port, fakeHost());
  await session.setUp(SAMPLE_BLOC);
  const first = (await session.load())!;
  const notify = jest.fn<void, [Notice]>();
  return { session, port, notify, first, user: quickUser() };
}

function Shell({
  Tab,
  session,
  notify,
  first,
}: Omit<Harness, 'user' | 'port'> & { Tab: React.ComponentType<TabProps> }) {
  const [state, setState] = React.useState(first);
  const props: TabProps = {
    session,
    state,
    reload: async () => setState((await session.load())!),
    notify,
    busy: async (_label, action) => {
      try {
        return await action();
      } catch (e) {
        notify({ intent: 'error', title: e instanceof Error ? e.message : String(e) });
        return undefined;
      }
    },
  };
  return (
    <FluentProvider theme={webLightTheme}>
      <Tab {...props} />
    </FluentProvider>
  );
}

/** Renders `Tab` over the given harness, or over a fresh one of the sample bloc. */
export async function renderTab(Tab: React.ComponentType<TabProps>, h?: Harness): Promise<Harness> {
  const harness = h ?? (await setUpSample());
  render(
    <Shell Tab={Tab} session={harness.session} notify={harness.notify} first={harness.first} />,
  );
  return harness;
}

/** Long texts (evidence, reasons) are pasted: typing them key by key only slows the test. */
export async function paste(user: User, el: HTMLElement, text: string): Promise<void> {
  await user.click(el);
  await user.paste(text);
}

/** The points SpinButton whose label matches. */
export const field = (name: RegExp) => screen.getByRole('spinbutton', { name });

/** Opens a part of the criteria tree (parts after the first start closed). */
export async function openPart(user: User, code: string): Promise<void> {
  await user.click(screen.getByRole('button', { name: new RegExp(`^${code}\\. `) }));
}

/** Picks a unit in the Dropdown, with the keyboard-free path the tests need. */
export async function pickUnit(user: User, name: string): Promise<void> {
  await user.click(screen.getByRole('combobox', { name: /Đơn vị/ }));
  await user.click(screen.getByRole('option', { name: new RegExp(name) }));
}

/** A cell of a unit sheet as the workbook holds it. */
export async function cell(port: XlsxWorkbook, sheet: string, row: number, col: number) {
  const { sheets } = await port.read([sheet]);
  return sheets[0]!.values[row - 1]?.[col - 1];
}

/** The unit-sheet row of a criterion. */
export const rowOf = (state: WorkbookState, code: string) =>
  UNIT.firstCriterionRow + state.compiled.indexOf.get(code)!;
