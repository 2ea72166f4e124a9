import { Button, Field, Input, Select, Text, makeStyles, tokens } from '@fluentui/react-components';
import { AddRegular, DeleteRegular } from '@fluentui/react-icons';
import type { ReactNode } from 'react';
import { ROLE_LABELS, type UnitRole } from '../../core';
import type { UnitDraft, UnitErrors } from './units';
import { fieldError } from '../shared/fieldError';

const useStyles = makeStyles({
  list: { display: 'flex', flexDirection: 'column', gap: '6px', margin: 0, padding: 0 },
  item: {
    display: 'grid',
    gridTemplateColumns: '72px 1fr 32px',
    gap: '4px',
    alignItems: 'start',
    listStyleType: 'none',
    paddingBottom: '6px',
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  role: { gridColumn: '1 / 3' },
  actions: { display: 'flex', flexWrap: 'wrap', gap: '6px', marginTop: '6px' },
});

const ROLES = Object.entries(ROLE_LABELS) as [UnitRole, string][];

/** The member units: code, name and role per unit; add and remove. Errors come from checkUnits. */
export function UnitsEditor(props: {
  units: readonly UnitDraft[];
  errors: readonly UnitErrors[];
  onChange(units: UnitDraft[]): void;
  /** The number of the first row in the labels ("Mã 10"): units added after the bloc's others. */
  first?: number;
  /** Said when the list is empty. */
  empty?: string;
  /** Extra buttons (sample list, CSV import). */
  children?: ReactNode;
}) {
  const styles = useStyles();
  const { units, errors, onChange, first = 1, empty = 'Chưa có đơn vị nào.' } = props;
  const set = (i: number, patch: Partial<UnitDraft>) =>
    onChange(units.map((u, j) => (j === i ? { ...u, ...patch } : u)));
  return (
    <div>
      {units.length === 0 && <Text>{empty}</Text>}
      <ul className={styles.list}>
        {units.map((u, i) => {
          const e = errors[i] ?? {};
          const n = first + i;
          return (
            <li key={i} className={styles.item}>
              <Field label={`Mã ${n}`} size="small" {...fieldError(e.code)}>
                <Input
                  size="small"
                  value={u.code}
                  placeholder="CAT"
                  onChange={(_, d) => set(i, { code: d.value })}
                />
              </Field>
              <Field label={`Tên đơn vị ${n}`} size="small" {...fieldError(e.name)}>
                <Input
                  size="small"
                  value={u.name}
                  placeholder="Công an tỉnh"
                  onChange={(_, d) => set(i, { name: d.value })}
                />
              </Field>
              <Button
                size="small"
                appearance="subtle"
                icon={<DeleteRegular />}
                aria-label={`Xóa đơn vị ${n}${u.code ? ` (${u.code})` : ''}`}
                style={{ marginTop: '20px' }}
                onClick={() => onChange(units.filter((_, j) => j !== i))}
              />
              <Field
                className={styles.role}
                label={`Vai trò ${n}`}
                size="small"
                orientation="horizontal"
                {...fieldError(e.role)}
              >
                <Select
                  size="small"
                  value={u.role}
                  onChange={(_, d) => set(i, { role: d.value as UnitRole })}
                >
                  {ROLES.map(([role, label]) => (
                    <option key={role} value={role}>
                      {label}
                    </option>
                  ))}
                </Select>
              </Field>
            </li>
          );
        })}
      </ul>
      <div className={styles.actions}>
        <Button
          size="small"
          icon={<AddRegular />}
          onClick={() => onChange([...units, { code: '', name: '', role: 'thanh-vien' }])}
        >
          Thêm đơn vị
        </Button>
        {props.children}
      </div>
    </div>
  );
}
