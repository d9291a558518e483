import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldIssues } from './describe-error.ts';

/**
 * A form's error and its per-field sentences. A field's sentence goes away as soon as that field is
 * edited (call `edited('title')` from its onChange), so what is still marked is what is still wrong.
 */
export function useFieldErrors() {
  const { i18n } = useTranslation();
  const [error, setErrorState] = useState<unknown>(null);
  const [fixed, setFixed] = useState<ReadonlySet<string>>(new Set());
  const all = fieldIssues(error, i18n);
  const issues = Object.fromEntries(Object.entries(all).filter(([field]) => !fixed.has(field)));
  return {
    error,
    issues,
    setError(next: unknown) {
      setErrorState(next);
      setFixed(new Set());
    },
    edited(field: string) {
      if (all[field] && !fixed.has(field)) setFixed(new Set([...fixed, field]));
    },
  };
}
