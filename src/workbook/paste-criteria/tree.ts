import type { Caps } from '../../core/template/types';
import { normalizeCode } from '../../core/text/vietnamese';
import { sentences } from './sentences';

const ROMAN = /^(?=[IVX])X{0,3}(?:IX|IV|V?I{0,3})$/;
const PART_WORDS = /^(?:phần|tiêu\s*chuẩn)\s*/iu;
const ITEM_WORDS = /^(?:mục|tiêu\s*chí)\s*/iu;
const BULLET = /^[-–+*•]$/u;

/** The code of an STT cell and whether it names a part ("I.", "Phần II", "Tiêu chuẩn 1"). */
export function readCode(cell: string): { code: string; part: boolean } {
  let t = cell.trim();
  const partWord = PART_WORDS.test(t);
  t = t.replace(PART_WORDS, '').replace(ITEM_WORDS, '');
  const code = normalizeCode(t)
    .replace(/^\((.*)\)$/, '$1')
    .replace(/[.):]+$/, '');
  // "KXL", "TC1": a code that opens with several letters is a part of its own.
  return { code, part: partWord || ROMAN.test(code) || /^\p{L}{2,}/u.test(code) };
}

const charClass = (ch: string) => (/\d/.test(ch) ? 'digit' : /\p{L}/u.test(ch) ? 'letter' : 'sep');

/** "a" is a prefix of "a1", "1" of "1.2", "a.7" of "a.7.1"; "1" is not a prefix of "12". */
function isPrefix(p: string, code: string): boolean {
  if (code.length <= p.length || !code.startsWith(p)) return false;
  const next = code[p.length]!;
  return charClass(next) === 'sep' || charClass(next) !== charClass(p[p.length - 1]!);
}

/** The shape of a code: "a" and "b" alike, "1.2" and "3.4" alike, "a1" and "b2" alike. */
function shape(code: string): string {
  return code
    .replace(/\d+/g, '9')
    .replace(/\p{Ll}+/gu, 'a')
    .replace(/\p{Lu}+/gu, 'A');
}

function findLastIndex<T>(items: readonly T[], test: (t: T) => boolean): number {
  for (let i = items.length - 1; i >= 0; i--) if (test(items[i]!)) return i;
  return -1;
}

/** A row with an STT, placed in the tree; `buildRows` turns it into rows. */
export interface Node {
  line: number;
  written: string;
  code: string;
  part: boolean;
  parent?: Node;
  children: Node[];
  text: string;
  note: string;
  /** Sentences that came from a line without STT below the row, with that line. */
  looseLines: Map<string, number>;
  base?: number;
  bonusRate?: number;
  penaltyRate?: number;
  /** Caps written in the Thưởng/Trừ cells ("tối đa 2"). */
  cellCaps: Caps;
  /** A points cell could not be read (reported already). */
  failed: boolean;
  reading: string[];
  /** What was guessed (see `PastedRow.unsure`). */
  unsure: string[];
}

/** The rows with an STT, in paste order, linked into a tree as they come. */
export class CriteriaTree {
  readonly nodes: Node[] = [];
  /** The nodes of each STT as written, in paste order. */
  readonly byWritten = new Map<string, Node[]>();
  private readonly used = new Set<string>();
  /** The open rows, from the top level down to the last row. */
  private stack: Node[] = [];

  add(node: Node): void {
    const parent = this.place(node);
    this.qualify(node, parent);
    this.used.add(node.code);
    this.byWritten.set(node.written, [...(this.byWritten.get(node.written) ?? []), node]);
    this.nodes.push(node);
  }

  /** A line without STT below the last row: more of that row's note. */
  continueLast(line: number, extra: string): void {
    const prev = this.nodes[this.nodes.length - 1];
    if (!prev || !extra) return;
    prev.note = [prev.note, extra].filter(Boolean).join('. ');
    for (const sentence of sentences(extra)) prev.looseLines.set(sentence, line);
    prev.reading.push(`dòng ${line} (không có STT) được đọc như ghi chú của mục này`);
  }

  /** Links the node under its parent (see the module's comment) and returns that parent. */
  private place(node: Node): Node | undefined {
    const written = node.written;
    if (node.part) this.stack = [];
    else {
      const stack = this.stack;
      const prefixAt = findLastIndex(stack, (n) => isPrefix(n.written, written));
      const sameShapeAt = findLastIndex(
        stack,
        (n) => !n.part && shape(n.written) === shape(written),
      );
      if (prefixAt >= 0) this.stack = stack.slice(0, prefixAt + 1);
      else if (sameShapeAt >= 0) this.stack = stack.slice(0, sameShapeAt);
    }
    const parent = this.stack[this.stack.length - 1];
    if (parent) {
      node.parent = parent;
      parent.children.push(node);
    }
    this.stack.push(node);
    return parent;
  }

  /** A sheet that restarts its numbering under each part repeats codes: qualify them. */
  private qualify(node: Node, parent: Node | undefined): void {
    const written = node.written;
    // Tiers are often listed as "-" or "+" rows under their item: number them there.
    if (BULLET.test(written) && parent) {
      let n = 1;
      while (this.used.has(`${parent.code}.m${n}`)) n++;
      node.code = `${parent.code}.m${n}`;
      node.reading.push(`STT "${written}" (gạch đầu dòng): dùng mã ${node.code}`);
      return;
    }
    const parentRenamed = parent !== undefined && parent.code !== parent.written;
    if (!this.used.has(written) && !(parentRenamed && isPrefix(parent.written, written))) return;
    const base = parent
      ? isPrefix(parent.written, written)
        ? parent.code + written.slice(parent.written.length)
        : `${parent.code}.${written}`
      : written;
    let code = base;
    for (let n = 2; this.used.has(code); n++) code = `${base}_${n}`;
    node.code = code;
    const first = this.byWritten.get(written)?.[0];
    node.reading.push(
      first
        ? `STT "${written}" đã có ở dòng ${first.line}: dùng mã ${code}`
        : `mục cha được đổi mã: dùng mã ${code}`,
    );
  }
}
