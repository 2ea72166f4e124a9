import path from 'node:path';
import type { Bloc, Round } from '../../core/bloc';
import { DEFAULT_SETTINGS, ROUND_LABELS } from '../../core/bloc';
import type { Collective, Person } from '../../core/quota';
import { createWorkbook } from '../../app/workbook-actions';
import { XlsxWorkbook } from '../../io/xlsx/xlsx-workbook';
import { saveXlsx } from '../../io/xlsx/xlsx-file';
import {
  readCollectivesCsv,
  readCriteriaCsv,
  readPeopleCsv,
  readUnitsCsv,
} from '../../workbook/csv';
import { InputError, type InputProblem } from '../../workbook/problems';
import { exists, progress, readText, UsageError } from '../io';
import type { Command } from '../thidua';

export const initCommand: Command = {
  summary: 'tạo sổ tính khối thi đua từ bảng tiêu chí (CSV) và danh sách đơn vị (CSV)',
  usage: [
    'thidua init --criteria tieu-chi.csv --units don-vi.csv --name "Khối Nội chính" --year 2025 -o khoi.xlsx',
    '            [--round ca-nam|dot-1|dot-2] [--people ca-nhan.csv] [--collectives tap-the.csv]',
    'Không ghi đè tệp đã có. Định dạng các tệp CSV: docs/csv-formats.md.',
  ].join('\n'),
  options: {
    criteria: { type: 'string' },
    units: { type: 'string' },
    people: { type: 'string' },
    collectives: { type: 'string' },
    name: { type: 'string' },
    year: { type: 'string' },
    round: { type: 'string' },
    title: { type: 'string' },
    out: { type: 'string', short: 'o' },
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
    const criteriaFile = await readText(values.criteria as string);
    const criteria = readCriteriaCsv(criteriaFile.text, criteriaFile.name, {
      title:
        (values.title as string | undefined) ??
        `Bảng chấm điểm thi đua năm ${year} – ${String(values.name)}`,
    });
    problems.push(...criteria.problems);
    const unitsFile = await readText(values.units as string);
    const units = readUnitsCsv(unitsFile.text, unitsFile.name);
    problems.push(...units.problems);
    let people: Person[] = [];
    let collectives: Collective[] = [];
    if (units.units && values.people) {
      const f = await readText(values.people as string);
      const r = readPeopleCsv(f.text, f.name, { units: units.units });
      problems.push(...r.problems);
      people = r.people ?? [];
    }
    if (units.units && values.collectives) {
      const f = await readText(values.collectives as string);
      const r = readCollectivesCsv(f.text, f.name, { units: units.units });
      problems.push(...r.problems);
      collectives = r.collectives ?? [];
    }
    if (problems.length || !criteria.template || !units.units) throw new InputError(problems);
    const bloc: Bloc = {
      name: values.name as string,
      year,
      round: round as Round,
      units: units.units,
      template: criteria.template,
      settings: DEFAULT_SETTINGS,
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
