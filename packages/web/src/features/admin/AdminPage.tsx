import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useQuery } from 'urql';
import { useRequiredParams } from '../../shared/hooks/useRequiredParams.ts';
import { useLocalizedName } from '../../shared/i18n/localized.ts';
import { paths } from '../../shared/routing/paths.ts';
import { useViewer } from '../../shared/session/viewer.ts';
import { ButtonLink } from '../../shared/ui/Button.tsx';
import { EmptyState } from '../../shared/ui/EmptyState.tsx';
import { ErrorNotice } from '../../shared/ui/ErrorNotice.tsx';
import { Skeleton } from '../../shared/ui/Loading.tsx';
import { PageHeader } from '../../shared/ui/PageHeader.tsx';
import { Tabs } from '../../shared/ui/Tabs.tsx';
import { AdminCommunityQuery } from './admin.documents.ts';
import { InvitationsSection } from './InvitationsSection.tsx';
import { MembersSection } from './MembersSection.tsx';
import { SettingsSection } from './SettingsSection.tsx';
import { TokensSection } from './TokensSection.tsx';

const TABS = ['members', 'invitations', 'settings', 'tokens'] as const;
type Tab = (typeof TABS)[number];

/**
 * The admin screens of one community. The server refuses every admin field to anyone else; this page
 * only spares them a screen of errors and says plainly who it is for.
 */
export function AdminPage() {
  const { t } = useTranslation(['admin', 'common']);
  const { slug } = useRequiredParams('slug');
  const viewer = useViewer();
  const localizedName = useLocalizedName();
  const [searchParams, setSearchParams] = useSearchParams();
  const [{ data, fetching, error }, refetch] = useQuery({ query: AdminCommunityQuery, variables: { slug } });
  const community = data?.community;

  if (!data) {
    return (
      <>
        <PageHeader title={t('title')} />
        {error ? <ErrorNotice error={error} onRetry={() => refetch({ requestPolicy: 'network-only' })} /> : fetching ? <Skeleton lines={4} /> : null}
      </>
    );
  }
  if (!community) {
    return (
      <>
        <PageHeader title={t('title')} />
        <EmptyState title={t('notFound')} body={t('notFoundBody')} />
      </>
    );
  }
  if (community.myRole !== 'ADMIN') {
    const signedOut = viewer.status !== 'signedIn';
    return (
      <>
        <PageHeader title={t('title')} description={localizedName(community)} />
        <EmptyState
          title={t('adminsOnly.title')}
          body={t('adminsOnly.body')}
          action={
            signedOut ? (
              <ButtonLink variant="primary" to={paths.signIn(paths.admin(slug))}>
                {t('adminsOnly.signIn')}
              </ButtonLink>
            ) : (
              <ButtonLink to={paths.board(slug)}>{t('adminsOnly.back')}</ButtonLink>
            )
          }
        />
      </>
    );
  }

  const requested = searchParams.get('tab');
  const selected: Tab = TABS.includes(requested as Tab) ? (requested as Tab) : 'members';
  const context = { communityId: community.id, slug };
  return (
    <>
      <PageHeader title={t('title')} description={localizedName(community)} />
      <Tabs
        label={t('sections')}
        selected={selected}
        // Kept in the address, so a reload or a shared link opens the same section.
        onSelect={(tab) => setSearchParams(tab === 'members' ? {} : { tab }, { replace: true })}
        tabs={[
          { id: 'members', label: t('members.tab'), panel: <MembersSection {...context} /> },
          { id: 'invitations', label: t('invitations.tab'), panel: <InvitationsSection {...context} /> },
          { id: 'settings', label: t('settings.tab'), panel: <SettingsSection {...context} /> },
          { id: 'tokens', label: t('tokens.tab'), panel: <TokensSection {...context} /> },
        ]}
      />
    </>
  );
}

export interface AdminSectionProps {
  communityId: string;
  slug: string;
}
