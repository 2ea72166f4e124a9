/**
 * Points are decimal quantities ("118,4", "0,25 mỗi trường hợp"). Binary floating point drifts
 * when such values are summed (0.1 + 0.2), so the engine counts in fixed-point units of 1/10 000
 * point and converts back only at the edges. Every sum and comparison inside the core is exact.
 */
export const SCALE = 10_000;

/** Number of points → fixed-point units. */
export function toUnits(points: number): number {
  return Math.round(points * SCALE);
}

/** Fixed-point units → the nearest double to the decimal value (1_184_000 → 118.4). */
export function fromUnits(units: number): number {
  return units / SCALE;
}

/** Exact decimal sum of point values. */
export function sumPoints(values: readonly number[]): number {
  let units = 0;
  for (const v of values) units += toUnits(v);
  return fromUnits(units);
}

/** Fixed-point units of a share (15% → 1500 out of SCALE), for exact quota arithmetic. */
export function shareUnits(share: number): number {
  return Math.round(share * SCALE);
}
