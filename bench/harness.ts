/**
 * Benchmarks print ratios against a baseline measured in the same run, so a slow machine changes
 * both numbers alike and nothing here fails on timing.
 */
export function measure(run: () => unknown, minMs = 300): number {
  run(); // warm-up: JIT and caches
  const samples: number[] = [];
  const end = performance.now() + minMs;
  while (samples.length < 5 || performance.now() < end) {
    const t0 = performance.now();
    run();
    samples.push(performance.now() - t0);
  }
  samples.sort((a, b) => a - b);
  return samples[Math.floor(samples.length / 2)]!;
}

export function ratio(a: number, b: number): string {
  return `${(a / b).toFixed(2)}×`;
}

export function row(cells: (string | number)[], widths: number[]): string {
  return cells.map((c, i) => String(c).padEnd(widths[i] ?? 12)).join(' ');
}
