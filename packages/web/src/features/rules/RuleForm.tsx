import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { addDays, fromDateInputValue, toDateInputValue } from '../../shared/format/date-input.ts';
import { ErrorNotice } from '../../shared/ui/ErrorNotice.tsx';
import { TextArea, TextField } from '../../shared/ui/Field.tsx';
import styles from './rules.module.css';

/** The server's limits (rules.schema.ts), said in the hints and enforced by maxLength. */
const MAX_TITLE = 80;
const MAX_BODY = 5000;
const MAX_NOTE = 500;

export interface RuleFormValues {
  title: string;
  body: string;
  effectiveAt: string | null;
  reviewAt: string | null;
  changeNote: string;
  isPublic: boolean;
}

export interface RuleFormProps {
  id: string;
  initial: { title: string; body: string; effectiveAt?: string; reviewAt?: string };
  /** An amendment asks what changed; a draft asks whether to share it. */
  kind: 'amend' | 'draft';
  error: unknown;
  issues: Record<string, string>;
  edited: (field: string) => void;
  failedTitle: string;
  onSubmit: (values: RuleFormValues) => void;
}

/** Title, text, dates and (for an amendment) the note on what changed; the submit button is the caller's. */
export function RuleForm({ id, initial, kind, error, issues, edited, failedTitle, onSubmit }: RuleFormProps) {
  const { t } = useTranslation(['rules', 'common']);
  const today = new Date();
  const [title, setTitle] = useState(initial.title);
  const [body, setBody] = useState(initial.body);
  const [effectiveAt, setEffectiveAt] = useState(toDateInputValue(initial.effectiveAt ?? today));
  const [reviewAt, setReviewAt] = useState(toDateInputValue(initial.reviewAt ?? addDays(today, 365)));
  const [changeNote, setChangeNote] = useState('');
  const [isPublic, setIsPublic] = useState(true);
  const change = (field: string, set: (value: string) => void) => (event: { target: { value: string } }) => {
    set(event.target.value);
    edited(field);
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit({ title: title.trim(), body: body.trim(), effectiveAt: fromDateInputValue(effectiveAt), reviewAt: fromDateInputValue(reviewAt), changeNote: changeNote.trim(), isPublic });
  };
  return (
    <form id={id} onSubmit={submit} noValidate>
      {error ? <ErrorNotice error={error} title={failedTitle} /> : null}
      <TextField label={t('form.title')} hint={t('form.titleHint', { max: MAX_TITLE })} required maxLength={MAX_TITLE} value={title} onChange={change('title', setTitle)} error={issues.title} />
      <TextArea label={t('form.body')} hint={t('form.bodyHint', { max: MAX_BODY })} required rows={8} maxLength={MAX_BODY} value={body} onChange={change('body', setBody)} error={issues.body} />
      <div className={styles.dates}>
        <TextField label={t('form.effectiveAt')} type="date" required value={effectiveAt} onChange={change('effectiveAt', setEffectiveAt)} error={issues.effectiveAt} />
        <TextField label={t('form.reviewAt')} hint={t('form.reviewHint')} type="date" required value={reviewAt} onChange={change('reviewAt', setReviewAt)} error={issues.reviewAt} />
      </div>
      {kind === 'amend' ? (
        <TextArea label={t('form.changeNote')} hint={t('form.changeNoteHint', { max: MAX_NOTE })} required rows={3} maxLength={MAX_NOTE} value={changeNote} onChange={change('changeNote', setChangeNote)} error={issues.changeNote} />
      ) : (
        <label className={styles.check}>
          <input type="checkbox" checked={isPublic} onChange={(event) => setIsPublic(event.target.checked)} />
          {t('form.isPublic')}
        </label>
      )}
    </form>
  );
}

/** Dates the browser could not read, as the server's ValidationError would name them; null when both are fine. */
export function missingDates(values: RuleFormValues) {
  const issues = (['effectiveAt', 'reviewAt'] as const)
    .filter((field) => !values[field])
    .map((field) => ({ path: ['input', field], message: 'Required', code: 'REQUIRED' }));
  return issues.length ? { __typename: 'ValidationError' as const, issues } : null;
}
