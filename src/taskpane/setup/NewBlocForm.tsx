import { Button, Caption1, Field, Input, Select, makeStyles } from '@fluentui/react-components';
import { useState } from 'react';
import { DEFAULT_SETTINGS, ROUND_LABELS, type Bloc, type Round, nfc } from '../../core';
import { SAMPLE_BLOC } from '../../sample';
import {
  readUnitsFile,
  describeError,
  notesNotice,
  problemsNotice,
  INPUT_FILE_TYPES,
} from '../../app';
import type { InputProblem } from '../../workbook';
import type { TabProps } from '../shared/types';
import { FilePicker } from '../shared/FilePicker';
import { Section } from '../shared/Section';
import { TemplateSource, type TemplateChoice } from './TemplateSource';
import { checkUnits, type UnitDraft } from './units';
import { UnitsEditor } from './UnitsEditor';
import { useWorkbookWrite } from '../shared/write';
import { fieldError } from '../shared/fieldError';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: '12px' },
  row: { display: 'grid', gridTemplateColumns: '96px 1fr', gap: '8px' },
});

const SOURCE = 'Thiết lập khối';

interface FormErrors {
  name?: string;
  year?: string;
  template?: string;
}

type Props = Pick<TabProps, 'session' | 'reload' | 'notify' | 'busy'>;

/** The bloc part of the form as typed. */
interface BlocFields {
  name: string;
  year: string;
  round: Round;
  choice: TemplateChoice | undefined;
}

/**
 * The bloc the form describes, or why not: each field's own error for the form, and every
 * problem (the units' too) for the notice.
 */
function readNewBloc(
  { name, year, round, choice }: BlocFields,
  unitCheck: ReturnType<typeof checkUnits>,
): { bloc?: Bloc; problems: InputProblem[]; errors: FormErrors } {
  const problems: InputProblem[] = [];
  const errors: FormErrors = {};
  const fail = (field: keyof FormErrors, location: string, message: string) => {
    errors[field] = message;
    problems.push({ source: SOURCE, location, message });
  };
  const blocName = nfc(name);
  if (!blocName) fail('name', 'ô Tên khối', 'hãy nhập tên khối/cụm thi đua.');
  const y = Number(year.trim());
  if (!/^\d{4}$/.test(year.trim()) || y < 2000 || y > 2100)
    fail('year', 'ô Năm', `năm "${year}" không hợp lệ (ghi 4 chữ số, ví dụ 2025).`);
  if (!choice)
    fail(
      'template',
      'mục Bảng chấm điểm',
      'chưa có bảng chấm điểm: chọn mẫu có sẵn, một tệp CSV, hoặc dán bảng rồi bấm "Đọc bảng".',
    );
  problems.push(...unitCheck.problems);
  if (problems.length || !choice || !unitCheck.units) return { problems, errors };
  return {
    problems,
    errors,
    bloc: {
      name: blocName,
      year: y,
      round,
      units: unitCheck.units,
      template: choice.template,
      settings: DEFAULT_SETTINGS,
    },
  };
}

/**
 * Creates the standard sheets in a workbook without thidua configuration: the bloc (name, year,
 * round), its criteria template (three sources) and its units. Nothing is written before the user
 * confirms, and then only through session.setUp.
 */
export function NewBlocForm(props: Props) {
  const styles = useStyles();
  const [name, setName] = useState('');
  const [year, setYear] = useState(String(new Date().getFullYear()));
  const [round, setRound] = useState<Round>('ca-nam');
  const [choice, setChoice] = useState<TemplateChoice | undefined>(undefined);
  const [units, setUnits] = useState<UnitDraft[]>([]);
  const [checked, setChecked] = useState(false);
  const [errors, setErrors] = useState<FormErrors>({});
  const { writing, write } = useWorkbookWrite(props);
  // After a first attempt, unit errors follow the edits.
  const unitCheck = checkUnits(units);

  const validate = () => {
    const read = readNewBloc({ name, year, round, choice }, unitCheck);
    setErrors(read.errors);
    setChecked(true);
    return read;
  };

  const create = async () => {
    const { bloc, problems } = validate();
    if (!bloc) return props.notify(problemsNotice(problems));
    const done = await write('Đang tạo các trang tính…', () => props.session.setUp(bloc));
    if (done)
      props.notify({
        intent: 'success',
        title: 'Đã tạo sổ tính thi đua',
        lines: [
          `Đã tạo trang Cấu hình, ${bloc.units.length} trang đơn vị (${bloc.units.map((u) => u.code).join(', ')}) và trang Danh sách cá nhân.`,
          'Các đơn vị tự chấm ở thẻ Chấm điểm; cài đặt xếp loại, xếp hạng ở thẻ Thiết lập khối.',
        ],
      });
  };

  const fillSampleUnits = () => {
    setUnits(SAMPLE_BLOC.units.map((u) => ({ ...u })));
    if (!name.trim()) setName(SAMPLE_BLOC.name);
  };

  return (
    <form
      className={styles.form}
      aria-label="Thiết lập khối mới"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void create();
      }}
    >
      <Section title="Khối thi đua">
        <Field label="Tên khối/cụm thi đua" required {...fieldError(errors.name)}>
          <Input
            value={name}
            placeholder="Khối Nội chính tỉnh …"
            onChange={(_, d) => setName(d.value)}
          />
        </Field>
        <div className={styles.row}>
          <Field label="Năm" required {...fieldError(errors.year)}>
            <Input inputMode="numeric" value={year} onChange={(_, d) => setYear(d.value)} />
          </Field>
          <Field label="Đợt">
            <Select value={round} onChange={(_, d) => setRound(d.value as Round)}>
              {(Object.entries(ROUND_LABELS) as [Round, string][]).map(([r, label]) => (
                <option key={r} value={r}>
                  {label}
                </option>
              ))}
            </Select>
          </Field>
        </div>
      </Section>

      <Section title="Bảng chấm điểm">
        <TemplateSource
          value={choice}
          onChange={setChoice}
          notify={props.notify}
          error={errors.template}
        />
      </Section>

      <Section title="Đơn vị thành viên">
        <UnitsEditor units={units} errors={checked ? unitCheck.errors : []} onChange={setUnits}>
          <Button size="small" onClick={fillSampleUnits}>
            Dùng 9 đơn vị mẫu
          </Button>
          <FilePicker
            size="small"
            label="Nhập từ tệp CSV hoặc Excel"
            accept={INPUT_FILE_TYPES}
            onFile={async (file) => {
              const read = await readUnitsFile(file);
              if (!read.units) return props.notify(problemsNotice(read.problems));
              setUnits(read.units.map((u) => ({ ...u })));
              if (read.notes.length) props.notify(notesNotice(read.notes));
            }}
            onError={(e) => props.notify(describeError(e))}
          />
        </UnitsEditor>
        <Caption1>Mỗi đơn vị có một trang tính mang tên mã đơn vị (tối đa 31 ký tự).</Caption1>
      </Section>

      <div>
        <Button appearance="primary" type="submit" disabled={writing}>
          Xác nhận và tạo sổ tính
        </Button>
      </div>
    </form>
  );
}
