/**
 * The bloc's official documents as Word files, in the format of Decree 30/2020/NĐ-CP:
 * - the report on the year's scoring and ranking (BÁO CÁO Kết quả chấm điểm, xếp hạng thi đua),
 * - the verification minutes of one unit (BIÊN BẢN thẩm định kết quả tự chấm điểm thi đua).
 * Pure: data in, Buffer out; the document's date is a parameter.
 */
import {
  AlignmentType,
  ImageRun,
  Paragraph,
  Table,
  TableRow,
  TableLayoutType,
  WidthType,
} from 'docx';
import type { Bloc, BlocResult, Round, UnitResult } from '../core/bloc';
import type { Criterion } from '../core/template/types';
import { dateWordsVi, type DateParts } from '../core/text/dates';
import { formatDecimal } from '../core/text/vietnamese';
import {
  body,
  cell,
  footerBlock,
  headerBlock,
  documentDate,
  mm,
  numberLine,
  packDocument,
  para,
  PT,
  recipientsColumn,
  run,
  signatureColumn,
  text,
  TEXT_WIDTH,
  THIN,
  titleBlock,
  upper,
  vietnameseDateLine,
} from './docx-official';
import { rankingChart } from '../core/ranking/chart';
import { COL, knockoutReasons, rankingRows } from '../core/ranking/rows';
import { barsPicture, chartPicture, type ChartPicture } from './chart-picture';

export { vietnameseDateLine } from './docx-official';

/** What both documents need: the bloc, its result, and the document's place and date. */
export interface OfficialDocumentInput {
  bloc: Bloc;
  result: BlocResult;
  /** Place of issue, e.g. "Tuyên Quang". */
  place: string;
  /** Date of issue, ISO (YYYY-MM-DD). */
  date: string;
  /** Issuing body, e.g. "KHỐI THI ĐUA NỘI CHÍNH"; default: the bloc's name in upper case. */
  issuer?: string;
  /** Governing body printed above the issuer (cơ quan chủ quản), e.g. "UBND TỈNH TUYÊN QUANG". */
  parentIssuer?: string;
  /** E.g. "05/BC-KTĐNC"; without it the number is left blank, to be filled in by the office. */
  documentNumber?: string;
}

export interface ReportDocxInput extends OfficialDocumentInput {
  /** Default "TRƯỞNG KHỐI"; "\n" separates lines ("TM. KHỐI THI ĐUA\nTRƯỞNG KHỐI"). */
  signerTitle?: string;
  signerName?: string;
  /** Nơi nhận, one line each, without the leading "- "; default: the provincial board, the members, the archive. */
  recipients?: string[];
}

export interface MinutesDocxInput extends OfficialDocumentInput {
  unitCode: string;
  /** Where the verification took place; default "trụ sở <unit name>". */
  venue?: string;
  /** Names and positions of those present; without them, dotted lines to fill in by hand. */
  blocRepresentatives?: string[];
  unitRepresentatives?: string[];
  unitSignerName?: string;
  blocSignerName?: string;
}

const ROUND_TEXT: Readonly<Record<Round, string>> = {
  'dot-1': 'đợt 1 (sơ kết)',
  'dot-2': 'đợt 2 (tổng kết)',
  'ca-nam': 'cả năm',
};

/** Points in running text: "118,4". */
const pts = (n: number): string => formatDecimal(n);
/** Points in a table: always 2 decimals, "118,40". */
const pts2 = (n: number): string => formatDecimal(n, { decimals: 2, minDecimals: 2 });
/** A difference with its sign: "+1,5", "-2", "0". */
const signed = (n: number): string => (n > 0 ? `+${pts(n)}` : pts(n));

function issuerOf(input: OfficialDocumentInput): string {
  return input.issuer && text(input.issuer) !== '' ? upper(input.issuer) : upper(input.bloc.name);
}

function header(input: OfficialDocumentInput, kind: string): Table {
  const issuer = issuerOf(input);
  return headerBlock({
    issuer,
    ...(input.parentIssuer ? { parentIssuer: input.parentIssuer } : {}),
    numberLine: numberLine(kind, issuer, input.documentNumber),
    dateLine: vietnameseDateLine(input.place, input.date),
  });
}

/** A numbered heading inside the body ("1. Kết quả chấm điểm, xếp hạng"): bold, kept with what follows. */
function heading(label: string): Paragraph {
  return body(label, { bold: true, keepNext: true, before: 6 });
}

/** A line of a list, indented like body text and starting with "- ". */
function item(children: string | (string | ReturnType<typeof run>)[]): Paragraph {
  const parts = typeof children === 'string' ? [children] : children;
  return body(['- ', ...parts]);
}

// ---------------------------------------------------------------------------------------------
// The report
// ---------------------------------------------------------------------------------------------

/** Report table columns: which rankingRows column, its header, width (mm) and alignment. */
const REPORT_COLUMNS: { col: number; header: string; width: number; numeric: boolean }[] = [
  { col: COL.rank, header: 'Hạng', width: 13, numeric: true },
  { col: COL.name, header: 'Đơn vị', width: 38, numeric: false },
  { col: COL.self, header: 'Tự chấm', width: 15, numeric: true },
  { col: COL.verified, header: 'Khối chấm', width: 15, numeric: true },
  { col: COL.base, header: 'Điểm chuẩn', width: 15, numeric: true },
  { col: COL.bonus, header: 'Điểm thưởng', width: 16, numeric: true },
  { col: COL.penalty, header: 'Điểm trừ', width: 13, numeric: true },
  { col: COL.classification, header: 'Xếp loại', width: 19, numeric: false },
  { col: COL.proposal, header: 'Đề nghị khen thưởng', width: 28, numeric: false },
];

function tableCell(
  value: string,
  width: number,
  o: { bold?: boolean; center?: boolean; italics?: boolean; span?: number } = {},
) {
  const paragraph = para(value, {
    size: PT.table,
    align: o.center ? AlignmentType.CENTER : AlignmentType.LEFT,
    before: 2,
    after: 2,
    ...(o.bold ? { bold: true } : {}),
    ...(o.italics ? { italics: true } : {}),
  });
  return cell([paragraph], width, { center: true, ...(o.span ? { columnSpan: o.span } : {}) });
}

/**
 * The ranking table: bordered, header row bold and repeated on every page, rows never split,
 * points with a decimal comma and 2 decimals; units not classified come last under their own row.
 */
function rankingTable(input: ReportDocxInput): Table {
  const { rows } = rankingRows(input.result, { template: input.bloc.template });
  const widths = REPORT_COLUMNS.map((c) => mm(c.width));
  widths[1] = TEXT_WIDTH - widths.reduce((a, b) => a + b, 0) + widths[1]!;
  // Ranks are whole numbers; points get 2 decimals.
  const show = (v: string | number | null, c: { col: number }): string =>
    v === null ? '' : typeof v === 'number' && c.col !== COL.rank ? pts2(v) : String(v);
  const head = new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: REPORT_COLUMNS.map((c, i) =>
      tableCell(c.header, widths[i]!, { bold: true, center: true }),
    ),
  });
  const out: TableRow[] = [head];
  let separated = false;
  input.result.units.forEach((u, r) => {
    const row = rows[r]!;
    if (u.ranked.rank === null && !separated) {
      separated = true;
      out.push(
        new TableRow({
          cantSplit: true,
          children: [
            tableCell('Đơn vị không xếp loại', TEXT_WIDTH, {
              italics: true,
              bold: true,
              span: REPORT_COLUMNS.length,
            }),
          ],
        }),
      );
    }
    out.push(
      new TableRow({
        cantSplit: true,
        children: REPORT_COLUMNS.map((c, i) => {
          const v = c.col === COL.rank && u.ranked.rank === null ? '–' : (row[c.col] ?? null);
          return tableCell(show(v, c), widths[i]!, { center: c.numeric });
        }),
      }),
    );
  });
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    borders: {
      top: THIN,
      bottom: THIN,
      left: THIN,
      right: THIN,
      insideHorizontal: THIN,
      insideVertical: THIN,
    },
    margins: { left: 57, right: 57, top: 0, bottom: 0 },
    rows: out,
  });
}

/**
 * A picture centred on its own line, kept with the caption under it that says in words what it
 * shows: the SVG, with its PNG for the applications that show no SVG (older Word, LibreOffice 7),
 * which has no text.
 */
function pictureParagraphs(picture: ChartPicture, caption: string, title: string): Paragraph[] {
  return [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { before: 180, after: 60 },
      keepNext: true,
      children: [
        new ImageRun({
          type: 'svg',
          data: new TextEncoder().encode(picture.svg),
          fallback: { type: 'png', data: picture.png },
          transformation: { width: picture.width, height: picture.height },
          altText: { name: 'Biểu đồ', title, description: caption },
        }),
      ],
    }),
    para(caption, { align: AlignmentType.CENTER, italics: true, size: PT.table, after: 6 }),
  ];
}

/** The ranking chart under the table, the same as on the Xếp hạng sheet. */
function rankingChartParagraphs(input: ReportDocxInput): Paragraph[] {
  const chart = rankingChart(input.result, input.bloc.settings.classification, input.bloc.year);
  const thresholds = chart.thresholds.map((t) => t.label).join('; ');
  const caption = `Biểu đồ: ${chart.title.charAt(0).toLowerCase()}${chart.title.slice(1)}, các đơn vị theo thứ tự của bảng trên${thresholds ? `; đường nét đứt là ngưỡng xếp loại (${thresholds})` : ''}.`;
  return pictureParagraphs(chartPicture(chart), caption, chart.title);
}

const unitNamed = (u: UnitResult) => text(u.unit.name);

/** "Tòa án nhân dân tỉnh hạng 4, Viện Kiểm sát nhân dân tỉnh hạng 3": the ranks a tie ended with. */
function tieOutcome(result: BlocResult, codes: readonly string[]): string {
  const byRank = new Map<string, string[]>();
  for (const u of result.units.filter((x) => codes.includes(x.unit.code))) {
    const rank = String(u.ranked.rank ?? '–');
    byRank.set(rank, [...(byRank.get(rank) ?? []), unitNamed(u)]);
  }
  return [...byRank]
    .map(([rank, names]) =>
      names.length > 1 ? `${names.join(', ')} đồng hạng ${rank}` : `${names[0]} xếp hạng ${rank}`,
    )
    .join(', ');
}

function proposalParagraphs(input: ReportDocxInput): Paragraph[] {
  const { result, bloc } = input;
  const out: Paragraph[] = [];
  const levels = bloc.settings.proposals.levels;
  const required = bloc.settings.proposals.requiredVoteShare;
  out.push(
    body(
      `Căn cứ kết quả chấm điểm, xếp hạng${required !== undefined ? ` và kết quả biểu quyết (tỷ lệ đồng ý tối thiểu ${formatDecimal(required * 100, { decimals: 1 })}%)` : ''}, ${text(bloc.name)} đề nghị cấp có thẩm quyền xem xét, khen thưởng:`,
    ),
  );
  for (const level of levels) {
    const awarded = result.units.filter(
      (u) => u.proposal.award !== undefined && u.proposal.label === level.label,
    );
    const pending = result.units.filter(
      (u) => u.proposal.pending && u.proposal.label === level.label,
    );
    const parts: string[] = [];
    if (awarded.length)
      parts.push(
        awarded.map((u) => `${unitNamed(u)} (${pts(u.score.verified.total)} điểm)`).join('; '),
      );
    if (pending.length) {
      const notes = [
        ...new Set(pending.map((u) => u.proposal.note).filter((n) => n !== undefined)),
      ];
      // The note already names the tied units, their rank and the slots left.
      parts.push(
        notes.length
          ? notes.join('; ')
          : `chờ biểu quyết giữa ${pending.map(unitNamed).join(', ')}`,
      );
    }
    if (parts.length === 0) parts.push('không có đơn vị đủ điều kiện');
    out.push(item([run(`${text(level.label)}: `, { bold: true }), `${parts.join('; ')}.`]));
  }
  // Notes on units not proposed (a vote below the required share, or no vote yet).
  const others = result.units.filter((u) => !u.proposal.pending && u.proposal.note);
  for (const u of others) out.push(item(`${unitNamed(u)}: ${u.proposal.note}.`));
  return out;
}

/** "BÁO CÁO Kết quả chấm điểm, xếp hạng thi đua năm {year}" of the bloc. */
export async function buildReportDocx(input: ReportDocxInput): Promise<Uint8Array> {
  const { bloc, result } = input;
  documentDate(input.date);
  const year = bloc.year;
  const ranked = result.units.filter((u) => u.ranked.rank !== null);
  const knockedOut = result.units.filter((u) => u.ranked.rank === null);
  const children: (Paragraph | Table)[] = [header(input, 'BC')];
  children.push(...titleBlock('Báo cáo', [`Kết quả chấm điểm, xếp hạng thi đua năm ${year}`]));

  children.push(
    body(
      `Căn cứ ${text(bloc.template.title)}, ${text(bloc.name)} đã tổ chức thẩm định kết quả tự chấm điểm thi đua năm ${year} (kỳ chấm điểm: ${ROUND_TEXT[bloc.round]}) của ${result.units.length} đơn vị thành viên; ${ranked.length} đơn vị được xếp hạng${knockedOut.length ? `, ${knockedOut.length} đơn vị không xếp loại` : ''}. Kết quả cụ thể như sau:`,
    ),
  );

  let section = 0;
  children.push(heading(`${++section}. Kết quả chấm điểm, xếp hạng`));
  children.push(
    para('Đơn vị tính: điểm', {
      align: AlignmentType.RIGHT,
      italics: true,
      size: PT.table,
      before: 0,
      after: 3,
      keepNext: true,
    }),
  );
  children.push(rankingTable(input));
  if (result.units.length) children.push(...rankingChartParagraphs(input));
  if (knockedOut.length) {
    children.push(
      body('Đơn vị không xếp loại (không xét xếp hạng, dù có điểm):', {
        before: 9,
        keepNext: true,
      }),
    );
    for (const u of knockedOut)
      children.push(
        item(
          `${unitNamed(u)} (khối chấm ${pts(u.score.verified.total)} điểm): ${knockoutReasons(u, bloc.template).join('; ')}.`,
        ),
      );
  }

  if (result.ties.length) {
    children.push(heading(`${++section}. Các trường hợp bằng điểm`));
    for (const tie of result.ties)
      children.push(
        item(`${text(tie.message).replace(/\.$/, '')}. Kết quả: ${tieOutcome(result, tie.units)}.`),
      );
  }

  children.push(heading(`${++section}. Đề nghị khen thưởng`));
  children.push(...proposalParagraphs(input));

  children.push(
    body(
      `Trên đây là báo cáo kết quả chấm điểm, xếp hạng thi đua năm ${year} của ${text(bloc.name)}./.`,
      { keepNext: true },
    ),
  );
  children.push(para('', { keepNext: true }));
  const recipients = input.recipients ?? [
    'Ban Thi đua - Khen thưởng tỉnh',
    'Các đơn vị thành viên Khối',
    'Lưu: VT',
  ];
  children.push(
    footerBlock(
      recipientsColumn(recipients),
      signatureColumn(input.signerTitle ?? 'TRƯỞNG KHỐI', input.signerName),
    ),
  );
  return packDocument(
    `Báo cáo kết quả chấm điểm, xếp hạng thi đua năm ${year}`,
    input.date,
    children,
  );
}

// ---------------------------------------------------------------------------------------------
// The minutes
// ---------------------------------------------------------------------------------------------

/** "Tiêu chuẩn I" for a part coded "I"; a code that already names itself is kept. */
function partLabel(code: string): string {
  return /^(tiêu chuẩn|phần|mục|chương)\b/i.test(code) ? code : `Tiêu chuẩn ${code}`;
}

/** The unit's own points and the bloc's, of each scored part. */
const SELF_COLOR = 'FFA9C4E4';
const VERIFIED_COLOR = 'FF2E75B6';

function partsChartParagraphs(bloc: Bloc, u: UnitResult): Paragraph[] {
  const parts = scoredParts(bloc.template.criteria);
  if (parts.length === 0) return [];
  const title = 'Điểm tự chấm và điểm khối chấm theo phần';
  const picture = barsPicture({
    title,
    valueTitle: 'Điểm',
    groups: parts.map((p) => ({
      label: partLabel(p.code),
      bars: [
        { value: u.score.node(p.code, 'self').total, color: SELF_COLOR },
        { value: u.score.node(p.code).total, color: VERIFIED_COLOR },
      ],
    })),
    marks: [
      { label: 'Tự chấm', color: SELF_COLOR },
      { label: 'Khối chấm', color: VERIFIED_COLOR },
    ],
  });
  const caption = `Biểu đồ: điểm tự chấm (thanh trên, màu nhạt) và điểm khối chấm (thanh dưới, màu đậm) của từng phần, theo thứ tự ở trên.`;
  return pictureParagraphs(picture, caption, title);
}

/** Top-level parts that carry points: a part made only of knock-out conditions has none. */
function scoredParts(criteria: readonly Criterion[]): Criterion[] {
  const childrenOf = new Map<string, Criterion[]>();
  for (const c of criteria)
    if (c.parent !== undefined) childrenOf.set(c.parent, [...(childrenOf.get(c.parent) ?? []), c]);
  const scores = (c: Criterion): boolean =>
    (c.kind !== 'group' && c.kind !== 'knockout' && c.kind !== 'measure') ||
    (childrenOf.get(c.code) ?? []).some(scores);
  return criteria.filter((c) => c.parent === undefined && scores(c));
}

/** "điểm chuẩn 20, cộng 0,4, trừ 1, thống nhất đạt 19,4 điểm". */
function pointsText(t: {
  earnedBase: number;
  bonus: number;
  penalty: number;
  total: number;
}): string {
  return `điểm chuẩn ${pts(t.earnedBase)}, cộng ${pts(t.bonus)}, trừ ${pts(t.penalty)}, thống nhất đạt ${pts(t.total)} điểm`;
}

function people(names: readonly string[] | undefined): Paragraph[] {
  if (names && names.length) return names.map((n) => item(`${text(n)};`));
  return [1, 2, 3].map(() => item('…………………………………………………………………………'));
}

/** "BIÊN BẢN thẩm định kết quả tự chấm điểm thi đua năm {year}" of one unit. */
export async function buildMinutesDocx(input: MinutesDocxInput): Promise<Uint8Array> {
  const { bloc, result } = input;
  const date = documentDate(input.date);
  const u = result.units.find((x) => x.unit.code === input.unitCode);
  if (!u) throw new RangeError(`Không có đơn vị "${input.unitCode}" trong kết quả của khối.`);
  const name = unitNamed(u);
  const children: (Paragraph | Table)[] = [
    header(input, 'BB'),
    ...minutesOpening(input, date, name),
    ...minutesParticipants(input, name),
    ...minutesResults(bloc, u),
    ...minutesConclusion(input, u, name),
  ];
  return packDocument(
    `Biên bản thẩm định kết quả tự chấm điểm thi đua năm ${bloc.year} – ${name}`,
    input.date,
    children,
  );
}

/** The title, then when, where and what is verified. */
function minutesOpening(input: MinutesDocxInput, date: DateParts, name: string): Paragraph[] {
  const { bloc } = input;
  const year = bloc.year;
  const venue = input.venue && text(input.venue) !== '' ? text(input.venue) : `trụ sở ${name}`;
  return [
    ...titleBlock('Biên bản', [
      `Thẩm định kết quả tự chấm điểm thi đua năm ${year}`,
      `của ${name}`,
    ]),
    body(
      `Hôm nay, ${dateWordsVi(date)}, tại ${venue}, ${text(bloc.name)} tiến hành thẩm định kết quả tự chấm điểm thi đua năm ${year} (kỳ chấm điểm: ${ROUND_TEXT[bloc.round]}) của ${name}.`,
    ),
  ];
}

/** I. Those present for the bloc and for the unit. */
function minutesParticipants(input: MinutesDocxInput, name: string): Paragraph[] {
  return [
    heading('I. THÀNH PHẦN'),
    body(`1. Đại diện ${text(input.bloc.name)}:`, { keepNext: true }),
    ...people(input.blocRepresentatives),
    body(`2. Đại diện ${name}:`, { keepNext: true }),
    ...people(input.unitRepresentatives),
  ];
}

/** II. The points agreed per part and in total, against the unit's own, and what differs. */
function minutesResults(bloc: Bloc, u: UnitResult): Paragraph[] {
  return [
    heading('II. KẾT QUẢ THẨM ĐỊNH'),
    body(
      `Căn cứ ${text(bloc.template.title)}, bảng tự chấm điểm, báo cáo giải trình và tài liệu kiểm chứng của đơn vị, hai bên thống nhất kết quả chấm điểm như sau:`,
    ),
    ...pointsAgreed(bloc, u),
    ...partsChartParagraphs(bloc, u),
    ...differences(bloc, u),
  ];
}

/**
 * One line per scored part, the total, and the unit's own total with the gap. When the table's
 * caps cut the bonus or penalty, the parts do not add up to the total: a note says why.
 */
function pointsAgreed(bloc: Bloc, u: UnitResult): Paragraph[] {
  const out: Paragraph[] = [];
  let bonusSum = 0;
  let penaltySum = 0;
  for (const part of scoredParts(bloc.template.criteria)) {
    const n = u.score.node(part.code);
    bonusSum += Math.round(n.bonus * 10_000);
    penaltySum += Math.round(n.penalty * 10_000);
    out.push(
      item([
        run(`${partLabel(part.code)} – ${text(part.text)}: `, { bold: true }),
        `${pointsText(n)}.`,
      ]),
    );
  }
  const fin = u.score.verified;
  out.push(body([run('Tổng cộng: ', { bold: true }), run(`${pointsText(fin)}.`, { bold: true })]));
  if (
    bonusSum !== Math.round(fin.bonus * 10_000) ||
    penaltySum !== Math.round(fin.penalty * 10_000)
  )
    out.push(
      body(
        '(Tổng điểm cộng, trừ của cả bảng đã áp dụng mức tối đa theo quy định của bảng chấm điểm.)',
        {
          italics: true,
        },
      ),
    );
  const diff = Math.round((fin.total - u.score.self.total) * 10_000) / 10_000;
  out.push(
    body(`Đơn vị tự chấm ${pts(u.score.self.total)} điểm; chênh lệch ${signed(diff)} điểm.`),
  );
  return out;
}

/** The items the bloc scored differently from the unit, each with its criterion's text. */
function differences(bloc: Bloc, u: UnitResult): Paragraph[] {
  const differ = u.score.findings.filter((f) => f.kind === 'self-verified-differ');
  if (!differ.length) return [body('Kết quả Khối chấm thống nhất với kết quả đơn vị tự chấm.')];
  return [
    body('Các nội dung Khối chấm khác với đơn vị tự chấm:', { keepNext: true }),
    ...differ.map((f) => {
      const criterion = bloc.template.criteria.find((c) => c.code === f.code);
      const prefix = `Mục ${f.code}:`;
      const message =
        criterion && f.message.startsWith(prefix)
          ? `Mục ${f.code} (${text(criterion.text)}):${f.message.slice(prefix.length)}`
          : f.message;
      return item(text(message));
    }),
  ];
}

/** III. The points and classification (or the knock-out), the closing formula, the signatures. */
function minutesConclusion(
  input: MinutesDocxInput,
  u: UnitResult,
  name: string,
): (Paragraph | Table)[] {
  const { bloc } = input;
  const fin = u.score.verified;
  return [
    heading('III. KẾT LUẬN'),
    u.score.knockedOut
      ? body(
          `${name} thống nhất đạt ${pts(fin.total)} điểm nhưng thuộc trường hợp Không xếp loại: ${knockoutReasons(u, bloc.template).join('; ')}. Đơn vị không được xếp hạng, xếp loại thi đua năm ${bloc.year}.`,
        )
      : body(`${name} thống nhất đạt ${pts(fin.total)} điểm, xếp loại ${text(u.classification)}.`),
    body(
      'Biên bản đã được đọc lại cho các thành viên tham dự cùng nghe, thống nhất thông qua và được lập thành 02 bản có giá trị như nhau, đơn vị giữ 01 bản, Khối thi đua giữ 01 bản./.',
      { keepNext: true },
    ),
    para('', { keepNext: true }),
    footerBlock(
      signatureColumn('ĐẠI DIỆN ĐƠN VỊ', input.unitSignerName),
      signatureColumn('ĐẠI DIỆN KHỐI THI ĐUA', input.blocSignerName),
      Math.round(TEXT_WIDTH / 2),
    ),
  ];
}
