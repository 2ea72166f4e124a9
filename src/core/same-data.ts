/**
 * Deep equality of plain data (what the engine and the workbook readers produce: objects, arrays,
 * strings, numbers, booleans, null and undefined): key order does not matter, a missing key equals
 * an undefined one. Browser-safe, unlike node:util's isDeepStrictEqual.
 */
export function sameData(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b))
    return a.length === b.length && a.every((x, i) => sameData(x, b[i]));
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  const keys = new Set([...Object.keys(x), ...Object.keys(y)]);
  for (const k of keys) if (!sameData(x[k], y[k])) return false;
  return true;
}
