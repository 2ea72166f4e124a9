import { fromUnits, toUnits } from '../decimal';
import type { TemplateFinding, TemplateFindingKind } from '../finding';
import { formatDecimal } from '../text/vietnamese';
import type { Caps, Criterion, Template } from './types';

/** A cap in fixed-point units; `NO_CAP` where the template sets none. */
export const NO_CAP = Number.POSITIVE_INFINITY;

export interface UnitCaps {
  bonus: number;
  penalty: number;
  net: number;
}

/**
 * A template turned into flat arrays indexed by position, so that scoring thousands of units does
 * no lookups by code and allocates nothing per node.
 */
export interface CompiledTemplate {
  readonly template: Template;
  readonly size: number;
  readonly criteria: readonly Criterion[];
  readonly indexOf: ReadonlyMap<string, number>;
  /** Parent index, −1 for a top-level node. */
  readonly parent: Int32Array;
  readonly children: readonly (readonly number[])[];
  readonly roots: readonly number[];
  /** Every node after all of its descendants. */
  readonly postOrder: Int32Array;
  /** Base points a node can earn (derived for groups and choices), in units. */
  readonly maxBase: Float64Array;
  readonly rate: Float64Array;
  readonly caps: readonly UnitCaps[];
  readonly rootCaps: UnitCaps;
  /** Index of the measure node a banded choice reads, else −1. */
  readonly input: Int32Array;
  /** 1 for a leaf alternative of a choice: its entry marks the choice rather than carrying a value. */
  readonly leafAlternative: Uint8Array;
  /** Depth in the tree, 0 for top-level parts. */
  readonly depth: Int32Array;
  /** Warnings about the template itself (base sums, declared total). */
  readonly findings: readonly TemplateFinding[];
}

export class TemplateError extends Error {
  constructor(readonly findings: readonly TemplateFinding[]) {
    super(
      'Bảng tiêu chí không hợp lệ:\n' +
        findings
          .filter((f) => f.severity === 'error')
          .map((f) => `- ${f.message}`)
          .join('\n'),
    );
    this.name = 'TemplateError';
  }
}

const RULE_KINDS = new Set(['bonus', 'penalty', 'choice', 'knockout', 'measure']);

function unitCaps(caps: Caps | undefined): UnitCaps {
  return {
    bonus: caps?.bonus === undefined ? NO_CAP : toUnits(caps.bonus),
    penalty: caps?.penalty === undefined ? NO_CAP : toUnits(caps.penalty),
    net: caps?.net === undefined ? NO_CAP : toUnits(caps.net),
  };
}

const pts = (units: number): string => formatDecimal(fromUnits(units));

/** Checks a template and lists every problem; errors make it unusable, warnings do not. */
export function validateTemplate(template: Template): TemplateFinding[] {
  return analyse(template).findings;
}

/** Compiles a template for scoring; throws `TemplateError` when it has errors. */
export function compileTemplate(template: Template): CompiledTemplate {
  const result = analyse(template);
  if (!result.compiled) throw new TemplateError(result.findings);
  return result.compiled;
}

/** The findings of a template, with one call per severity. */
interface Report {
  readonly findings: TemplateFinding[];
  error(kind: TemplateFindingKind, code: string | undefined, message: string): void;
  warn(kind: TemplateFindingKind, code: string | undefined, message: string): void;
  hasErrors(): boolean;
}

function newReport(): Report {
  const findings: TemplateFinding[] = [];
  return {
    findings,
    error: (kind, code, message) => void findings.push({ kind, severity: 'error', code, message }),
    warn: (kind, code, message) => void findings.push({ kind, severity: 'warning', code, message }),
    hasErrors: () => findings.some((f) => f.severity === 'error'),
  };
}

/** The tree of a template by position. */
interface Tree {
  /** Parent index, −1 for a top-level node (and for a node whose parent is missing). */
  parent: Int32Array;
  children: number[][];
  roots: number[];
}

/** The checks in order, each reporting what it finds; the template compiles when none errs. */
function analyse(template: Template): { findings: TemplateFinding[]; compiled?: CompiledTemplate } {
  const report = newReport();
  const criteria = template.criteria;
  const indexOf = indexCodes(criteria, report);
  const tree = linkParents(criteria, indexOf, report);
  const { depth, postOrder } = orderTree(criteria, tree, report);
  const { rate, input } = checkValues(criteria, indexOf, tree, report);
  const maxBase = report.hasErrors()
    ? new Float64Array(criteria.length)
    : deriveMaxBase(template, tree, postOrder, report);

  const findings = report.findings;
  if (report.hasErrors()) return { findings };
  const { parent, children, roots } = tree;
  return {
    findings,
    compiled: {
      template,
      size: criteria.length,
      criteria,
      indexOf,
      parent,
      children,
      roots,
      postOrder: Int32Array.from(postOrder),
      maxBase,
      rate,
      caps: criteria.map((c) => unitCaps(c.caps)),
      rootCaps: unitCaps(template.caps),
      input,
      leafAlternative: Uint8Array.from(criteria, (_, i) =>
        parent[i]! >= 0 && criteria[parent[i]!]!.kind === 'choice' && children[i]!.length === 0
          ? 1
          : 0,
      ),
      depth,
      findings,
    },
  };
}

/** Code → position; a missing or repeated code is an error. */
function indexCodes(criteria: readonly Criterion[], report: Report): Map<string, number> {
  const indexOf = new Map<string, number>();
  criteria.forEach((c, i) => {
    if (!c.code) report.error('missing-code', undefined, `Dòng tiêu chí thứ ${i + 1} không có mã.`);
    else if (indexOf.has(c.code))
      report.error('duplicate-code', c.code, `Mã tiêu chí "${c.code}" bị trùng.`);
    else indexOf.set(c.code, i);
  });
  return indexOf;
}

/** Links each row to its parent; a parent missing from the table is an error. */
function linkParents(
  criteria: readonly Criterion[],
  indexOf: ReadonlyMap<string, number>,
  report: Report,
): Tree {
  const parent = new Int32Array(criteria.length).fill(-1);
  const children: number[][] = criteria.map(() => []);
  const roots: number[] = [];
  criteria.forEach((c, i) => {
    if (c.parent === undefined || c.parent === '') return void roots.push(i);
    const p = indexOf.get(c.parent);
    if (p === undefined) {
      report.error(
        'missing-parent',
        c.code,
        `Mục ${c.code}: mục cha "${c.parent}" không có trong bảng.`,
      );
      return;
    }
    parent[i] = p;
    children[p]!.push(i);
  });
  return { parent, children, roots };
}

/** Depths and the post-order from the roots; a node they never reach sits on a cycle. */
function orderTree(
  criteria: readonly Criterion[],
  tree: Tree,
  report: Report,
): { depth: Int32Array; postOrder: number[] } {
  const depth = new Int32Array(criteria.length).fill(-1);
  const postOrder: number[] = [];
  const visit = (i: number, d: number) => {
    depth[i] = d;
    for (const c of tree.children[i]!) visit(c, d + 1);
    postOrder.push(i);
  };
  tree.roots.forEach((r) => visit(r, 0));
  criteria.forEach((c, i) => {
    if (depth[i] === -1 && tree.parent[i] !== -1)
      report.error('cycle', c.code, `Mục ${c.code} nằm trong một vòng lặp mục cha – mục con.`);
  });
  return { depth, postOrder };
}

/**
 * The values of each row: rates (in units), no negative points, bands only under a choice, a
 * choice's measure and alternatives.
 */
function checkValues(
  criteria: readonly Criterion[],
  indexOf: ReadonlyMap<string, number>,
  tree: Tree,
  report: Report,
): { rate: Float64Array; input: Int32Array } {
  const { error, warn } = report;
  const rate = new Float64Array(criteria.length);
  const input = new Int32Array(criteria.length).fill(-1);
  criteria.forEach((c, i) => {
    if (c.rate !== undefined) {
      if (!(c.rate >= 0))
        error(
          'negative-rate',
          c.code,
          `Mục ${c.code}: mức điểm mỗi trường hợp không được âm (${c.rate}).`,
        );
      rate[i] = toUnits(c.rate);
    }
    if (c.base !== undefined && !(c.base >= 0))
      error('negative-base', c.code, `Mục ${c.code}: điểm chuẩn không được âm (${c.base}).`);
    for (const [name, value] of Object.entries(c.caps ?? {}))
      if (value !== undefined && !(value >= 0))
        error('negative-cap', c.code, `Mục ${c.code}: trần điểm ${name} không được âm (${value}).`);
    const p = tree.parent[i]!;
    if (c.band && (p === -1 || criteria[p]!.kind !== 'choice'))
      warn(
        'band-outside-choice',
        c.code,
        `Mục ${c.code} có khoảng mức nhưng không phải phương án của một mục chọn.`,
      );
    if (c.input !== undefined) {
      const m = indexOf.get(c.input);
      if (c.kind !== 'choice')
        error('input-not-choice', c.code, `Mục ${c.code}: chỉ mục chọn (chon) mới đọc số liệu.`);
      else if (m === undefined || criteria[m]!.kind !== 'measure')
        error(
          'input-not-measure',
          c.code,
          `Mục ${c.code}: số liệu "${c.input}" không phải một dòng số liệu (so_lieu) trong bảng.`,
        );
      else input[i] = m;
    }
    if (c.kind === 'choice' && tree.children[i]!.length === 0)
      error('empty-choice', c.code, `Mục chọn ${c.code} không có phương án nào.`);
  });
  return { rate, input };
}

/** The base points each node can earn, children first, and the table's total against the declared one. */
function deriveMaxBase(
  template: Template,
  tree: Tree,
  postOrder: readonly number[],
  report: Report,
): Float64Array {
  const maxBase = new Float64Array(template.criteria.length);
  for (const i of postOrder) maxBase[i] = derivedBase(template.criteria, i, tree, maxBase, report);
  let total = 0;
  for (const r of tree.roots) total += maxBase[r]!;
  if (total !== toUnits(template.declaredTotal))
    report.warn(
      'declared-total',
      undefined,
      `Tổng điểm chuẩn của bảng là ${pts(total)}, khác tổng công bố ${pts(toUnits(template.declaredTotal))}.`,
    );
  return maxBase;
}

/**
 * A node's base points, its children's already derived: its own for a base item (whose children
 * may only be rules), the sum for a group, the best alternative for a choice, none for a rule.
 */
function derivedBase(
  criteria: readonly Criterion[],
  i: number,
  tree: Tree,
  maxBase: Float64Array,
  report: Report,
): number {
  const c = criteria[i]!;
  const kids = tree.children[i]!;
  let derived = 0;
  if (c.kind === 'base') {
    derived = toUnits(c.base ?? 0);
    for (const k of kids) {
      const kid = criteria[k]!;
      if (!RULE_KINDS.has(kid.kind) || maxBase[k]! > 0)
        report.error(
          'base-under-base',
          kid.code,
          `Mục ${kid.code} mang điểm chuẩn nhưng nằm dưới mục chuẩn ${c.code}; hãy đổi ${c.code} thành nhóm (nhom).`,
        );
    }
  } else if (c.kind === 'group') {
    for (const k of kids) derived += maxBase[k]!;
  } else if (c.kind === 'choice') {
    for (const k of kids) derived = Math.max(derived, maxBase[k]!);
  } else if (c.base) {
    report.warn(
      'base-on-rule',
      c.code,
      `Mục ${c.code} là dòng cộng/trừ/điều kiện nên không có điểm chuẩn; bỏ qua ${c.base} điểm.`,
    );
  }
  if (
    (c.kind === 'group' || c.kind === 'choice') &&
    c.base !== undefined &&
    toUnits(c.base) !== derived
  ) {
    const how = c.kind === 'group' ? 'tổng điểm chuẩn các mục con' : 'phương án cao nhất';
    report.warn(
      'base-sum',
      c.code,
      `Mục ${c.code}: điểm chuẩn ghi ${pts(toUnits(c.base))} nhưng ${how} là ${pts(derived)}; dùng ${pts(derived)}.`,
    );
  }
  return derived;
}
