/**
 * Dates as the project holds them: ISO text (YYYY-MM-DD, what entries, submissions and documents
 * carry), Excel serial days (1900 date system, what a date cell holds) and Vietnamese date text.
 * Pure: arithmetic on the values given, never the clock.
 */

/** YYYY-MM-DD by shape (2025-02-30 too); the groups are the year, the month and the day. */
export const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A calendar date: the month 1–12, the day 1–31. */
export interface DateParts {
  year: number;
  month: number;
  day: number;
}

/** Whether the text is shaped YYYY-MM-DD; the calendar is not checked (see `isoParts`). */
export function isIsoShaped(text: string): boolean {
  return ISO_DATE.test(text);
}

/**
 * Whether year, month and day name a real date, as the JavaScript calendar has it (Date.UTC reads
 * the years 0–99 as 1900–1999, so those never are).
 */
export function isCalendarDate(year: number, month: number, day: number): boolean {
  const t = new Date(Date.UTC(year, month - 1, day));
  return t.getUTCFullYear() === year && t.getUTCMonth() === month - 1 && t.getUTCDate() === day;
}

/** The parts of a real calendar date written YYYY-MM-DD (nothing around it), else undefined. */
export function isoParts(text: string): DateParts | undefined {
  const m = ISO_DATE.exec(text);
  if (!m) return undefined;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  return isCalendarDate(year, month, day) ? { year, month, day } : undefined;
}

const pad = (n: number, width: number) => String(n).padStart(width, '0');

/** The parts as YYYY-MM-DD (the calendar is not checked). */
export function isoOf({ year, month, day }: DateParts): string {
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
}

const DAY_MS = 86_400_000;
/** Serial day 0 of Excel's 1900 date system, as counted from 1900-03-01 on (1899-12-30). */
const SERIAL_EPOCH = Date.UTC(1899, 11, 30);

/** Excel serial day (1900 date system) → ISO date; undefined outside 1900-03-01 … 9999-12-31. */
export function serialToIso(serial: number): string | undefined {
  if (!Number.isFinite(serial) || serial < 61 || serial >= 2958466) return undefined;
  return new Date(SERIAL_EPOCH + Math.floor(serial) * DAY_MS).toISOString().slice(0, 10);
}

/** ISO date → Excel serial day (1900 date system); undefined for anything but a real date. */
export function isoToSerial(iso: string): number | undefined {
  const p = isoParts(iso);
  if (!p) return undefined;
  return Math.round((Date.UTC(p.year, p.month - 1, p.day) - SERIAL_EPOCH) / DAY_MS);
}

/** An ISO date (YYYY-MM-DD) as Vietnamese write it: "12/12/2025". Other text is returned as is. */
export function formatDateVi(iso: string): string {
  const m = ISO_DATE.exec(iso);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : iso;
}

/**
 * A date in words as official documents write it: "ngày 05 tháng 02 năm 2025". Decree 30/2020
 * (Phụ lục I, mục II.4): days 1–9 and months 1–2 are written with a leading zero, other months are
 * not ("tháng 3").
 */
export function dateWordsVi({ year, month, day }: DateParts): string {
  const dd = day < 10 ? `0${day}` : String(day);
  const mo = month < 3 ? `0${month}` : String(month);
  return `ngày ${dd} tháng ${mo} năm ${year}`;
}
