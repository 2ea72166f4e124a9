import { Caption1, Text, makeStyles } from '@fluentui/react-components';
import type { WorkbookState } from '../../app';
import { ROLE_LABELS, ROUND_LABELS } from '../../core';
import { AddUnitsForm } from '../setup/AddUnitsForm';
import { NewBlocForm } from '../setup/NewBlocForm';
import { Section } from '../shared/Section';
import { SettingsForm } from '../setup/SettingsForm';
import type { TabProps } from '../shared/types';

/** The setup tab also runs before the workbook has a configuration: its state may be null. */
export type SetupTabProps = Omit<TabProps, 'state'> & { state: WorkbookState | null };

const useStyles = makeStyles({
  box: { display: 'flex', flexDirection: 'column', gap: '12px' },
  units: { margin: 0, paddingLeft: '18px' },
});

/**
 * Thiết lập khối: without a configuration, the form that creates the standard sheets; with one,
 * a summary of the bloc, the form that adds units and the settings form.
 */
export function SetupTab(props: SetupTabProps) {
  const styles = useStyles();
  const { state } = props;
  if (!state) return <NewBlocForm {...props} />;
  const { bloc } = state;
  return (
    <div className={styles.box}>
      <Section title="Khối thi đua">
        <Text>
          {bloc.name} — năm {bloc.year}, {ROUND_LABELS[bloc.round]}.
        </Text>
        <Caption1>
          Bảng chấm điểm: {bloc.template.title} ({bloc.template.criteria.length} dòng tiêu chí).
        </Caption1>
        <ul className={styles.units} aria-label="Đơn vị thành viên">
          {bloc.units.map((u) => (
            <li key={u.code}>
              {u.code} — {u.name}
              {u.role !== 'thanh-vien' ? ` (${ROLE_LABELS[u.role]})` : ''}
            </li>
          ))}
        </ul>
      </Section>
      {/* Reset the forms whenever what they edit changes (after a save or a reload). */}
      <AddUnitsForm key={bloc.units.map((u) => u.code).join()} {...props} state={state} />
      <SettingsForm key={JSON.stringify(bloc.settings)} {...props} state={state} />
    </div>
  );
}
