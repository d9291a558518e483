import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, type ButtonVariant } from '../../shared/ui/Button.tsx';
import { Dialog } from '../../shared/ui/Dialog.tsx';
import { ErrorNotice } from '../../shared/ui/ErrorNotice.tsx';

export interface ConfirmDialogProps {
  open: boolean;
  onClose: () => void;
  title: string;
  children: ReactNode;
  confirmLabel: string;
  onConfirm: () => void;
  busy: boolean;
  /** The last failure, shown as a sentence inside the dialog so the admin can try again or cancel. */
  error: unknown;
  errorTitle: string;
  variant?: ButtonVariant;
}

/** Asks before an admin action that others feel at once (a role, a suspension, a revoked code or token). */
export function ConfirmDialog({ open, onClose, title, children, confirmLabel, onConfirm, busy, error, errorTitle, variant = 'danger' }: ConfirmDialogProps) {
  const { t } = useTranslation('common');
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
          <Button variant={variant} loading={busy} onClick={onConfirm}>
            {confirmLabel}
          </Button>
        </>
      }
    >
      {error ? <ErrorNotice error={error} title={errorTitle} /> : null}
      {children}
    </Dialog>
  );
}

/**
 * Which dialog is open, and about what. A closed dialog stays mounted until the next one opens, so the
 * Dialog can give focus back to the button that opened it; each opening gets a fresh `key`, so no
 * half-typed value or old error carries over.
 */
export function useDialogState<Subject>() {
  const [state, setState] = useState<{ subject: Subject; open: boolean; key: number } | null>(null);
  return {
    subject: state?.subject ?? null,
    /** Give it to the dialog as its `key`. */
    key: state?.key ?? 0,
    /** Props for the dialog element: spread them, with the dialog's own. */
    dialogProps: state ? { open: state.open, onClose: () => setState({ ...state, open: false }) } : null,
    show: (subject: Subject) => setState({ subject, open: true, key: (state?.key ?? 0) + 1 }),
  };
}
