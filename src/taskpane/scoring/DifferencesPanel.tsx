import { Caption1, Subtitle2 } from '@fluentui/react-components';
import * as React from 'react';
import { signedPoints, type Difference } from './model';
import { useScoringStyles } from './styles';

/** Every item where the bloc's value differs from the unit's, with the point difference and the reason. */
export function DifferencesPanel({ differences }: { differences: readonly Difference[] }) {
  const s = useScoringStyles();
  const headingId = React.useId();
  return (
    <section aria-labelledby={headingId}>
      <Subtitle2 as="h3" id={headingId}>
        Chênh lệch ({differences.length})
      </Subtitle2>
      {differences.length === 0 ? (
        <Caption1 as="p">Không có mục nào khối chấm khác tự chấm.</Caption1>
      ) : (
        <ul className={s.problems}>
          {differences.map((d) => (
            <li key={d.code}>
              Mục {d.code}: {d.self} → {d.verified}, chênh {signedPoints(d.points, true)} điểm;{' '}
              {d.reason ? (
                `lý do: ${d.reason}`
              ) : (
                <span className={s.warning}>chưa có giải trình</span>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
