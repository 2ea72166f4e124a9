import type { RangeStyle } from './grid';

/** The fill of table headers on every sheet the toolkit writes: one look across the workbook. */
export const HEADER_FILL = 'FFBDD7EE';

/** A table header row: bold, wrapped, centred, filled and bordered. */
export function headerStyle(range: string): RangeStyle {
  return {
    range,
    bold: true,
    wrap: true,
    hAlign: 'center',
    vAlign: 'middle',
    fill: HEADER_FILL,
    border: true,
  };
}
