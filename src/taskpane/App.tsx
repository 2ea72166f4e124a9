import {
  Button,
  Caption1,
  FluentProvider,
  MessageBar,
  MessageBarBody,
  ProgressBar,
  Spinner,
  Subtitle1,
  Tab,
  TabList,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import {
  ArrowDownloadRegular,
  ArrowSyncRegular,
  ClipboardTaskListLtrRegular,
  DataPieRegular,
  SettingsRegular,
  ShieldCheckmarkRegular,
  TrophyRegular,
} from '@fluentui/react-icons';
import { useEffect, useMemo, useRef, useState, type ReactElement } from 'react';
import type { Session } from '../app';
import { ROUND_LABELS } from '../core';
import { NoticeBar } from './shared/NoticeBar';
import { ExportTab } from './tabs/ExportTab';
import { QuotaTab } from './tabs/QuotaTab';
import { RankTab } from './tabs/RankTab';
import { ScoringTab } from './tabs/ScoringTab';
import { SetupTab } from './tabs/SetupTab';
import { VerifyTab } from './tabs/VerifyTab';
import { officeTheme } from './shared/theme';
import type { TabProps } from './shared/types';
import { usePaneState } from './shared/usePaneState';

type TabId = 'setup' | 'scoring' | 'verify' | 'rank' | 'quota' | 'export';

const TABS: readonly { id: TabId; label: string; icon: ReactElement }[] = [
  { id: 'setup', label: 'Thiết lập khối', icon: <SettingsRegular /> },
  { id: 'scoring', label: 'Chấm điểm', icon: <ClipboardTaskListLtrRegular /> },
  { id: 'verify', label: 'Thẩm định', icon: <ShieldCheckmarkRegular /> },
  { id: 'rank', label: 'Xếp hạng', icon: <TrophyRegular /> },
  { id: 'quota', label: 'Tỷ lệ khen thưởng', icon: <DataPieRegular /> },
  { id: 'export', label: 'Xuất báo cáo', icon: <ArrowDownloadRegular /> },
];

export const NOT_CONFIGURED = 'Sổ tính chưa có cấu hình thi đua: hãy Thiết lập khối trước.';
/** Over the host's limits (an older Excel), shown once when the pane opens. */
export const LIMITS_TITLE =
  'Trên Excel này, add-in bỏ qua một số phần của sổ tính (số liệu và công thức vẫn được ghi đầy đủ):';

const useStyles = makeStyles({
  root: {
    minHeight: '100vh',
    boxSizing: 'border-box',
    padding: '8px 12px 16px',
    display: 'flex',
    flexDirection: 'column',
    gap: '8px',
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
  },
  header: { display: 'flex', alignItems: 'flex-start', gap: '4px' },
  title: { flexGrow: 1, display: 'flex', flexDirection: 'column' },
  // Six tabs do not fit on one line at 350 px: let them wrap onto a second line.
  tabs: { flexWrap: 'wrap', rowGap: '2px' },
  busy: { display: 'flex', flexDirection: 'column', gap: '2px' },
  failed: { display: 'flex', flexDirection: 'column', gap: '8px' },
});

/**
 * The task pane: header, tabs, the message bar and the progress indicator, over the pane's state
 * (usePaneState), which gives every tab the same contract (TabProps).
 */
export function App({ session }: { session: Session }) {
  const styles = useStyles();
  const theme = useMemo(officeTheme, []);
  const { state, notice, dismiss, running, readFailed, readWorkbook, reload, notify, busy } =
    usePaneState(session);
  const [tab, setTab] = useState<TabId>('setup');
  const firstLoad = useRef(true);
  // What an older Excel leaves out: said once, as information, until dismissed.
  const [limits, setLimits] = useState(() => session.host.limits ?? []);

  // On the first read of a configured workbook, open the tab people use most.
  useEffect(() => {
    if (state === undefined || !firstLoad.current) return;
    firstLoad.current = false;
    if (state) setTab('scoring');
  }, [state]);

  const configured = Boolean(state);
  const current: TabId = configured ? tab : 'setup';
  const common = { session, reload, notify, busy };

  const panel = () => {
    if (state === undefined) return <Spinner size="small" label="Đang đọc sổ tính…" />;
    if (!state && readFailed)
      return (
        <div className={styles.failed}>
          <Text>
            Chưa đọc được sổ tính. Hãy sửa các chỗ nêu trong thông báo (trang tính, ô) rồi đọc lại.
          </Text>
          <div>
            <Button icon={<ArrowSyncRegular />} onClick={() => void readWorkbook()}>
              Đọc lại sổ tính
            </Button>
          </div>
        </div>
      );
    if (current === 'setup') return <SetupTab {...common} state={state} />;
    if (!state) return null;
    const props: TabProps = { ...common, state };
    switch (current) {
      case 'scoring':
        return <ScoringTab {...props} />;
      case 'verify':
        return <VerifyTab {...props} />;
      case 'rank':
        return <RankTab {...props} />;
      case 'quota':
        return <QuotaTab {...props} />;
      case 'export':
        return <ExportTab {...props} />;
    }
  };

  return (
    <FluentProvider theme={theme}>
      <div className={styles.root}>
        <header className={styles.header}>
          <div className={styles.title}>
            <Subtitle1 as="h1">{state ? state.bloc.name : 'Thi đua khối'}</Subtitle1>
            {state && (
              <Caption1>
                Năm {state.bloc.year} · {ROUND_LABELS[state.bloc.round]} · {state.bloc.units.length}{' '}
                đơn vị
              </Caption1>
            )}
          </div>
          <Button
            appearance="subtle"
            icon={<ArrowSyncRegular />}
            aria-label="Đọc lại sổ tính"
            title="Đọc lại sổ tính"
            disabled={running !== undefined}
            onClick={() => void readWorkbook()}
          />
        </header>

        <TabList
          className={styles.tabs}
          size="small"
          selectedValue={current}
          onTabSelect={(_, d) => setTab(d.value as TabId)}
          aria-label="Các bước"
        >
          {TABS.map((t) => (
            <Tab
              key={t.id}
              id={`tab-${t.id}`}
              value={t.id}
              icon={t.icon}
              disabled={t.id !== 'setup' && !configured}
              title={t.id !== 'setup' && !configured ? NOT_CONFIGURED : undefined}
            >
              {t.label}
            </Tab>
          ))}
        </TabList>

        {limits.length > 0 && (
          <NoticeBar
            notice={{ intent: 'info', title: LIMITS_TITLE, lines: [...limits] }}
            onDismiss={() => setLimits([])}
          />
        )}

        {state === null && !readFailed && (
          <MessageBar intent="info" layout="multiline">
            <MessageBarBody>{NOT_CONFIGURED}</MessageBarBody>
          </MessageBar>
        )}

        {running !== undefined && (
          <div className={styles.busy} role="status" aria-live="polite">
            <ProgressBar thickness="large" aria-label={running} />
            <Text size={200}>{running}</Text>
          </div>
        )}

        {notice && <NoticeBar notice={notice} onDismiss={dismiss} />}

        <main role="tabpanel" aria-labelledby={`tab-${current}`}>
          {panel()}
        </main>
      </div>
    </FluentProvider>
  );
}
