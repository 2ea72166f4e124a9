import { Button, makeStyles } from '@fluentui/react-components';
import { DocumentArrowUpRegular } from '@fluentui/react-icons';
import { useId, useRef } from 'react';
import type { InputFile } from '../../app';
import { readPickedFile } from '../../io/browser';

const useStyles = makeStyles({
  // Visually hidden but still in the accessibility tree (and testable), the Button opens it.
  input: {
    position: 'absolute',
    width: '1px',
    height: '1px',
    overflow: 'hidden',
    clipPath: 'inset(50%)',
    whiteSpace: 'nowrap',
  },
});

/** A Fluent button that opens the file dialog; the file's bytes are handed over, with its name. */
export function FilePicker(props: {
  label: string;
  accept?: string;
  disabled?: boolean;
  size?: 'small' | 'medium';
  onFile(file: InputFile): void | Promise<void>;
  onError(e: unknown): void;
}) {
  const styles = useStyles();
  const ref = useRef<HTMLInputElement>(null);
  const id = useId();
  return (
    <>
      <input
        id={id}
        ref={ref}
        className={styles.input}
        type="file"
        accept={props.accept ?? '.csv,text/csv,text/plain'}
        aria-label={props.label}
        tabIndex={-1}
        onChange={(e) => {
          const input = e.currentTarget;
          const file = input.files?.[0];
          if (!file) return;
          readPickedFile(file)
            .then(props.onFile)
            .catch(props.onError)
            // Picking the same file again must fire onChange again.
            .finally(() => (input.value = ''));
        }}
      />
      <Button
        icon={<DocumentArrowUpRegular />}
        size={props.size}
        disabled={props.disabled}
        onClick={() => ref.current?.click()}
      >
        {props.label}
      </Button>
    </>
  );
}
