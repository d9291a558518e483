import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useMutation } from 'urql';
import { graphql } from '../../shared/api/graphql.ts';
import { MutationErrorFields, mutationOutcome } from '../../shared/api/mutation-result.ts';
import { isTypedError } from '../../shared/errors/describe-error.ts';
import { useFieldErrors } from '../../shared/errors/useFieldErrors.ts';
import { isLanguage } from '../../shared/i18n/catalogue.ts';
import { localizedName } from '../../shared/i18n/localized.ts';
import { paths } from '../../shared/routing/paths.ts';
import { Button } from '../../shared/ui/Button.tsx';
import { Card } from '../../shared/ui/Card.tsx';
import { ErrorNotice } from '../../shared/ui/ErrorNotice.tsx';
import { TextField } from '../../shared/ui/Field.tsx';
import { PageHeader } from '../../shared/ui/PageHeader.tsx';
import { useAnnouncer } from '../../shared/ui/Toast.tsx';
import styles from './auth.module.css';
import { viewerFromMe, ViewerFields } from './load-viewer.ts';
import { PasswordField } from './PasswordField.tsx';
import { requiredIssues, useSessionChange } from './session-change.ts';
import { useRetryCountdown } from './useRetryCountdown.ts';

/** The server's rule (security/passwords.ts); said up front so nobody has to guess. */
const PASSWORD_MIN_LENGTH = 8;

const RegisterMutation = graphql(
  `
    mutation Register($input: RegisterInput!) {
      register(input: $input) {
        __typename
        ... on RegisterSuccess {
          data {
            ...ViewerFields
            memberships {
              id
              community {
                id
                slug
                name
                nameEn
              }
            }
          }
        }
        ...MutationErrorFields
      }
    }
  `,
  [ViewerFields, MutationErrorFields],
);

export function RegisterPage() {
  const { t, i18n } = useTranslation(['auth', 'common']);
  const [searchParams] = useSearchParams();
  const navigate = useNavigate();
  const session = useSessionChange();
  const announcer = useAnnouncer();
  const [{ fetching }, register] = useMutation(RegisterMutation);
  const [form, setForm] = useState({
    invitationCode: searchParams.get('code') ?? '',
    displayName: '',
    login: '',
    password: '',
  });
  const { error, setError, issues, edited } = useFieldErrors();
  const countdown = useRetryCountdown();
  const set = (field: keyof typeof form) => (value: string) => {
    setForm((current) => ({ ...current, [field]: value }));
    edited(field);
  };

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (fetching || countdown.secondsLeft > 0) return;
    const missing = requiredIssues(form);
    if (missing) {
      setError(missing);
      window.requestAnimationFrame(() => document.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
      return;
    }
    setError(null);
    const result = await register({
      input: {
        invitationCode: form.invitationCode.trim(),
        displayName: form.displayName.trim(),
        login: form.login.trim(),
        password: form.password,
        // The language the form was filled in becomes the account's.
        locale: isLanguage(i18n.language) ? i18n.language : null,
      },
    });
    const outcome = mutationOutcome(result.error, result.data?.register);
    if (!outcome.ok) {
      setError(outcome.error);
      if (isTypedError(outcome.error) && outcome.error.__typename === 'RateLimitedError') {
        countdown.start(outcome.error.retryAfterSeconds ?? 60);
      }
      // Take the reader to the first field to fix.
      window.requestAnimationFrame(() => document.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
      return;
    }
    const me = outcome.data;
    session.signedIn(viewerFromMe(me));
    const community = me.memberships.at(-1)?.community;
    if (community) {
      announcer.toast(t('register.welcome', { name: me.user.displayName, community: localizedName(i18n.language, community) }), {
        tone: 'success',
      });
    }
    await navigate(community ? paths.board(community.slug) : paths.communities(), { replace: true });
  };

  const alreadyMember = isTypedError(error) && error.__typename === 'InvalidStateError' && error.state === 'ALREADY_MEMBER';
  const waiting = countdown.secondsLeft > 0;
  return (
    <>
      <PageHeader title={t('registerTitle')} description={t('registerIntro')} />
      <Card as="section" className={styles.formCard}>
        <form onSubmit={(event) => void submit(event)} noValidate>
          {error ? <ErrorNotice error={error} title={alreadyMember ? t('register.alreadyMember') : t('register.failed')} /> : null}
          <TextField
            label={t('register.invitationCode')}
            hint={t('register.invitationCodeHint')}
            name="invitationCode"
            autoComplete="off"
            autoCapitalize="characters"
            spellCheck={false}
            required
            value={form.invitationCode}
            onChange={(event) => set('invitationCode')(event.target.value)}
            error={issues.invitationCode}
          />
          <TextField
            label={t('register.displayName')}
            hint={t('register.displayNameHint')}
            name="displayName"
            autoComplete="name"
            required
            maxLength={40}
            value={form.displayName}
            onChange={(event) => set('displayName')(event.target.value)}
            error={issues.displayName}
          />
          <TextField
            label={t('register.login')}
            hint={t('register.loginHint')}
            name="login"
            autoComplete="username"
            autoCapitalize="none"
            spellCheck={false}
            required
            maxLength={64}
            value={form.login}
            onChange={(event) => set('login')(event.target.value)}
            error={issues.login}
          />
          <PasswordField
            label={t('register.password')}
            hint={t('register.passwordHint', { min: PASSWORD_MIN_LENGTH })}
            name="password"
            autoComplete="new-password"
            value={form.password}
            onChange={set('password')}
            error={issues.password}
            showLabel={t('showPassword')}
          />
          <Button type="submit" block loading={fetching} disabled={waiting}>
            {waiting ? t('waitToRetry', { seconds: countdown.secondsLeft }) : fetching ? t('register.submitting') : t('register.submit')}
          </Button>
        </form>
      </Card>
      <p className={styles.switch}>
        {t('haveAccount')} <Link to={paths.signIn()}>{t('signInLink')}</Link>
      </p>
    </>
  );
}
