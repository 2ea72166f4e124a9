import path from 'node:path';
import {
  type Bloc,
  type Round,
  DEFAULT_SETTINGS,
  ROUND_LABELS,
  type Collective,
  type Person,
} from '../../core';
import {
  createWorkbook,
  readCollectivesFile,
  readCriteriaFile,
  readPeopleFile,
  readSettingsFile,
  readUnitsFile,
} from '../../app';
import { InputError, type InputProblem } from '../../workbook';
import {
  exists,
  printNotes,
  progress,
  readInputFile,
  saveXlsx,
  UsageError,
  XlsxWorkbook,
} from '../io';
import type { Command } from '../command';

export const initCommand: Command = {
  summary: 'tạo sổ tính khối thi đua từ bảng tiêu chí (CSV) và danh sách đơn vị (CSV)',
  usage: [
    'thidua init --criteria tieu-chi.csv --units don-vi.csv --name "Khối Nội chính" --year 2025 -o khoi.xlsx',
    '            [--round ca-nam|dot-1|dot-2] [--people ca-nhan.csv] [--collectives tap-the.csv]',
    '            [--sheet TÊN] [--settings caidat.json]',
    'Mỗi tệp là CSV (UTF-8, Windows-1258 hay UTF-16; chữ phông .VnTime hay VNI-Times được chuyển',
    'sang Unicode) hoặc sổ tính .xlsx cùng các cột: trang đầu tiên, hoặc trang --sheet. Không ghi',
    'đè tệp đã có. Định dạng các tệp: docs/csv-formats.md;',
    'tệp cài đặt (xếp loại, xếp hạng, đề nghị khen thưởng, tỷ lệ khen thưởng): docs/settings.md.',
    'Không có --settings thì dùng cài đặt mặc định.',
  ].join('\n'),
  options: {
    criteria: { type: 'string' },
    units: { type: 'string' },
    people: { type: 'string' },
    collectives: { type: 'string' },
    settings: { type: 'string' },
    name: { type: 'string' },
    year: { type: 'string' },
    round: { type: 'string' },
    title: { type: 'string' },
    out: { type: 'string', short: 'o' },
    sheet: { type: 'string' },
  },
  async run(values) {
    const out = values.out as string | undefined;
    if (!values.criteria || !values.units || !out || !values.name || !values.year)
      throw new UsageError('Cần --criteria, --units, --name, --year và -o.');
    const year = Number(values.year);
    if (!Number.isInteger(year) || year < 2000 || year > 2100)
      throw new UsageError(`Năm không hợp lệ: ${String(values.year)}.`);
    const round = (values.round as string | undefined) ?? 'ca-nam';
    if (!(round in ROUND_LABELS))
      throw new UsageError(
        `Đợt không hợp lệ: ${round} (dùng ${Object.keys(ROUND_LABELS).join(', ')}).`,
      );
    if (await exists(out))
      throw new InputError([
        {
          source: path.basename(out),
          location: 'tệp',
          message: 'tệp đã có; không ghi đè (chọn tên khác hoặc xóa tệp cũ).',
        },
      ]);
    const problems: InputProblem[] = [];
    const notes: string[] = [];
    const sheet = { sheet: values.sheet as string | undefined };
    const took = <R extends { problems: InputProblem[]; notes: string[] }>(r: R): R => {
      problems.push(...r.problems);
      notes.push(...r.notes);
      return r;
    };
    const criteria = took(
      await readCriteriaFile(await readInputFile(values.criteria as string), {
        title:
          (values.title as string | undefined) ??
          `Bảng chấm điểm thi đua năm ${year} – ${String(values.name)}`,
        ...sheet,
      }),
    );
    const units = took(await readUnitsFile(await readInputFile(values.units as string), sheet));
    let people: Person[] = [];
    let collectives: Collective[] = [];
    if (units.units && values.people) {
      const f = await readInputFile(values.people as string);
      people = took(await readPeopleFile(f, { units: units.units }, sheet)).people ?? [];
    }
    if (units.units && values.collectives) {
      const f = await readInputFile(values.collectives as string);
      collectives =
        took(await readCollectivesFile(f, { units: units.units }, sheet)).collectives ?? [];
    }
    printNotes(notes);
    let settings = DEFAULT_SETTINGS;
    if (criteria.template && values.settings) {
      const f = await readInputFile(values.settings as string);
      const r = readSettingsFile(f, criteria.template, DEFAULT_SETTINGS);
      problems.push(...r.problems);
      settings = r.settings ?? settings;
    }
    if (problems.length || !criteria.template || !units.units) throw new InputError(problems);
    const bloc: Bloc = {
      name: values.name as string,
      year,
      round: round as Round,
      units: units.units,
      template: criteria.template,
      settings,
    };
    progress(
      `Đang tạo ${out}: ${bloc.units.length} đơn vị, ${bloc.template.criteria.length} tiêu chí`,
    );
    const wb = XlsxWorkbook.empty();
    await createWorkbook(wb, bloc, { people, collectives });
    await saveXlsx(wb, out);
    process.stdout.write(`Đã tạo ${out}.\n`);
    for (const w of criteria.warnings ?? [])
      process.stdout.write(`Cảnh báo bảng tiêu chí: ${w.message}\n`);
  },
};
