import type { Band } from '../../core/template/types';
import {
  formatDateVi,
  isCalendarDate,
  isoOf,
  isoToSerial,
  serialToIso,
} from '../../core/text/dates';

// Date rules written as tiers: "Ban hành trong tháng 01: 4 điểm; sau ngày 31/01: trừ 1 điểm".

const DAY_MONTH = /(\d{1,2})\s*\/\s*(\d{1,2})(?:\s*\/\s*(\d{4}))?/u;
const IN_MONTH = /trong\s+tháng\s+(\d{1,2})(?:\s*(?:\/|năm)\s*(\d{4}))?/iu;

const nextDay = (iso: string) => serialToIso(isoToSerial(iso)! + 1)!;

/** The year a title names: "BẢNG CHẤM ĐIỂM THI ĐUA NĂM 2025" → 2025. */
export function yearOf(title: string): number | undefined {
  const m = /năm\s+(\d{4})/iu.exec(title);
  return m ? Number(m[1]) : undefined;
}

/**
 * The band of a label that names a date, as ISO dates, `from` inclusive and `to` exclusive:
 * "trong tháng 01", "trước ngày 31/01" (that day left out), "sau ngày 31/01", "đến ngày 15/12"
 * (that day in). A date without its year takes the year of the sheet's title, said as a guess.
 * Undefined when the label names no date; `{}` when it names one that gives no band.
 */
export function dateBandIn(
  label: string,
  year: number | undefined,
  unsure: string[],
): { band?: Band } | undefined {
  const month = IN_MONTH.exec(label);
  const day = month ? undefined : DAY_MONTH.exec(label);
  if (!month && !day) return undefined;
  const written = month ? month[2] : day![3];
  const y = written ? Number(written) : year;
  if (y === undefined) {
    unsure.push(`"${label}": không rõ năm của mốc ngày; hãy nhập mã phương án khi chấm`);
    return {};
  }
  if (!written) unsure.push(`"${label}": năm ${y} lấy từ tiêu đề bảng`);
  if (month) {
    const m = Number(month[1]);
    if (m < 1 || m > 12) return {};
    const from = isoOf({ year: y, month: m, day: 1 });
    const to = isoOf(
      m === 12 ? { year: y + 1, month: 1, day: 1 } : { year: y, month: m + 1, day: 1 },
    );
    return { band: { from, to } };
  }
  const [d, m] = [Number(day![1]), Number(day![2])];
  if (!isCalendarDate(y, m, d)) return {};
  const iso = isoOf({ year: y, month: m, day: d });
  const lower = label.toLowerCase();
  if (/sau/u.test(lower)) return { band: { from: nextDay(iso) } };
  if (/trước/u.test(lower)) {
    unsure.push(`"${label}": ngày ${formatDateVi(iso)} không thuộc mức này (trước ngày đó)`);
    return { band: { to: iso } };
  }
  if (/đến|tới|chậm\s+nhất|hạn/u.test(lower)) return { band: { to: nextDay(iso) } };
  if (/từ/u.test(lower)) return { band: { from: iso } };
  unsure.push(
    `"${label}": không rõ mốc ngày là đầu hay cuối của mức; hãy nhập mã phương án khi chấm`,
  );
  return {};
}
