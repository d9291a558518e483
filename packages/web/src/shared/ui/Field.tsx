import { useId, type InputHTMLAttributes, type ReactNode, type SelectHTMLAttributes, type TextareaHTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import styles from './Field.module.css';
import { AlertIcon } from './icons.tsx';

// Form controls with their label, hint and error wired together:
//   <label for>  names the control
//   hint, error  are linked by aria-describedby, so a screen reader reads them with the control
//   error        also sets aria-invalid and is shown with an icon and the word, not only in red
// Pass `error` from fieldIssues() (src/shared/errors/describe-error.ts) after a ValidationError.

interface FieldOwnProps {
  /** Always visible: placeholders vanish as people type, and many residents need the reminder. */
  label: ReactNode;
  hint?: ReactNode;
  error?: ReactNode;
  required?: boolean;
}

interface FieldFrame {
  id: string;
  describedBy: string | undefined;
  invalid: boolean;
}

function FieldFrame({
  label,
  hint,
  error,
  required,
  className,
  children,
}: FieldOwnProps & { className?: string; children: (frame: FieldFrame) => ReactNode }) {
  const { t } = useTranslation();
  const id = useId();
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [errorId, hintId].filter(Boolean).join(' ') || undefined;
  return (
    <div className={[styles.field, className].filter(Boolean).join(' ')}>
      <label className={styles.label} htmlFor={id}>
        {label}
        {required ? <span className={styles.required}>{t('form.required')}</span> : null}
      </label>
      {hint ? (
        <p id={hintId} className={styles.hint}>
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={errorId} className={styles.error}>
          <AlertIcon />
          <span>
            <span className="visually-hidden">{t('form.errorPrefix')}</span>
            {error}
          </span>
        </p>
      ) : null}
      {children({ id, describedBy, invalid: Boolean(error) })}
    </div>
  );
}

export type TextFieldProps = FieldOwnProps & Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'aria-describedby' | 'aria-invalid'>;

export function TextField({ label, hint, error, required, className, ...input }: TextFieldProps) {
  return (
    <FieldFrame label={label} hint={hint} error={error} required={required} className={className}>
      {({ id, describedBy, invalid }) => (
        <input
          {...input}
          id={id}
          required={required}
          aria-describedby={describedBy}
          aria-invalid={invalid || undefined}
          className={styles.control}
        />
      )}
    </FieldFrame>
  );
}

export type TextAreaProps = FieldOwnProps &
  Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'id' | 'aria-describedby' | 'aria-invalid'>;

export function TextArea({ label, hint, error, required, className, ...textarea }: TextAreaProps) {
  return (
    <FieldFrame label={label} hint={hint} error={error} required={required} className={className}>
      {({ id, describedBy, invalid }) => (
        <textarea
          {...textarea}
          id={id}
          required={required}
          aria-describedby={describedBy}
          aria-invalid={invalid || undefined}
          className={styles.control}
        />
      )}
    </FieldFrame>
  );
}

export interface SelectOption {
  value: string;
  label: string;
}

export type SelectProps = FieldOwnProps &
  Omit<SelectHTMLAttributes<HTMLSelectElement>, 'id' | 'aria-describedby' | 'aria-invalid' | 'children'> & {
    options: readonly SelectOption[];
    /** A first, empty choice such as "请选择"; leave out when one option is always chosen. */
    placeholder?: string;
  };

export function Select({ label, hint, error, required, className, options, placeholder, ...select }: SelectProps) {
  return (
    <FieldFrame label={label} hint={hint} error={error} required={required} className={className}>
      {({ id, describedBy, invalid }) => (
        <select
          {...select}
          id={id}
          required={required}
          aria-describedby={describedBy}
          aria-invalid={invalid || undefined}
          className={styles.control}
        >
          {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
          {options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      )}
    </FieldFrame>
  );
}
