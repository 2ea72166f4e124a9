/**
 * Exact share arithmetic for quotas.
 *
 * A share is held as an integer number of 1/SCALE units (15% → 1500, i.e. basis points), and
 * "share × base" is the integer product `units × base` in the same units. Nothing is ever
 * computed as `0.15 * n` in floating point: 0.29 * 100 = 28.999…, and floor() of that would
 * silently allow one person fewer than the rule says.
 */
import { SCALE, shareUnits } from '../decimal';

/** Integer division of non-negative integers, rounding down. */
function divFloor(a: number, b: number): number {
  return (a - (a % b)) / b;
}

/** Share (0.15) → integer units of 1/SCALE (1500). Throws if the share has more precision. */
export function toShareUnits(share: number): number {
  const units = shareUnits(share);
  if (!Number.isFinite(share) || Math.abs(share * SCALE - units) > 1e-6) {
    throw new RangeError(`Share ${share} is not a multiple of 1/${SCALE}`);
  }
  return units;
}

/** Largest k with k ≤ share × n: a maximum quota rounds down (15% of 23 = 3,45 → 3). */
export function maxCountAtMost(units: number, n: number): number {
  return divFloor(units * n, SCALE);
}

/** Smallest k with k ≥ share × n: a minimum target rounds up (30% of 7 = 2,1 → 3). */
export function minCountAtLeast(units: number, n: number): number {
  return divFloor(units * n + SCALE - 1, SCALE);
}

/** Largest k with k < share × n (strict "dưới"); -1 when even 0 is not below (n = 0). */
export function maxCountStrictlyBelow(units: number, n: number): number {
  return minCountAtLeast(units, n) - 1;
}

/** Smallest k with k > share × n (strict "trên"). */
export function minCountStrictlyAbove(units: number, n: number): number {
  return maxCountAtMost(units, n) + 1;
}

/** count ≤ share × n, compared as integers. */
export function isAtMost(count: number, units: number, n: number): boolean {
  return count * SCALE <= units * n;
}

/** count ≥ share × n, compared as integers. */
export function isAtLeast(count: number, units: number, n: number): boolean {
  return count * SCALE >= units * n;
}

/** count < share × n, compared as integers (count·10000 < 7000·n for "dưới 70%"). */
export function isStrictlyBelow(count: number, units: number, n: number): boolean {
  return count * SCALE < units * n;
}

/** count > share × n, compared as integers. */
export function isStrictlyAbove(count: number, units: number, n: number): boolean {
  return count * SCALE > units * n;
}
