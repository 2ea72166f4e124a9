import { evaluateBloc, ROUND_LABELS } from '../core/bloc';
import { PRESETS, runQuotaChecks } from '../core/quota';
import {
  SAMPLE_BLOC,
  SAMPLE_COLLECTIVES,
  SAMPLE_PEOPLE,
  SAMPLE_SHEETS,
  SAMPLE_SUBMISSIONS,
} from '../sample';
import { findingsTable, quotaTable, rankingTable, sourcesText, tiesText } from './report';

/** Scores, ranks and checks the built-in sample bloc and prints what a bloc leader reads. */
function main(): void {
  const bloc = SAMPLE_BLOC;
  const result = evaluateBloc(bloc, SAMPLE_SHEETS, SAMPLE_SUBMISSIONS);
  const rules = PRESETS[bloc.settings.quotaPreset];
  if (!rules) throw new Error(`Không có bộ quy tắc tỷ lệ "${bloc.settings.quotaPreset}".`);
  const checks = runQuotaChecks({
    year: bloc.year,
    people: SAMPLE_PEOPLE,
    collectives: SAMPLE_COLLECTIVES,
    rules,
  });
  const out = [
    `${bloc.name} — năm ${bloc.year}, ${ROUND_LABELS[bloc.round]}`,
    bloc.template.title,
    '',
    'KẾT QUẢ CHẤM ĐIỂM, XẾP HẠNG',
    rankingTable(result),
    '',
    'Đơn vị bằng điểm:',
    tiesText(result),
    '',
    'CẢNH BÁO',
    findingsTable(result),
    '',
    `TỶ LỆ KHEN THƯỞNG (bộ quy tắc: ${rules.name})`,
    quotaTable(checks),
    '',
    'Nguồn của các quy định:',
    sourcesText(checks),
  ];
  process.stdout.write(out.join('\n') + '\n');
}

main();
