import {
  type Bloc,
  type BlocSettings,
  formatDecimal,
  MODE_LABELS,
  PRESETS,
  tieBreakerLabel,
} from '../../core';
import { readBlocConfig, readSettingsFile, saveSettings } from '../../app';
import { InputError, settingsJson } from '../../workbook';
import { loadXlsx, progress, readInputFile, saveXlsx, UsageError } from '../io';
import type { Command } from '../command';

export const settingsCommand: Command = {
  summary:
    'xem hoặc đặt cài đặt của khối (xếp loại, xếp hạng, đề nghị khen thưởng, tỷ lệ khen thưởng)',
  usage: [
    'thidua settings <khoi.xlsx>                     in cài đặt hiện tại',
    'thidua settings <khoi.xlsx> --json              in cài đặt dạng JSON (đúng dạng --set nhận)',
    'thidua settings <khoi.xlsx> --set caidat.json   kiểm tra rồi ghi cài đặt vào sổ tính, rồi in ra',
    'Tệp cài đặt: docs/settings.md, ví dụ docs/caidat.example.json. Có lỗi thì không ghi gì.',
  ].join('\n'),
  options: { json: { type: 'boolean' }, set: { type: 'string' } },
  async run(values, positionals) {
    const file = positionals[0];
    if (!file || positionals.length > 1) throw new UsageError('Cần đúng một tệp sổ tính .xlsx.');
    progress(`Đang đọc ${file}`);
    const wb = await loadXlsx(file);
    const config = await readBlocConfig(wb);
    let { bloc } = config;
    if (values.set) {
      const read = readSettingsFile(
        await readInputFile(values.set as string),
        bloc.template,
        bloc.settings,
      );
      if (!read.settings) throw new InputError(read.problems);
      await saveSettings(wb, config, read.settings);
      await saveXlsx(wb, file);
      bloc = { ...bloc, settings: read.settings };
    }
    if (values.json) return void process.stdout.write(settingsJson(bloc.settings));
    const saved = values.set
      ? [`Đã lưu cài đặt vào ${file}; lần xếp hạng sau (thidua rank) dùng cài đặt mới.`, '']
      : [];
    process.stdout.write([...saved, ...describeSettings(bloc)].join('\n') + '\n');
  },
};

const points = (n: number) => `${formatDecimal(n)} điểm`;
const percent = (share: number) => `${formatDecimal(share * 100, { decimals: 2 })}%`;

/** The settings as a person reads them, in the task pane's words. */
function describeSettings(bloc: Bloc): string[] {
  const s: BlocSettings = bloc.settings;
  const { thresholds, fallback, notClassified } = s.classification;
  const breakers = s.ranking.tieBreakers;
  const share = s.proposals.requiredVoteShare;
  return [
    `Cài đặt của ${bloc.name} (năm ${bloc.year})`,
    '',
    'Xếp loại:',
    ...thresholds.map((t) => `  ${t.label}: từ ${points(t.min)}`),
    `  ${fallback}: dưới ${points(thresholds[thresholds.length - 1]?.min ?? 0)}`,
    `  ${notClassified}: đơn vị thuộc trường hợp không xếp loại`,
    '',
    `Xếp hạng khi bằng điểm: ${MODE_LABELS[s.ranking.mode]}`,
    'Tiêu chí phụ khi bằng điểm (theo thứ tự):',
    ...(breakers.length
      ? breakers.map((t, i) => `  ${i + 1}. ${tieBreakerLabel(t)}`)
      : ['  (không có: đơn vị bằng điểm thì đồng hạng)']),
    '',
    'Đề nghị khen thưởng:',
    ...s.proposals.levels.map(
      (l) => `  ${l.label}: ${l.count} suất, cho đơn vị xếp loại ${l.classes.join(', ')}`,
    ),
    `  Tỷ lệ biểu quyết tối thiểu: ${share === undefined ? 'không yêu cầu' : percent(share)}`,
    '',
    `Bộ quy tắc tỷ lệ khen thưởng: ${PRESETS[s.quotaPreset].name} (${s.quotaPreset})`,
    s.quotaOverrides
      ? `Khối điều chỉnh bộ quy tắc: ${JSON.stringify(s.quotaOverrides)}`
      : 'Khối không điều chỉnh bộ quy tắc.',
  ];
}
