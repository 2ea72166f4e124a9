import {
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  makeStyles,
} from '@fluentui/react-components';
import { DismissRegular } from '@fluentui/react-icons';
import type { Notice } from './types';

const useStyles = makeStyles({
  lines: {
    margin: '4px 0 0',
    paddingLeft: '16px',
    maxHeight: '200px',
    overflowY: 'auto',
  },
});

/** A notice as a Fluent MessageBar: title, one list item per line, a dismiss button. */
export function NoticeBar({ notice, onDismiss }: { notice: Notice; onDismiss?: () => void }) {
  const styles = useStyles();
  const lines = notice.lines ?? [];
  return (
    <MessageBar
      intent={notice.intent}
      // Fluent shows the intent by colour and icon only; this names it (for tests, and for styles).
      data-intent={notice.intent}
      layout="multiline"
      politeness={notice.intent === 'error' ? 'assertive' : 'polite'}
    >
      <MessageBarBody>
        <MessageBarTitle>{notice.title}</MessageBarTitle>
        {lines.length > 0 && (
          // Scrollable when long, so it must be focusable for keyboard users.
          <ul className={styles.lines} tabIndex={lines.length > 8 ? 0 : undefined}>
            {lines.map((line, i) => (
              <li key={i}>{line}</li>
            ))}
          </ul>
        )}
      </MessageBarBody>
      {onDismiss && (
        <MessageBarActions
          containerAction={
            <Button
              appearance="transparent"
              aria-label="Đóng thông báo"
              icon={<DismissRegular />}
              onClick={onDismiss}
            />
          }
        />
      )}
    </MessageBar>
  );
}
