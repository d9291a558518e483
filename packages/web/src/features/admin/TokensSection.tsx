import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery } from 'urql';
import type { ResultOf } from '../../shared/api/graphql.ts';
import { mutationOutcome } from '../../shared/api/mutation-result.ts';
import { useFieldErrors } from '../../shared/errors/useFieldErrors.ts';
import { useFormat } from '../../shared/format/useFormat.ts';
import { Badge, type Tone } from '../../shared/ui/Badge.tsx';
import { Button } from '../../shared/ui/Button.tsx';
import { Card } from '../../shared/ui/Card.tsx';
import { Dialog } from '../../shared/ui/Dialog.tsx';
import { EmptyState } from '../../shared/ui/EmptyState.tsx';
import { ErrorNotice } from '../../shared/ui/ErrorNotice.tsx';
import { TextField } from '../../shared/ui/Field.tsx';
import { Skeleton } from '../../shared/ui/Loading.tsx';
import { useAnnouncer } from '../../shared/ui/Toast.tsx';
import { API_SCOPES, apiTokenState, parseApiToken, type ApiScope, type ApiTokenForm } from './admin-forms.ts';
import { AdminApiTokensQuery, CreateApiTokenMutation, RevokeApiTokenMutation, type ApiTokenFields } from './admin.documents.ts';
import type { AdminSectionProps } from './AdminPage.tsx';
import styles from './admin.module.css';
import { ConfirmDialog, useDialogState } from './ConfirmDialog.tsx';
import { CopyableValue } from './CopyableValue.tsx';

type ApiToken = ResultOf<typeof ApiTokenFields>;
const EMPTY_FORM: ApiTokenForm = { name: '', scopes: [], expiresInDays: '' };
const stateTone: Record<ReturnType<typeof apiTokenState>, Tone> = { active: 'success', revoked: 'neutral', expired: 'neutral' };

/** Tokens for third parties: created with chosen scopes, the secret shown once, revoked at any time. */
export function TokensSection({ communityId, slug }: AdminSectionProps) {
  const { t } = useTranslation('admin');
  const [{ data, error }, refetch] = useQuery({ query: AdminApiTokensQuery, variables: { slug } });
  const tokens = data?.community?.apiTokens;
  const revokeDialog = useDialogState<ApiToken>();
  const now = new Date();
  return (
    <>
      <section className={styles.section} aria-labelledby="tokens-heading">
        <h2 id="tokens-heading">{t('tokens.heading')}</h2>
        <p className={styles.muted}>{t('tokens.intro')}</p>
        <CreateTokenForm communityId={communityId} onCreated={() => refetch({ requestPolicy: 'network-only' })} />
      </section>
      <section className={styles.section} aria-labelledby="token-list-heading">
        <h2 id="token-list-heading">{t('tokens.listHeading')}</h2>
        {error ? <ErrorNotice error={error} onRetry={() => refetch({ requestPolicy: 'network-only' })} /> : null}
        {!tokens && !error ? <Skeleton lines={3} /> : null}
        {tokens && tokens.length === 0 ? <EmptyState title={t('tokens.empty')} body={t('tokens.emptyBody')} headingLevel={3} /> : null}
        {tokens && tokens.length > 0 ? (
          <ul className={styles.list}>
            {tokens.map((token) => (
              <TokenRow key={token.id} token={token} now={now} onRevoke={() => revokeDialog.show(token)} />
            ))}
          </ul>
        ) : null}
      </section>
      {revokeDialog.subject && revokeDialog.dialogProps ? (
        <RevokeTokenDialog key={revokeDialog.key} {...revokeDialog.dialogProps} token={revokeDialog.subject} />
      ) : null}
    </>
  );
}

function CreateTokenForm({ communityId, onCreated }: { communityId: string; onCreated: () => void }) {
  const { t } = useTranslation('admin');
  const [form, setForm] = useState<ApiTokenForm>(EMPTY_FORM);
  const { error, issues, setError, edited } = useFieldErrors();
  const [{ fetching }, create] = useMutation(CreateApiTokenMutation);
  const [secret, setSecret] = useState<string | null>(null);

  const toggleScope = (scope: ApiScope, on: boolean) => {
    setForm({ ...form, scopes: on ? [...form.scopes, scope] : form.scopes.filter((held) => held !== scope) });
    edited('scopes');
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (fetching) return;
    const parsed = parseApiToken(form, new Date());
    if (!parsed.ok) {
      setError(parsed.error);
      return;
    }
    const result = await create({ input: { communityId, ...parsed.input } });
    const outcome = mutationOutcome(result.error, result.data?.createApiToken);
    if (!outcome.ok) {
      setError(outcome.error);
      return;
    }
    setError(null);
    setForm(EMPTY_FORM);
    setSecret(outcome.data.secret);
    onCreated();
  };

  return (
    <>
      <form className={styles.form} onSubmit={(event) => void submit(event)} noValidate>
        {error ? <ErrorNotice error={error} title={t('tokens.createFailed')} /> : null}
        <TextField
          label={t('tokens.name')}
          hint={t('tokens.nameHint')}
          required
          maxLength={80}
          name="tokenName"
          value={form.name}
          onChange={(event) => {
            setForm({ ...form, name: event.target.value });
            edited('name');
          }}
          error={issues.name}
        />
        <fieldset className={styles.fieldset} aria-describedby={issues.scopes ? 'token-scopes-error' : undefined}>
          <legend>{t('tokens.scopes')}</legend>
          {issues.scopes ? (
            <p id="token-scopes-error" className={styles.error}>
              {issues.scopes}
            </p>
          ) : null}
          {API_SCOPES.map((scope) => (
            <label key={scope} className={styles.choice}>
              <input
                type="checkbox"
                name="scopes"
                value={scope}
                checked={form.scopes.includes(scope)}
                aria-invalid={issues.scopes ? true : undefined}
                onChange={(event) => toggleScope(scope, event.target.checked)}
              />
              <span>{t(`tokens.scope.${scope}`)}</span>
            </label>
          ))}
        </fieldset>
        <TextField
          label={t('tokens.expiresInDays')}
          hint={t('tokens.expiresInDaysHint')}
          inputMode="numeric"
          name="tokenExpiresInDays"
          value={form.expiresInDays}
          onChange={(event) => {
            setForm({ ...form, expiresInDays: event.target.value });
            edited('expiresAt');
          }}
          error={issues.expiresAt}
        />
        <div>
          <Button type="submit" loading={fetching}>
            {t('tokens.create')}
          </Button>
        </div>
      </form>
      <SecretDialog secret={secret} onClose={() => setSecret(null)} />
    </>
  );
}

/** The secret, once: only its hash is kept, so nobody can show it again. */
function SecretDialog({ secret, onClose }: { secret: string | null; onClose: () => void }) {
  const { t } = useTranslation('admin');
  return (
    <Dialog open={secret !== null} onClose={onClose} title={t('tokens.created')} footer={<Button onClick={onClose}>{t('tokens.done')}</Button>}>
      {secret ? (
        <>
          <p className={styles.warning} role="alert">
            {t('tokens.once')}
          </p>
          <CopyableValue label={t('tokens.secretLabel')} value={secret} copyLabel={t('tokens.copySecret')} />
          <p className={styles.muted}>{t('tokens.usage')}</p>
        </>
      ) : null}
    </Dialog>
  );
}

function TokenRow({ token, now, onRevoke }: { token: ApiToken; now: Date; onRevoke: () => void }) {
  const { t } = useTranslation('admin');
  const format = useFormat();
  const state = apiTokenState(token, now);
  const stateLabel = { active: t('tokens.active'), expired: t('tokens.expired'), revoked: t('tokens.revokedAt', { date: format.date(token.revokedAt ?? now) }) }[state];
  return (
    <Card as="li" className={styles.row}>
      <div className={styles.rowHead}>
        <p className={styles.name}>{token.name}</p>
        <Badge tone={stateTone[state]}>{stateLabel}</Badge>
      </div>
      <p className={styles.facts}>
        {[t('tokens.prefix', { prefix: `${token.prefix}…` }), token.scopes.map((scope) => t(`tokens.scopeName.${scope}`)).join('、')].join(' · ')}
      </p>
      <p className={styles.facts}>
        {[
          token.expiresAt ? t('tokens.expires', { date: format.date(token.expiresAt) }) : t('tokens.noExpiry'),
          token.lastUsedAt ? t('tokens.lastUsed', { date: format.dateTime(token.lastUsedAt) }) : t('tokens.neverUsed'),
          t('tokens.createdAt', { date: format.date(token.createdAt) }),
        ].join(' · ')}
      </p>
      {state === 'active' ? (
        <div className={styles.buttons}>
          <Button variant="quiet" aria-label={t('tokens.revokeOf', { name: token.name })} onClick={onRevoke}>
            {t('tokens.revoke')}
          </Button>
        </div>
      ) : null}
    </Card>
  );
}

function RevokeTokenDialog({ token, open, onClose }: { token: ApiToken; open: boolean; onClose: () => void }) {
  const { t } = useTranslation('admin');
  const announcer = useAnnouncer();
  const [error, setError] = useState<unknown>(null);
  const [{ fetching }, revoke] = useMutation(RevokeApiTokenMutation);
  const confirm = async () => {
    if (fetching) return;
    const result = await revoke({ tokenId: token.id });
    const outcome = mutationOutcome(result.error, result.data?.revokeApiToken);
    if (!outcome.ok) {
      setError(outcome.error);
      return;
    }
    onClose();
    announcer.toast(t('tokens.revoked', { name: token.name }), { tone: 'success' });
  };
  return (
    <ConfirmDialog
      open={open}
      onClose={onClose}
      title={t('tokens.revokeTitle')}
      confirmLabel={t('tokens.revokeConfirm')}
      onConfirm={() => void confirm()}
      busy={fetching}
      error={error}
      errorTitle={t('tokens.revokeFailed')}
    >
      <p>{t('tokens.revokeBody', { name: token.name })}</p>
    </ConfirmDialog>
  );
}
