import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useMutation } from 'urql';
import { graphql } from '../../shared/api/graphql.ts';
import { MutationErrorFields, mutationOutcome } from '../../shared/api/mutation-result.ts';
import { isTypedError } from '../../shared/errors/describe-error.ts';
import { useFieldErrors } from '../../shared/errors/useFieldErrors.ts';
import { paths } from '../../shared/routing/paths.ts';
import { useViewer } from '../../shared/session/viewer.ts';
import { Button, ButtonLink } from '../../shared/ui/Button.tsx';
import { Card } from '../../shared/ui/Card.tsx';
import { ErrorNotice } from '../../shared/ui/ErrorNotice.tsx';
import { TextField } from '../../shared/ui/Field.tsx';
import { PageHeader } from '../../shared/ui/PageHeader.tsx';
import styles from './auth.module.css';
import { viewerFromMe, ViewerFields } from './load-viewer.ts';
import { PasswordField } from './PasswordField.tsx';
import { requiredIssues, safeReturnTo, useSessionChange } from './session-change.ts';
import { useRetryCountdown } from './useRetryCountdown.ts';

const LogInMutation = graphql(
  `
    mutation LogIn($input: LogInInput!) {
      logIn(input: $input) {
        __typename
        ... on LogInSuccess {
          data {
            ...ViewerFields
          }
        }
        ...MutationErrorFields
      }
    }
  `,
  [ViewerFields, MutationErrorFields],
);

export function SignInPage() {
  const { t } = useTranslation(['auth', 'common']);
  const viewer = useViewer();
  const [searchParams] = useSearchParams();
  const returnTo = safeReturnTo(searchParams.get('returnTo')) ?? paths.communities();
  const navigate = useNavigate();
  const session = useSessionChange();
  const [{ fetching }, logIn] = useMutation(LogInMutation);
  const [login, setLogin] = useState('');
  const [password, setPassword] = useState('');
  const { error, setError, issues, edited } = useFieldErrors();
  const countdown = useRetryCountdown();

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (fetching || countdown.secondsLeft > 0) return;
    const missing = requiredIssues({ login, password });
    if (missing) {
      setError(missing);
      return;
    }
    setError(null);
    const result = await logIn({ input: { login: login.trim(), password } });
    const outcome = mutationOutcome(result.error, result.data?.logIn);
    if (!outcome.ok) {
      setError(outcome.error);
      if (isTypedError(outcome.error) && outcome.error.__typename === 'RateLimitedError') {
        countdown.start(outcome.error.retryAfterSeconds ?? 30);
      }
      return;
    }
    session.signedIn(viewerFromMe(outcome.data));
    await navigate(returnTo, { replace: true });
  };

  if (viewer.status === 'signedIn' && !fetching) {
    return (
      <>
        <PageHeader title={t('signInTitle')} />
        <Card>
          <p>{t('alreadySignedIn', { name: viewer.viewer.displayName })}</p>
          <ButtonLink to={returnTo} variant="primary">
            {t('goOn')}
          </ButtonLink>
        </Card>
      </>
    );
  }

  const waiting = countdown.secondsLeft > 0;
  return (
    <>
      <PageHeader title={t('signInTitle')} description={t('signInIntro')} />
      <Card as="section" className={styles.formCard}>
        <form onSubmit={(event) => void submit(event)} noValidate>
          {error ? <ErrorNotice error={error} title={t('signInFailed')} /> : null}
          <TextField
            label={t('login')}
            hint={t('loginHint')}
            name="login"
            autoComplete="username"
            autoCapitalize="none"
            spellCheck={false}
            required
            value={login}
            onChange={(event) => {
              setLogin(event.target.value);
              edited('login');
            }}
            error={issues.login}
          />
          <PasswordField
            label={t('password')}
            name="password"
            autoComplete="current-password"
            value={password}
            onChange={(value) => {
              setPassword(value);
              edited('password');
            }}
            error={issues.password}
            showLabel={t('showPassword')}
          />
          <Button type="submit" block loading={fetching} disabled={waiting}>
            {waiting ? t('waitToRetry', { seconds: countdown.secondsLeft }) : fetching ? t('signingIn') : t('signIn')}
          </Button>
        </form>
      </Card>
      <p className={styles.switch}>
        {t('noAccount')} <Link to={paths.register()}>{t('registerLink')}</Link>
      </p>
    </>
  );
}
