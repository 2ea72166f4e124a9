import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Badge,
  Caption1,
  Card,
  Switch,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useState } from 'react';
import { quotaRules } from '../../app';
import { type QuotaCheck, formatCount } from '../../core';
import { NoticeBar } from '../shared/NoticeBar';
import { useEvaluation } from '../shared/useEvaluation';
import type { TabProps } from '../shared/types';

const useStyles = makeStyles({
  box: { display: 'flex', flexDirection: 'column', gap: '8px' },
  list: { margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: '8px' },
  item: { listStyleType: 'none' },
  head: { display: 'flex', gap: '6px', alignItems: 'baseline', flexWrap: 'wrap' },
  muted: { color: tokens.colorNeutralForeground3 },
  details: { margin: 0, paddingLeft: '18px' },
});

type Verdict = 'fail' | 'pass' | 'na';
const verdictOf = (c: QuotaCheck): Verdict => (!c.pass ? 'fail' : c.applicable ? 'pass' : 'na');
const ORDER: Readonly<Record<Verdict, number>> = { fail: 0, pass: 1, na: 2 };
const BADGES: Readonly<
  Record<Verdict, { label: string; color: 'danger' | 'success' | 'informative' }>
> = {
  fail: { label: 'Không đạt', color: 'danger' },
  pass: { label: 'Đạt', color: 'success' },
  na: { label: 'Không áp dụng', color: 'informative' },
};

/** Failures first, then passes, then checks with nothing to count; stable inside each group. */
export function sortChecks(checks: readonly QuotaCheck[]): QuotaCheck[] {
  return checks
    .map((c, i) => ({ c, i }))
    .sort((a, b) => ORDER[verdictOf(a.c)] - ORDER[verdictOf(b.c)] || a.i - b.i)
    .map(({ c }) => c);
}

function numbersText(c: QuotaCheck): string {
  const n = c.numbers;
  const parts = [`đếm được ${formatCount(n.counted)} trên ${formatCount(n.base)}`];
  if (n.allowed !== undefined) parts.push(`tối đa ${formatCount(n.allowed)}`);
  if (n.required !== undefined) parts.push(`cần ít nhất ${formatCount(n.required)}`);
  return parts.join('; ');
}

/** Tỷ lệ khen thưởng: every quota check with its verdict, numbers, limit, details and source. */
export function QuotaTab(props: TabProps) {
  const styles = useStyles();
  const { state } = props;
  const { outcome, error } = useEvaluation(state);
  const [failuresOnly, setFailuresOnly] = useState(false);
  if (error || !outcome) return error ? <NoticeBar notice={error} /> : null;

  const unitName = new Map(state.bloc.units.map((u) => [u.code, u.name]));
  const scopeText = (scope: string) =>
    scope === 'khoi' ? 'Toàn khối' : `${unitName.get(scope) ?? scope} (${scope})`;
  const sorted = sortChecks(outcome.checks);
  const count = (v: Verdict) => sorted.filter((c) => verdictOf(c) === v).length;
  const shown = failuresOnly ? sorted.filter((c) => !c.pass) : sorted;

  return (
    <div className={styles.box}>
      <Text>
        Bộ quy tắc: <b>{quotaRules(state.bloc).name}</b>. {count('fail')} không đạt, {count('pass')}{' '}
        đạt, {count('na')} không áp dụng.
      </Text>
      <Switch
        label="Chỉ hiện các kiểm tra không đạt"
        checked={failuresOnly}
        onChange={(_, d) => setFailuresOnly(d.checked)}
      />
      {shown.length === 0 && <Text>Không có kiểm tra nào để hiện.</Text>}
      <ul className={styles.list} aria-label="Các kiểm tra tỷ lệ khen thưởng">
        {shown.map((c, i) => {
          const badge = BADGES[verdictOf(c)];
          return (
            <li key={`${c.id}-${c.scope}-${i}`} className={styles.item}>
              <Card size="small">
                <div className={styles.head}>
                  <Badge appearance="filled" color={badge.color}>
                    {badge.label}
                  </Badge>
                  <Text weight="semibold">{c.title}</Text>
                  <Caption1 className={styles.muted}>{scopeText(c.scope)}</Caption1>
                </div>
                <Text size={200}>{c.message}</Text>
                <Accordion collapsible>
                  <AccordionItem value="more">
                    <AccordionHeader size="small">Chi tiết và nguồn</AccordionHeader>
                    <AccordionPanel>
                      <Caption1 block>
                        Giới hạn: {c.limitText} ({numbersText(c)}).
                      </Caption1>
                      {c.details.length > 0 && (
                        <ul className={styles.details}>
                          {c.details.map((d, j) => (
                            <li key={j}>
                              <Caption1>{d}</Caption1>
                            </li>
                          ))}
                        </ul>
                      )}
                      <Caption1 block>Nguồn: {c.source}</Caption1>
                    </AccordionPanel>
                  </AccordionItem>
                </Accordion>
              </Card>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
