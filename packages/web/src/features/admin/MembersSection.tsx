import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery } from 'urql';
import type { ResultOf } from '../../shared/api/graphql.ts';
import { mutationOutcome } from '../../shared/api/mutation-result.ts';
import { useFormat } from '../../shared/format/useFormat.ts';
import { useDebounced } from '../../shared/hooks/useDebounced.ts';
import { useLocalizedName } from '../../shared/i18n/localized.ts';
import { useViewer } from '../../shared/session/viewer.ts';
import { Badge, type Tone } from '../../shared/ui/Badge.tsx';
import { Button } from '../../shared/ui/Button.tsx';
import { Card } from '../../shared/ui/Card.tsx';
import { EmptyState } from '../../shared/ui/EmptyState.tsx';
import { ErrorNotice } from '../../shared/ui/ErrorNotice.tsx';
import { Select, TextField } from '../../shared/ui/Field.tsx';
import { Skeleton } from '../../shared/ui/Loading.tsx';
import { useAnnouncer } from '../../shared/ui/Toast.tsx';
import { AdminMembersQuery, ChangeMemberRoleMutation, SetMemberSuspendedMutation, type MembershipFields } from './admin.documents.ts';
import type { AdminSectionProps } from './AdminPage.tsx';
import styles from './admin.module.css';
import { ConfirmDialog, useDialogState } from './ConfirmDialog.tsx';

type Member = ResultOf<typeof MembershipFields>;
type Role = Member['role'];
const ROLES: readonly Role[] = ['RESIDENT', 'CADRE', 'ADMIN'];
const PAGE = 50;
const roleTone: Record<Role, Tone> = { RESIDENT: 'neutral', CADRE: 'info', ADMIN: 'warning' };

/** Everyone in the community, searchable, with their role and status, and what an admin can change. */
export function MembersSection({ slug }: AdminSectionProps) {
  const { t } = useTranslation('admin');
  const [search, setSearch] = useState('');
  const [first, setFirst] = useState(PAGE);
  const debounced = useDebounced(search.trim(), 300);
  const [{ data, fetching, error }, refetch] = useQuery({
    query: AdminMembersQuery,
    variables: { slug, search: debounced || null, first },
  });
  const dialog = useDialogState<{ kind: 'role' | 'suspend' | 'restore'; member: Member }>();
  const connection = data?.community?.members;
  const members = connection?.edges.map((edge) => edge.node) ?? [];

  return (
    <section className={styles.section} aria-labelledby="members-heading">
      <h2 id="members-heading">{t('members.heading')}</h2>
      <TextField
        label={t('members.search')}
        hint={t('members.searchHint')}
        type="search"
        value={search}
        maxLength={64}
        onChange={(event) => {
          setSearch(event.target.value);
          setFirst(PAGE);
        }}
      />
      {error ? <ErrorNotice error={error} onRetry={() => refetch({ requestPolicy: 'network-only' })} /> : null}
      {!connection && !error ? <Skeleton lines={5} /> : null}
      {connection && members.length === 0 ? (
        <EmptyState title={t('members.empty')} body={debounced ? t('members.emptySearch', { search: debounced }) : undefined} headingLevel={3} />
      ) : null}
      {members.length > 0 ? (
        <ul className={styles.list} aria-busy={fetching || undefined}>
          {members.map((member) => (
            <MemberRow key={member.id} member={member} onAction={(kind) => dialog.show({ kind, member })} />
          ))}
        </ul>
      ) : null}
      {connection?.pageInfo.hasNextPage ? (
        <p>
          <Button variant="secondary" loading={fetching} onClick={() => setFirst(first + PAGE)}>
            {t('members.more')}
          </Button>
        </p>
      ) : null}
      {dialog.subject && dialog.dialogProps ? (
        dialog.subject.kind === 'role' ? (
          <RoleDialog key={dialog.key} {...dialog.dialogProps} member={dialog.subject.member} />
        ) : (
          <SuspendDialog key={dialog.key} {...dialog.dialogProps} member={dialog.subject.member} suspend={dialog.subject.kind === 'suspend'} />
        )
      ) : null}
    </section>
  );
}

function MemberRow({ member, onAction }: { member: Member; onAction: (kind: 'role' | 'suspend' | 'restore') => void }) {
  const { t } = useTranslation('admin');
  const format = useFormat();
  const localizedName = useLocalizedName();
  const viewer = useViewer();
  const self = viewer.status === 'signedIn' && viewer.viewer.id === member.user.id;
  const name = member.user.displayName;
  const suspended = member.status === 'SUSPENDED';
  return (
    <Card as="li" className={styles.row}>
      <div className={styles.rowHead}>
        <p className={styles.name}>
          {name}
          {self ? ` ${t('members.you')}` : null}
        </p>
        <Badge tone={roleTone[member.role]}>{t(`role.${member.role}`)}</Badge>
        {suspended ? <Badge tone="danger">{t('status.SUSPENDED')}</Badge> : null}
      </div>
      <p className={styles.facts}>
        {[member.group ? t('members.group', { group: localizedName(member.group) }) : null, t('members.joined', { date: format.date(member.joinedAt) })]
          .filter(Boolean)
          .join(' · ')}
      </p>
      {self ? (
        <p className={styles.muted}>{t('members.ownRow')}</p>
      ) : (
        <div className={styles.buttons}>
          <Button variant="secondary" aria-label={t('members.changeRoleOf', { name })} onClick={() => onAction('role')}>
            {t('members.changeRole')}
          </Button>
          {suspended ? (
            <Button variant="secondary" aria-label={t('members.restoreOf', { name })} onClick={() => onAction('restore')}>
              {t('members.restore')}
            </Button>
          ) : (
            <Button variant="quiet" aria-label={t('members.suspendOf', { name })} onClick={() => onAction('suspend')}>
              {t('members.suspend')}
            </Button>
          )}
        </div>
      )}
    </Card>
  );
}

function RoleDialog({ member, open, onClose }: { member: Member; open: boolean; onClose: () => void }) {
  const { t } = useTranslation('admin');
  const announcer = useAnnouncer();
  const [role, setRole] = useState<Role>(member.role === 'RESIDENT' ? 'CADRE' : 'RESIDENT');
  const [error, setError] = useState<unknown>(null);
  const [{ fetching }, changeRole] = useMutation(ChangeMemberRoleMutation);
  const name = member.user.displayName;

  const confirm = async () => {
    if (fetching) return;
    const result = await changeRole({ membershipId: member.id, role });
    // The server has the last word (an admin cannot change their own role): its sentence is shown here.
    const outcome = mutationOutcome(result.error, result.data?.changeMemberRole);
    if (!outcome.ok) {
      setError(outcome.error);
      return;
    }
    onClose();
    announcer.toast(t('members.roleChanged', { name, role: t(`role.${outcome.data.role}`) }), { tone: 'success' });
  };

  return (
    <ConfirmDialog
      open={open}
      onClose={onClose}
      title={t('members.roleDialogTitle')}
      confirmLabel={t('members.roleConfirm')}
      onConfirm={() => void confirm()}
      busy={fetching}
      error={error}
      errorTitle={t('members.roleFailed')}
      variant="primary"
    >
      <p>{t('members.roleDialogBody', { name, from: t(`role.${member.role}`) })}</p>
      <Select
        label={t('members.newRole')}
        hint={t(`roleHint.${role}`)}
        value={role}
        onChange={(event) => setRole(event.target.value as Role)}
        options={ROLES.filter((option) => option !== member.role).map((option) => ({ value: option, label: t(`role.${option}`) }))}
      />
    </ConfirmDialog>
  );
}

function SuspendDialog({ member, suspend, open, onClose }: { member: Member; suspend: boolean; open: boolean; onClose: () => void }) {
  const { t } = useTranslation('admin');
  const announcer = useAnnouncer();
  const [error, setError] = useState<unknown>(null);
  const [{ fetching }, setSuspended] = useMutation(SetMemberSuspendedMutation);
  const name = member.user.displayName;

  const confirm = async () => {
    if (fetching) return;
    const result = await setSuspended({ membershipId: member.id, suspended: suspend });
    const outcome = mutationOutcome(result.error, result.data?.setMemberSuspended);
    if (!outcome.ok) {
      setError(outcome.error);
      return;
    }
    onClose();
    announcer.toast(t(suspend ? 'members.suspended' : 'members.restored', { name }), { tone: 'success' });
  };

  return (
    <ConfirmDialog
      open={open}
      onClose={onClose}
      title={t(suspend ? 'members.suspendTitle' : 'members.restoreTitle')}
      confirmLabel={t(suspend ? 'members.suspendConfirm' : 'members.restoreConfirm')}
      onConfirm={() => void confirm()}
      busy={fetching}
      error={error}
      errorTitle={t('members.statusFailed')}
      variant={suspend ? 'danger' : 'primary'}
    >
      <p>{suspend ? t('members.suspendBody', { name }) : t('members.restoreBody', { name, role: t(`role.${member.role}`) })}</p>
    </ConfirmDialog>
  );
}
