import { Button, Caption1, Select, makeStyles, tokens } from '@fluentui/react-components';
import { AddRegular, ArrowDownRegular, ArrowUpRegular, DeleteRegular } from '@fluentui/react-icons';
import { useState } from 'react';
import { TIE_BREAKER_KINDS, tieBreakerLabel, type TieBreaker } from '../../core';

const useStyles = makeStyles({
  list: { margin: 0, paddingLeft: '20px', display: 'flex', flexDirection: 'column', gap: '4px' },
  item: { display: 'flex', alignItems: 'center', gap: '2px' },
  label: { flexGrow: 1 },
  add: { display: 'flex', flexWrap: 'wrap', gap: '4px', alignItems: 'center' },
  none: { color: tokens.colorNeutralForeground3 },
});

/** The ordered tie-breakers: move up/down, remove, add (a subtree for "higher base"). */
export function TieBreakersEditor(props: {
  value: readonly TieBreaker[];
  /** Codes a "higher base" tie-breaker can name (parts and sections). */
  subtrees: readonly string[];
  onChange(value: TieBreaker[]): void;
}) {
  const styles = useStyles();
  const { value, onChange } = props;
  const [kind, setKind] = useState<TieBreaker['kind']>('fewer-penalty');
  const [subtree, setSubtree] = useState(props.subtrees[0] ?? '');
  const move = (i: number, by: number) => {
    const next = [...value];
    const [item] = next.splice(i, 1);
    next.splice(i + by, 0, item!);
    onChange(next);
  };
  const add = () =>
    onChange([...value, kind === 'higher-base' ? { kind, subtree } : ({ kind } as TieBreaker)]);
  return (
    <div>
      {value.length === 0 ? (
        <Caption1 className={styles.none}>
          Chưa chọn tiêu chí phụ: các đơn vị bằng điểm được xếp đồng hạng.
        </Caption1>
      ) : (
        <ol className={styles.list} aria-label="Tiêu chí phụ khi bằng điểm, theo thứ tự áp dụng">
          {value.map((t, i) => {
            const label = tieBreakerLabel(t);
            return (
              <li key={`${t.kind}-${i}`}>
                <span className={styles.item}>
                  <span className={styles.label}>{label}</span>
                  <Button
                    size="small"
                    appearance="subtle"
                    icon={<ArrowUpRegular />}
                    aria-label={`Đưa lên: ${label}`}
                    disabled={i === 0}
                    onClick={() => move(i, -1)}
                  />
                  <Button
                    size="small"
                    appearance="subtle"
                    icon={<ArrowDownRegular />}
                    aria-label={`Đưa xuống: ${label}`}
                    disabled={i === value.length - 1}
                    onClick={() => move(i, 1)}
                  />
                  <Button
                    size="small"
                    appearance="subtle"
                    icon={<DeleteRegular />}
                    aria-label={`Bỏ: ${label}`}
                    onClick={() => onChange(value.filter((_, j) => j !== i))}
                  />
                </span>
              </li>
            );
          })}
        </ol>
      )}
      <div className={styles.add}>
        <Select
          size="small"
          aria-label="Tiêu chí phụ cần thêm"
          value={kind}
          onChange={(_, d) => setKind(d.value as TieBreaker['kind'])}
        >
          {TIE_BREAKER_KINDS.map((k) => (
            <option key={k} value={k}>
              {tieBreakerLabel({ kind: k })}
            </option>
          ))}
        </Select>
        {kind === 'higher-base' && (
          <Select
            size="small"
            aria-label="Mục so điểm chuẩn"
            value={subtree}
            onChange={(_, d) => setSubtree(d.value)}
          >
            {props.subtrees.map((code) => (
              <option key={code} value={code}>
                {code}
              </option>
            ))}
          </Select>
        )}
        <Button size="small" icon={<AddRegular />} onClick={add}>
          Thêm tiêu chí phụ
        </Button>
      </div>
    </div>
  );
}
