import fc from 'fast-check';
import { scoreUnit, type UnitScore } from '../../src/core/scoring/score';
import type { EntryValue, ItemEntry, UnitSheet } from '../../src/core/scoring/types';
import { compileTemplate, type CompiledTemplate } from '../../src/core/template/compile';
import type { Template } from '../../src/core/template/types';
import { SAMPLE_BLOC, SAMPLE_SHEETS, SAMPLE_SUBMISSIONS } from '../../src/sample';
import {
  parseAddress,
  type CellSpec,
  type SheetData,
  type SheetSpec,
} from '../../src/workbook/grid';
import { DATE_FORMAT, NUMBER_FORMAT } from '../../src/workbook/layout';
import {
  buildUnitSheet,
  readUnitSheet,
  UNIT,
  unitFormulas,
  unitLayout,
  unitSheetCells,
  workbookSheet,
} from '../../src/workbook/unit-sheet';

const compiled = compileTemplate(SAMPLE_BLOC.template);
const unitOf = (code: string) => SAMPLE_BLOC.units.find((u) => u.code === code)!;

function build(unitCode: string, sheet?: UnitSheet, score?: UnitScore) {
  return buildUnitSheet({
    bloc: SAMPLE_BLOC,
    compiled,
    unit: unitOf(unitCode),
    ...(sheet ? { sheet } : {}),
    submission: SAMPLE_SUBMISSIONS.find((s) => s.unitCode === unitCode)!,
    ...(score ? { score } : {}),
  });
}

const at = (spec: SheetSpec, a1: string): CellSpec => {
  const { row, column } = parseAddress(a1);
  return spec.cells[row - 1]?.[column - 1] ?? {};
};

/** SheetSpec → SheetData as an adapter would read it back: values from `v`, formulas from `f`. */
function toSheetData(spec: SheetSpec): SheetData {
  return {
    name: spec.name,
    values: spec.cells.map((row) => row.map((c) => c.v ?? null)),
    formulas: spec.cells.map((row) => row.map((c) => c.f)),
    merges: [...spec.merges],
  };
}

// ---------------------------------------------------------------------------------------------
// A small evaluator for the subset of Excel formulas the unit sheet uses, with Excel's rules for
// blanks, types and comparisons. It is not LibreOffice (the lead's parity test runs that), but it
// checks that the formulas compute what the engine computes on many sheets.
// ---------------------------------------------------------------------------------------------

const BLANK = Symbol('blank');
type X = number | string | boolean | typeof BLANK;

type Node =
  | { t: 'num'; v: number }
  | { t: 'str'; v: string }
  | { t: 'bool'; v: boolean }
  | { t: 'ref'; a: string }
  | { t: 'neg'; e: Node }
  | { t: 'bin'; op: string; l: Node; r: Node }
  | { t: 'call'; name: string; args: Node[] };

const parsed = new Map<string, Node>();

function parse(src: string): Node {
  let node = parsed.get(src);
  if (!node) parsed.set(src, (node = parseFormula(src)));
  return node;
}

function parseFormula(src: string): Node {
  const tokens = src.match(
    /"(?:[^"]|"")*"|\d+(?:\.\d+)?(?:[eE][+-]?\d+)?|[A-Z]+\d+|[A-Z]+(?=\()|TRUE|FALSE|<>|<=|>=|[-+*/=<>&(),]/g,
  )!;
  if (tokens.join('') !== src) throw new Error(`cannot tokenise ${src}`);
  let k = 0;
  const peek = () => tokens[k];
  const next = () => tokens[k++]!;
  const eat = (t: string) => {
    if (next() !== t) throw new Error(`expected ${t} in ${src}`);
  };
  const primary = (): Node => {
    const tok = next();
    if (tok === '(') {
      const e = comparison();
      eat(')');
      return e;
    }
    if (tok === '-') return { t: 'neg', e: primary() };
    if (tok.startsWith('"')) return { t: 'str', v: tok.slice(1, -1).replace(/""/g, '"') };
    if (/^\d/.test(tok)) return { t: 'num', v: Number(tok) };
    if (tok === 'TRUE' || tok === 'FALSE') return { t: 'bool', v: tok === 'TRUE' };
    if (peek() === '(') {
      eat('(');
      const args: Node[] = [];
      if (peek() !== ')') {
        args.push(comparison());
        while (peek() === ',') {
          next();
          args.push(comparison());
        }
      }
      eat(')');
      return { t: 'call', name: tok, args };
    }
    if (!/^[A-Z]+\d+$/.test(tok)) throw new Error(`unexpected ${tok} in ${src}`);
    return { t: 'ref', a: tok };
  };
  const level = (ops: string[], sub: () => Node) => (): Node => {
    let l = sub();
    while (ops.includes(peek() ?? '')) {
      const op = next();
      l = { t: 'bin', op, l, r: sub() };
    }
    return l;
  };
  const mul = level(['*', '/'], primary);
  const add = level(['+', '-'], mul);
  const concat = level(['&'], add);
  const comparison = level(['=', '<>', '<', '>', '<=', '>='], concat);
  const e = comparison();
  if (k !== tokens.length) throw new Error(`trailing tokens in ${src}`);
  return e;
}

const toNum = (x: X): number => {
  if (typeof x === 'number') return x;
  if (x === BLANK) return 0;
  if (typeof x === 'boolean') return x ? 1 : 0;
  const n = Number(x);
  if (x.trim() === '' || !Number.isFinite(n)) throw new Error(`#VALUE! (${x})`);
  return n;
};
const toText = (x: X): string =>
  x === BLANK ? '' : typeof x === 'boolean' ? (x ? 'TRUE' : 'FALSE') : String(x);
const toBool = (x: X): boolean => {
  if (typeof x === 'boolean') return x;
  if (x === BLANK) return false;
  if (typeof x === 'number') return x !== 0;
  throw new Error(`#VALUE! (${x})`);
};
const rank = (x: number | string | boolean) =>
  typeof x === 'number' ? 0 : typeof x === 'string' ? 1 : 2;

function compare(a: X, b: X): number {
  // A blank compares as 0, "" or FALSE, whatever the other side is.
  if (a === BLANK && b === BLANK) return 0;
  const fill = (other: X) =>
    typeof other === 'string' ? '' : typeof other === 'boolean' ? false : 0;
  const x = a === BLANK ? fill(b) : a;
  const y = b === BLANK ? fill(a) : b;
  if (rank(x) !== rank(y)) return rank(x) - rank(y);
  if (typeof x === 'string') {
    const [p, q] = [x.toLowerCase(), (y as string).toLowerCase()];
    return p < q ? -1 : p > q ? 1 : 0;
  }
  return x < y ? -1 : x > y ? 1 : 0;
}

const roundHalfAway = (v: number, d: number) => {
  const f = 10 ** d;
  return (Math.sign(v) * Math.round(Math.abs(v) * f + 1e-9)) / f;
};

class Evaluator {
  private memo = new Map<string, X>();
  constructor(
    private readonly spec: SheetSpec,
    /** Addresses of date cells: an ISO string there is the date serial (what the adapter writes). */
    private readonly dateCells: Set<string>,
  ) {}

  cell(a: string): X {
    const hit = this.memo.get(a);
    if (hit !== undefined) return hit;
    const c = at(this.spec, a);
    let x: X;
    if (c.f !== undefined) x = this.eval(parse(c.f));
    else if (c.v === undefined || c.v === null || c.v === '') x = BLANK;
    else if (typeof c.v === 'string' && this.dateCells.has(a) && /^\d{4}-\d\d-\d\d$/.test(c.v)) {
      const [y, m, d] = c.v.split('-').map(Number) as [number, number, number];
      x = (Date.UTC(y, m - 1, d) - Date.UTC(1899, 11, 30)) / 86_400_000;
    } else x = c.v;
    this.memo.set(a, x);
    return x;
  }

  private numbers(args: Node[]): number[] {
    return args.flatMap((n) => {
      const x = this.eval(n);
      if (n.t === 'ref') return typeof x === 'number' ? [x] : [];
      return [toNum(x)];
    });
  }

  eval(n: Node): X {
    switch (n.t) {
      case 'num':
      case 'str':
      case 'bool':
        return n.v;
      case 'ref':
        return this.cell(n.a);
      case 'neg':
        return -toNum(this.eval(n.e));
      case 'bin': {
        const l = this.eval(n.l);
        const r = this.eval(n.r);
        switch (n.op) {
          case '+':
            return toNum(l) + toNum(r);
          case '-':
            return toNum(l) - toNum(r);
          case '*':
            return toNum(l) * toNum(r);
          case '/':
            return toNum(l) / toNum(r);
          case '&':
            return toText(l) + toText(r);
          case '=':
            return compare(l, r) === 0;
          case '<>':
            return compare(l, r) !== 0;
          case '<':
            return compare(l, r) < 0;
          case '>':
            return compare(l, r) > 0;
          case '<=':
            return compare(l, r) <= 0;
          case '>=':
            return compare(l, r) >= 0;
        }
        throw new Error(n.op);
      }
      case 'call': {
        const a = n.args;
        const arg = (i: number) => this.eval(a[i]!);
        switch (n.name) {
          case 'SUM':
            return this.numbers(a).reduce((s, v) => s + v, 0);
          case 'MIN':
            return Math.min(...this.numbers(a));
          case 'MAX':
            return Math.max(...this.numbers(a));
          case 'ROUND':
            return roundHalfAway(toNum(arg(0)), toNum(arg(1)));
          case 'N': {
            const x = arg(0);
            return typeof x === 'number' ? x : typeof x === 'boolean' ? (x ? 1 : 0) : 0;
          }
          case 'IF':
            return toBool(arg(0)) ? arg(1) : a.length > 2 ? arg(2) : false;
          case 'AND':
            return a.map((_, i) => toBool(arg(i))).every(Boolean);
          case 'OR':
            return a.map((_, i) => toBool(arg(i))).some(Boolean);
          case 'NOT':
            return !toBool(arg(0));
          case 'ISNUMBER':
            return typeof arg(0) === 'number';
          case 'ISTEXT':
            return typeof arg(0) === 'string';
          case 'ISLOGICAL':
            return typeof arg(0) === 'boolean';
          case 'EXACT':
            return toText(arg(0)) === toText(arg(1));
          case 'LOWER':
            return toText(arg(0)).toLowerCase();
          case 'DATE':
            return (
              (Date.UTC(toNum(arg(0)), toNum(arg(1)) - 1, toNum(arg(2))) - Date.UTC(1899, 11, 30)) /
              86_400_000
            );
        }
        throw new Error(`function ${n.name} is not in the subset`);
      }
    }
  }
}

const dateCellsOf = (t: CompiledTemplate) =>
  new Set(
    unitLayout(t)
      .rows.filter((r) => r.input === 'date')
      .flatMap((r) => [`F${r.row}`, `G${r.row}`])
      .concat(['I3']),
  );

/** Every formula cell recalculated by the evaluator must equal the cached value (the engine's). */
function expectFormulasMatchValues(spec: SheetSpec, t: CompiledTemplate = compiled) {
  const ev = new Evaluator(spec, dateCellsOf(t));
  const mismatches: string[] = [];
  spec.cells.forEach((row, r) =>
    row.forEach((c, k) => {
      if (c.f === undefined) return;
      const a = `${String.fromCharCode(65 + k)}${r + 1}`;
      const got = ev.cell(a);
      if (typeof got !== 'number' || Math.abs(got - (c.v as number)) > 1e-9)
        mismatches.push(`${a}: ${String(got)} ≠ ${String(c.v)} (${c.f})`);
    }),
  );
  expect(mismatches).toEqual([]);
}

// ---------------------------------------------------------------------------------------------

describe('buildUnitSheet on the sample bloc', () => {
  const specs = SAMPLE_SHEETS.map((s) => ({ sheet: s, spec: build(s.unitCode, s) }));

  it('lays out the identification rows, the headers and one row per criterion in template order', () => {
    const { spec } = specs[0]!;
    expect(spec.name).toBe('CAT');
    expect(spec.role).toBe('unit');
    expect(at(spec, 'A1').v).toBe('BẢNG CHẤM ĐIỂM THI ĐUA NĂM 2025');
    expect(spec.merges).toEqual(['A1:L1', 'A4:B4']);
    expect([at(spec, 'A2').v, at(spec, 'B2').v, at(spec, 'H2').v, at(spec, 'I2').v]).toEqual([
      'Đơn vị:',
      'Công an tỉnh',
      'Mã đơn vị:',
      'CAT',
    ]);
    expect([at(spec, 'A3').v, at(spec, 'B3').v, at(spec, 'H3').v, at(spec, 'I3').v]).toEqual([
      'Trạng thái:',
      'Đã thẩm định',
      'Ngày nộp:',
      '2025-12-08',
    ]);
    expect(spec.cells[UNIT.headerRow - 1]!.map((c) => c.v)).toEqual([...UNIT.headers]);
    const codes = compiled.criteria.map((_, i) => at(spec, `A${6 + i}`).v);
    expect(codes).toEqual(compiled.criteria.map((c) => c.code));
    expect(at(spec, 'M6').v).toBe('nhom');
    expect(at(spec, 'M11').v).toBe('tru');
    expect(at(spec, 'B69').v).toBe('TỔNG CỘNG');
    expect(['B70', 'B71', 'B72', 'B73'].map((a) => at(spec, a).v)).toEqual([
      'Điểm chuẩn đạt',
      'Điểm thưởng',
      'Điểm trừ',
      'Không xếp loại (1 = có)',
    ]);
    expect(spec.cells).toHaveLength(73);
  });

  it('writes base, rate and caps, and the entries in the form people type them', () => {
    const { spec } = specs[0]!;
    expect([at(spec, 'C6').v, at(spec, 'C10').v, at(spec, 'D11').v, at(spec, 'E10').v]).toEqual([
      20,
      4,
      0.5,
      'trừ ≤ 2',
    ]);
    expect(at(spec, 'E19').v).toBe('tổng ≤ 7');
    expect(at(spec, 'E13').v).toBe('cộng ≤ 1');
    expect(at(spec, 'C69').v).toBe(100);
    // 1.1 is a date, 2.1.2 a measured value, 1.4 and 5.1 alternative codes, KXL có/không.
    expect([at(spec, 'F7').v, at(spec, 'G7').v]).toEqual(['2025-01-10', '2025-01-10']);
    expect([at(spec, 'F23').v, at(spec, 'G23').v]).toEqual([98.2, 97.6]);
    expect([at(spec, 'F14').v, at(spec, 'F61').v]).toEqual(['1.4.a', '5.1.b']);
    expect([at(spec, 'F67').v, at(spec, 'G67').v]).toEqual(['không', 'không']);
    expect(at(spec, 'K7').v).toBe('Kế hoạch số 12/KH-CAT ngày 10/01/2025');
    expect(at(spec, 'L21').v).toMatch(/^Chỉ tiêu tỷ lệ điều tra/);
    // Rows without input hold nothing in F and G.
    for (const a of ['F6', 'F8', 'F15', 'F37', 'F38']) expect(at(spec, a).v ?? null).toBeNull();
    const bnc = specs.find((s) => s.sheet.unitCode === 'BNC')!.spec;
    expect([at(bnc, 'F67').v, at(bnc, 'G67').v, at(bnc, 'I73').v]).toEqual(['không', 'có', 1]);
  });

  it('caches the engine values in every formula cell', () => {
    for (const { sheet, spec } of specs) {
      const score = scoreUnit(compiled, sheet);
      const cells = unitSheetCells(compiled);
      expect(at(spec, cells.selfTotal).v).toBe(score.self.total);
      expect(at(spec, cells.verifiedTotal).v).toBe(score.verified.total);
      expect(at(spec, cells.verifiedEarned).v).toBe(score.verified.earnedBase);
      expect(at(spec, cells.verifiedBonus).v).toBe(score.verified.bonus);
      expect(at(spec, cells.verifiedPenalty).v).toBe(score.verified.penalty);
      expect(at(spec, cells.selfPenalty).v).toBe(score.self.penalty);
      expect(at(spec, cells.knockedOut).v).toBe(score.knockedOut ? 1 : 0);
      for (const c of compiled.criteria) {
        const r = cells.row(c.code);
        const fin = score.node(c.code, 'verified');
        expect([at(spec, `H${r}`).v, at(spec, `I${r}`).v]).toEqual([
          score.node(c.code, 'self').total,
          fin.total,
        ]);
        expect(['S', 'T', 'U', 'V', 'W'].map((col) => at(spec, `${col}${r}`).v)).toEqual([
          fin.earnedBase,
          fin.bonusRaw,
          fin.penaltyRaw,
          fin.bonus,
          fin.penalty,
        ]);
      }
    }
    const cat = specs[0]!.spec;
    // Self 120,4; verified 118,4: 2.1.2 re-measured at 97,6 % earns 8 instead of 10, and the net
    // cap of 2.1 (7 points) binds on both sides.
    expect([at(cat, 'H69').v, at(cat, 'I69').v, at(cat, 'J69').v]).toEqual([120.4, 118.4, -2]);
    expect([at(cat, 'H19').v, at(cat, 'I19').v, at(cat, 'J23').v]).toEqual([27, 25, -2]);
    expect([at(cat, 'O19').v, at(cat, 'Q19').v, at(cat, 'T19').v, at(cat, 'V19').v]).toEqual([
      9, 7, 8, 7,
    ]);
  });

  it('gives formulas that recalculate to the cached engine values, for every sample unit', () => {
    for (const { spec } of specs) expectFormulasMatchValues(spec);
  });

  it('hides the helpers, freezes, protects, prints A4 landscape and sets widths', () => {
    const { spec } = specs[0]!;
    expect(spec.hiddenColumns).toEqual([13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23]);
    expect(spec.frozen).toEqual({ rows: 5, columns: 2 });
    expect(spec.protect).toBe(true);
    expect(spec.print).toEqual({ landscape: true, fitToWidth: true, titleRows: [5, 5] });
    expect(spec.columnWidths).toHaveLength(23);
    expect(spec.columnWidths[1]).toBe(60);
    expect(spec.styles).toContainEqual({ range: 'B6:B73', wrap: true });
    expect(spec.styles).toContainEqual({ range: 'C6:J73', numberFormat: NUMBER_FORMAT });
    expect(spec.styles).toContainEqual({ range: 'N6:W73', numberFormat: NUMBER_FORMAT });
    expect(spec.styles).toContainEqual({ range: 'F7:G7', numberFormat: DATE_FORMAT });
    expect(spec.styles).toContainEqual({ range: 'I3', numberFormat: DATE_FORMAT });
  });

  it('indents by depth and marks group rows bold on a light fill', () => {
    const { spec } = specs[0]!;
    const styleOf = (a: string) => {
      const { row, column } = parseAddress(a);
      const out: Record<string, unknown> = {};
      for (const s of spec.styles) {
        const [p, q = p] = s.range.split(':') as [string, string?];
        const a1 = parseAddress(p);
        const b1 = parseAddress(q);
        if (row < a1.row || row > b1.row || column < a1.column || column > b1.column) continue;
        Object.assign(out, s);
      }
      return out;
    };
    expect(styleOf('B6')).toMatchObject({ bold: true, fill: 'FFDDEBF7' });
    expect(styleOf('B6').indent).toBeUndefined();
    expect(styleOf('B19')).toMatchObject({ bold: true, indent: 1 });
    expect(styleOf('B20').bold).toBeUndefined();
    expect(styleOf('B20').indent).toBe(2);
    expect(styleOf('B39').indent).toBe(5);
    // The unit's input cells are unlocked; groups, alternatives, choices reading a measure,
    // formulas and the bloc's columns (Khối chấm G, lý do L: locked for units) are not.
    for (const a of ['F10', 'K10', 'F7', 'F14', 'F35', 'F67', 'B3', 'I3'])
      expect([a, styleOf(a).locked]).toEqual([a, false]);
    for (const a of [
      'G10',
      'L10',
      'F6',
      'F8',
      'K8',
      'F15',
      'F37',
      'F38',
      'H10',
      'C10',
      'A10',
      'I2',
      'F69',
    ])
      expect([a, styleOf(a).locked]).toEqual([a, undefined]);
    expect(styleOf('K37').locked).toBe(false);
  });

  it('validates each input row by its rule, with Vietnamese messages', () => {
    const { spec } = specs[0]!;
    const v = (range: string) => spec.validations.find((x) => x.range === range);
    expect(v('B3')).toMatchObject({ type: 'list', list: ['Chưa nộp', 'Đã nộp', 'Đã thẩm định'] });
    expect(v('I3')).toMatchObject({ type: 'date' });
    expect(v('F10:G10')).toMatchObject({
      type: 'decimal',
      min: 0,
      max: 4,
      error: 'Mục 1.2: nhập điểm đạt từ 0 đến 4',
    });
    expect(v('F11:G11')).toMatchObject({
      type: 'whole',
      min: 0,
      error: 'Mục 1.2.1: nhập số trường hợp (số nguyên ≥ 0)',
    });
    expect(v('F32:G32')).toMatchObject({
      type: 'decimal',
      min: 0,
      max: 2,
      error: 'Mục 2.2.2.1: nhập điểm thưởng (số ≥ 0, tối đa 2)',
    });
    expect(v('F7:G7')).toMatchObject({
      type: 'date',
      error: 'Mục 1.1: nhập ngày (ngày/tháng/năm) để chọn mức',
    });
    expect(v('F23:G23')).toMatchObject({
      type: 'decimal',
      error: 'Mục 2.1.2: nhập số liệu (số) để chọn mức',
    });
    expect(v('F14:G14')).toMatchObject({
      type: 'list',
      list: ['1.4.a', '1.4.b', '1.4.c'],
      error: 'Mục 1.4: chọn một phương án: 1.4.a, 1.4.b, 1.4.c',
    });
    expect(v('F67:G67')).toMatchObject({
      type: 'list',
      list: ['có', 'không'],
      error: 'Mục KXL.1: chọn "có" hoặc "không"',
    });
    expect(v('F35:G35')).toMatchObject({
      type: 'decimal',
      error: 'Mục 2.3.1.1: nhập số liệu (số)',
    });
    for (const r of ['F6:G6', 'F8:G8', 'F37:G37', 'F38:G38', 'F39:G39'])
      expect(v(r)).toBeUndefined();
  });

  it('builds an empty sheet that scores 0 and waits for input', () => {
    const spec = buildUnitSheet({ bloc: SAMPLE_BLOC, compiled, unit: unitOf('STP') });
    expect(at(spec, 'B3').v).toBe('Chưa nộp');
    expect(at(spec, 'I3').v ?? null).toBeNull();
    expect([at(spec, 'H69').v, at(spec, 'I69').v, at(spec, 'I73').v]).toEqual([0, 0, 0]);
    expectFormulasMatchValues(spec);
  });
});

describe('unit sheet formulas (exact text)', () => {
  const f = unitFormulas(compiled);
  const row = (code: string) => f.rows[compiled.indexOf.get(code)!]!;

  it('a base item with a capped per-case penalty below it (1.2, rows 10–11)', () => {
    expect(row('1.2').self).toEqual([
      'MAX(0,MIN(C10,ROUND(N(F10),4)))',
      null,
      'R11',
      null,
      'MIN(2,P10)',
    ]);
    expect(row('1.2').verified).toEqual([
      'MAX(0,MIN(C10,ROUND(N(IF(G10="",F10,G10)),4)))',
      null,
      'W11',
      null,
      'MIN(2,U10)',
    ]);
    expect(row('1.2.1').self).toEqual([null, null, 'ROUND(D11*MAX(0,N(F11)),4)', null, 'P11']);
    expect([row('1.2').selfPoints, row('1.2').verifiedPoints, row('1.2').difference]).toEqual([
      'N10+Q10-R10',
      'S10+V10-W10',
      'I10-H10',
    ]);
  });

  it('a capped per-case bonus (1.3.1) and a bonus in points with a cap (2.2.2.1)', () => {
    expect(row('1.3.1').self).toEqual([
      null,
      'ROUND(D13*MAX(0,N(F13)),4)',
      null,
      'MIN(1,O13)',
      null,
    ]);
    expect(row('2.2.2.1').verified).toEqual([
      null,
      'ROUND(MAX(0,N(IF(G32="",F32,G32))),4)',
      null,
      'MIN(2,T32)',
      null,
    ]);
  });

  it('the net cap of group 2.1 and the group sums of part II', () => {
    expect(row('2.1').self).toEqual([
      'SUM(N20,N23)',
      'Q20',
      'R20',
      'IF(O19-P19>7,P19+7,O19)',
      'IF(P19-O19>7,O19+7,P19)',
    ]);
    expect(row('II').verified).toEqual([
      'SUM(S19,S28,S33)',
      'SUM(V19,V28,V33)',
      'SUM(W19,W28)',
      'T18',
      'U18',
    ]);
  });

  it('choice 1.1 banded on dates: the choice sums its alternatives, each alternative tests its band', () => {
    expect(row('1.1').self).toEqual(['N8', null, 'R9', null, 'P7']);
    expect(row('1.1.a').self[0]).toBe('IF(AND(ISNUMBER(F7),F7<DATE(2025,2,1)),C8,0)');
    expect(row('1.1.b').verified[2]).toBe(
      'IF(AND(IF(G7="",ISNUMBER(F7),ISNUMBER(G7)),IF(G7="",F7,G7)>=DATE(2025,2,1)),D9,0)',
    );
  });

  it('choice 1.4 by code and the award choice 5.1', () => {
    expect(row('1.4.b').self[0]).toBe('IF(EXACT(F14,"1.4.b"),C16,0)');
    expect(row('1.4.c').verified[2]).toBe('IF(EXACT(IF(G14="",F14,G14),"1.4.c"),D17,0)');
    expect(row('5.1').self).toEqual([null, 'SUM(Q62,Q63,Q64)', null, 'O61', null]);
  });

  it('the two-input band 2.3.1.3: volume (row 35) picks the nested choice, share (row 36) the bonus', () => {
    expect(row('2.3.1.3').self).toEqual([null, 'SUM(Q38,Q42,Q46)', null, 'O37', null]);
    expect(row('2.3.1.3.a').self).toEqual([null, 'SUM(Q39,Q40)', null, 'O38', null]);
    expect(row('2.3.1.3.b.2').self[1]).toBe(
      'IF(AND(ISNUMBER(F35),F35>=1000,F35<2000,ISNUMBER(F36),F36>=20,F36<40),D44,0)',
    );
    expect(row('2.3.1.3.c.1').verified[1]).toBe(
      'IF(AND(IF(G35="",ISNUMBER(F35),ISNUMBER(G35)),IF(G35="",F35,G35)>=2000,' +
        'IF(G36="",ISNUMBER(F36),ISNUMBER(G36)),IF(G36="",F36,G36)>=30),D47,0)',
    );
    // "Dưới 30%: không cộng" is worth nothing: constant 0.
    expect(row('2.3.1.3.a.3').self).toEqual([null, null, null, null, null]);
  });

  it('the totals row and the knock-out flag', () => {
    expect(f.total.self).toEqual([
      'SUM(N6,N18,N50,N55)',
      'SUM(Q6,Q18,Q60)',
      'SUM(R6,R18,R50,R55)',
      'O69',
      'P69',
    ]);
    expect([f.total.selfPoints, f.total.verifiedPoints, f.total.difference]).toEqual([
      'N69+Q69-R69',
      'S69+V69-W69',
      'I69-H69',
    ]);
    const yes = (r: number) =>
      'OR(' +
      ['có', 'x', 'true', 'đúng', '1']
        .map((w) => `LOWER(IF(G${r}="",F${r},G${r}))="${w}"`)
        .join(',') +
      ')';
    expect(f.knockedOut).toBe(`IF(OR(${yes(67)},${yes(68)}),1,0)`);
  });

  it('applies the template caps on the totals row', () => {
    const t = compileTemplate({ ...SAMPLE_BLOC.template, caps: { bonus: 20, net: 15 } });
    expect(unitFormulas(t).total.verified.slice(3)).toEqual([
      'IF(MIN(20,T69)-U69>15,U69+15,MIN(20,T69))',
      'IF(U69-MIN(20,T69)>15,MIN(20,T69)+15,U69)',
    ]);
  });
});

describe('unitSheetCells', () => {
  it('gives the addresses generated sheets reference', () => {
    const cells = unitSheetCells(compiled);
    expect({ ...cells, row: undefined, verifiedEarnedOf: undefined }).toEqual({
      selfTotal: 'H69',
      verifiedTotal: 'I69',
      selfEarned: 'H70',
      selfBonus: 'H71',
      selfPenalty: 'H72',
      verifiedEarned: 'I70',
      verifiedBonus: 'I71',
      verifiedPenalty: 'I72',
      knockedOut: 'I73',
      status: 'B3',
      submittedAt: 'I3',
      unitCode: 'I2',
      row: undefined,
      verifiedEarnedOf: undefined,
    });
    expect(cells.row('I')).toBe(6);
    expect(cells.row('KXL.2')).toBe(68);
    expect(cells.verifiedEarnedOf('II')).toBe('S18');
    expect(() => cells.row('9.9')).toThrow(RangeError);
  });
});

// ---------------------------------------------------------------------------------------------
// Random sheets: formulas = engine, and the sheet reads back as it was held.
// ---------------------------------------------------------------------------------------------

function valueArb(t: CompiledTemplate, code: string): fc.Arbitrary<EntryValue | undefined> {
  const r = unitLayout(t).rows[t.indexOf.get(code)!]!;
  const bounds = t.criteria.flatMap((c) => [c.band?.from, c.band?.to]);
  const numericEdges = [
    ...new Set(bounds.filter((b): b is number => typeof b === 'number')),
  ].flatMap((b) => [b, b - 0.01, b + 0.5]);
  const dateEdges = [...new Set(bounds.filter((b): b is string => typeof b === 'string'))];
  const blank = fc.constant(undefined);
  switch (r.input) {
    case 'points':
      return fc.oneof(
        blank,
        fc.integer({ min: -200, max: Math.round(((r.max ?? 5) + 2) * 100) }).map((n) => n / 100),
        fc.constantFrom('9,5', true, false),
      );
    case 'cases':
      return fc.oneof(blank, fc.integer({ min: -1, max: 12 }), fc.constantFrom(1.5, 'hai', true));
    case 'number':
      return fc.oneof(
        blank,
        fc.constantFrom(...numericEdges, 0),
        fc.integer({ min: 0, max: 3000 }),
        fc.constantFrom('97,6', true),
      );
    case 'date':
      return fc.oneof(
        blank,
        fc.constantFrom(...dateEdges, '2025-01-10', '2025-01-31', '2025-03-15', 45688, 45689),
      );
    case 'code':
      // 1 and 2: codes "1" and "02" typed into Excel, which stores them as numbers.
      return fc.oneof(blank, fc.constantFrom(...r.alternatives!, 'zzz', 5, 1, 2));
    case 'yesno':
      return fc.oneof(blank, fc.constantFrom(true, false, 'có', 'CÓ', 'không', 'x', 'abc', 1, 0));
    case 'none':
      return blank;
  }
}

function sheetArb(t: CompiledTemplate): fc.Arbitrary<UnitSheet> {
  const codes = unitLayout(t)
    .rows.filter((r) => r.input !== 'none')
    .map((r) => r.code);
  return fc
    .tuple(
      ...codes.map((code) =>
        fc.record({
          self: valueArb(t, code),
          verified: fc.option(valueArb(t, code), { nil: undefined }),
        }),
      ),
    )
    .map((pairs) => {
      const entries: Record<string, ItemEntry> = {};
      pairs.forEach((p, k) => {
        const e: ItemEntry = {};
        if (p.self !== undefined) e.self = p.self;
        if (p.verified !== undefined) e.verified = p.verified;
        if (Object.keys(e).length) entries[codes[k]!] = e;
      });
      return { unitCode: 'TTT', entries };
    });
}

/**
 * A template for the paths the sample does not take: overlapping bands (the first one wins), an
 * alternative without a band, codes that look like numbers, a non-leaf alternative with its
 * own entry and a knock-out below it, bonus, penalty and net caps on one node, caps on the sheet.
 */
const TRICKY: Template = {
  title: 'Thử',
  declaredTotal: 11,
  caps: { bonus: 2, net: 4 },
  criteria: [
    { code: 'A', kind: 'group', text: 'A', caps: { net: 3 } },
    { code: 'A1', parent: 'A', kind: 'base', text: 'A1', base: 5, caps: { bonus: 1, penalty: 2 } },
    { code: 'A1.1', parent: 'A1', kind: 'bonus', text: 'A1.1', rate: 0.3 },
    { code: 'A1.2', parent: 'A1', kind: 'penalty', text: 'A1.2' },
    { code: 'A2', parent: 'A', kind: 'choice', text: 'A2' },
    { code: 'A2.a', parent: 'A2', kind: 'base', text: 'A2.a', base: 4, band: { from: 10 } },
    { code: 'A2.b', parent: 'A2', kind: 'base', text: 'A2.b', base: 3, band: { from: 5, to: 20 } },
    { code: 'A2.c', parent: 'A2', kind: 'penalty', text: 'A2.c', rate: 1 },
    { code: 'A3', parent: 'A', kind: 'choice', text: 'A3' },
    { code: '1', parent: 'A3', kind: 'base', text: 'một', base: 2 },
    { code: 'A3.x', parent: 'A3', kind: 'group', text: 'A3.x' },
    { code: 'A3.x.1', parent: 'A3.x', kind: 'base', text: 'A3.x.1', base: 1 },
    { code: 'A3.x.k', parent: 'A3.x', kind: 'knockout', text: 'A3.x.k' },
    { code: 'A3.y', parent: 'A3', kind: 'bonus', text: 'A3.y', rate: 2 },
    { code: '02', parent: 'A3', kind: 'base', text: 'hai', base: 1 },
    { code: 'M', kind: 'measure', text: 'ngày' },
    { code: 'B', kind: 'choice', text: 'B', input: 'M', caps: { bonus: 0.8 } },
    { code: 'B.a', parent: 'B', kind: 'bonus', text: 'B.a', rate: 1, band: { to: '2025-03-01' } },
    {
      code: 'B.b',
      parent: 'B',
      kind: 'bonus',
      text: 'B.b',
      rate: 0.5,
      band: { from: '2025-03-01', to: '2025-06-01' },
    },
    { code: 'P', kind: 'penalty', text: 'P', rate: 0.25, caps: { penalty: 1 } },
    { code: 'K', kind: 'knockout', text: 'K' },
  ],
};

describe('unit sheet formulas against the engine on random sheets', () => {
  const check = (t: CompiledTemplate, bloc: typeof SAMPLE_BLOC, runs: number) =>
    fc.assert(
      fc.property(sheetArb(t), (sheet) => {
        const spec = buildUnitSheet({
          bloc,
          compiled: t,
          unit: unitOf('TTT'),
          sheet,
          score: scoreUnit(t, workbookSheet(t, sheet)),
        });
        expectFormulasMatchValues(spec, t);
        const read = readUnitSheet(toSheetData(spec), { compiled: t, unit: unitOf('TTT') });
        expect(read.sheet.entries).toEqual(workbookSheet(t, sheet).entries);
      }),
      { numRuns: runs },
    );

  it('recalculate to the engine values on the sample template, and read back as held', () => {
    check(compiled, SAMPLE_BLOC, 300);
  });

  it('recalculate to the engine values on a template with every tricky path', () => {
    const t = compileTemplate(TRICKY);
    const f = unitFormulas(t);
    const row = (code: string) => f.rows[t.indexOf.get(code)!]!;
    // Overlapping bands: A2.b holds only when A2.a does not; A2.c (no band) when neither does.
    expect(row('A2.b').self[0]).toBe(
      'IF(AND(ISNUMBER(F10),F10>=5,F10<20,NOT(AND(ISNUMBER(F10),F10>=10))),C12,0)',
    );
    expect(row('A2.c').self[2]).toBe(
      'IF(AND(F10<>"",NOT(ISLOGICAL(F10)),NOT(AND(ISNUMBER(F10),F10>=10)),NOT(AND(ISNUMBER(F10),F10>=5,F10<20))),D13,0)',
    );
    // Codes that look like numbers, chosen by the number Excel stores for them too (EXACT(1,"1")
    // holds); an own entry inside an alternative.
    expect(row('1').self[0]).toBe('IF(EXACT(F14,"1"),C15,0)');
    expect(row('02').self[0]).toMatch(
      /^IF\(OR\(EXACT\(F14,"02"\),AND\(ISNUMBER\(F14\),F14=2\)\),C\d+,0\)$/,
    );
    expect(row('A3.x.1').self[0]).toBe('IF(EXACT(F14,"A3.x"),MAX(0,MIN(C17,ROUND(N(F17),4))),0)');
    // Bonus, penalty and net caps on one node.
    expect(row('A').self.slice(3)).toEqual(['IF(O6-P6>3,P6+3,O6)', 'IF(P6-O6>3,O6+3,P6)']);
    expect(row('A1').self.slice(3)).toEqual(['MIN(1,O7)', 'MIN(2,P7)']);
    check(t, { ...SAMPLE_BLOC, template: TRICKY }, 400);
  });
});
