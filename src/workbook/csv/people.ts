import type { Unit } from '../../core/bloc';
import {
  TITLE_LABELS,
  type Collective,
  type CollectiveTitle,
  type IndividualTitle,
  type Person,
  type TitleHeld,
} from '../../core/quota/people';
import type { InputProblem } from '../problems';
import { asTable, lineLabel, type CsvTable, type TableSource } from './parse';
import {
  foldKey,
  unstorableText,
  openTable,
  readCount,
  readNonNegative,
  readYesNo,
  unitLookup,
  type ColumnSpec,
  type ReadResult,
} from './table';
import { toCsv, type CsvCell, type ToCsvOptions } from './write';

export interface PeopleContext {
  units: readonly Unit[];
}

export const PEOPLE_COLUMNS = [
  {
    key: 'don_vi',
    aliases: ['đơn vị', 'mã đơn vị', 'ma_don_vi', 'tên đơn vị', 'ten_don_vi'],
    required: true,
  },
  { key: 'ho_ten', aliases: ['họ tên', 'họ và tên', 'ho_va_ten'], required: true },
  { key: 'chuc_vu', aliases: ['chức vụ'] },
  { key: 'lanh_dao', aliases: ['lãnh đạo', 'lãnh đạo quản lý'], required: true },
  {
    key: 'so_thang',
    aliases: ['số tháng', 'số tháng công tác', 'so_thang_cong_tac'],
    required: true,
  },
  { key: 'ngay_nghi', aliases: ['ngày nghỉ', 'số ngày nghỉ', 'so_ngay_nghi'], required: true },
  { key: 'ky_luat', aliases: ['kỷ luật', 'bị kỷ luật'], required: true },
  {
    key: 'hoan_thanh_nhiem_vu',
    aliases: ['hoàn thành nhiệm vụ', 'htnv'],
    required: true,
  },
  { key: 'de_nghi', aliases: ['đề nghị', 'danh hiệu đề nghị'], required: true },
  { key: 'lich_su', aliases: ['lịch sử', 'danh hiệu các năm trước'] },
] as const satisfies readonly ColumnSpec<string>[];
type PeopleColumn = (typeof PEOPLE_COLUMNS)[number]['key'];

export const COLLECTIVE_COLUMNS = [
  {
    key: 'don_vi',
    aliases: ['đơn vị', 'mã đơn vị', 'ma_don_vi', 'tên đơn vị', 'ten_don_vi'],
    required: true,
  },
  { key: 'de_nghi', aliases: ['đề nghị', 'danh hiệu đề nghị'], required: true },
  { key: 'lich_su', aliases: ['lịch sử', 'danh hiệu các năm trước'] },
] as const satisfies readonly ColumnSpec<string>[];
type CollectiveColumn = (typeof COLLECTIVE_COLUMNS)[number]['key'];

/** Abbreviations in use besides the codes and the full labels (compared by `foldKey`). */
const INDIVIDUAL_ALIASES: Readonly<Record<IndividualTitle, readonly string[]>> = {
  ldtt: ['LĐTT', 'Lao động tiên tiến'],
  cstdcs: ['CSTĐCS', 'CSTĐ cơ sở', 'Chiến sĩ thi đua cơ sở'],
  'cstd-tinh': ['CSTĐ tỉnh', 'CSTĐ cấp tỉnh', 'CSTĐ cấp bộ', 'Chiến sĩ thi đua cấp bộ'],
  'cstd-toan-quoc': ['CSTĐTQ', 'CSTĐ toàn quốc'],
};
const COLLECTIVE_ALIASES: Readonly<Record<CollectiveTitle, readonly string[]>> = {
  ttldtt: ['TTLĐTT', 'Tập thể LĐTT'],
  ttldxs: ['TTLĐXS', 'Tập thể LĐXS'],
  'co-tinh': ['Cờ tỉnh', 'Cờ thi đua tỉnh', 'Cờ thi đua cấp tỉnh', 'Cờ thi đua của UBND tỉnh'],
  'co-chinh-phu': ['Cờ Chính phủ', 'Cờ CP', 'Cờ thi đua Chính phủ'],
};

function titleReader<T extends string>(
  aliases: Readonly<Record<T, readonly string[]>>,
): { read: (text: string) => T | undefined; hint: string } {
  const byKey = new Map<string, T>();
  for (const [title, names] of Object.entries(aliases) as [T, readonly string[]][])
    for (const name of [title, TITLE_LABELS[title as IndividualTitle | CollectiveTitle], ...names])
      byKey.set(foldKey(name), title);
  return {
    read: (text) => byKey.get(foldKey(text)),
    hint: (Object.keys(aliases) as T[])
      .map((t) => `${t} (${TITLE_LABELS[t as IndividualTitle | CollectiveTitle]})`)
      .join(', '),
  };
}
const INDIVIDUAL = titleReader(INDIVIDUAL_ALIASES);
const COLLECTIVE = titleReader(COLLECTIVE_ALIASES);

/** "2023:cstdcs; 2024: CSTĐCS" → history (items split by ';', ',' or a line break). */
function readHistory<T extends string>(
  text: string,
  read: (t: string) => T | undefined,
  hint: string,
): ReadResult<TitleHeld<T>[]> {
  const history: TitleHeld<T>[] = [];
  for (const item of text.split(/[;,\n]/).map((s) => s.trim())) {
    if (!item) continue;
    const m = /^(\d{4})\s*[:=\-–]?\s*(.+)$/.exec(item);
    const title = m ? read(m[2]!) : undefined;
    if (!m || title === undefined || Number(m[1]) < 1945 || Number(m[1]) > 2100)
      return {
        ok: false,
        message: `lịch sử: không đọc được "${item}"; ghi "năm:danh hiệu", cách nhau bằng dấu chấm phẩy, ví dụ "2023:cstdcs; 2024:ldtt" (danh hiệu: ${hint}).`,
      };
    history.push({ year: Number(m[1]), title });
  }
  history.sort((a, b) => a.year - b.year);
  return { ok: true, value: history };
}

/**
 * The list of individuals (danh sách cá nhân): columns `don_vi, ho_ten, chuc_vu, lanh_dao,
 * so_thang, ngay_nghi, ky_luat, hoan_thanh_nhiem_vu, de_nghi, lich_su` (docs/csv-formats.md).
 * Collectives are the units themselves, without proposal or history (see `readCollectivesCsv`).
 */
export function readPeopleCsv(
  source: TableSource,
  fileName: string,
  ctx: PeopleContext,
): { people?: Person[]; collectives?: Collective[]; problems: InputProblem[] } {
  return readPeopleTable(asTable(source, fileName), fileName, ctx);
}

/** The people list from a parsed table (a CSV file or the people table of a sheet). */
export function readPeopleTable(
  table: CsvTable,
  fileName: string,
  ctx: PeopleContext,
): { people?: Person[]; collectives?: Collective[]; problems: InputProblem[] } {
  const { sheet, problems } = openTable<PeopleColumn>(table, fileName, PEOPLE_COLUMNS);
  if (!sheet) return { problems };
  const findUnit = unitLookup(ctx.units);
  const people: Person[] = [];
  for (const rec of sheet.records) {
    let ok = true;
    const fail = (message: string) => {
      ok = false;
      problems.push({ source: fileName, location: lineLabel(rec.line), message });
    };
    const take = <T>(r: ReadResult<T>): T | undefined => {
      if (r.ok) return r.value;
      fail(r.message);
      return undefined;
    };
    const unitText = sheet.text(rec, 'don_vi');
    const unit = unitText ? findUnit(unitText) : undefined;
    if (!unitText) fail('thiếu đơn vị (mã hoặc tên đơn vị).');
    else if (!unit) fail(`đơn vị "${unitText}" không có trong danh sách đơn vị của khối.`);
    for (const key of ['ho_ten', 'chuc_vu'] as const) {
      const unstorable = unstorableText(sheet.raw(rec, key));
      if (unstorable) fail(`cột ${key}: ${unstorable}`);
    }
    const name = sheet.text(rec, 'ho_ten');
    if (!name) fail('thiếu họ tên.');
    const yesNo = (key: PeopleColumn, what: string, empty?: boolean): boolean | undefined => {
      const r = readYesNo(sheet.text(rec, key));
      if (!r.ok) return void fail(`${what}: ${r.message}`);
      if (r.value === undefined && empty === undefined)
        return void fail(`${what}: ô trống; ghi "có" hoặc "không".`);
      return r.value ?? empty;
    };
    const leader = yesNo('lanh_dao', 'lãnh đạo', false);
    const disciplined = yesNo('ky_luat', 'kỷ luật', false);
    const completesDuties = yesNo('hoan_thanh_nhiem_vu', 'hoàn thành nhiệm vụ');
    const monthsText = sheet.text(rec, 'so_thang');
    const months = monthsText
      ? take(readCount(monthsText, 'số tháng công tác'))
      : void fail('thiếu số tháng công tác.');
    const daysText = sheet.text(rec, 'ngay_nghi');
    const daysOff = daysText ? take(readNonNegative(daysText, 'số ngày nghỉ')) : 0;
    const proposedText = sheet.text(rec, 'de_nghi');
    const proposed = proposedText ? INDIVIDUAL.read(proposedText) : undefined;
    if (proposedText && !proposed)
      fail(
        `đề nghị: danh hiệu "${proposedText}" không hợp lệ (dùng: ${INDIVIDUAL.hint}; để trống nếu không đề nghị).`,
      );
    const history = take(readHistory(sheet.text(rec, 'lich_su'), INDIVIDUAL.read, INDIVIDUAL.hint));
    if (
      !ok ||
      !unit ||
      leader === undefined ||
      disciplined === undefined ||
      completesDuties === undefined ||
      months === undefined ||
      daysOff === undefined ||
      history === undefined
    )
      continue;
    const position = sheet.text(rec, 'chuc_vu');
    people.push({
      unitCode: unit.code,
      name,
      ...(position ? { position } : {}),
      leader,
      monthsInService: months,
      daysOff,
      disciplined,
      completesDuties,
      ...(proposed ? { proposed } : {}),
      history,
    });
  }
  if (problems.length) return { problems };
  const collectives = ctx.units.map((u) => ({ unitCode: u.code, name: u.name, history: [] }));
  return { people, collectives, problems };
}

/**
 * The list of collectives (danh sách tập thể): columns `don_vi, de_nghi, lich_su`. Returns one
 * collective per unit of the bloc, in the bloc's order; units absent from the file have no
 * proposal and no history. A unit listed twice is a problem.
 */
export function readCollectivesCsv(
  source: TableSource,
  fileName: string,
  ctx: PeopleContext,
): { collectives?: Collective[]; problems: InputProblem[] } {
  return readCollectivesTable(asTable(source, fileName), fileName, ctx);
}

/** The collectives from a parsed table (a CSV file or the collectives table of a sheet). */
export function readCollectivesTable(
  table: CsvTable,
  fileName: string,
  ctx: PeopleContext,
): { collectives?: Collective[]; problems: InputProblem[] } {
  const { sheet, problems } = openTable<CollectiveColumn>(table, fileName, COLLECTIVE_COLUMNS);
  if (!sheet) return { problems };
  const findUnit = unitLookup(ctx.units);
  const read = new Map<string, { line: number; collective: Collective }>();
  for (const rec of sheet.records) {
    const fail = (message: string) =>
      problems.push({ source: fileName, location: lineLabel(rec.line), message });
    const unitText = sheet.text(rec, 'don_vi');
    const unit = unitText ? findUnit(unitText) : undefined;
    if (!unitText) fail('thiếu đơn vị (mã hoặc tên đơn vị).');
    else if (!unit) fail(`đơn vị "${unitText}" không có trong danh sách đơn vị của khối.`);
    const proposedText = sheet.text(rec, 'de_nghi');
    const proposed = proposedText ? COLLECTIVE.read(proposedText) : undefined;
    if (proposedText && !proposed)
      fail(
        `đề nghị: danh hiệu "${proposedText}" không hợp lệ (dùng: ${COLLECTIVE.hint}; để trống nếu không đề nghị).`,
      );
    const history = readHistory(sheet.text(rec, 'lich_su'), COLLECTIVE.read, COLLECTIVE.hint);
    if (!history.ok) fail(history.message);
    if (!unit) continue;
    const first = read.get(unit.code);
    if (first) {
      fail(`đơn vị ${unit.code} đã có ở dòng ${first.line}; mỗi đơn vị chỉ ghi một dòng.`);
      continue;
    }
    read.set(unit.code, {
      line: rec.line,
      collective: {
        unitCode: unit.code,
        name: unit.name,
        ...(proposed ? { proposed } : {}),
        history: history.ok ? history.value : [],
      },
    });
  }
  if (problems.length) return { problems };
  return {
    collectives: ctx.units.map(
      (u) => read.get(u.code)?.collective ?? { unitCode: u.code, name: u.name, history: [] },
    ),
    problems,
  };
}

const yesNoCell = (v: boolean) => (v ? 'có' : 'không');
const historyCell = <T extends string>(h: readonly TitleHeld<T>[]) =>
  h.map((x) => `${x.year}:${x.title}`).join('; ');

/** One person as a row under `PEOPLE_COLUMNS` (CSV files and the people sheet). */
export function personRow(p: Person): CsvCell[] {
  return [
    p.unitCode,
    p.name,
    p.position ?? null,
    yesNoCell(p.leader),
    p.monthsInService,
    p.daysOff,
    yesNoCell(p.disciplined),
    yesNoCell(p.completesDuties),
    p.proposed ?? null,
    historyCell(p.history),
  ];
}

/** One collective as a row under `COLLECTIVE_COLUMNS`. */
export function collectiveRow(c: Collective): CsvCell[] {
  return [c.unitCode, c.proposed ?? null, historyCell(c.history)];
}

/** People → CSV text with the headers of `PEOPLE_COLUMNS`, titles as codes. */
export function peopleToCsv(people: readonly Person[], options: ToCsvOptions = {}): string {
  return toCsv([PEOPLE_COLUMNS.map((c) => c.key), ...people.map(personRow)], options);
}

/** Collectives → CSV text with the headers `don_vi, de_nghi, lich_su`. */
export function collectivesToCsv(
  collectives: readonly Collective[],
  options: ToCsvOptions = {},
): string {
  return toCsv([COLLECTIVE_COLUMNS.map((c) => c.key), ...collectives.map(collectiveRow)], options);
}
