/** Plain-text tables for the terminal. Widths count characters of NFC text (one per Vietnamese letter). */
export interface Column {
  header: string;
  align?: 'left' | 'right';
  /** Wrap longer cells at this width. */
  max?: number;
}

function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  lines.push(line);
  return lines;
}

export function renderTable(columns: Column[], rows: string[][]): string {
  const cells = rows.map((r) =>
    r.map((c, i) => wrap(c.normalize('NFC'), columns[i]?.max ?? Infinity)),
  );
  const widths = columns.map((col, i) =>
    Math.max(
      col.header.length,
      ...cells.map((r) => Math.max(...(r[i] ?? ['']).map((l) => l.length))),
    ),
  );
  const line = (parts: string[]) =>
    parts
      .map((p, i) =>
        columns[i]?.align === 'right' ? p.padStart(widths[i]!) : p.padEnd(widths[i]!),
      )
      .join(' │ ')
      .trimEnd();
  const out = [line(columns.map((c) => c.header)), widths.map((w) => '─'.repeat(w)).join('─┼─')];
  for (const r of cells) {
    const height = Math.max(...r.map((c) => c.length));
    for (let k = 0; k < height; k++) out.push(line(r.map((c) => c[k] ?? '')));
  }
  return out.join('\n');
}
