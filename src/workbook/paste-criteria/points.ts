import type { Caps } from '../../core/template/types';
import { parseDecimal } from '../../core/text/vietnamese';
import type { InputProblem } from '../problems';
import { type CellPlace, type RowCells, POINT_COLUMNS } from './header';
import { NUMBER, num } from './sentences';
import { PASTE_SOURCE } from './types';

/** A Thưởng/Trừ cell holding a maximum rather than a rate: "tối đa 2", "không quá 1,5 điểm". */
const CELL_CAP = new RegExp(
  String.raw`^(?:tối\s+đa|không\s+(?:vượt\s+)?quá)\s*${NUMBER}(?:\s*(?:điểm|đ))?$`,
  'iu',
);

export interface Points {
  /** A cell could not be read (already reported). */
  failed?: boolean;
  base?: number;
  bonus?: number;
  penalty?: number;
  caps: Caps;
}

export const hasPoints = (points: Points): boolean =>
  points.base !== undefined || points.bonus !== undefined || points.penalty !== undefined;

/** The numbers of the Điểm chuẩn, Thưởng and Trừ cells ("4", "0,5", "-1", "4 điểm", "tối đa 2"). */
export function readPoints(
  line: number,
  cell: RowCells,
  where: CellPlace,
  problems: InputProblem[],
): Points {
  const out: Points = { caps: {} };
  for (const column of POINT_COLUMNS) {
    const raw = cell(column);
    if (!raw) continue;
    const capMatch = CELL_CAP.exec(raw);
    if (capMatch && column !== 'base') {
      out.caps[column === 'bonus' ? 'bonus' : 'penalty'] = num(capMatch[1]!);
      continue;
    }
    const cleaned = raw
      .replace(/\s*(?:điểm|đ)\s*$/iu, '')
      .replace(/^(?:tối\s+đa|không\s+quá)\s*/iu, '')
      .trim();
    const p = parseDecimal(cleaned);
    if (!p.ok) {
      problems.push({
        source: PASTE_SOURCE,
        location: where(line, column),
        message: `"${raw}" không phải là số điểm (ví dụ hợp lệ: 0,5).`,
      });
      out.failed = true;
      continue;
    }
    // A penalty is often written "-1"; a base or bonus below zero is a mistake.
    if (p.value < 0 && column !== 'penalty') {
      problems.push({
        source: PASTE_SOURCE,
        location: where(line, column),
        message: `điểm không được âm (${raw}).`,
      });
      out.failed = true;
      continue;
    }
    const value = Math.abs(p.value);
    if (column === 'base') out.base = value;
    else if (value > 0) out[column as 'bonus' | 'penalty'] = value;
  }
  return out;
}
