import {
  Caption1,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  makeStyles,
  mergeClasses,
  tokens,
} from '@fluentui/react-components';
import { memo } from 'react';
import {
  type Band,
  type Caps,
  type Criterion,
  type CriterionKind,
  formatDateVi,
  formatDecimal,
} from '../../core';

export const KIND_LABELS: Readonly<Record<CriterionKind, string>> = {
  group: 'Nhóm',
  base: 'Chuẩn',
  bonus: 'Cộng',
  penalty: 'Trừ',
  choice: 'Chọn',
  knockout: 'Không xếp loại',
  measure: 'Số liệu',
};

/** A criterion as the preview shows it, with what was inferred and guessed (for a pasted table). */
export type PreviewRow = Criterion & {
  reading?: readonly string[];
  unsure?: readonly string[];
  derived?: boolean;
};

const useStyles = makeStyles({
  wrap: { maxHeight: '360px', overflow: 'auto', border: `1px solid ${tokens.colorNeutralStroke2}` },
  // Fixed widths include the (narrowed) padding, so that the text column gets what is left.
  table: {
    fontSize: tokens.fontSizeBase200,
    tableLayout: 'fixed',
    width: '100%',
    '& th, & td': { boxSizing: 'border-box', paddingLeft: '4px', paddingRight: '4px' },
  },
  code: { width: '48px', wordBreak: 'break-all' },
  kind: { width: '52px' },
  num: { width: '52px', textAlign: 'right' },
  caps: { width: '60px' },
  text: { whiteSpace: 'normal', overflowWrap: 'anywhere', paddingTop: '2px', paddingBottom: '2px' },
  reading: { display: 'block', color: tokens.colorNeutralForeground3, fontStyle: 'italic' },
  unsure: { display: 'block', color: tokens.colorPaletteDarkOrangeForeground1 },
  // Numbers stay on one line; a date band may break after its dash.
  band: { display: 'block', textAlign: 'right', color: tokens.colorNeutralForeground3 },
  numberBand: { whiteSpace: 'nowrap' },
  derived: { fontStyle: 'italic' },
});

const pts = (n: number) => formatDecimal(n, { decimals: 2 });

/** "trừ ≤ 1,5; cộng ≤ 1", the caps of a node. */
export function capsText(caps: Caps | undefined): string {
  if (!caps) return '';
  return [
    caps.penalty !== undefined ? `trừ ≤ ${pts(caps.penalty)}` : '',
    caps.bonus !== undefined ? `cộng ≤ ${pts(caps.bonus)}` : '',
    caps.net !== undefined ? `gộp ≤ ${pts(caps.net)}` : '',
  ]
    .filter(Boolean)
    .join('; ');
}

/** An alternative of a choice is worth its rate once; a rule row per case. */
function pointsText(c: Criterion, alternative: boolean): string {
  if (c.kind === 'bonus' || c.kind === 'penalty')
    return c.rate === undefined
      ? ''
      : `${c.kind === 'bonus' ? '+' : '−'}${pts(c.rate)}${alternative ? '' : '/lần'}`;
  return c.base === undefined ? '' : pts(c.base);
}

const bound = (v: number | string) => (typeof v === 'number' ? pts(v) : formatDateVi(v));

/** "≥ 98", "97–<98", "< 96", "≥ 01/02/2025": the measured values that pick an alternative. */
export function bandText(band: Band): string {
  if (band.from !== undefined && band.to !== undefined)
    return `${bound(band.from)}–<${bound(band.to)}`;
  if (band.from !== undefined) return `≥ ${bound(band.from)}`;
  return band.to !== undefined ? `< ${bound(band.to)}` : '';
}

/**
 * The criteria as understood, compact enough for a 350 px pane: code, text, kind, points, caps.
 * Memoised: a sheet has 50–100 rows, and the form around it re-renders on every keystroke.
 */
export const CriteriaPreview = memo(function CriteriaPreview({
  rows,
  caption,
}: {
  rows: readonly PreviewRow[];
  caption: string;
}) {
  const styles = useStyles();
  const depth = new Map<string, number>();
  for (const r of rows) depth.set(r.code, r.parent ? (depth.get(r.parent) ?? 0) + 1 : 0);
  const choices = new Set(rows.filter((r) => r.kind === 'choice').map((r) => r.code));
  return (
    // Scrollable region: focusable so that keyboard users can scroll it.
    <div className={styles.wrap} tabIndex={0} role="region" aria-label={caption}>
      <Table size="extra-small" className={styles.table} aria-label={caption}>
        <TableHeader>
          <TableRow>
            <TableHeaderCell className={styles.code}>Mã</TableHeaderCell>
            <TableHeaderCell>Nội dung</TableHeaderCell>
            <TableHeaderCell className={styles.kind}>Loại</TableHeaderCell>
            <TableHeaderCell className={styles.num}>Điểm</TableHeaderCell>
            <TableHeaderCell className={styles.caps}>Trần</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {rows.map((r) => (
            <TableRow key={r.code} className={r.derived ? styles.derived : undefined}>
              <TableCell className={styles.code}>{r.code}</TableCell>
              <TableCell
                className={styles.text}
                style={{ paddingLeft: `${4 + 8 * (depth.get(r.code) ?? 0)}px` }}
              >
                {r.text}
                {r.reading?.map((line, i) => (
                  <Caption1 key={i} className={styles.reading}>
                    {line}
                  </Caption1>
                ))}
                {r.unsure?.map((line, i) => (
                  <Caption1 key={`u${i}`} className={styles.unsure}>
                    Chưa chắc: {line}
                  </Caption1>
                ))}
              </TableCell>
              <TableCell className={styles.kind}>{KIND_LABELS[r.kind]}</TableCell>
              <TableCell className={styles.num}>
                {pointsText(r, r.parent !== undefined && choices.has(r.parent))}
                {r.band && (
                  <Caption1
                    className={mergeClasses(
                      styles.band,
                      typeof (r.band.from ?? r.band.to) === 'number' && styles.numberBand,
                    )}
                  >
                    {bandText(r.band)}
                  </Caption1>
                )}
              </TableCell>
              <TableCell className={styles.caps}>{capsText(r.caps)}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
});
