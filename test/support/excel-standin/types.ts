// The shapes shared between the request context and the proxies. The context creates the workbook
// proxy and every proxy queues actions on its context: with these interfaces in between, proxies
// never import context.ts, and the runtime import graph has no cycle.

import type { Rect } from './addresses';
import type { Book, SheetModel, StandinValue } from './model';

/** What a range proxy stands for. */
export interface RangeTarget {
  sheet: SheetModel;
  rect: Rect;
}

/** What a RangeAreas proxy stands for: several rectangles of one sheet. */
export interface AreasTarget {
  sheet: SheetModel;
  rects: Rect[];
}

/** One sync's run: traces so far, and what becomes visible only if the whole sync succeeds. */
export interface Exec {
  traces: string[];
  commits: (() => void)[];
  results: unknown[];
}

/** A proxy as the request sees it: its object path, up to the context. */
export interface ObjectPath {
  readonly _id: number;
  readonly _parent: ObjectPath | undefined;
  readonly _path: { kind: number; name: string; args?: unknown[] };
}

export interface Action {
  json: Record<string, unknown>;
  obj: ObjectPath | undefined;
  /** Objects passed as arguments: their paths travel with the request. */
  args?: ObjectPath[];
  run(exec: Exec): void;
}

export interface StandinStats {
  runs: number;
  syncs: number;
  requestBytes: number[];
  responseBytes: number[];
  /** Methods run, by "Type.Method" (Worksheet.Copy, WorksheetProtection.Unprotect…). */
  calls: Record<string, number>;
}

export interface StandinState {
  book: Book;
  apiVersion: string;
  payloadLimit: number;
  /** What a get of more than 5,000,000 cells gives: RangeExceedsLimit, or null (desktop 2407+). */
  overLimitRead: 'RangeExceedsLimit' | 'null';
  /** Members that fail with the given code ("PageLayout.zoom": "GeneralException"). */
  refuse: Record<string, string>;
  stats: StandinStats;
  calc(sheet: string, address: string, formula: string): StandinValue;
}

/** What a proxy needs of its request context (context.ts implements it). */
export interface ProxyContext {
  _nextId: number;
  _queue: Action[];
  /** Proxies from `*OrNullObject` methods: their isNullObject is set by the next sync. */
  _nullables: { _settleNull(exec: Exec): void }[];
  readonly _s: StandinState;
  /** Throws ApiNotFound when `version` is above the host's ExcelApi version. */
  _api(version: string, where: string): void;
}
