import {
  Button,
  Caption1,
  Field,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Radio,
  RadioGroup,
  Text,
  Textarea,
  makeStyles,
} from '@fluentui/react-components';
import { useState } from 'react';
import { validateTemplate, type Template, formatDecimal } from '../../core';
import { SAMPLE_TEMPLATE } from '../../sample';
import {
  readCriteriaFile,
  type InputFile,
  describeError,
  notesNotice,
  problemsNotice,
  INPUT_FILE_TYPES,
} from '../../app';
import { parsePastedCriteria, type PasteWarning } from '../../workbook';
import type { Notice } from '../shared/types';
import { CriteriaPreview, type PreviewRow } from './CriteriaPreview';
import { FilePicker } from '../shared/FilePicker';
import { fieldError } from '../shared/fieldError';

export type SourceKind = 'mau' | 'csv' | 'dan';

/** A template ready to be written, with what the user must see before confirming. */
export interface TemplateChoice {
  template: Template;
  /** The template's warnings, and for a pasted table those of its reading. */
  warnings: PasteWarning[];
  rows: PreviewRow[];
  /** Where it came from, for the summary. */
  from: string;
}

const useStyles = makeStyles({
  box: { display: 'flex', flexDirection: 'column', gap: '8px' },
  paste: { minHeight: '120px' },
  warnings: { margin: '4px 0 0', paddingLeft: '16px' },
});

const SAMPLE_LABEL = 'Mẫu có sẵn: Khối Nội chính, 100 điểm';

function sampleChoice(): TemplateChoice {
  return {
    template: SAMPLE_TEMPLATE,
    warnings: validateTemplate(SAMPLE_TEMPLATE).filter((f) => f.severity !== 'error'),
    rows: SAMPLE_TEMPLATE.criteria,
    from: SAMPLE_LABEL,
  };
}

/** The criteria template from one of three sources: the built-in sample, a CSV file, a pasted table. */
export function TemplateSource(props: {
  value: TemplateChoice | undefined;
  onChange(choice: TemplateChoice | undefined): void;
  notify(notice: Notice): void;
  /** A form error ("no template yet"). */
  error?: string;
}) {
  const styles = useStyles();
  const [kind, setKind] = useState<SourceKind | undefined>(undefined);
  const [pasted, setPasted] = useState('');
  // Rows read from a paste that was refused: shown to help find the mistakes.
  const [refused, setRefused] = useState<PreviewRow[] | undefined>(undefined);

  const choose = (k: SourceKind) => {
    setKind(k);
    setRefused(undefined);
    props.onChange(k === 'mau' ? sampleChoice() : undefined);
  };

  const readCsv = async (file: InputFile) => {
    const read = await readCriteriaFile(file);
    if (!read.template) {
      props.onChange(undefined);
      return props.notify(problemsNotice(read.problems));
    }
    if (read.notes.length) props.notify(notesNotice(read.notes));
    props.onChange({
      template: read.template,
      warnings: read.warnings,
      rows: read.template.criteria,
      from: `Tệp ${file.name}`,
    });
  };

  const readPaste = () => {
    const read = parsePastedCriteria(pasted);
    if (!read.template) {
      setRefused(read.understood);
      props.onChange(undefined);
      return props.notify(problemsNotice(read.problems));
    }
    setRefused(undefined);
    if (read.notes.length) props.notify(notesNotice(read.notes, 'Đã đọc bảng dán'));
    props.onChange({
      template: read.template,
      warnings: read.warnings,
      rows: read.understood,
      from: 'Bảng dán',
    });
  };

  const value = props.value;

  return (
    <div className={styles.box}>
      <Field label="Lấy bảng chấm điểm từ" required {...fieldError(props.error)}>
        <RadioGroup value={kind ?? ''} onChange={(_, d) => choose(d.value as SourceKind)}>
          <Radio value="mau" label={SAMPLE_LABEL} />
          <Radio
            value="csv"
            label="Tệp tiêu chí CSV hoặc Excel (các cột ma, ma_cha, noi_dung, loai, …)"
          />
          <Radio value="dan" label="Dán bảng chấm điểm từ Excel hoặc Word" />
        </RadioGroup>
      </Field>

      {kind === 'csv' && (
        <FilePicker
          label="Chọn tệp tiêu chí (.csv, .xlsx)"
          accept={INPUT_FILE_TYPES}
          onFile={readCsv}
          onError={(e) => props.notify(describeError(e))}
        />
      )}

      {kind === 'dan' && (
        <>
          <Field
            label="Bảng chấm điểm đã sao chép"
            hint="Chọn cả dòng tiêu đề (STT | Nội dung | Điểm chuẩn | Thưởng | Trừ | Ghi chú) và các dòng tiêu chí, sao chép (Ctrl+C) rồi dán vào đây (Ctrl+V)."
          >
            <Textarea
              className={styles.paste}
              resize="vertical"
              value={pasted}
              onChange={(_, d) => {
                setPasted(d.value);
                if (value) props.onChange(undefined);
              }}
            />
          </Field>
          <div>
            <Button onClick={readPaste} disabled={!pasted.trim()}>
              Đọc bảng
            </Button>
          </div>
          {refused && refused.length > 0 && (
            <CriteriaPreview rows={refused} caption="Các dòng đã đọc được (bảng còn lỗi)" />
          )}
        </>
      )}

      {value && <ChoiceSummary choice={value} />}
    </div>
  );
}

/** What will be written: title, size, total, warnings, and the rows as understood. */
function ChoiceSummary({ choice }: { choice: TemplateChoice }) {
  const styles = useStyles();
  const { template, warnings, rows } = choice;
  return (
    <>
      <Text weight="semibold">{template.title}</Text>
      <Caption1>
        {choice.from}: {template.criteria.length} dòng tiêu chí, tổng điểm chuẩn công bố{' '}
        {formatDecimal(template.declaredTotal)}. Hãy kiểm tra cách đọc dưới đây trước khi xác nhận.
      </Caption1>
      {warnings.length > 0 && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>Cần xem lại ({warnings.length})</MessageBarTitle>
            <ul className={styles.warnings}>
              {warnings.map((w, i) => (
                <li key={i}>{w.message}</li>
              ))}
            </ul>
          </MessageBarBody>
        </MessageBar>
      )}
      <CriteriaPreview rows={rows} caption="Bảng tiêu chí sẽ được tạo" />
    </>
  );
}
