/**
 * Building blocks of an official document (văn bản hành chính) in the format of Decree
 * 30/2020/NĐ-CP, Phụ lục I: A4 portrait, Times New Roman, the header block (issuing body and
 * number on the left, national motto and place/date line on the right), the title, body
 * paragraphs, signature blocks and the recipients list. Pure: no IO, no clock.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  Header,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableBorders,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
  type FileChild,
  type IBorderOptions,
} from 'docx';
import { dateWordsVi, isIsoShaped, isoParts, type DateParts } from '../core/text/dates';
import { escapeXml } from '../core/text/xml';

export const FONT = 'Times New Roman';

/** Sizes in points (docx wants half-points; see `run`). */
export const PT = {
  body: 13,
  title: 14,
  header: 13,
  motto: 13,
  nationalName: 12,
  // Nghị định 30/2020 sets no size for tables; 11 pt lets the ranking's nine columns fit A4.
  table: 11,
  signature: 14,
  recipientsLabel: 12,
  recipients: 11,
} as const;

/**
 * Millimetres to twips, rounded to the nearest twip. (docx's convertMillimetersToTwip truncates:
 * 210 mm would give 11905 twips instead of Word's A4 width of 11906.)
 */
export const mm = (x: number): number => Math.round((x * 1440) / 25.4);

/** A4 portrait, margins of Decree 30 (top/bottom 20–25 mm, left 30–35 mm, right 15–20 mm). */
export const PAGE = {
  width: mm(210),
  height: mm(297),
  margin: { top: mm(20), bottom: mm(20), left: mm(30), right: mm(15) },
} as const;

/** Width of the text column: 165 mm. */
export const TEXT_WIDTH = PAGE.width - PAGE.margin.left - PAGE.margin.right;

export const NO_BORDERS = TableBorders.NONE;
export const THIN: IBorderOptions = { style: BorderStyle.SINGLE, size: 4, color: '000000' };

/** NFC, trimmed: every string written into a document goes through here. */
export const text = (s: string): string => s.normalize('NFC').trim();

/** Upper case the Vietnamese way ("Khối thi đua" → "KHỐI THI ĐUA"). */
export const upper = (s: string): string => text(s).toLocaleUpperCase('vi');

export interface RunStyle {
  size?: number;
  bold?: boolean;
  italics?: boolean;
  underline?: boolean;
}

/** A Times New Roman run; the font is set on every run so that no template can override it. */
export function run(t: string, style: RunStyle = {}): TextRun {
  return new TextRun({
    text: t.normalize('NFC'),
    font: FONT,
    size: (style.size ?? PT.body) * 2,
    bold: style.bold ?? false,
    italics: style.italics ?? false,
    ...(style.underline ? { underline: {} } : {}),
  });
}

type Align = (typeof AlignmentType)[keyof typeof AlignmentType];

export interface ParaOptions extends RunStyle {
  align?: Align;
  /** First-line indent of body text (Decree 30: 1–1,27 cm). */
  indent?: boolean;
  before?: number;
  after?: number;
  keepNext?: boolean;
  /** Line spacing in 240ths of a line; default single. */
  line?: number;
}

/** A paragraph of one or more runs; strings take the paragraph's style. */
export function para(children: string | (string | TextRun)[], o: ParaOptions = {}): Paragraph {
  const parts = typeof children === 'string' ? [children] : children;
  return new Paragraph({
    alignment: o.align ?? AlignmentType.LEFT,
    spacing: {
      before: (o.before ?? 0) * 20,
      after: (o.after ?? 0) * 20,
      line: o.line ?? 240,
      lineRule: LineRuleType.AUTO,
    },
    ...(o.indent ? { indent: { firstLine: mm(10) } } : {}),
    ...(o.keepNext ? { keepNext: true } : {}),
    run: { font: FONT, size: (o.size ?? PT.body) * 2 },
    children: parts.map((c) => (typeof c === 'string' ? run(c, o) : c)),
  });
}

/** A body paragraph: 13 pt, justified, first line indented, 6 pt before, line spacing 1,15. */
export function body(children: string | (string | TextRun)[], o: ParaOptions = {}): Paragraph {
  return para(children, {
    align: AlignmentType.JUSTIFIED,
    indent: true,
    before: 6,
    line: 276,
    ...o,
  });
}

/**
 * Rough width of a line of Times New Roman, in twips: enough to size the short rules under the
 * issuing body and the title (Decree 30 asks for 1/3–1/2 of the text above them).
 */
export function estimateWidth(s: string, sizePt: number, bold = false): number {
  let em = 0;
  for (const ch of text(s)) {
    if (ch === ' ') em += 0.25;
    else if (/[0-9]/.test(ch)) em += 0.5;
    else if (ch === ch.toLocaleUpperCase('vi') && ch !== ch.toLocaleLowerCase('vi')) em += 0.7;
    else em += 0.46;
  }
  return Math.round(em * sizePt * 20 * (bold ? 1.05 : 1));
}

/** A centered horizontal rule `width` twips long, drawn as the bottom border of an empty paragraph. */
export function rule(columnWidth: number, width: number): Paragraph {
  const side = Math.max(0, Math.round((columnWidth - width) / 2));
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    indent: { left: side, right: side },
    spacing: { before: 0, after: 0, line: 90, lineRule: LineRuleType.EXACT },
    border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: '000000', space: 1 } },
    run: { font: FONT, size: 4 },
    children: [],
  });
}

export function cell(
  children: Paragraph[],
  width: number,
  o: { borders?: boolean; columnSpan?: number; center?: boolean } = {},
): TableCell {
  return new TableCell({
    children: children.length ? children : [para('')],
    width: { size: width, type: WidthType.DXA },
    verticalAlign: o.center ? VerticalAlignTable.CENTER : VerticalAlignTable.TOP,
    ...(o.columnSpan ? { columnSpan: o.columnSpan } : {}),
    ...(o.borders === false
      ? { borders: { top: NO_BORDER, bottom: NO_BORDER, left: NO_BORDER, right: NO_BORDER } }
      : {}),
  });
}

const NO_BORDER: IBorderOptions = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };

/** A table without borders, used for layout (header block, signatures). */
export function layoutTable(rows: Paragraph[][][], widths: number[]): Table {
  return new Table({
    width: { size: widths.reduce((a, b) => a + b, 0), type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    borders: NO_BORDERS,
    margins: { left: 0, right: 0, top: 0, bottom: 0 },
    rows: rows.map(
      (cells) =>
        new TableRow({
          cantSplit: true,
          children: cells.map((c, i) => cell(c, widths[i]!, { borders: false })),
        }),
    ),
  });
}

// ---------------------------------------------------------------------------------------------
// Dates and numbers
// ---------------------------------------------------------------------------------------------

/** The date of a document, a strict ISO date (YYYY-MM-DD, spaces around allowed); throws on anything else. */
export function documentDate(iso: string): DateParts {
  const t = iso.trim();
  if (!isIsoShaped(t)) throw new RangeError(`Ngày "${iso}" không đúng dạng YYYY-MM-DD.`);
  const parts = isoParts(t);
  if (!parts) throw new RangeError(`Ngày "${iso}" không có trong lịch.`);
  return parts;
}

/**
 * The place and date line of an official document: "Tuyên Quang, ngày 25 tháng 12 năm 2025" (the
 * date in words as Decree 30/2020 writes it, see `dateWordsVi`).
 */
export function vietnameseDateLine(place: string, isoDate: string): string {
  const when = dateWordsVi(documentDate(isoDate));
  const where = text(place).replace(/\s+/g, ' ');
  return where ? `${where}, ${when}` : when;
}

/** Abbreviation of an issuing body for its document numbers: "KHỐI THI ĐUA NỘI CHÍNH" → "KTĐNC". */
export function abbreviate(issuer: string): string {
  return upper(issuer)
    .split(/[\s\-–]+/)
    .filter((w) => w !== '')
    .map((w) => w.charAt(0))
    .join('');
}

/**
 * "Số: 05/BC-KTĐNC". Numbers below 10 get a leading zero (Decree 30); without a number the
 * space is left blank for the office to fill in by hand.
 */
export function numberLine(kind: string, issuer: string, documentNumber?: string): string {
  if (documentNumber === undefined || text(documentNumber) === '')
    return `Số:        /${kind}-${abbreviate(issuer)}`;
  const n = text(documentNumber)
    .replace(/^Số\s*:?\s*/i, '')
    .replace(/^(\d)(?=\/)/, '0$1');
  return `Số: ${n}`;
}

// ---------------------------------------------------------------------------------------------
// Header block, title, signatures, recipients
// ---------------------------------------------------------------------------------------------

export interface HeaderBlockInput {
  /** Governing body above the issuer (cơ quan chủ quản), e.g. "UBND TỈNH TUYÊN QUANG". */
  parentIssuer?: string;
  issuer: string;
  /** The whole number line, e.g. "Số: 05/BC-KTĐNC". */
  numberLine: string;
  dateLine: string;
}

/** Left column 60 mm, right column 105 mm: the motto fits on one line at 12–13 pt. */
const HEADER_WIDTHS = [mm(62), TEXT_WIDTH - mm(62)];

/**
 * The two-column header without borders: issuing body (upper case, bold) over a short rule and
 * the number line on the left; the national name (bold, upper case) and the motto (bold,
 * underlined over its own length) over the place/date line (italic) on the right. The number and
 * the place/date line share a row, as Decree 30 puts them on the same line.
 */
export function headerBlock(h: HeaderBlockInput): Table {
  const [left, right] = HEADER_WIDTHS as [number, number];
  const issuerLines = upper(h.issuer);
  const center = AlignmentType.CENTER;
  const leftTop: Paragraph[] = [];
  if (h.parentIssuer && text(h.parentIssuer) !== '')
    leftTop.push(para(upper(h.parentIssuer), { align: center, size: PT.header }));
  leftTop.push(para(issuerLines, { align: center, size: PT.header, bold: true }));
  const issuerWidth = Math.min(left, estimateWidth(issuerLines, PT.header, true));
  leftTop.push(rule(left, Math.max(mm(12), Math.round(issuerWidth * 0.4))));
  const rightTop = [
    para('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', {
      align: center,
      size: PT.nationalName,
      bold: true,
    }),
    para([run('Độc lập - Tự do - Hạnh phúc', { size: PT.motto, bold: true, underline: true })], {
      align: center,
      size: PT.motto,
    }),
  ];
  const leftBottom = [para(h.numberLine, { align: center, size: PT.body, before: 6 })];
  const rightBottom = [
    para(h.dateLine, { align: center, size: PT.body, italics: true, before: 6 }),
  ];
  return layoutTable(
    [
      [leftTop, rightTop],
      [leftBottom, rightBottom],
    ],
    [left, right],
  );
}

/** "BÁO CÁO" over the summary line (both bold, 14 pt, centered) and a short rule. */
export function titleBlock(kind: string, summary: string[]): Paragraph[] {
  const out = [
    para(upper(kind), { align: AlignmentType.CENTER, size: PT.title, bold: true, before: 18 }),
  ];
  for (const line of summary)
    out.push(para(line, { align: AlignmentType.CENTER, size: PT.title, bold: true }));
  const longest = Math.max(...summary.map((s) => estimateWidth(s, PT.title, true)), 0);
  out.push(rule(TEXT_WIDTH, Math.max(mm(25), Math.round(Math.min(longest, TEXT_WIDTH) * 0.4))));
  out.push(para('', { size: 6 }));
  return out;
}

/**
 * A signature column: the signer's title (upper case, bold, one line per "\n"), room for the
 * signature and seal, then the name (bold). Without a name the room is kept for a handwritten one.
 */
export function signatureColumn(title: string, name?: string): Paragraph[] {
  const center = AlignmentType.CENTER;
  const out = title
    .split('\n')
    .filter((l) => text(l) !== '')
    .map((l) => para(upper(l), { align: center, size: PT.signature, bold: true, keepNext: true }));
  for (let i = 0; i < 4; i++) out.push(para('', { size: PT.signature, keepNext: true }));
  out.push(para(name ? text(name) : '', { align: center, size: PT.signature, bold: true }));
  return out;
}

/**
 * The recipients list (Nơi nhận): the label in 12 pt bold italic, the lines in 11 pt, each
 * starting with "- " and ending with ";", the last one (usually "Lưu: VT.") with ".".
 */
export function recipientsColumn(recipients: readonly string[]): Paragraph[] {
  const out = [para('Nơi nhận:', { size: PT.recipientsLabel, bold: true, italics: true })];
  recipients.forEach((r, i) => {
    const line = text(r)
      .replace(/^[-–•]\s*/, '')
      .replace(/[;.,]+$/, '');
    const end = i === recipients.length - 1 ? '.' : ';';
    out.push(para(`- ${line}${end}`, { size: PT.recipients }));
  });
  return out;
}

/** Two columns at the foot of the document: recipients (or a second signer) and the signer. */
export function footerBlock(left: Paragraph[], right: Paragraph[], leftWidth = mm(75)): Table {
  return layoutTable([[left, right]], [leftWidth, TEXT_WIDTH - leftWidth]);
}

// ---------------------------------------------------------------------------------------------
// Document and packing
// ---------------------------------------------------------------------------------------------

/**
 * Packs the document. The package's core properties carry the document's own date rather than
 * the machine's clock, so the same input gives the same document text and metadata.
 */
export async function packDocument(
  title: string,
  isoDate: string,
  children: FileChild[],
): Promise<Uint8Array> {
  documentDate(isoDate);
  const pageNumber = new Header({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [new TextRun({ children: [PageNumber.CURRENT], font: FONT, size: PT.body * 2 })],
      }),
    ],
  });
  const doc = new Document({
    title: text(title),
    creator: 'thidua',
    styles: {
      default: {
        document: {
          run: { font: FONT, size: PT.body * 2, language: { value: 'vi-VN' } },
          paragraph: { spacing: { before: 0, after: 0 } },
        },
      },
    },
    sections: [
      {
        properties: {
          titlePage: true,
          page: {
            size: { width: PAGE.width, height: PAGE.height },
            margin: { ...PAGE.margin, header: mm(10), footer: mm(10) },
          },
        },
        // Decree 30: page numbers centered in the top margin, not shown on the first page.
        headers: { default: pageNumber, first: new Header({ children: [] }) },
        children,
      },
    ],
  });
  const stamp = `${isoDate.trim()}T00:00:00Z`;
  const core =
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
    '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" ' +
    'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" ' +
    'xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
    `<dc:title>${escapeXml(text(title))}</dc:title><dc:creator>thidua</dc:creator>` +
    '<cp:lastModifiedBy>thidua</cp:lastModifiedBy><cp:revision>1</cp:revision>' +
    `<dcterms:created xsi:type="dcterms:W3CDTF">${stamp}</dcterms:created>` +
    `<dcterms:modified xsi:type="dcterms:W3CDTF">${stamp}</dcterms:modified>` +
    '</cp:coreProperties>';
  // An ArrayBuffer, not a Node Buffer: the same code runs in the task pane.
  return new Uint8Array(
    await Packer.toArrayBuffer(doc, false, [{ path: 'docProps/core.xml', data: core }]),
  );
}
