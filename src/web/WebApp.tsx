import {
  Badge,
  FluentProvider,
  Spinner,
  Text,
  Toolbar,
  ToolbarButton,
  ToolbarDivider,
  makeStyles,
  tokens,
  webLightTheme,
} from '@fluentui/react-components';
import {
  DocumentAddRegular,
  FolderOpenRegular,
  MergeRegular,
  SaveEditRegular,
  SaveRegular,
  SparkleRegular,
  TrophyRegular,
} from '@fluentui/react-icons';
import {
  useEffect,
  useRef,
  useState,
  useSyncExternalStore,
  type ComponentType,
  type DragEvent,
} from 'react';
import { describeError, type Session } from '../app';
import {
  canSaveInPlace,
  dropWorkingCopy,
  pickWorkbookWithHandle,
  readPickedFile,
  XLSX_ACCEPT,
  type PickedWorkbook,
  type WorkingCopy,
} from '../io/browser';
import { NoticeBar, type Notice } from '../taskpane/pane';
import type { SheetData } from '../workbook';
import { RestoreOffer } from './RestoreOffer';
import { frontSheet, SheetView } from './SheetView';
import type { WebWorkbook } from './web-workbook';
import type { WorkbookFile } from './workbook-file';

/** The build's version, written in by webpack; "bản phát triển" in a development run. */
export const VERSION = `phiên bản ${process.env.THIDUA_VERSION ?? 'phát triển'}`;

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
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalXS,
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalL}`,
    backgroundColor: tokens.colorNeutralBackground1,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  title: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS },
  file: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS, minWidth: 0 },
  fileName: { overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' },
  version: { color: tokens.colorNeutralForeground3 },
  messages: { flexBasis: '100%', display: 'flex', flexDirection: 'column', gap: '4px' },
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
  dropping: { outline: `3px dashed ${tokens.colorBrandStroke1}`, outlineOffset: '-6px' },
});

/** The sheet names and the sheet in front, read again through the port after each write. */
function useSheets(workbook: WebWorkbook) {
  const version = useSyncExternalStore(workbook.subscribe, workbook.snapshot);
  const [sheets, setSheets] = useState<{ names: string[]; shown?: SheetData } | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    (async () => {
      const { sheetNames } = await workbook.read([]);
      const front = frontSheet(sheetNames, workbook.activeSheet, (n) => workbook.look(n));
      const { sheets } = await workbook.read(front ? [front] : []);
      if (live) setSheets({ names: sheetNames, ...(sheets[0] ? { shown: sheets[0] } : {}) });
    })().catch((e: unknown) => live && setError(String(e)));
    return () => {
      live = false;
    };
  }, [workbook, version]);
  return { sheets, error };
}

/** Asks before the page is left with changes its file does not have. */
function useLeaveGuard(dirty: boolean) {
  useEffect(() => {
    if (!dirty) return;
    const ask = (e: BeforeUnloadEvent) => {
      e.preventDefault();
      // Older browsers show the dialog only when returnValue is set.
      e.returnValue = '';
    };
    window.addEventListener('beforeunload', ask);
    return () => window.removeEventListener('beforeunload', ask);
  }, [dirty]);
}

export interface WebAppProps {
  file: WorkbookFile;
  session: Session;
  /** The task pane (src/taskpane/App.tsx), given the web app's session. */
  Pane: ComponentType<{ session: Session }>;
  /** The working copy an earlier visit left, offered for restoring. */
  leftOver?: Promise<WorkingCopy | undefined>;
}

const isXlsxName = (name: string) => /\.xlsx$/i.test(name);

/**
 * The web app: the task pane on the right, as in Excel, next to a view of the open workbook, under
 * a bar to open, save and merge workbook files. The workbook is the user's own .xlsx, kept in the
 * page's memory; the browser keeps a working copy after every change.
 */
export function WebApp({ file, session, Pane, leftOver }: WebAppProps) {
  const s = useStyles();
  const workbook = file.workbook;
  const { sheets, error } = useSheets(workbook);
  const state = useSyncExternalStore(file.subscribe, file.snapshot);
  const [paneKey, setPaneKey] = useState(0);
  const [running, setRunning] = useState<string | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [offer, setOffer] = useState<WorkingCopy | null>(null);
  const [dropping, setDropping] = useState(false);
  const openInput = useRef<HTMLInputElement>(null);
  const copiesInput = useRef<HTMLInputElement>(null);
  useLeaveGuard(state.dirty);

  useEffect(() => {
    let live = true;
    void leftOver?.then((copy) => live && copy && setOffer(copy)).catch(() => undefined);
    return () => {
      live = false;
    };
  }, [leftOver]);

  /** True when nothing unsaved would be lost, or the user agrees to leave it. */
  const mayReplace = () =>
    !file.state.dirty ||
    window.confirm(
      `Sổ tính «${file.state.name}» có thay đổi chưa lưu vào tệp. Bỏ các thay đổi đó để mở sổ tính khác?`,
    );

  /** Runs a step with its progress line; an error becomes the notice. */
  async function run(label: string, step: () => Promise<Notice | null>, remount = true) {
    setRunning(label);
    setNotice(null);
    try {
      // Let the progress line paint before the work takes the main thread.
      await new Promise((r) => setTimeout(r, 0));
      const done = await step();
      if (remount) setPaneKey((k) => k + 1);
      setNotice(done);
    } catch (e) {
      setNotice(describeError(e));
    } finally {
      setRunning(null);
    }
  }

  const openPicked = async (picked: PickedWorkbook) => {
    if (!mayReplace()) return;
    await run(`Đang mở «${picked.name}»…`, async () => {
      await file.open(picked);
      setOffer(null);
      return null;
    });
  };

  async function onOpen() {
    if (!canSaveInPlace()) return openInput.current?.click();
    try {
      const picked = await pickWorkbookWithHandle();
      if (picked) await openPicked(picked);
    } catch (e) {
      setNotice(describeError(e));
    }
  }

  async function onFiles(files: FileList | null, action: 'open' | 'merge') {
    const list = [...(files ?? [])];
    if (!list.length) return;
    const picked = await Promise.all(list.map(readPickedFile));
    if (action === 'open') return openPicked(picked[0]!);
    return run('Đang gộp các bản sao…', async () => {
      const merged = await file.merge(picked);
      return merged.length
        ? { intent: 'success', title: `Đã gộp ${merged.length} trang đơn vị`, lines: merged }
        : { intent: 'info', title: 'Các bản sao không có gì mới để gộp' };
    });
  }

  function onDrop(e: DragEvent) {
    e.preventDefault();
    setDropping(false);
    const dropped = [...e.dataTransfer.files];
    const xlsx = dropped.find((f) => isXlsxName(f.name)) ?? dropped[0];
    if (xlsx) void readPickedFile(xlsx).then(openPicked);
  }

  const save = (as: boolean) =>
    run(
      'Đang lưu sổ tính…',
      async (): Promise<Notice> => {
        const how = as ? await file.saveAs() : await file.save();
        if (how === 'cancelled')
          return { intent: 'info', title: 'Chưa lưu: chưa được phép ghi tệp' };
        const name = file.state.name;
        return how === 'file'
          ? { intent: 'success', title: `Đã lưu vào tệp «${name}»` }
          : {
              intent: 'success',
              title: `Đã tải về «${name}»`,
              lines: [
                'Trình duyệt này không ghi thẳng vào tệp đã mở: tệp vừa tải về (thư mục Tải xuống) là bản mới nhất, hãy dùng tệp đó từ nay.',
              ],
            };
      },
      false,
    );

  const busy = running !== null;
  return (
    <FluentProvider theme={webLightTheme}>
      <div
        className={`${s.root} ${dropping ? s.dropping : ''}`}
        onDragOver={(e) => {
          e.preventDefault();
          setDropping(true);
        }}
        onDragLeave={() => setDropping(false)}
        onDrop={onDrop}
      >
        <header className={s.header}>
          <div className={s.title}>
            <TrophyRegular fontSize={24} color={tokens.colorBrandForeground1} aria-hidden />
            <Text as="h1" size={500} weight="semibold">
              Thi đua
            </Text>
            <Text size={200} className={s.version}>
              {VERSION}
            </Text>
          </div>
          <div className={s.file} data-testid="file-state">
            <Text className={s.fileName} title={state.name}>
              {state.name}
            </Text>
            {state.dirty ? (
              <Badge appearance="tint" color="warning">
                Chưa lưu
              </Badge>
            ) : (
              state.inFile && (
                <Badge appearance="tint" color="success">
                  Đã lưu
                </Badge>
              )
            )}
          </div>
          <Toolbar aria-label="Sổ tính" size="small">
            <ToolbarButton
              icon={<FolderOpenRegular />}
              disabled={busy}
              onClick={() => void onOpen()}
            >
              Mở sổ tính…
            </ToolbarButton>
            <ToolbarButton
              icon={<DocumentAddRegular />}
              disabled={busy}
              onClick={() =>
                mayReplace() &&
                void run('Đang tạo sổ tính mới…', async () => {
                  file.startNew();
                  return null;
                })
              }
            >
              Khối mới
            </ToolbarButton>
            <ToolbarButton
              icon={<SparkleRegular />}
              disabled={busy}
              onClick={() =>
                mayReplace() &&
                void run('Đang nạp khối mẫu…', async () => {
                  await file.openSample();
                  return null;
                })
              }
            >
              Nạp khối mẫu
            </ToolbarButton>
            <ToolbarDivider />
            <ToolbarButton
              icon={<SaveRegular />}
              appearance={state.dirty ? 'primary' : undefined}
              disabled={busy}
              onClick={() => void save(false)}
            >
              Lưu
            </ToolbarButton>
            <ToolbarButton
              icon={<SaveEditRegular />}
              disabled={busy}
              onClick={() => void save(true)}
            >
              Lưu thành…
            </ToolbarButton>
            <ToolbarDivider />
            <ToolbarButton
              icon={<MergeRegular />}
              disabled={busy}
              onClick={() => copiesInput.current?.click()}
            >
              Gộp bản sao…
            </ToolbarButton>
          </Toolbar>
          <input
            ref={openInput}
            type="file"
            accept={XLSX_ACCEPT}
            hidden
            aria-label="Chọn sổ tính để mở"
            onChange={(e) => {
              void onFiles(e.target.files, 'open');
              e.target.value = '';
            }}
          />
          <input
            ref={copiesInput}
            type="file"
            accept={XLSX_ACCEPT}
            multiple
            hidden
            aria-label="Chọn các bản sao của đơn vị để gộp"
            onChange={(e) => {
              void onFiles(e.target.files, 'merge');
              e.target.value = '';
            }}
          />
          <div className={s.messages}>
            {offer && (
              <RestoreOffer
                copy={offer}
                onRestore={() =>
                  mayReplace() &&
                  void run('Đang khôi phục bản đang làm dở…', async () => {
                    await file.restore(offer);
                    setOffer(null);
                    return null;
                  })
                }
                onDiscard={() => {
                  setOffer(null);
                  void dropWorkingCopy();
                }}
              />
            )}
            {running && <Spinner size="tiny" labelPosition="after" label={running} />}
            {notice && <NoticeBar notice={notice} onDismiss={() => setNotice(null)} />}
            {state.keepFailed && (
              <NoticeBar
                notice={{
                  intent: 'warning',
                  title: 'Trình duyệt không giữ được bản đang làm (chế độ ẩn danh hoặc hết chỗ)',
                  lines: ['Hãy bấm «Lưu» thường xuyên để không mất việc.'],
                }}
              />
            )}
            {error && (
              <NoticeBar
                notice={{ intent: 'error', title: 'Không đọc được sổ tính', lines: [error] }}
              />
            )}
          </div>
        </header>
        <main className={s.main}>
          <section className={s.sheet} aria-label="Sổ tính">
            <SheetView
              names={sheets?.names ?? []}
              shown={sheets?.shown}
              look={(name) => workbook.look(name)}
              onSelect={(name) => workbook.show(name)}
            />
          </section>
          <aside className={s.pane} aria-label="Ngăn Thi đua">
            <Pane key={paneKey} session={session} />
          </aside>
        </main>
      </div>
    </FluentProvider>
  );
}
