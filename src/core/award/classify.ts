import { toUnits } from '../decimal';

export interface ClassThreshold {
  label: string;
  /** Lowest total (inclusive) for this class. */
  min: number;
}

export interface ClassificationSettings {
  /** Highest class first. */
  thresholds: ClassThreshold[];
  /** Class for totals below every threshold. */
  fallback: string;
  notClassified: string;
}

export const DEFAULT_CLASSIFICATION: ClassificationSettings = {
  thresholds: [
    { label: 'Xuất sắc', min: 91 },
    { label: 'Tốt', min: 70 },
  ],
  fallback: 'Hoàn thành',
  notClassified: 'Không xếp loại',
};

export function classify(
  total: number,
  knockedOut: boolean,
  settings = DEFAULT_CLASSIFICATION,
): string {
  if (knockedOut) return settings.notClassified;
  const units = toUnits(total);
  return settings.thresholds.find((t) => units >= toUnits(t.min))?.label ?? settings.fallback;
}
