/**
 * A criteria table pasted into the task pane: cells copied from an Excel sheet (tab-separated,
 * Excel's quoting), from a Word table (tab-separated) or typed as "STT | Nội dung | …". Real
 * sheets share one shape (docs/scoring-rules.md, docs/csv-formats.md):
 *
 *   STT | Nội dung | Điểm chuẩn | Thưởng | Trừ | Ghi chú
 *
 * What is inferred, each inference written into the row's `reading` for the user to confirm:
 * - the tree, from the STT codes: roman numerals are parts; otherwise the parent is the nearest
 *   open row whose code is a prefix of this one ("a1" under "a", "a.7.1" under "a.7", "C1.2"
 *   under "C1"); a code of the same shape as an open row is its sibling ("b" after "a"); any
 *   other code opens a level below the last row ("1" under "I", "a" under "1");
 * - kinds: a row with children is a group (or a base item when its children are only
 *   bonus/penalty rows); a leaf with base points is a base item; a number in Thưởng/Trừ, or a
 *   sentence "… trừ 0,5 điểm" / "+0,2 điểm mỗi bài", is a per-case bonus/penalty with that rate;
 *   on a row that also has base points, that rule becomes a rule row of its own below it;
 * - caps, from "không quá X điểm" / "tối đa X điểm": on the row the sentence names ("của mục a1")
 *   or else on the row itself; a penalty cap when the sentence speaks of trừ, a bonus cap for
 *   cộng/thưởng, a net cap when it speaks of both;
 * - choices, from two clauses or more "label: points" in a leaf's texts: tiers ("Đạt trên 98%: 5
 *   điểm; từ 97% đến dưới 98%: 4 điểm", "≥ 2.000 hồ sơ: 3 điểm") become alternatives banded on
 *   the measured value, dates ("trong tháng 01", "sau ngày 31/01") on a date, the year from the
 *   title; others ("Có báo cáo: 2 điểm / Không có công văn: 0 điểm và trừ 2 điểm") alternatives
 *   chosen by code, a "trừ" alternative worth its points once; tiers listed as "-" rows under an
 *   item whose points they exceed in sum make it a choice too;
 * - a "… (không xếp loại)" sentence on a base item: a knock-out row below it;
 * - what was guessed where the words allow two readings ("trên 98%" against "dưới 98%", a date
 *   bound) goes into the row's `unsure` and a 'paste-guess' warning;
 * - the declared total, from a "Tổng cộng" row without STT (else 100).
 * Pure: text in, template or problems out.
 *
 * The steps, one file each: records.ts cuts the text into cells, header.ts finds the header,
 * points.ts reads the points cells, tree.ts links the rows by their STT, sentences.ts reads rates
 * and caps in the texts, choices.ts and dates.ts read tiers and alternatives, rows.ts decides
 * kinds, rule rows and caps (choice-rows.ts the rows of a choice), parse.ts runs them in turn.
 */
export { parsePastedCriteria } from './parse';
export {
  PASTE_SOURCE,
  type PasteFindingKind,
  type PasteOptions,
  type PasteResult,
  type PastedRow,
  type PasteWarning,
} from './types';
