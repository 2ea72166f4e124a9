import { formatDecimal } from '../../core/text/vietnamese';
import { type Alternative, bandsIn, clausesOf } from './choices';
import { SIDE_LABEL, sentences, short } from './sentences';
import type { Node } from './tree';
import { derivedRow, type PastedRow } from './types';

// The rows of an item that is a choice: alternatives written in its text, or tiers listed as rows
// under it; and the parts that look like alternatives but add up to the item's points.

const pts = (n: number) => formatDecimal(n);

/**
 * "Có kế hoạch: 1 điểm; tổ chức thực hiện: 2 điểm" under a 3-point item: parts that add up to the
 * item's points, not alternatives to choose from. The item stays a base item, the guess said.
 */
export function arePartsOf(node: Node, stated: readonly Alternative[]): boolean {
  if (node.base === undefined || !stated.length) return false;
  if (!stated.every((a) => a.kind === 'base' && !a.band)) return false;
  const points = stated.map((a) => a.points);
  const sum = points.reduce((a, b) => a + b, 0);
  if (Math.abs(sum - node.base) > 1e-9 || Math.max(...points) === node.base) return false;
  node.unsure.push(
    `${stated.length} phần ghi điểm (${points.map(pts).join(' + ')}) cộng lại bằng điểm chuẩn ${pts(node.base)}: đọc là các phần cộng dồn của mục, không phải chọn một`,
  );
  return true;
}

/**
 * Tiers listed as rows under an item ("- Đạt trên 98% | 5", "- Dưới 97% | 0"): leaf base rows
 * whose points add up to more than the item's, the highest equal to it. The item is a choice.
 */
export function isTierList(node: Node, childRows: readonly PastedRow[]): boolean {
  if (node.base === undefined || childRows.length < 2) return false;
  const bases = node.children.map((c, i) =>
    c.children.length === 0 && childRows[i]!.kind === 'base' ? childRows[i]!.base : undefined,
  );
  if (bases.some((b) => b === undefined)) return false;
  const values = bases as number[];
  const sum = values.reduce((a, b) => a + b, 0);
  return Math.max(...values) === node.base && Math.abs(sum - node.base) > 1e-9;
}

/** The rows of a tier list: banded when every tier's text states a band. */
export function readTierRows(
  node: Node,
  childRows: readonly PastedRow[],
  year: number | undefined,
): PastedRow[] {
  const sum = childRows.reduce((a, r) => a + (r.base ?? 0), 0);
  node.reading.push(`chọn một trong ${childRows.length} mức ở các dòng dưới (đọc từ các dòng con)`);
  node.unsure.push(
    `các dòng con cộng lại ${pts(sum)} điểm, mức cao nhất ${pts(node.base!)} bằng điểm chuẩn của mục: đọc là các mức để chọn một, không cộng dồn`,
  );
  const { bands, unsure: guesses } = bandsIn(
    childRows.map((r) => r.text),
    year,
  );
  if (!bands.every(Boolean)) return [...childRows];
  return childRows.map((r, i) => ({
    ...r,
    band: bands[i]!,
    ...(guesses[i]!.length ? { unsure: [...(r.unsure ?? []), ...guesses[i]!] } : {}),
  }));
}

/** The row's sentences, less those whose clauses became alternatives. */
export function withoutClausesOf(said: readonly string[], alternatives: readonly Alternative[]) {
  if (!alternatives.length) return said;
  const used = new Set(alternatives.map((a) => a.sentence));
  return said.filter((s) => !clausesOf([s]).some((c) => used.has(c)));
}

/**
 * The alternatives of a row that became a choice. Bands stand only when every alternative has
 * one: an alternative without a band could never be picked from the measured value.
 */
export function alternativeRows(node: Node, alternatives: readonly Alternative[]): PastedRow[] {
  const banded = alternatives.every((a) => a.band);
  const where = alternatives.every((a) => sentences(node.text).some((s) => s.includes(a.sentence)))
    ? 'nội dung'
    : 'ghi chú';
  node.reading.push(
    banded
      ? `chọn một mức theo số liệu nhập vào: ${alternatives.length} mức (đọc từ ${where})`
      : `chọn một trong ${alternatives.length} phương án (đọc từ ${where})`,
  );
  if (!banded && alternatives.some((a) => a.band))
    node.unsure.push(
      'có mức ghi khoảng số liệu, có mức không; các mức được chọn bằng mã phương án khi chấm',
    );
  return alternatives.map((a, i) => {
    const code = `${node.code}.m${i + 1}`;
    const worth =
      a.kind === 'base'
        ? `${pts(a.points)} điểm`
        : `${SIDE_LABEL[a.kind]} ${pts(a.points)} điểm một lần`;
    return derivedRow(node.code, {
      code,
      text: a.label,
      kind: a.kind,
      ...(a.kind === 'base' ? { base: a.points } : { rate: a.points }),
      ...(banded && a.band ? { band: a.band } : {}),
      reading: [`phương án của mục ${node.code}: ${worth} (câu "${short(a.sentence)}")`],
      ...(a.unsure.length ? { unsure: a.unsure } : {}),
    });
  });
}
