import { useCallback, useEffect, useState } from 'react';
import { describeError, type Session, type WorkbookState } from '../../app';
import type { Notice, TabProps } from './types';

/** undefined while the first read runs; null when the workbook has no thidua configuration. */
export type Loaded = WorkbookState | null | undefined;

/**
 * The pane's state: the workbook as last read, the message shown, the actions running. Gives every
 * tab the same contract (TabProps: reload, notify, busy); an action's error becomes the notice.
 */
export function usePaneState(session: Session) {
  const [state, setState] = useState<Loaded>(undefined);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [busyLabels, setBusyLabels] = useState<string[]>([]);
  // The last read of the workbook failed (its error is in the notice): not the same as "no configuration".
  const [readFailed, setReadFailed] = useState(false);

  const notify = useCallback((n: Notice) => setNotice(n), []);
  const dismiss = useCallback(() => setNotice(null), []);

  /** Reads the workbook; errors propagate (busy reports them). */
  const reload = useCallback(async () => {
    const next = await session.load();
    setState(next);
  }, [session]);

  const busy = useCallback(
    async <T>(label: string, action: () => Promise<T>): Promise<T | undefined> => {
      setBusyLabels((l) => [...l, label]);
      try {
        return await action();
      } catch (e) {
        setNotice(describeError(e));
        return undefined;
      } finally {
        setBusyLabels((l) => {
          const i = l.indexOf(label);
          return i < 0 ? l : [...l.slice(0, i), ...l.slice(i + 1)];
        });
      }
    },
    [],
  ) as TabProps['busy'];

  const readWorkbook = useCallback(async () => {
    const ok = await busy('Đang đọc sổ tính…', async () => {
      await reload();
      return true;
    });
    setReadFailed(!ok);
    // A workbook that cannot be read still shows the error and lets the user retry.
    if (!ok) setState((s) => (s === undefined ? null : s));
  }, [busy, reload]);

  useEffect(() => {
    void readWorkbook();
  }, [readWorkbook]);

  /** What is running now, the latest first; undefined when nothing is. */
  const running = busyLabels[busyLabels.length - 1];
  return { state, notice, dismiss, running, readFailed, readWorkbook, reload, notify, busy };
}
