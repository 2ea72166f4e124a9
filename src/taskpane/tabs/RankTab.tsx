import {
  Button,
  Caption1,
  Link,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  makeStyles,
  mergeClasses,
  tokens,
} from '@fluentui/react-components';
import { TrophyRegular } from '@fluentui/react-icons';
import { type UnitResult, formatDecimal } from '../../core';
import { GENERATED_SHEETS, unitSheetName } from '../../workbook';
import { NoticeBar } from '../shared/NoticeBar';
import { Section } from '../shared/Section';
import { useEvaluation } from '../shared/useEvaluation';
import { describeError } from '../../app';
import type { TabProps } from '../shared/types';
import { useWorkbookWrite } from '../shared/write';

const useStyles = makeStyles({
  box: { display: 'flex', flexDirection: 'column', gap: '12px' },
  // Fixed widths include the (narrowed) padding: the unit's name gets what is left.
  table: {
    fontSize: tokens.fontSizeBase200,
    tableLayout: 'fixed',
    width: '100%',
    '& th, & td': { boxSizing: 'border-box', paddingLeft: '4px', paddingRight: '4px' },
  },
  rank: { width: '40px' },
  total: { width: '48px', textAlign: 'right' },
  cls: { width: '60px' },
  proposal: { width: '88px' },
  wrap: { whiteSpace: 'normal', overflowWrap: 'anywhere' },
  out: { color: tokens.colorNeutralForeground3, fontStyle: 'italic' },
  notes: { margin: 0, paddingLeft: '18px', display: 'flex', flexDirection: 'column', gap: '4px' },
});

function proposalText(u: UnitResult): string {
  const p = u.proposal;
  if (p.award && p.label) return p.label;
  if (p.pending && p.label) return `Chờ biểu quyết: ${p.label}`;
  return '';
}

/** Xếp hạng: ranks the bloc, writes the generated sheets, shows the ranking with its reasons. */
export function RankTab(props: TabProps) {
  const styles = useStyles();
  const { session, state, notify } = props;
  const { outcome, error } = useEvaluation(state);
  const { writing, write } = useWorkbookWrite(props);

  const rank = async () => {
    const done = await write('Đang chấm điểm và xếp hạng…', () => session.rank());
    if (done)
      notify({
        intent: 'success',
        title: `Đã xếp hạng ${done.value.result.units.length} đơn vị`,
        lines: [`Đã ghi lại các trang: ${GENERATED_SHEETS.join(', ')}.`],
      });
  };

  const showSheet = (code: string) =>
    session.host.showSheet(unitSheetName(code)).catch((e: unknown) => notify(describeError(e)));

  const result = outcome?.result;
  const notes = result?.units.filter((u) => u.proposal.note) ?? [];
  const problems = result?.findings.filter((f) => f.severity !== 'info') ?? [];

  return (
    <div className={styles.box}>
      <div>
        <Button appearance="primary" icon={<TrophyRegular />} disabled={writing} onClick={rank}>
          Xếp hạng
        </Button>
        <Caption1 block>
          Chấm điểm theo số liệu thẩm định, xếp hạng, xếp loại, đề nghị khen thưởng rồi ghi các
          trang tổng hợp. Bảng dưới đây tính theo số liệu hiện có trong sổ tính.
        </Caption1>
      </div>

      {error && <NoticeBar notice={error} />}

      {result && (
        <Table size="extra-small" className={styles.table} aria-label="Kết quả xếp hạng">
          <TableHeader>
            <TableRow>
              <TableHeaderCell className={styles.rank}>Hạng</TableHeaderCell>
              <TableHeaderCell>Đơn vị</TableHeaderCell>
              <TableHeaderCell className={styles.total}>Khối chấm</TableHeaderCell>
              <TableHeaderCell className={styles.cls}>Xếp loại</TableHeaderCell>
              <TableHeaderCell className={styles.proposal}>Đề nghị</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {result.units.map((u) => {
              const out = u.ranked.rank === null;
              return (
                <TableRow key={u.unit.code} className={out ? styles.out : undefined}>
                  <TableCell className={styles.rank}>{out ? '–' : u.ranked.rank}</TableCell>
                  <TableCell className={styles.wrap}>
                    <Link
                      as="button"
                      title={`Mở trang ${unitSheetName(u.unit.code)}`}
                      onClick={() => void showSheet(u.unit.code)}
                    >
                      {u.unit.name}
                    </Link>
                  </TableCell>
                  <TableCell className={styles.total}>
                    {formatDecimal(u.score.verified.total, { decimals: 2 })}
                  </TableCell>
                  <TableCell className={mergeClasses(styles.cls, styles.wrap)}>
                    {u.classification}
                  </TableCell>
                  <TableCell className={styles.wrap}>{proposalText(u)}</TableCell>
                </TableRow>
              );
            })}
          </TableBody>
        </Table>
      )}

      {result && result.ties.length > 0 && (
        <Section title="Bằng điểm">
          <ul className={styles.notes}>
            {result.ties.map((t, i) => (
              <li key={i}>{t.message}</li>
            ))}
          </ul>
        </Section>
      )}

      {notes.length > 0 && (
        <Section title="Ghi chú đề nghị khen thưởng">
          <ul className={styles.notes}>
            {notes.map((u) => (
              <li key={u.unit.code}>
                {u.unit.name}: {u.proposal.note}
              </li>
            ))}
          </ul>
        </Section>
      )}

      {problems.length > 0 && (
        <Section title={`Cảnh báo (${problems.length})`}>
          <ul className={styles.notes}>
            {problems.slice(0, 8).map((f, i) => (
              <li key={i}>{f.message}</li>
            ))}
          </ul>
          {problems.length > 8 && (
            <Text size={200}>… và {problems.length - 8} cảnh báo khác ở trang Cảnh báo.</Text>
          )}
        </Section>
      )}
    </div>
  );
}
