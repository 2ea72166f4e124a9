/**
 * What a criterion's form item shows that never changes while the user types: its label, the rule
 * and the points it is worth, its alternatives. Built once per compiled template.
 */
import {
  fromUnits,
  type CompiledTemplate,
  type Caps,
  type Criterion,
  formatDecimal,
} from '../../core';
import { unitLayout, type UnitRow } from '../../workbook';
import { alternativeWorth, requiredRows, shortText } from './model';
import type { AlternativeOption } from './ValueControl';

export interface ItemInfo {
  row: UnitRow;
  criterion: Criterion;
  /** "<code> <short text>": the Field's label. */
  label: string;
  /** Base, rate, caps, the rule of the input and the full text when the label shortens it. */
  hint: string;
  /** Radios of a choose-one item ('code'). */
  alternatives?: AlternativeOption[];
  /** The bands of a banded choice, listed under its field (the value picks one). */
  bands?: AlternativeOption[];
  /** The measure a banded choice reads: "Theo số liệu mục 2.3.1.1". */
  source?: string;
  /** The submission needs this field filled. */
  required: boolean;
}

/** "cộng ≤ 1; trừ ≤ 2; tổng ≤ 7", or '' without caps. */
export function capsText(caps: Caps | undefined): string {
  if (!caps) return '';
  const parts: string[] = [];
  if (caps.bonus !== undefined) parts.push(`cộng ≤ ${formatDecimal(caps.bonus)}`);
  if (caps.penalty !== undefined) parts.push(`trừ ≤ ${formatDecimal(caps.penalty)}`);
  if (caps.net !== undefined) parts.push(`tổng ≤ ${formatDecimal(caps.net)}`);
  return parts.join('; ');
}

function describe(t: CompiledTemplate, row: UnitRow): string {
  const c = t.criteria[row.index]!;
  const bits: string[] = [];
  const max = fromUnits(t.maxBase[row.index]!);
  if (c.kind === 'base') bits.push(`Điểm chuẩn ${formatDecimal(max)}`);
  else if (c.kind === 'choice' && max > 0) bits.push(`Tối đa ${formatDecimal(max)} điểm`);
  if ((c.kind === 'bonus' || c.kind === 'penalty') && c.rate !== undefined)
    bits.push(
      `${c.kind === 'bonus' ? 'Cộng' : 'Trừ'} ${formatDecimal(c.rate)} điểm mỗi trường hợp`,
    );
  const caps = capsText(c.caps);
  if (caps) bits.push(`Trần: ${caps}`);
  if (row.rule) bits.push(row.rule.charAt(0).toUpperCase() + row.rule.slice(1));
  return bits.join(' · ');
}

const cache = new WeakMap<CompiledTemplate, Map<string, ItemInfo>>();

/** Per criterion code, the static part of its form item. */
export function itemInfos(t: CompiledTemplate): Map<string, ItemInfo> {
  const cached = cache.get(t);
  if (cached) return cached;
  const layout = unitLayout(t);
  const required = requiredRows(t, layout);
  const out = new Map<string, ItemInfo>();
  for (const row of layout.rows) {
    const c = t.criteria[row.index]!;
    const short = shortText(c.text);
    const hint = [describe(t, row), short !== c.text ? c.text : '', c.note ?? '']
      .filter((x) => x !== '')
      .join('. ');
    const kids = t.children[row.index]!;
    const option = (k: number): AlternativeOption => ({
      code: t.criteria[k]!.code,
      label: `${t.criteria[k]!.code} ${t.criteria[k]!.text} — ${alternativeWorth(t, k)}`,
    });
    const banded = c.kind === 'choice' && kids.some((k) => t.criteria[k]!.band !== undefined);
    const info: ItemInfo = {
      row,
      criterion: c,
      label: `${c.code} ${short}`,
      hint,
      required: required.has(row.code),
    };
    if (row.input === 'code') info.alternatives = kids.map(option);
    if (banded) info.bands = kids.map(option);
    if (banded && t.input[row.index]! >= 0)
      info.source = `Theo số liệu mục ${t.criteria[t.input[row.index]!]!.code}`;
    out.set(row.code, info);
  }
  cache.set(t, out);
  return out;
}
