import type { Caps, CriterionKind } from '../../core/template/types';
import { formatDecimal, normalizeCode } from '../../core/text/vietnamese';
import type { InputProblem } from '../problems';
import {
  BONUS_RATE,
  PENALTY_RATE,
  SIDE_LABEL,
  type Side,
  capsIn,
  mentions,
  ratesIn,
  sentences,
  short,
} from './sentences';
import {
  alternativeRows,
  arePartsOf,
  isTierList,
  readTierRows,
  withoutClausesOf,
} from './choice-rows';
import { alternativesIn, clausesOf } from './choices';
import type { Node } from './tree';
import { derivedRow, PASTE_SOURCE, type PastedRow, type PasteWarning } from './types';

// Kinds, rule rows and caps: the tree of rows with an STT becomes the rows of the template.

const pts = (n: number) => formatDecimal(n);

const KNOCKOUT = /không\s+xếp\s+loại/iu;

const RULE = new Set<CriterionKind>(['bonus', 'penalty', 'knockout']);

type RuleSide = 'bonus' | 'penalty';

const RULE_SIDES: readonly RuleSide[] = ['bonus', 'penalty'];

/** A rate per case, with where it was read. */
interface Rate {
  rate: number;
  /** The sentence it was read from; '' for a Thưởng/Trừ cell. */
  sentence: string;
}

type Rates = Partial<Record<RuleSide, Rate>>;

/**
 * The rows of the template, each followed by the rule rows made from it, in paste order. Rows
 * are read children first, so that a parent knows its children's kinds. `year` (of the sheet's
 * title) completes dates written without one.
 */
export function buildRows(
  nodes: readonly Node[],
  byWritten: ReadonlyMap<string, Node[]>,
  year: number | undefined,
  problems: InputProblem[],
  warnings: PasteWarning[],
): PastedRow[] {
  const rows = new Map<Node, PastedRow>();
  const derived = new Map<Node, PastedRow[]>();
  const caps = new CapBook(warnings);

  for (const node of childrenFirst(nodes)) {
    const all = sentences(allTextOf(node));
    const stated = node.children.length ? [] : alternativesIn(clausesOf(all), year);
    const alternatives = arePartsOf(node, stated) ? [] : stated;
    const said = withoutClausesOf(all, stated);
    const rates = readRates(node, said, warnings);
    const childRows = node.children.map((c) => rows.get(c)!);
    const tierRows = isTierList(node, childRows);
    const { kind, ruleRows } =
      alternatives.length || tierRows
        ? { kind: 'choice' as const, ruleRows: false }
        : kindOf(node, rates, childRows, problems);
    if (tierRows)
      readTierRows(node, childRows, year).forEach((r, i) => rows.set(node.children[i]!, r));
    const extra = ruleRows
      ? [
          ...RULE_SIDES.flatMap((side) => {
            const rate = rates[side];
            return rate ? [ruleRow(node, side, rate)] : [];
          }),
          ...(node.children.length ? [] : knockoutRows(node, said)),
        ]
      : alternatives.length
        ? alternativeRows(node, alternatives)
        : [];
    if (kind === 'choice') noteUnusedRates(node, rates);
    const row = rowOf(node, kind, rates);
    rows.set(node, row);
    derived.set(node, extra);

    for (const [side, value] of Object.entries(node.cellCaps) as [Side, number][])
      caps.add(node, side, value, `ô ${side === 'bonus' ? 'Thưởng' : 'Trừ'}`);
    addCapsSaid(node, said, row, [...childRows, ...extra], byWritten, caps, warnings);
  }

  const out = nodes.flatMap((n) => {
    const nodeCaps = caps.of(n);
    const row = rows.get(n)!;
    return [nodeCaps ? { ...row, caps: nodeCaps } : row, ...derived.get(n)!];
  });
  for (const row of out)
    for (const guess of row.unsure ?? [])
      warnings.push({
        kind: 'paste-guess',
        severity: 'warning',
        code: row.code,
        message: `Mục ${row.code}: ${guess}; hãy kiểm tra lại.`,
      });
  return out;
}

/** A per-case rate in the text of a choice has no row to go to: said, not applied. */
function noteUnusedRates(node: Node, rates: Rates): void {
  for (const side of RULE_SIDES) {
    const rate = rates[side];
    if (rate)
      node.unsure.push(
        `câu "${short(rate.sentence || SIDE_LABEL[side])}" (${SIDE_LABEL[side]} ${pts(rate.rate)} điểm mỗi trường hợp) chưa được áp dụng cho mục chọn; hãy tách thành dòng riêng`,
      );
  }
}

/** "Không gửi báo cáo: không xếp loại" on a row with base points or children: a knock-out row below it. */
function knockoutRows(node: Node, said: readonly string[]): PastedRow[] {
  return said
    .filter((s) => KNOCKOUT.test(s))
    .map((sentence, i) => {
      const code = `${node.code}.kxl${i ? i + 1 : ''}`;
      node.reading.push(`tạo dòng ${code}: điều kiện "không xếp loại"`);
      return derivedRow(node.code, {
        code,
        text: sentence.replace(/^\((.*)\)$/u, '$1'),
        kind: 'knockout',
        reading: [`dòng điều kiện tạo từ mục ${node.code}`],
      });
    });
}

/** Every node after all of its descendants. */
function childrenFirst(nodes: readonly Node[]): Node[] {
  const order: Node[] = [];
  const visit = (n: Node) => {
    n.children.forEach(visit);
    order.push(n);
  };
  nodes.filter((n) => !n.parent).forEach(visit);
  return order;
}

const allTextOf = (node: Node): string => [node.text, node.note].filter(Boolean).join('. ');

/** The row's rates: from its Thưởng/Trừ cells, else the first one its sentences state. */
function readRates(node: Node, said: readonly string[], warnings: PasteWarning[]): Rates {
  const rates: Rates = {};
  for (const [side, column, re] of [
    ['bonus', node.bonusRate, BONUS_RATE],
    ['penalty', node.penaltyRate, PENALTY_RATE],
  ] as const) {
    if (column !== undefined) {
      rates[side] = { rate: column, sentence: '' };
      continue;
    }
    const found = said.flatMap((sentence) =>
      ratesIn(sentence.toLowerCase(), re).map((rate) => ({ rate, sentence })),
    );
    if (!found.length) continue;
    rates[side] = found[0]!;
    if (new Set(found.map((f) => f.rate)).size > 1)
      warnings.push({
        kind: 'paste-several-rates',
        severity: 'warning',
        code: node.code,
        message: `Mục ${node.code} ghi nhiều mức ${SIDE_LABEL[side]} (${found.map((f) => pts(f.rate)).join('; ')}); đã dùng ${pts(found[0]!.rate)}. Nếu là các mức theo kết quả, hãy tách thành các dòng riêng.`,
      });
  }
  return rates;
}

/** Where a rate was read, for the row's reading: "cột Thưởng", "đọc từ ghi chú". */
function rateOrigin(node: Node, side: RuleSide, rate: Rate): string {
  return rate.sentence === ''
    ? `cột ${side === 'bonus' ? 'Thưởng' : 'Trừ'}`
    : `đọc từ ${sentences(node.text).includes(rate.sentence) ? 'nội dung' : 'ghi chú'}`;
}

/**
 * The row's kind, and whether its rates become rule rows of their own below it (a row with
 * children or base points keeps its kind and gets them).
 */
function kindOf(
  node: Node,
  rates: Rates,
  childRows: readonly PastedRow[],
  problems: InputProblem[],
): { kind: CriterionKind; ruleRows: boolean } {
  if (node.children.length) {
    const onlyRules = childRows.every((r) => RULE.has(r.kind) && !r.base);
    return { kind: node.base !== undefined && onlyRules ? 'base' : 'group', ruleRows: true };
  }
  if (node.base !== undefined) return { kind: 'base', ruleRows: true };
  if (rates.bonus && rates.penalty) return { kind: 'group', ruleRows: true };
  if (rates.bonus || rates.penalty) {
    const kind = rates.bonus ? 'bonus' : 'penalty';
    const rate = rates[kind]!;
    if (rate.sentence)
      node.reading.push(
        `${SIDE_LABEL[kind]} ${pts(rate.rate)} điểm mỗi trường hợp (${rateOrigin(node, kind, rate)})`,
      );
    return { kind, ruleRows: false };
  }
  return { kind: kindWithoutPoints(node, problems), ruleRows: false };
}

/** A leaf with neither base points nor a rate: a knockout, or a bonus/penalty the bloc judges. */
function kindWithoutPoints(node: Node, problems: InputProblem[]): CriterionKind {
  const allText = allTextOf(node);
  const m = mentions(allText.toLowerCase());
  if (KNOCKOUT.test(allText)) {
    node.reading.push('điều kiện "không xếp loại"');
    return 'knockout';
  }
  if (node.cellCaps.bonus !== undefined || (m.bonus && !m.penalty)) {
    node.reading.push('điểm cộng do khối đánh giá (không có mức mỗi trường hợp)');
    return 'bonus';
  }
  if (node.cellCaps.penalty !== undefined || (m.penalty && !m.bonus)) {
    node.reading.push('điểm trừ do khối đánh giá (không có mức mỗi trường hợp)');
    return 'penalty';
  }
  if (!node.failed)
    problems.push({
      source: PASTE_SOURCE,
      location: `dòng ${node.line}`,
      code: node.code,
      message: `mục ${node.written} không có mục con, không ghi điểm chuẩn, điểm thưởng hay điểm trừ: hãy ghi số điểm vào cột Điểm chuẩn, Thưởng hoặc Trừ.`,
    });
  return 'base';
}

/** The rule row made from a rate of a row that has children or base points. */
function ruleRow(node: Node, side: RuleSide, rate: Rate): PastedRow {
  const code = `${node.code}.${side === 'bonus' ? 'cong' : 'tru'}`;
  node.reading.push(
    `tạo dòng ${code}: ${SIDE_LABEL[side]} ${pts(rate.rate)} điểm mỗi trường hợp (${rateOrigin(node, side, rate)})`,
  );
  return derivedRow(node.code, {
    code,
    text:
      rate.sentence || `Mỗi trường hợp ${side === 'bonus' ? 'cộng' : 'trừ'} ${pts(rate.rate)} điểm`,
    kind: side,
    rate: rate.rate,
    reading: [`dòng ${SIDE_LABEL[side]} tạo từ mục ${node.code}`],
  });
}

/** The row of a node; its reading is the node's, so caps found later still show in it. */
function rowOf(node: Node, kind: CriterionKind, rates: Rates): PastedRow {
  const rate = kind === 'bonus' || kind === 'penalty' ? rates[kind] : undefined;
  return {
    line: node.line,
    written: node.written,
    code: node.code,
    ...(node.parent ? { parent: node.parent.code } : {}),
    text: node.text,
    kind,
    ...(node.base !== undefined ? { base: node.base } : {}),
    ...(rate ? { rate: rate.rate } : {}),
    ...(node.note ? { note: node.note } : {}),
    reading: node.reading,
    unsure: node.unsure,
  };
}

/** The caps of each node; two different caps on one side keep the lower, with a warning. */
class CapBook {
  private readonly caps = new Map<Node, Caps>();

  constructor(private readonly warnings: PasteWarning[]) {}

  add(target: Node, side: Side, value: number, why: string): void {
    const caps = this.caps.get(target) ?? {};
    const old = caps[side];
    if (old !== undefined && old !== value)
      this.warnings.push({
        kind: 'paste-two-caps',
        severity: 'warning',
        code: target.code,
        message: `Mục ${target.code} có hai trần điểm ${SIDE_LABEL[side]} (${pts(old)} và ${pts(value)}); dùng ${pts(Math.min(old, value))}.`,
      });
    caps[side] = old === undefined ? value : Math.min(old, value);
    this.caps.set(target, caps);
    target.reading.push(`trần điểm ${SIDE_LABEL[side]} ${pts(value)} (${why})`);
  }

  of(node: Node): Caps | undefined {
    return this.caps.get(node);
  }
}

/** Caps stated in the row's sentences, on the row a sentence names or else on the row itself. */
function addCapsSaid(
  node: Node,
  said: readonly string[],
  row: PastedRow,
  below: readonly PastedRow[],
  byWritten: ReadonlyMap<string, Node[]>,
  caps: CapBook,
  warnings: PasteWarning[],
): void {
  for (const s of said)
    for (const cap of capsIn(s)) {
      const target = namedTarget(cap.named, node, byWritten) ?? node;
      const side = cap.side ?? sideOfRow(row, below);
      if (!side) {
        if (target.base !== undefined && cap.value === target.base) continue;
        warnings.push({
          kind: 'paste-unclear-cap',
          severity: 'warning',
          code: node.code,
          message: `Mục ${node.code}: "${short(s)}" không nói rõ là trần điểm cộng hay điểm trừ; chưa áp dụng. Hãy ghi "tổng điểm trừ không quá …" hoặc "tổng điểm cộng không quá …".`,
        });
        continue;
      }
      const loose = node.looseLines.get(s);
      const where =
        loose !== undefined ? `dòng ${loose}` : target === node ? 'câu' : `câu ở mục ${node.code}`;
      caps.add(target, side, cap.value, `${where} "${cap.quote}"`);
    }
}

/** The row a cap sentence names: the nearest row with that STT at or before this one. */
function namedTarget(
  named: readonly string[],
  at: Node,
  byWritten: ReadonlyMap<string, Node[]>,
): Node | undefined {
  for (const w of named) {
    const candidates = byWritten.get(normalizeCode(w));
    if (!candidates) continue;
    const before = candidates.filter((c) => c.line <= at.line);
    return before[before.length - 1] ?? candidates[0];
  }
  return undefined;
}

/** When a cap sentence names no side: a bonus/penalty row caps its own side, a row with rule rows of one side caps that side. */
function sideOfRow(row: PastedRow, below: readonly PastedRow[]): Side | undefined {
  if (row.kind === 'bonus' || row.kind === 'penalty') return row.kind;
  const sides = new Set(below.map((e) => e.kind));
  if ([...sides].some((k) => k !== 'bonus' && k !== 'penalty')) return undefined;
  if (sides.size === 1) return [...sides][0] as Side;
  return undefined;
}
