import { shareUnits, SCALE } from '../decimal';
import { formatPercent } from '../text/vietnamese';
import type { RankedUnit } from '../ranking/rank';

export type AwardKind = 'flag' | 'certificate';

export interface AwardLevel {
  kind: AwardKind;
  label: string;
  /** How many units of the bloc may be proposed. */
  count: number;
  /** Classes a unit must hold to be proposed. */
  classes: string[];
}

export interface ProposalSettings {
  /** In order of precedence: the flag first, then certificates of merit. */
  levels: AwardLevel[];
  /** Share of approving votes a unit needs (e.g. 0.8), when the bloc requires a vote. */
  requiredVoteShare?: number;
}

export const DEFAULT_PROPOSALS: ProposalSettings = {
  levels: [
    { kind: 'flag', label: 'Cờ thi đua của UBND tỉnh', count: 1, classes: ['Xuất sắc'] },
    {
      kind: 'certificate',
      label: 'Bằng khen của Chủ tịch UBND tỉnh',
      count: 2,
      classes: ['Xuất sắc', 'Tốt'],
    },
  ],
};

export interface Proposal {
  unitCode: string;
  /** The award proposed, or undefined. */
  award?: AwardKind;
  label?: string;
  /** True when the unit is tied at the cut-off and the bloc must decide (vote). */
  pending: boolean;
  note?: string;
}

/**
 * Proposes awards down the ranking. Units tied at the last slot of a level are all marked pending
 * with a note, since the rules give no way to choose between them; the bloc decides by vote.
 */
export function proposeAwards(
  ranked: readonly RankedUnit[],
  classOf: (unitCode: string) => string,
  settings: ProposalSettings = DEFAULT_PROPOSALS,
): Proposal[] {
  const result = new Map<string, Proposal>();
  const notes = new Map<string, string[]>();
  const addNote = (code: string, note: string) =>
    notes.set(code, [...(notes.get(code) ?? []), note]);
  const required = settings.requiredVoteShare;
  let carried = 0;
  for (const level of settings.levels) {
    let slots = Math.max(0, level.count - carried);
    carried = 0;
    const candidates = ranked.filter((u) => {
      if (u.rank === null || result.has(u.unitCode)) return false;
      const cls = classOf(u.unitCode);
      if (!level.classes.includes(cls)) return false;
      if (required !== undefined) {
        if (u.vote === undefined) {
          addNote(
            u.unitCode,
            `chưa có kết quả biểu quyết (cần ≥ ${formatPercent(required)}) nên chưa đề nghị ${level.label}`,
          );
          return false;
        }
        if (Math.round(u.vote * SCALE) < shareUnits(required)) {
          addNote(
            u.unitCode,
            `tỷ lệ biểu quyết ${formatPercent(u.vote)} dưới mức ${formatPercent(required)} nên không đề nghị ${level.label}`,
          );
          return false;
        }
      }
      return true;
    });
    const byRank = new Map<number, RankedUnit[]>();
    for (const u of candidates) byRank.set(u.rank!, [...(byRank.get(u.rank!) ?? []), u]);
    for (const [, group] of [...byRank].sort((a, b) => a[0] - b[0])) {
      if (slots === 0) break;
      const fits = group.length <= slots;
      for (const u of group)
        result.set(u.unitCode, {
          unitCode: u.unitCode,
          award: fits ? level.kind : undefined,
          label: level.label,
          pending: !fits,
        });
      if (!fits) {
        const names = group.map((u) => u.name).join(', ');
        for (const u of group)
          addNote(
            u.unitCode,
            `${names} đồng hạng ${group[0]!.rank} tranh ${slots} suất ${level.label}: khối cần biểu quyết`,
          );
        carried = group.length - slots;
        slots = 0;
      } else slots -= group.length;
    }
  }
  return ranked.map((u) => {
    const p = result.get(u.unitCode) ?? { unitCode: u.unitCode, pending: false };
    const n = notes.get(u.unitCode);
    return n ? { ...p, note: n.join('; ') } : p;
  });
}
