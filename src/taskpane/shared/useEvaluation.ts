import { useMemo } from 'react';
import { evaluateState, type RankOutcome, type WorkbookState, describeError } from '../../app';
import type { Notice } from './types';

/** The bloc scored, ranked and checked from the state as read (pure, no write), or the error. */
export function useEvaluation(state: WorkbookState): { outcome?: RankOutcome; error?: Notice } {
  return useMemo(() => {
    try {
      return { outcome: evaluateState(state) };
    } catch (e) {
      return { error: describeError(e) };
    }
  }, [state]);
}
