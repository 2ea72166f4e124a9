/**
 * The bloc ranking as a plain table, shared by the CSV export, the XLSX export, the DOCX report
 * and the task pane, so that every output shows the same columns, labels and notes. Pure.
 */
import type { BlocResult, UnitResult } from '../bloc';
import type { Template } from '../template/types';

export type RankingCell = string | number | null;

export interface RankingTable {
  header: string[];
  rows: RankingCell[][];
}

/** Shown in the rank column of a knocked-out unit (and, by the classification, in Xếp loại). */
export const NOT_RANKED = 'Không xếp loại';

/** Suffix of a proposal the bloc still has to vote on. */
export const PENDING_SUFFIX = ' (chờ biểu quyết)';

export const RANKING_HEADER: readonly string[] = [
  'Hạng',
  'Mã đơn vị',
  'Đơn vị',
  'Tự chấm',
  'Khối chấm',
  'Điểm chuẩn',
  'Điểm thưởng',
  'Điểm trừ',
  'Xếp loại',
  'Đề nghị khen thưởng',
  'Ghi chú',
];

/** Column indexes of RANKING_HEADER, for consumers that pick columns. */
export const COL = {
  rank: 0,
  code: 1,
  name: 2,
  self: 3,
  verified: 4,
  base: 5,
  bonus: 6,
  penalty: 7,
  classification: 8,
  proposal: 9,
  note: 10,
} as const;

export interface RankingRowsOptions {
  /** The bloc's template: lets the note of a knocked-out unit quote the knock-out criteria. */
  template?: Template;
}

/** "Đề nghị khen thưởng" of a unit: the award's label, "<label> (chờ biểu quyết)", or null. */
export function proposalLabel(u: UnitResult): string | null {
  const { award, pending, label } = u.proposal;
  if (label === undefined) return null;
  if (award) return label;
  return pending ? `${label}${PENDING_SUFFIX}` : null;
}

/** Why a unit is not classified: the knock-out criteria that hold, by code and (if known) text. */
export function knockoutReasons(u: UnitResult, template?: Template): string[] {
  return u.score.knockouts.map((code) => {
    const text = template?.criteria.find((c) => c.code === code)?.text;
    return text ? `${text.normalize('NFC')} (mục ${code})` : `mục ${code}`;
  });
}

/** A sentence: trimmed, first letter upper case, ending with a full stop. */
function sentence(s: string): string {
  const t = s.normalize('NFC').trim();
  if (t === '') return t;
  const capital = t.charAt(0).toLocaleUpperCase('vi') + t.slice(1);
  return /[.!?…]$/.test(capital) ? capital : `${capital}.`;
}

/** "Ghi chú": why the unit is not ranked, how its tie was resolved, what its proposal awaits. */
export function rankingNote(u: UnitResult, template?: Template): string | null {
  const parts: string[] = [];
  if (u.ranked.rank === null && u.score.knockouts.length > 0)
    parts.push(`Không xếp loại: ${knockoutReasons(u, template).join('; ')}`);
  if (u.ranked.tieNote) parts.push(u.ranked.tieNote);
  if (u.proposal.note) parts.push(u.proposal.note);
  const text = parts.map(sentence).filter((p) => p !== '');
  return text.length ? text.join(' ') : null;
}

/**
 * The ranking in listing order (ranked units by rank, then the units not classified), one row per
 * unit. Points are numbers (rounded by nobody: the consumer formats them); empty cells are null.
 */
export function rankingRows(result: BlocResult, options: RankingRowsOptions = {}): RankingTable {
  const rows = result.units.map((u): RankingCell[] => [
    u.ranked.rank ?? NOT_RANKED,
    u.unit.code,
    u.unit.name.normalize('NFC'),
    u.score.self.total,
    u.score.verified.total,
    u.score.verified.earnedBase,
    u.score.verified.bonus,
    u.score.verified.penalty,
    u.classification.normalize('NFC'),
    proposalLabel(u),
    rankingNote(u, options.template),
  ]);
  return { header: [...RANKING_HEADER], rows };
}
