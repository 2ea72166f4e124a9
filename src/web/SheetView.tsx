import type { CSSProperties } from 'react';
import { formatDateVi } from '../core';
import {
  columnLetter,
  LOOK,
  parseAddress,
  type RangeStyle,
  type ReadValue,
  type SheetData,
} from '../workbook';
import type { SheetLook } from './web-workbook';

export interface SheetViewProps {
  /** The workbook's sheet names, in tab order. */
  names: readonly string[];
  /** The sheet in front (`frontSheet` picks it), as read through the port. */
  shown: SheetData | undefined;
  look(name: string): SheetLook | undefined;
  onSelect(name: string): void;
}

/**
 * The sheet the view shows: the one in front, else the first visible one. Only its cells are read
 * (a 60-unit workbook's sheets together are megabytes, read again after every write).
 */
export function frontSheet(
  names: readonly string[],
  active: string | null,
  look: (name: string) => SheetLook | undefined,
): string | undefined {
  return names.find((n) => n === active) ?? names.find((n) => !look(n)?.hidden) ?? names[0];
}

/** ARGB ("FFDDEBF7") → CSS colour. */
const css = (argb: string) => `#${argb.slice(-6)}`;

const numberFormats = new Map<string, Intl.NumberFormat>();

/**
 * Vietnamese numbers with so many decimals, one formatter each: `toLocaleString` builds a new one
 * for every call, and a ranking sheet shows thousands of numbers.
 */
function vietnameseNumbers(min: number, max: number): Intl.NumberFormat {
  const key = `${min},${max}`;
  let format = numberFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat('vi-VN', {
      minimumFractionDigits: min,
      maximumFractionDigits: max,
      useGrouping: false,
    });
    numberFormats.set(key, format);
  }
  return format;
}

/** What a cell shows for a number format: decimals and sign of its first section, or a date. */
export function formatValue(value: ReadValue, numberFormat?: string): string {
  if (value === null) return '';
  if (typeof value === 'object') return value.error;
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (typeof value === 'string') {
    return numberFormat?.includes('yy') ? formatDateVi(value) : value;
  }
  const section = numberFormat?.split(';')[0] ?? '';
  const decimals = /0\.(0+)/.exec(section)?.[1]?.length;
  const text = vietnameseNumbers(decimals ?? 0, decimals ?? (section === '0' ? 0 : 4)).format(
    value,
  );
  return section.startsWith('+') && value > 0 ? `+${text}` : text;
}

/** A range's cells within the used area; none for a range this view cannot read. */
function cellsOf(range: string, rows: number, columns: number): [number, number][] {
  const [a, b] = range.split(':');
  let from, to;
  try {
    from = parseAddress(a!);
    to = b ? parseAddress(b) : from;
  } catch {
    return [];
  }
  const out: [number, number][] = [];
  for (let r = from.row; r <= Math.min(to.row, rows); r++)
    for (let c = from.column; c <= Math.min(to.column, columns); c++) out.push([r, c]);
  return out;
}

/** The effective style of every styled cell ("row,column" → style), later ranges winning. */
function styleMap(styles: readonly RangeStyle[], rows: number, columns: number) {
  const map = new Map<string, RangeStyle>();
  for (const s of styles)
    for (const [r, c] of cellsOf(s.range, rows, columns)) {
      const key = `${r},${c}`;
      map.set(key, { ...map.get(key), ...s });
    }
  return map;
}

function cellCss(s: RangeStyle | undefined, value: ReadValue): CSSProperties {
  const numeric = typeof value === 'number';
  return {
    fontWeight: s?.bold ? 700 : undefined,
    fontStyle: s?.italic ? 'italic' : undefined,
    background: s?.fill ? css(s.fill) : undefined,
    color:
      typeof value === 'object' && value !== null
        ? '#c50f1f'
        : s?.fontColor
          ? css(s.fontColor)
          : undefined,
    textAlign: s?.hAlign ?? (numeric ? 'right' : 'left'),
    verticalAlign: s?.vAlign === 'middle' ? 'middle' : (s?.vAlign ?? 'bottom'),
    whiteSpace: s?.wrap ? 'pre-wrap' : 'pre',
    ...(s?.indent ? { paddingLeft: 4 + s.indent * 9 } : {}),
  };
}

/** The sheet's font, then Liberation Serif (the metrics of Times New Roman, the toolkit's font). */
const fontFamily = (font: string) => `'${font}', 'Liberation Serif', serif`;

const GRID_LINE = '1px solid #e1dfdd';
const TAB_LINE = '1px solid #d1d1d1';

const styles = {
  root: { display: 'flex', flexDirection: 'column', height: '100%', minHeight: 0 } as CSSProperties,
  grid: { flex: 1, overflow: 'auto', background: '#fff' } as CSSProperties,
  table: {
    borderCollapse: 'collapse',
    fontSize: '14px',
    tableLayout: 'fixed',
  } as CSSProperties,
  // Sides and paddings one by one: React warns when a shorthand and a longhand mix across renders.
  cell: {
    borderTop: GRID_LINE,
    borderRight: GRID_LINE,
    borderBottom: GRID_LINE,
    borderLeft: GRID_LINE,
    paddingTop: 1,
    paddingRight: 4,
    paddingBottom: 1,
    paddingLeft: 4,
    overflow: 'hidden',
  } as CSSProperties,
  head: {
    position: 'sticky',
    background: '#f3f2f1',
    color: '#605e5c',
    fontFamily: "'Segoe UI', system-ui, sans-serif",
    fontSize: '12px',
    fontWeight: 400,
    textAlign: 'center',
    borderTop: TAB_LINE,
    borderRight: TAB_LINE,
    borderBottom: TAB_LINE,
    borderLeft: TAB_LINE,
    zIndex: 1,
  } as CSSProperties,
  tabs: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: '2px',
    padding: '4px 8px',
    borderTop: TAB_LINE,
    background: '#f3f2f1',
    fontFamily: "'Segoe UI', system-ui, sans-serif",
    fontSize: '13px',
  } as CSSProperties,
  empty: {
    flex: 1,
    display: 'flex',
    alignItems: 'center',
    justifyContent: 'center',
    padding: '2rem',
    color: '#605e5c',
    textAlign: 'center',
    fontFamily: "'Segoe UI', system-ui, sans-serif",
  } as CSSProperties,
};

function tabStyle(selected: boolean, hidden: boolean, color?: string): CSSProperties {
  return {
    borderTop: selected ? '2px solid #107c41' : TAB_LINE,
    borderRight: TAB_LINE,
    borderBottom: color ? `3px solid ${css(color)}` : TAB_LINE,
    borderLeft: TAB_LINE,
    background: selected ? '#fff' : 'transparent',
    // Hidden sheets in grey, dark enough to read (contrast ≥ 4.5:1 on the tab bar).
    color: selected ? '#107c41' : hidden ? '#605e5c' : '#242424',
    fontWeight: selected ? 600 : 400,
    fontStyle: hidden ? 'italic' : 'normal',
    padding: '3px 10px',
    cursor: 'pointer',
    fontFamily: 'inherit',
    fontSize: 'inherit',
  };
}

function Grid({ data, look }: { data: SheetData; look: SheetLook | undefined }) {
  const rows = data.values.length;
  const columns = Math.max(0, ...data.values.map((r) => r.length));
  const hiddenColumns = new Set(look?.hiddenColumns ?? []);
  const shown = Array.from({ length: columns }, (_, i) => i + 1).filter(
    (c) => !hiddenColumns.has(c),
  );
  const cellStyles = styleMap(look?.styles ?? [], rows, columns);
  const spans = new Map<string, { rowSpan: number; colSpan: number }>();
  const covered = new Set<string>();
  for (const m of data.merges) {
    const cells = cellsOf(m, rows, columns);
    if (cells.length < 2) continue;
    const [[r0, c0], [r1, c1]] = [cells[0]!, cells[cells.length - 1]!];
    const from = { row: r0, column: c0 };
    const to = { row: r1, column: c1 };
    const colSpan = shown.filter((c) => c >= from.column && c <= to.column).length;
    spans.set(`${from.row},${from.column}`, { rowSpan: to.row - from.row + 1, colSpan });
    for (let r = from.row; r <= to.row; r++)
      for (let c = from.column; c <= to.column; c++)
        if (r !== from.row || c !== from.column) covered.add(`${r},${c}`);
  }
  const width = (c: number) => Math.round((look?.columnWidths[c - 1] ?? 9) * 7 + 5);
  // A fixed layout keeps the widths thidua chose (the table's width must be set for it to apply).
  const tableWidth = 40 + shown.reduce((sum, c) => sum + width(c), 0);
  return (
    <table
      style={{
        ...styles.table,
        fontFamily: fontFamily(look?.font ?? LOOK.font.name),
        width: tableWidth,
      }}
      aria-label={data.name}
    >
      <colgroup>
        <col style={{ width: 40 }} />
        {shown.map((c) => (
          <col key={c} style={{ width: width(c) }} />
        ))}
      </colgroup>
      <thead>
        <tr>
          <th style={{ ...styles.head, top: 0, left: 0, zIndex: 2 }} />
          {shown.map((c) => (
            <th key={c} scope="col" style={{ ...styles.head, top: 0 }}>
              {columnLetter(c)}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {data.values.map((row, i) => (
          <tr key={i}>
            <th scope="row" style={{ ...styles.head, left: 0 }}>
              {i + 1}
            </th>
            {shown.map((c) => {
              const key = `${i + 1},${c}`;
              if (covered.has(key)) return null;
              const value = row[c - 1] ?? null;
              const style = cellStyles.get(key);
              const formula = data.formulas[i]?.[c - 1];
              const span = spans.get(key);
              // As in Excel, text that does not wrap runs on over an empty cell to its right.
              const next = shown[shown.indexOf(c) + 1];
              const runsOn =
                typeof value === 'string' &&
                !style?.wrap &&
                !span &&
                next !== undefined &&
                (row[next - 1] ?? null) === null &&
                !covered.has(`${i + 1},${next}`);
              return (
                <td
                  key={c}
                  {...(span && span.colSpan > 0 ? span : {})}
                  title={formula ? `=${formula}` : undefined}
                  style={{
                    ...styles.cell,
                    ...cellCss(style, value),
                    ...(runsOn ? { overflow: 'visible', borderRight: '1px hidden #e1dfdd' } : {}),
                  }}
                >
                  {formatValue(value, style?.numberFormat)}
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/**
 * A read-only view of the web app's workbook: one HTML table per sheet, sheet tabs below as in
 * Excel (hidden sheets in grey italics, marked "ẩn"), styles, widths and merges as thidua wrote
 * them, formulas in each cell's tooltip.
 */
export function SheetView({ names, shown, look, onSelect }: SheetViewProps) {
  if (names.length === 0)
    return (
      <div style={styles.root}>
        <div style={styles.empty} role="status">
          Sổ tính trống. Bấm «Mở sổ tính…» (hoặc kéo tệp .xlsx thả vào trang) để làm việc trên sổ
          tính của khối, «Nạp khối mẫu» để xem thử, hoặc dùng «Thiết lập khối» trong ngăn Thi đua
          bên phải.
        </div>
      </div>
    );
  return (
    <div style={styles.root}>
      {/* Focusable, so a keyboard can scroll a sheet wider or longer than the view. */}
      {shown && (
        <div
          style={styles.grid}
          tabIndex={0}
          role="region"
          aria-label={`Nội dung trang ${shown.name}`}
        >
          <Grid data={shown} look={look(shown.name)} />
        </div>
      )}
      <div role="tablist" aria-label="Trang tính" style={styles.tabs}>
        {names.map((name) => {
          const l = look(name);
          const selected = name === shown?.name;
          return (
            <button
              key={name}
              type="button"
              role="tab"
              aria-selected={selected}
              style={tabStyle(selected, l?.hidden ?? false, l?.tabColor)}
              onClick={() => onSelect(name)}
            >
              {name}
              {l?.hidden ? ' (ẩn)' : ''}
            </button>
          );
        })}
      </div>
    </div>
  );
}
