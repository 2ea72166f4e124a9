import { type BlocResult, type Finding, type QuotaCheck, formatDecimal } from '../core';
import { renderTable } from './table';

const pts = (n: number) => formatDecimal(n, { decimals: 2 });

/** The ranking as a terminal table: rank, unit, self and verified totals, parts, class, proposal. */
export function rankingTable(result: BlocResult): string {
  const rows = result.units.map(({ unit, score, ranked, classification, proposal }) => [
    ranked.rank === null ? '—' : String(ranked.rank),
    unit.name,
    pts(score.self.total),
    pts(score.verified.total),
    pts(score.verified.earnedBase),
    pts(score.verified.bonus),
    pts(score.verified.penalty),
    classification,
    proposal.award ? proposal.label! : proposal.pending ? `${proposal.label} (chờ biểu quyết)` : '',
  ]);
  return renderTable(
    [
      { header: 'Hạng', align: 'right' },
      { header: 'Đơn vị', max: 34 },
      { header: 'Tự chấm', align: 'right' },
      { header: 'Khối chấm', align: 'right' },
      { header: 'Điểm chuẩn', align: 'right' },
      { header: 'Thưởng', align: 'right' },
      { header: 'Trừ', align: 'right' },
      { header: 'Xếp loại' },
      { header: 'Đề nghị khen thưởng', max: 28 },
    ],
    rows,
  );
}

export function tiesText(result: BlocResult): string {
  return result.ties.length
    ? result.ties.map((t) => `• ${t.message}`).join('\n')
    : 'Không có đơn vị bằng điểm.';
}

const SEVERITY: Record<Finding['severity'], string> = {
  error: 'Lỗi',
  warning: 'Cảnh báo',
  info: 'Thông tin',
};

/** Every finding of the bloc and its units, grouped by unit. */
export function findingsTable(result: BlocResult): string {
  const rows: string[][] = result.findings.map((f) => [
    f.unitCode ?? '(cả khối)',
    SEVERITY[f.severity],
    f.message,
  ]);
  for (const { unit, score } of result.units)
    for (const f of score.findings) rows.push([unit.code, SEVERITY[f.severity], f.message]);
  if (rows.length === 0) return 'Không có cảnh báo.';
  return renderTable(
    [{ header: 'Đơn vị' }, { header: 'Mức' }, { header: 'Nội dung', max: 96 }],
    rows,
  );
}

/**
 * The quota checks: every bloc-wide check, and the unit checks that fail; passing unit checks are
 * counted in one line, since a leader reads a list of failures, not nine copies of "Đạt".
 */
export function quotaTable(checks: readonly QuotaCheck[], options: { all?: boolean } = {}): string {
  const shown = options.all
    ? checks
    : checks.filter((c) => c.scope === 'khoi' || (c.applicable && !c.pass));
  const passingUnitChecks = checks.length - shown.length;
  const rows = shown.map((c) => [
    c.scope === 'khoi' ? 'Cả khối' : c.scope,
    c.title,
    c.applicable ? (c.pass ? 'Đạt' : 'KHÔNG ĐẠT') : 'Không áp dụng',
    c.limitText,
    c.details.join('; '),
  ]);
  return (
    renderTable(
      [
        { header: 'Phạm vi' },
        { header: 'Kiểm tra', max: 30 },
        { header: 'Kết quả' },
        { header: 'Số liệu và giới hạn', max: 52 },
        { header: 'Chi tiết', max: 40 },
      ],
      rows,
    ) + `\n${passingUnitChecks} kiểm tra khác theo từng đơn vị: đạt hoặc không áp dụng.`
  );
}

export function sourcesText(checks: readonly QuotaCheck[]): string {
  const seen = new Map<string, string>();
  for (const c of checks) if (!seen.has(c.title)) seen.set(c.title, c.source);
  return [...seen].map(([title, source]) => `• ${title}: ${source}`).join('\n');
}
