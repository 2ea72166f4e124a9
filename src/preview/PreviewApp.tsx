import {
  Button,
  FluentProvider,
  MessageBar,
  MessageBarBody,
  Text,
  makeStyles,
  tokens,
  webLightTheme,
} from '@fluentui/react-components';
import { useEffect, useState, useSyncExternalStore, type ComponentType } from 'react';
import { type Session, createWorkbook } from '../app';
import { SAMPLE_BLOC, SAMPLE_DATA } from '../sample';
import { type SheetData, SHEETS } from '../workbook';
import type { PreviewWorkbook } from './preview-workbook';
import { SheetView } from './SheetView';

/** What became of office.js on this page: the preview runs the same in every case. */
export type OfficeStatus = 'pending' | 'missing' | 'no-host' | 'host' | 'timeout';

const OFFICE_TEXT: Record<OfficeStatus, string> = {
  pending: 'office.js: đang nạp…',
  missing: 'office.js: không tải được (bản xem thử vẫn chạy)',
  'no-host': 'office.js: đã nạp, không có Office',
  host: 'office.js: đang chạy trong Office (bản xem thử vẫn dùng sổ tính trong bộ nhớ)',
  timeout: 'office.js: không phản hồi (bản xem thử vẫn chạy)',
};

/** The sample bloc (Khối Nội chính, 9 units) with its scores and people, written through the port. */
export async function loadSample(workbook: PreviewWorkbook): Promise<void> {
  await createWorkbook(workbook, SAMPLE_BLOC, SAMPLE_DATA);
}

const useStyles = makeStyles({
  root: {
    display: 'grid',
    gridTemplateRows: 'auto 1fr',
    height: '100vh',
    backgroundColor: tokens.colorNeutralBackground3,
  },
  header: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    columnGap: tokens.spacingHorizontalL,
    rowGap: tokens.spacingVerticalXS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalL}`,
    backgroundColor: tokens.colorNeutralBackground1,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  title: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS },
  note: { color: tokens.colorNeutralForeground3, flexBasis: '100%' },
  office: { color: tokens.colorNeutralForeground3, marginLeft: 'auto' },
  main: {
    display: 'grid',
    gridTemplateColumns: 'minmax(0, 1fr) 380px',
    minHeight: 0,
    '@media (max-width: 800px)': { gridTemplateColumns: '1fr', gridTemplateRows: '50vh auto' },
  },
  sheet: { minWidth: 0, minHeight: 0, display: 'flex', flexDirection: 'column' },
  pane: {
    overflowY: 'auto',
    backgroundColor: tokens.colorNeutralBackground1,
    borderLeft: `1px solid ${tokens.colorNeutralStroke2}`,
  },
});

/** Every sheet of the workbook, read again through the port after each write. */
function useSheets(workbook: PreviewWorkbook) {
  const version = useSyncExternalStore(workbook.subscribe, workbook.snapshot);
  const [sheets, setSheets] = useState<SheetData[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    (async () => {
      const { sheetNames } = await workbook.read([]);
      const { sheets } = await workbook.read(sheetNames);
      const order = new Map(sheetNames.map((n, i) => [n, i]));
      if (live) setSheets(sheets.sort((a, b) => order.get(a.name)! - order.get(b.name)!));
    })().catch((e: unknown) => live && setError(String(e)));
    return () => {
      live = false;
    };
  }, [workbook, version]);
  return { sheets, error };
}

export interface PreviewAppProps {
  workbook: PreviewWorkbook;
  session: Session;
  /** The task pane (src/taskpane/App.tsx), given the preview's session. */
  Pane: ComponentType<{ session: Session }>;
  office: Promise<OfficeStatus>;
}

/**
 * The browser preview: the task pane on the right, as in Excel, next to a view of the in-memory
 * workbook. The workbook starts empty; «Nạp khối mẫu» writes the sample bloc, or the pane's own
 * set-up does.
 */
export function PreviewApp({ workbook, session, Pane, office }: PreviewAppProps) {
  const s = useStyles();
  const { sheets, error } = useSheets(workbook);
  const [officeStatus, setOfficeStatus] = useState<OfficeStatus>('pending');
  const [generation, setGeneration] = useState(0);
  const [loading, setLoading] = useState(false);
  const [loadError, setLoadError] = useState<string | null>(null);
  useEffect(() => {
    void office.then(setOfficeStatus);
  }, [office]);
  const hasBloc = sheets?.some((d) => d.name === SHEETS.config) ?? false;

  async function onLoadSample() {
    setLoading(true);
    setLoadError(null);
    try {
      await loadSample(workbook);
      // The pane read the workbook when it mounted: a new one reads the sample.
      setGeneration((g) => g + 1);
    } catch (e) {
      setLoadError(e instanceof Error ? e.message : String(e));
    } finally {
      setLoading(false);
    }
  }

  return (
    <FluentProvider theme={webLightTheme}>
      <div className={s.root} data-office={officeStatus}>
        <header className={s.header}>
          <div className={s.title}>
            <img src="assets/icon-32.png" alt="" width={24} height={24} />
            <Text as="h1" size={500} weight="semibold">
              Thi đua — bản xem thử
            </Text>
          </div>
          <Button
            appearance="primary"
            disabled={hasBloc || loading || sheets === null}
            onClick={() => void onLoadSample()}
          >
            Nạp khối mẫu
          </Button>
          <Text size={200} className={s.office}>
            {OFFICE_TEXT[officeStatus]}
          </Text>
          <Text size={200} className={s.note}>
            Chạy ngoài Excel: sổ tính nằm trong bộ nhớ của trình duyệt và mất khi tải lại trang.
            Trong Excel, cùng ngăn này đọc và ghi sổ tính đang mở.
          </Text>
          {(loadError ?? error) && (
            <MessageBar intent="error" style={{ flexBasis: '100%' }}>
              <MessageBarBody>{loadError ?? error}</MessageBarBody>
            </MessageBar>
          )}
        </header>
        <main className={s.main}>
          <section className={s.sheet} aria-label="Sổ tính">
            <SheetView
              sheets={sheets ?? []}
              active={workbook.activeSheet}
              look={(name) => workbook.look(name)}
              onSelect={(name) => workbook.show(name)}
            />
          </section>
          <aside className={s.pane} aria-label="Ngăn Thi đua">
            <Pane key={generation} session={session} />
          </aside>
        </main>
      </div>
    </FluentProvider>
  );
}
