import { Button, Caption1, Field, Input, makeStyles } from '@fluentui/react-components';
import { ArrowDownloadRegular } from '@fluentui/react-icons';
import { useState } from 'react';
import { type ReportOptions, type ExportKind, problemsNotice } from '../../app';
import { isIsoShaped, nfc } from '../../core';
import { Section } from '../shared/Section';
import type { TabProps } from '../shared/types';
import { fieldError } from '../shared/fieldError';

const useStyles = makeStyles({
  box: { display: 'flex', flexDirection: 'column', gap: '12px' },
  buttons: { display: 'flex', flexWrap: 'wrap', gap: '8px' },
});

const SOURCE = 'Xuất báo cáo';

/** What one button produces: `busy` names it while it is being made. */
interface ExportChoice {
  kind: ExportKind;
  label: string;
  what: string;
  busy: string;
}

const KINDS: readonly ExportChoice[] = [
  {
    kind: 'csv',
    label: 'Tải CSV',
    what: 'bảng xếp hạng (CSV, mở được bằng Excel)',
    busy: 'Đang tạo tệp CSV…',
  },
  {
    kind: 'xlsx',
    label: 'Tải XLSX',
    what: 'bảng xếp hạng (tệp Excel riêng, chỉ có giá trị)',
    busy: 'Đang tạo tệp XLSX…',
  },
  {
    kind: 'docx',
    label: 'Tải DOCX',
    what: 'báo cáo kết quả xếp hạng (Word, theo Nghị định 30/2020/NĐ-CP)',
    busy: 'Đang tạo báo cáo Word…',
  },
  {
    kind: 'minutes',
    label: 'Tải biên bản thẩm định',
    what: 'biên bản thẩm định của từng đơn vị (các tệp Word, gói trong một tệp ZIP)',
    busy: 'Đang tạo biên bản thẩm định…',
  },
];

/** Today as YYYY-MM-DD in the user's time zone. */
function today(): string {
  const d = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/**
 * Xuất báo cáo: the ranking as CSV or XLSX, the report as DOCX, the minutes as a ZIP of DOCX; one
 * file per button, downloaded here.
 */
export function ExportTab(props: TabProps) {
  const styles = useStyles();
  const { session, state, busy, notify } = props;
  const [place, setPlace] = useState('');
  const [date, setDate] = useState(today);
  const [signer, setSigner] = useState('');
  const [errors, setErrors] = useState<{ place?: string; date?: string }>({});
  const [running, setRunning] = useState(false);

  const run = async ({ kind, busy: progress }: ExportChoice) => {
    // Place and date are printed on the Word documents (the "Tuyên Quang, ngày …" line).
    const next: typeof errors = {};
    if ((kind === 'docx' || kind === 'minutes') && !nfc(place))
      next.place = 'hãy nhập nơi ký (địa danh in trên báo cáo, ví dụ: Tuyên Quang).';
    if (!isIsoShaped(date) || Number.isNaN(Date.parse(date)))
      next.date = 'hãy chọn ngày ký hợp lệ.';
    setErrors(next);
    const problems = Object.entries(next).map(([field, message]) => ({
      source: SOURCE,
      location: field === 'place' ? 'ô Nơi ký' : 'ô Ngày ký',
      message,
    }));
    if (problems.length) return notify(problemsNotice(problems));
    const options: ReportOptions = {
      place: nfc(place),
      date,
      ...(nfc(signer) ? { signerName: nfc(signer) } : {}),
    };
    setRunning(true);
    const files = await busy(progress, () => session.exportFiles(state, [kind], options));
    setRunning(false);
    if (!files) return;
    for (const f of files) session.host.download(f);
    notify({
      intent: 'success',
      title: `Đã tạo ${files.length} tệp`,
      lines: files.map((f) => f.name),
    });
  };

  return (
    <div className={styles.box}>
      <Section title="Thông tin in trên báo cáo">
        <Field
          label="Nơi ký"
          required
          hint="Bắt buộc với báo cáo Word."
          {...fieldError(errors.place)}
        >
          <Input
            value={place}
            placeholder="ví dụ: Tuyên Quang"
            onChange={(_, d) => setPlace(d.value)}
          />
        </Field>
        <Field label="Ngày ký" required {...fieldError(errors.date)}>
          <Input type="date" value={date} onChange={(_, d) => setDate(d.value)} />
        </Field>
        <Field label="Người ký" hint="Để trống nếu ký tay.">
          <Input value={signer} onChange={(_, d) => setSigner(d.value)} />
        </Field>
      </Section>
      <Section title="Tải về">
        {KINDS.map((k) => (
          <div key={k.kind}>
            <Button icon={<ArrowDownloadRegular />} disabled={running} onClick={() => void run(k)}>
              {k.label}
            </Button>
            <Caption1 block>{k.what}</Caption1>
          </div>
        ))}
      </Section>
    </div>
  );
}
