import { useState } from 'react';
import type { TabProps } from './types';

/**
 * Runs a write to the workbook with its progress label, then reads the workbook again so every tab
 * shows what was written. Undefined when it failed (the error is already shown); else the action's
 * result, boxed so that an action returning nothing still reads as done.
 */
export async function writeThenReload<T>(
  { busy, reload }: Pick<TabProps, 'busy' | 'reload'>,
  label: string,
  action: () => Promise<T>,
): Promise<{ value: T } | undefined> {
  return busy(label, async () => {
    const value = await action();
    await reload();
    return { value };
  });
}

/**
 * writeThenReload for a form, with `writing` true while it runs (the form's button is disabled
 * meanwhile, so a second click does not write twice).
 */
export function useWorkbookWrite(props: Pick<TabProps, 'busy' | 'reload'>) {
  const [writing, setWriting] = useState(false);
  const write = async <T>(label: string, action: () => Promise<T>) => {
    setWriting(true);
    try {
      return await writeThenReload(props, label, action);
    } finally {
      setWriting(false);
    }
  };
  return { writing, write };
}
