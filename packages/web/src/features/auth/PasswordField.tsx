import { useId, useState } from 'react';
import { TextField } from '../../shared/ui/Field.tsx';
import styles from './auth.module.css';

export interface PasswordFieldProps {
  label: string;
  hint?: string;
  name: string;
  autoComplete: 'current-password' | 'new-password';
  value: string;
  onChange: (value: string) => void;
  error?: string;
  /** "显示密码": a large checkbox under the field, so the typing can be checked letter by letter. */
  showLabel: string;
}

export function PasswordField({ label, hint, name, autoComplete, value, onChange, error, showLabel }: PasswordFieldProps) {
  const [shown, setShown] = useState(false);
  const checkboxId = useId();
  return (
    <div className={styles.password}>
      <TextField
        label={label}
        hint={hint}
        name={name}
        type={shown ? 'text' : 'password'}
        autoComplete={autoComplete}
        autoCapitalize="none"
        autoCorrect="off"
        spellCheck={false}
        required
        value={value}
        onChange={(event) => onChange(event.target.value)}
        error={error}
      />
      <div className={styles.check}>
        <input id={checkboxId} type="checkbox" checked={shown} onChange={(event) => setShown(event.target.checked)} />
        <label htmlFor={checkboxId}>{showLabel}</label>
      </div>
    </div>
  );
}
