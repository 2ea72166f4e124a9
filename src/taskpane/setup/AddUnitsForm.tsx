import { Button, Caption1, makeStyles } from '@fluentui/react-components';
import { useState } from 'react';
import { type WorkbookState, problemsNotice } from '../../app';
import type { TabProps } from '../shared/types';
import { useWorkbookWrite } from '../shared/write';
import { Section } from '../shared/Section';
import { checkUnits, UNITS_SOURCE, type UnitDraft } from './units';
import { UnitsEditor } from './UnitsEditor';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: '8px' },
});

type Props = Pick<TabProps, 'session' | 'reload' | 'notify' | 'busy'> & { state: WorkbookState };

/**
 * New member units for a bloc already set up (a unit joins the bloc during the year). They are
 * checked together with the units already there, by the same rules as at set-up, so the numbers
 * in the messages ("đơn vị thứ 10") follow the bloc's list.
 */
export function AddUnitsForm(props: Props) {
  const styles = useStyles();
  const { state } = props;
  const [added, setAdded] = useState<UnitDraft[]>([]);
  const [checked, setChecked] = useState(false);
  const { writing, write } = useWorkbookWrite(props);
  const existing = state.bloc.units.length;
  const check = checkUnits([...state.bloc.units, ...added]);

  const save = async () => {
    setChecked(true);
    if (!added.length)
      return props.notify(
        problemsNotice([
          {
            source: UNITS_SOURCE,
            location: 'đơn vị mới',
            message: 'chưa có đơn vị mới: bấm "Thêm đơn vị" rồi nhập mã và tên.',
          },
        ]),
      );
    if (!check.units) return props.notify(problemsNotice(check.problems));
    const units = check.units.slice(existing);
    const done = await write('Đang thêm đơn vị…', () => props.session.addUnits(units));
    // The form starts empty again: SetupTab keys it by the bloc's units, which the reload changed.
    if (done)
      props.notify({
        intent: 'success',
        title: `Đã thêm ${units.length} đơn vị`,
        lines: [
          `Đã ghi vào trang Cấu hình và tạo trang ${units.map((u) => u.code).join(', ')} (trống, trạng thái Chưa nộp).`,
          'Các trang tổng hợp có đơn vị mới từ lần xếp hạng sau.',
        ],
      });
  };

  return (
    <Section title="Thêm đơn vị">
      <form
        className={styles.form}
        aria-label="Thêm đơn vị vào khối"
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <UnitsEditor
          units={added}
          errors={checked ? check.errors.slice(existing) : []}
          onChange={setAdded}
          first={existing + 1}
          empty="Chưa có đơn vị mới."
        />
        <Caption1>
          Mỗi đơn vị mới có một trang tính trống mang tên mã đơn vị; các trang đã nhập không bị thay
          đổi.
        </Caption1>
        <div>
          <Button appearance="primary" type="submit" disabled={writing}>
            Ghi đơn vị mới vào sổ tính
          </Button>
        </div>
      </form>
    </Section>
  );
}
