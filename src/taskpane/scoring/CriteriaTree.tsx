import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
} from '@fluentui/react-components';
import * as React from 'react';
import { fromUnits, type CompiledTemplate, formatDecimal } from '../../core';
import { unitLayout, type UnitRow } from '../../workbook';
import { capsText } from './items';
import { useScoringStyles } from './styles';

export interface CriteriaTreeProps {
  compiled: CompiledTemplate;
  /** The form item of a criterion that takes an entry or a note. */
  renderItem(row: UnitRow): React.ReactNode;
  /** Per group code (parts and sections): a short running result ("Tự chấm 18 / 20"). */
  summaries?: Readonly<Record<string, string>>;
}

/**
 * The criteria tree: one collapsible panel per part (only the first open at first; a closed panel
 * is not rendered, so a 60-item sheet stays light), sections as headings, items in sheet order.
 * Leaf alternatives of a choice are not items of their own: the choice shows them.
 */
export function CriteriaTree({ compiled: t, renderItem, summaries }: CriteriaTreeProps) {
  const s = useScoringStyles();
  const layout = unitLayout(t);
  const first = t.roots[0] === undefined ? [] : [t.criteria[t.roots[0]]!.code];

  const body = (i: number, out: React.ReactNode[]) => {
    const c = t.criteria[i]!;
    if (t.leafAlternative[i] === 1) return;
    if (c.kind === 'group') {
      if (t.depth[i]! > 0) {
        const caps = capsText(c.caps);
        const max = fromUnits(t.maxBase[i]!);
        out.push(
          <div key={c.code} className={s.section} role="heading" aria-level={4}>
            {c.code} {c.text}
            <span className={s.sectionMeta}>
              {[
                max > 0 ? `Điểm chuẩn ${formatDecimal(max)}` : '',
                caps ? `Trần: ${caps}` : '',
                summaries?.[c.code] ?? '',
              ]
                .filter((x) => x !== '')
                .join(' · ')}
            </span>
          </div>,
        );
      }
    } else {
      const row = layout.rows[i]!;
      if (row.input !== 'none' || row.notes)
        out.push(<React.Fragment key={c.code}>{renderItem(row)}</React.Fragment>);
    }
    for (const k of t.children[i]!) body(k, out);
  };

  return (
    <Accordion multiple collapsible defaultOpenItems={first}>
      {t.roots.map((r) => {
        const c = t.criteria[r]!;
        const max = fromUnits(t.maxBase[r]!);
        const caps = capsText(c.caps);
        const meta = [
          max > 0 ? `Điểm chuẩn ${formatDecimal(max)}` : '',
          caps ? `Trần: ${caps}` : '',
          summaries?.[c.code] ?? '',
        ].filter((x) => x !== '');
        return (
          <AccordionItem key={c.code} value={c.code}>
            <AccordionHeader as="h3" expandIconPosition="end">
              <span className={s.partHeader}>
                <span>
                  {c.code}. {c.text}
                </span>
                {meta.length > 0 && <span className={s.partSummary}>{meta.join(' · ')}</span>}
              </span>
            </AccordionHeader>
            <AccordionPanel>
              <PartBody
                render={() => {
                  const out: React.ReactNode[] = [];
                  body(r, out);
                  return out;
                }}
              />
            </AccordionPanel>
          </AccordionItem>
        );
      })}
    </Accordion>
  );
}

/** Renders a part's items only when its panel is mounted (open). */
function PartBody({ render }: { render(): React.ReactNode[] }) {
  const s = useScoringStyles();
  return <div className={s.panelList}>{render()}</div>;
}
