/**
 * The ranking as a chart: one bar per unit, verified totals in rank order, each bar in the colour
 * of its class, with the classification thresholds. One description for every place that draws it
 * (the Xếp hạng sheet through either adapter, the DOCX report's picture). Pure.
 */
import type { BlocResult } from '../bloc';
import type { ClassificationSettings } from '../award/classify';
import { formatDecimal } from '../text/vietnamese';

export interface ChartBar {
  label: string;
  value: number;
  /** ARGB of the bar: its class's colour. */
  color: string;
}

export interface ChartThreshold {
  /** "Xuất sắc ≥ 91". */
  label: string;
  min: number;
  color: string;
}

export interface RankingChart {
  title: string;
  categoryTitle: string;
  valueTitle: string;
  seriesName: string;
  /** In rank order, the first at the top; units not classified last. */
  bars: ChartBar[];
  /** Highest first, as the classification lists them. */
  thresholds: ChartThreshold[];
}

/** Class colours, highest class first; what is below every threshold, then not classified. */
const CLASS_COLORS = ['FF2E75B6', 'FF70AD47', 'FFED7D31', 'FF7030A0'];
const FALLBACK_COLOR = 'FF5B9BD5';
const NOT_CLASSIFIED_COLOR = 'FFA6A6A6';

function classColors(classes: ClassificationSettings): Map<string, string> {
  return new Map([
    [classes.notClassified, NOT_CLASSIFIED_COLOR],
    [classes.fallback, FALLBACK_COLOR],
    ...classes.thresholds.map(
      (t, i) => [t.label, CLASS_COLORS[i % CLASS_COLORS.length]!] as [string, string],
    ),
  ]);
}

/** "Ngưỡng xếp loại: Xuất sắc ≥ 91; Tốt ≥ 70", or nothing without thresholds. */
export function thresholdsText(chart: RankingChart): string {
  return chart.thresholds.length
    ? `Ngưỡng xếp loại: ${chart.thresholds.map((t) => t.label).join('; ')}`
    : '';
}

export function rankingChart(
  result: BlocResult,
  classes: ClassificationSettings,
  year: number,
): RankingChart {
  const colors = classColors(classes);
  return {
    title: `Điểm khối chấm theo thứ hạng năm ${year}`,
    categoryTitle: 'Đơn vị',
    valueTitle: 'Điểm khối chấm',
    seriesName: 'Khối chấm',
    bars: result.units.map((u) => ({
      label: u.unit.name,
      value: u.score.verified.total,
      color: colors.get(u.classification) ?? FALLBACK_COLOR,
    })),
    thresholds: classes.thresholds.map((t) => ({
      label: `${t.label} ≥ ${formatDecimal(t.min)}`,
      min: t.min,
      color: colors.get(t.label)!,
    })),
  };
}
