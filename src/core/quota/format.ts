/**
 * Number formatting for quota texts: decimal comma and '.' thousands grouping, as Decree
 * 30/2020/NĐ-CP prescribes for official documents ("1.000 người", "3,45").
 */
import { SCALE } from '../decimal';
import { formatDecimal } from '../text/vietnamese';

/** Whole count: 1000 → "1.000". */
export function formatCount(n: number): string {
  return formatDecimal(n, { decimals: 0, grouping: true });
}

/**
 * A value held in integer units of 1/SCALE (34 500 → "3,45"). The division by SCALE is the only
 * floating-point step and happens for display only; at 4 decimals it is exact for any value a
 * quota can reach.
 */
export function formatUnits(units: number): string {
  return formatDecimal(units / SCALE, { decimals: 4, grouping: true });
}

/** Share held in 1/SCALE units as a percentage: 1500 → "15%", 1490 → "14,9%", 5 → "0,05%". */
export function formatShareUnits(units: number): string {
  return `${formatDecimal(units / (SCALE / 100), { decimals: 2 })}%`;
}
