import {
  Button,
  Field,
  Input,
  Radio,
  RadioGroup,
  Select,
  makeStyles,
} from '@fluentui/react-components';
import { useMemo, useState } from 'react';
import { type WorkbookState, problemsNotice } from '../../app';
import { type BlocSettings, MODE_LABELS, type RankingMode, PRESETS } from '../../core';
import type { TabProps } from '../shared/types';
import { Section } from '../shared/Section';
import { draftOf, fieldKey, readDraft, type SettingsDraft } from './settings';
import { TieBreakersEditor } from './TieBreakersEditor';
import { useWorkbookWrite } from '../shared/write';
import { fieldError } from '../shared/fieldError';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: '12px' },
});

/** The bloc's choices (classification, ranking, proposals, quota preset), saved in the workbook. */
export function SettingsForm(
  props: Pick<TabProps, 'session' | 'reload' | 'notify' | 'busy'> & { state: WorkbookState },
) {
  const styles = useStyles();
  const { state } = props;
  const settings = state.bloc.settings;
  const [draft, setDraft] = useState<SettingsDraft>(() => draftOf(settings));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const { writing, write } = useWorkbookWrite(props);
  const update = (patch: Partial<SettingsDraft>) => setDraft((d) => ({ ...d, ...patch }));
  // Parts and sections: what "higher base points in …" can compare.
  const subtrees = useMemo(
    () => state.bloc.template.criteria.filter((c) => c.kind === 'group').map((c) => c.code),
    [state.bloc.template],
  );

  const save = async () => {
    const read = readDraft(draft, settings, state.bloc.template);
    setErrors(read.errors);
    if (!read.settings) return props.notify(problemsNotice(read.problems));
    const next = read.settings;
    const done = await write('Đang lưu cài đặt vào sổ tính…', () =>
      props.session.saveSettings(state, next),
    );
    if (done)
      props.notify({
        intent: 'success',
        title: 'Đã lưu cài đặt',
        lines: [
          'Cài đặt được ghi vào trang Cấu hình của sổ tính; lần xếp hạng sau sẽ dùng cài đặt mới.',
        ],
      });
  };

  return (
    <form
      className={styles.form}
      aria-label="Cài đặt của khối"
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <ClassificationSection draft={draft} errors={errors} update={update} />
      <RankingSection draft={draft} errors={errors} update={update} subtrees={subtrees} />
      <ProposalsSection
        draft={draft}
        errors={errors}
        update={update}
        levels={settings.proposals.levels}
      />
      <QuotaSection draft={draft} errors={errors} update={update} />
      <div>
        <Button appearance="primary" type="submit" disabled={writing}>
          Lưu cài đặt
        </Button>
      </div>
    </form>
  );
}

/** What each section of the form edits: the draft, its field errors, and a patch of it. */
interface SectionProps {
  draft: SettingsDraft;
  errors: Record<string, string>;
  update: (patch: Partial<SettingsDraft>) => void;
}

function ClassificationSection({ draft, errors, update }: SectionProps) {
  return (
    <Section title="Xếp loại">
      {draft.thresholds.map((t, i) => (
        <Field
          key={t.label}
          label={`Ngưỡng ${t.label} (từ … điểm)`}
          required
          {...fieldError(errors[fieldKey.threshold(i)])}
        >
          <Input
            inputMode="decimal"
            value={t.min}
            onChange={(_, d) =>
              update({
                thresholds: draft.thresholds.map((x, j) => (j === i ? { ...x, min: d.value } : x)),
              })
            }
          />
        </Field>
      ))}
    </Section>
  );
}

function RankingSection({
  draft,
  errors,
  update,
  subtrees,
}: SectionProps & { subtrees: readonly string[] }) {
  return (
    <Section title="Xếp hạng">
      <Field label="Khi bằng điểm">
        <RadioGroup
          value={draft.mode}
          onChange={(_, d) => update({ mode: d.value as RankingMode })}
        >
          {(Object.entries(MODE_LABELS) as [RankingMode, string][]).map(([mode, label]) => (
            <Radio key={mode} value={mode} label={label} />
          ))}
        </RadioGroup>
      </Field>
      <Field
        label="Tiêu chí phụ khi bằng điểm (theo thứ tự)"
        {...fieldError(errors[fieldKey.tieBreakers])}
      >
        <TieBreakersEditor
          value={draft.tieBreakers}
          subtrees={subtrees}
          onChange={(tieBreakers) => update({ tieBreakers })}
        />
      </Field>
    </Section>
  );
}

function ProposalsSection({
  draft,
  errors,
  update,
  levels,
}: SectionProps & { levels: BlocSettings['proposals']['levels'] }) {
  return (
    <Section title="Đề nghị khen thưởng">
      {levels.map((level, i) => (
        <Field
          key={level.label}
          label={`Số suất ${level.label}`}
          hint={`Dành cho đơn vị xếp loại: ${level.classes.join(', ')}.`}
          {...fieldError(errors[fieldKey.count(i)])}
        >
          <Input
            inputMode="numeric"
            value={draft.counts[i] ?? ''}
            onChange={(_, d) =>
              update({ counts: draft.counts.map((c, j) => (j === i ? d.value : c)) })
            }
          />
        </Field>
      ))}
      <Field
        label="Tỷ lệ biểu quyết tối thiểu (%)"
        hint="Để trống nếu khối không yêu cầu biểu quyết."
        {...fieldError(errors[fieldKey.voteShare])}
      >
        <Input
          inputMode="decimal"
          value={draft.voteShare}
          placeholder="ví dụ 80"
          onChange={(_, d) => update({ voteShare: d.value })}
        />
      </Field>
    </Section>
  );
}

function QuotaSection({ draft, errors, update }: SectionProps) {
  return (
    <Section title="Tỷ lệ khen thưởng">
      <Field
        label="Bộ quy tắc tỷ lệ"
        hint="Các con số và nguồn văn bản của từng quy tắc hiện ở thẻ Tỷ lệ khen thưởng."
        {...fieldError(errors[fieldKey.quotaPreset])}
      >
        <Select value={draft.quotaPreset} onChange={(_, d) => update({ quotaPreset: d.value })}>
          {Object.values(PRESETS).map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </Select>
      </Field>
    </Section>
  );
}
