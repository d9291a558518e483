import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { MutationOutcome } from '../api/mutation-result.ts';
import { useFieldErrors } from '../errors/useFieldErrors.ts';
import { Button } from './Button.tsx';
import { Dialog } from './Dialog.tsx';
import { ErrorNotice } from './ErrorNotice.tsx';
import { TextArea } from './Field.tsx';

export interface ReasonDialogProps {
  open: boolean;
  onClose: () => void;
  /** e.g. "遇到什么困难？" */
  title: string;
  label: string;
  hint: string;
  maxLength: number;
  confirmLabel: string;
  /** Shown above the server's answer when it refuses, e.g. "没有成功". */
  failedTitle: string;
  /** Sends the reason; the dialog closes on success and shows the error (by field too) otherwise. */
  onSubmit: (reason: string) => Promise<MutationOutcome<unknown>>;
}

/** A confirmation that needs a reason the public will read: pausing an action, retiring a rule. */
export function ReasonDialog({ open, onClose, title, label, hint, maxLength, confirmLabel, failedTitle, onSubmit }: ReasonDialogProps) {
  const { t } = useTranslation();
  const formId = useId();
  const [reason, setReason] = useState('');
  const [sending, setSending] = useState(false);
  const { error, setError, issues, edited } = useFieldErrors();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (sending) return;
    setSending(true);
    const outcome = await onSubmit(reason.trim());
    setSending(false);
    if (!outcome.ok) return setError(outcome.error);
    setError(null);
    setReason('');
    onClose();
  };
  return (
    <Dialog
      open={open}
      onClose={onClose}
      title={title}
      footer={
        <>
          <Button variant="secondary" onClick={onClose}>
            {t('actions.cancel')}
          </Button>
          <Button type="submit" form={formId} variant="danger" loading={sending}>
            {confirmLabel}
          </Button>
        </>
      }
    >
      <form id={formId} onSubmit={(event) => void submit(event)} noValidate>
        {error ? <ErrorNotice error={error} title={failedTitle} /> : null}
        <TextArea
          label={label}
          hint={hint}
          required
          rows={4}
          maxLength={maxLength}
          value={reason}
          onChange={(event) => {
            setReason(event.target.value);
            edited('reason');
          }}
          error={issues.reason}
        />
      </form>
    </Dialog>
  );
}
