/**
 * Benchmarks print ratios against a baseline measured in the same run, so a slow machine changes
 * both numbers alike and nothing here fails on timing. Engine and baseline samples are interleaved
 * after a warm-up, so both see the same JIT state, heap and machine load; medians damp outliers.
 */
export function compare(
  engine: () => unknown,
  baseline: () => unknown,
  ms = 1500,
): { engine: number; baseline: number } {
  const warmUntil = performance.now() + ms / 3;
  while (performance.now() < warmUntil) {
    engine();
    baseline();
  }
  const a: number[] = [];
  const b: number[] = [];
  const end = performance.now() + ms;
  while (a.length < 5 || performance.now() < end) {
    a.push(time(engine));
    b.push(time(baseline));
  }
  return { engine: median(a), baseline: median(b) };
}

function time(run: () => unknown): number {
  const t0 = performance.now();
  run();
  return performance.now() - t0;
}

function median(xs: number[]): number {
  const s = [...xs].sort((x, y) => x - y);
  return s[Math.floor(s.length / 2)]!;
}

/** Heap growth while `build` runs and its result is kept (needs node --expose-gc). */
export function retainedBytes<T>(build: () => T): { bytes: number; kept: T } {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) throw new Error('run node with --expose-gc to measure memory');
  gc();
  const before = process.memoryUsage().heapUsed;
  const kept = build();
  gc();
  return { bytes: process.memoryUsage().heapUsed - before, kept };
}

export function ratio(a: number, b: number): string {
  return `${(a / b).toFixed(2)}×`;
}

export function row(cells: (string | number)[], widths: number[]): string {
  return cells.map((c, i) => String(c).padEnd(widths[i] ?? 12)).join(' ');
}
