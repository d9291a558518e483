import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery } from 'urql';
import type { ResultOf } from '../../shared/api/graphql.ts';
import { mutationOutcome } from '../../shared/api/mutation-result.ts';
import { useFieldErrors } from '../../shared/errors/useFieldErrors.ts';
import { useFormat } from '../../shared/format/useFormat.ts';
import { useLocalizedName } from '../../shared/i18n/localized.ts';
import { Badge, type Tone } from '../../shared/ui/Badge.tsx';
import { Button } from '../../shared/ui/Button.tsx';
import { Card } from '../../shared/ui/Card.tsx';
import { Dialog } from '../../shared/ui/Dialog.tsx';
import { EmptyState } from '../../shared/ui/EmptyState.tsx';
import { ErrorNotice } from '../../shared/ui/ErrorNotice.tsx';
import { Select, TextField } from '../../shared/ui/Field.tsx';
import { Skeleton } from '../../shared/ui/Loading.tsx';
import { useAnnouncer } from '../../shared/ui/Toast.tsx';
import { MAX_USES_MAX, invitationLink, invitationState, parseInvitation, type InvitationForm } from './admin-forms.ts';
import { AdminInvitationsQuery, CreateInvitationMutation, RevokeInvitationMutation, type InvitationFields } from './admin.documents.ts';
import type { AdminSectionProps } from './AdminPage.tsx';
import styles from './admin.module.css';
import { ConfirmDialog, useDialogState } from './ConfirmDialog.tsx';
import { CopyableValue } from './CopyableValue.tsx';

type Invitation = ResultOf<typeof InvitationFields>;
const ROLES = ['RESIDENT', 'CADRE', 'ADMIN'] as const;
const EMPTY_FORM: InvitationForm = { role: 'RESIDENT', maxUses: '1', expiresInDays: '7', groupId: '', note: '' };
const stateTone: Record<ReturnType<typeof invitationState>, Tone> = { active: 'success', revoked: 'neutral', expired: 'neutral', usedUp: 'neutral' };

/** Creating invitation codes (shown once, with a link to share) and revoking the ones still out there. */
export function InvitationsSection({ communityId, slug }: AdminSectionProps) {
  const { t } = useTranslation('admin');
  const [{ data, error }, refetch] = useQuery({ query: AdminInvitationsQuery, variables: { slug } });
  const community = data?.community;
  const revokeDialog = useDialogState<Invitation>();
  const now = new Date();

  return (
    <>
      <section className={styles.section} aria-labelledby="invite-heading">
        <h2 id="invite-heading">{t('invitations.heading')}</h2>
        <p className={styles.muted}>{t('invitations.intro')}</p>
        <CreateInvitationForm
          communityId={communityId}
          groups={community?.groups ?? []}
          // The new code joins the list from the server: its hint and dates are the server's.
          onCreated={() => refetch({ requestPolicy: 'network-only' })}
        />
      </section>
      <section className={styles.section} aria-labelledby="invitations-heading">
        <h2 id="invitations-heading">{t('invitations.listHeading')}</h2>
        {error ? <ErrorNotice error={error} onRetry={() => refetch({ requestPolicy: 'network-only' })} /> : null}
        {!community && !error ? <Skeleton lines={4} /> : null}
        {community && community.invitations.length === 0 ? (
          <EmptyState title={t('invitations.empty')} body={t('invitations.emptyBody')} headingLevel={3} />
        ) : null}
        {community && community.invitations.length > 0 ? (
          <ul className={styles.list}>
            {community.invitations.map((invitation) => (
              <InvitationRow key={invitation.id} invitation={invitation} now={now} onRevoke={() => revokeDialog.show(invitation)} />
            ))}
          </ul>
        ) : null}
      </section>
      {revokeDialog.subject && revokeDialog.dialogProps ? (
        <RevokeDialog key={revokeDialog.key} {...revokeDialog.dialogProps} invitation={revokeDialog.subject} />
      ) : null}
    </>
  );
}

function CreateInvitationForm({
  communityId,
  groups,
  onCreated,
}: {
  communityId: string;
  groups: readonly { id: string; name: string; nameEn: string }[];
  onCreated: () => void;
}) {
  const { t } = useTranslation('admin');
  const localizedName = useLocalizedName();
  const [form, setForm] = useState<InvitationForm>(EMPTY_FORM);
  const { error, issues, setError, edited } = useFieldErrors();
  const [{ fetching }, create] = useMutation(CreateInvitationMutation);
  const [created, setCreated] = useState<string | null>(null);

  const change = <Field extends keyof InvitationForm>(field: Field, value: InvitationForm[Field], issueField: string = field) => {
    setForm({ ...form, [field]: value });
    edited(issueField);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (fetching) return;
    const parsed = parseInvitation(form, new Date());
    if (!parsed.ok) {
      setError(parsed.error);
      return;
    }
    const result = await create({ input: { communityId, ...parsed.input } });
    const outcome = mutationOutcome(result.error, result.data?.createInvitation);
    if (!outcome.ok) {
      setError(outcome.error);
      return;
    }
    setError(null);
    setForm(EMPTY_FORM);
    setCreated(outcome.data.code);
    onCreated();
  };

  return (
    <>
      <form className={styles.form} onSubmit={(event) => void submit(event)} noValidate>
        {error ? <ErrorNotice error={error} title={t('invitations.createFailed')} /> : null}
        <Select
          label={t('invitations.role')}
          hint={t(`roleHint.${form.role}`)}
          value={form.role}
          onChange={(event) => change('role', event.target.value as InvitationForm['role'])}
          options={ROLES.map((role) => ({ value: role, label: t(`role.${role}`) }))}
          error={issues.role}
        />
        <TextField
          label={t('invitations.maxUses')}
          hint={t('invitations.maxUsesHint', { max: MAX_USES_MAX })}
          inputMode="numeric"
          name="maxUses"
          value={form.maxUses}
          onChange={(event) => change('maxUses', event.target.value)}
          error={issues.maxUses}
        />
        <TextField
          label={t('invitations.expiresInDays')}
          hint={t('invitations.expiresInDaysHint')}
          inputMode="numeric"
          name="expiresInDays"
          value={form.expiresInDays}
          onChange={(event) => change('expiresInDays', event.target.value, 'expiresAt')}
          error={issues.expiresAt}
        />
        {groups.length > 0 ? (
          <Select
            label={t('invitations.group')}
            value={form.groupId}
            placeholder={t('invitations.noGroup')}
            onChange={(event) => change('groupId', event.target.value)}
            options={groups.map((group) => ({ value: group.id, label: localizedName(group) }))}
            error={issues.groupId}
          />
        ) : null}
        <TextField
          label={t('invitations.note')}
          hint={t('invitations.noteHint')}
          maxLength={200}
          value={form.note}
          onChange={(event) => change('note', event.target.value)}
          error={issues.note}
        />
        <div>
          <Button type="submit" loading={fetching}>
            {t('invitations.create')}
          </Button>
        </div>
      </form>
      <CreatedDialog code={created} onClose={() => setCreated(null)} />
    </>
  );
}

/** The new code, once: it cannot be shown again, so the dialog says so and offers to copy it. */
function CreatedDialog({ code, onClose }: { code: string | null; onClose: () => void }) {
  const { t } = useTranslation('admin');
  return (
    <Dialog
      open={code !== null}
      onClose={onClose}
      title={t('invitations.created')}
      footer={<Button onClick={onClose}>{t('invitations.done')}</Button>}
    >
      {code ? (
        <>
          <p className={styles.warning}>{t('invitations.once')}</p>
          <CopyableValue label={t('invitations.codeLabel')} value={code} copyLabel={t('invitations.copyCode')} />
          <CopyableValue label={t('invitations.linkLabel')} value={invitationLink(window.location.origin, code)} copyLabel={t('invitations.copyLink')} />
        </>
      ) : null}
    </Dialog>
  );
}

function InvitationRow({ invitation, now, onRevoke }: { invitation: Invitation; now: Date; onRevoke: () => void }) {
  const { t } = useTranslation('admin');
  const format = useFormat();
  const state = invitationState(invitation, now);
  const hint = `${invitation.codeHint}…`;
  return (
    <Card as="li" className={styles.row}>
      <div className={styles.rowHead}>
        <p className={styles.name}>{t('invitations.hint', { hint })}</p>
        <Badge>{t(`role.${invitation.role}`)}</Badge>
        <Badge tone={stateTone[state]}>{t(`invitations.state.${state}`)}</Badge>
      </div>
      <p className={styles.facts}>
        {[
          t('invitations.uses', { used: format.number(invitation.usedCount), max: format.number(invitation.maxUses) }),
          invitation.expiresAt ? t('invitations.expires', { date: format.dateTime(invitation.expiresAt) }) : t('invitations.noExpiry'),
          t('invitations.createdAt', { date: format.date(invitation.createdAt) }),
        ].join(' · ')}
      </p>
      {invitation.note ? <p className={styles.facts}>{invitation.note}</p> : null}
      {state === 'active' || state === 'usedUp' ? (
        <div className={styles.buttons}>
          <Button variant="quiet" aria-label={t('invitations.revokeOf', { hint })} onClick={onRevoke}>
            {t('invitations.revoke')}
          </Button>
        </div>
      ) : null}
    </Card>
  );
}

function RevokeDialog({ invitation, open, onClose }: { invitation: Invitation; open: boolean; onClose: () => void }) {
  const { t } = useTranslation('admin');
  const announcer = useAnnouncer();
  const [error, setError] = useState<unknown>(null);
  const [{ fetching }, revoke] = useMutation(RevokeInvitationMutation);
  const confirm = async () => {
    if (fetching) return;
    const result = await revoke({ invitationId: invitation.id });
    const outcome = mutationOutcome(result.error, result.data?.revokeInvitation);
    if (!outcome.ok) {
      setError(outcome.error);
      return;
    }
    onClose();
    announcer.toast(t('invitations.revoked'), { tone: 'success' });
  };
  return (
    <ConfirmDialog
      open={open}
      onClose={onClose}
      title={t('invitations.revokeTitle')}
      confirmLabel={t('invitations.revokeConfirm')}
      onConfirm={() => void confirm()}
      busy={fetching}
      error={error}
      errorTitle={t('invitations.revokeFailed')}
    >
      <p>{t('invitations.revokeBody', { hint: `${invitation.codeHint}…` })}</p>
    </ConfirmDialog>
  );
}
