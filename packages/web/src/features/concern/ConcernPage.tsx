import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery } from 'urql';
import type { ResultOf } from '../../shared/api/graphql.ts';
import { ConcernStatusBadge, DeadlineBadge } from '../../shared/concerns/ConcernBadges.tsx';
import { SecondToggle } from '../../shared/concerns/SecondToggle.tsx';
import { useFormat } from '../../shared/format/useFormat.ts';
import { useRequiredParams } from '../../shared/hooks/useRequiredParams.ts';
import { localizedName } from '../../shared/i18n/localized.ts';
import { paths } from '../../shared/routing/paths.ts';
import { Badge } from '../../shared/ui/Badge.tsx';
import { ButtonLink } from '../../shared/ui/Button.tsx';
import { Card } from '../../shared/ui/Card.tsx';
import { EmptyState } from '../../shared/ui/EmptyState.tsx';
import { ErrorNotice } from '../../shared/ui/ErrorNotice.tsx';
import { Skeleton } from '../../shared/ui/Loading.tsx';
import { PageHeader } from '../../shared/ui/PageHeader.tsx';
import { Link } from 'react-router';
import { AnswerPanel } from './AnswerPanel.tsx';
import { ConcernPageQuery } from './concern.documents.ts';
import { ConcernCommentsQuery, ConcernDeliberationQuery } from './deliberation.documents.ts';
import { ConcernActionsQuery } from './actions.documents.ts';
import styles from './concern.module.css';
import { ConcernTimeline } from './ConcernTimeline.tsx';
import { EchoPanel } from './EchoPanel.tsx';
import { useConcernLive } from './useConcernLive.ts';
import { ActionProgress } from './ActionProgress.tsx';
import { CommentsList } from './CommentsList.tsx';
import { DecisionPanel } from './DecisionPanel.tsx';
import { ProposalsSection, type DeliberationContext } from './ProposalsSection.tsx';
import { VotePanel } from './VotePanel.tsx';
import deliberationStyles from './deliberation.module.css';
import { useViewer } from '../../shared/session/viewer.ts';
import { isCadreRole } from '../../shared/session/roles.ts';

export type ConcernPageData = ResultOf<typeof ConcernPageQuery>;
export type ConcernDetail = NonNullable<ConcernPageData['concern']>;

/** `/c/:slug/concerns/:concernId`: one concern, everything that happened to it, and what comes next. */
export function ConcernPage() {
  const { t } = useTranslation(['concern', 'common']);
  const { slug, concernId } = useRequiredParams('slug', 'concernId');
  // Live: board events for this concern's community re-run the page's queries (see useConcernLive).
  const [known, setKnown] = useState<{ communityId: string; version: number } | null>(null);
  const live = useConcernLive(known?.communityId ?? null, concernId, known?.version ?? 0);
  const [{ data, fetching, error }, refetch] = useQuery({ query: ConcernPageQuery, variables: { id: concernId }, context: live });
  const current = data?.concern;
  if (current && (known?.communityId !== current.community.id || known.version !== current.version)) {
    setKnown({ communityId: current.community.id, version: current.version });
  }
  const back = { to: paths.board(slug), label: t('backToBoard') };

  if (!data) {
    return (
      <>
        <PageHeader title={t('title')} back={back} />
        {error ? <ErrorNotice error={error} onRetry={() => refetch({ requestPolicy: 'network-only' })} /> : fetching ? <Skeleton lines={8} /> : null}
      </>
    );
  }
  const concern = data.concern;
  if (!concern) {
    return (
      <>
        <PageHeader title={t('notFound')} back={back} />
        <EmptyState title={t('notFound')} body={t('notFoundBody')} action={<ButtonLink to={paths.board(slug)}>{t('backToBoard')}</ButtonLink>} />
      </>
    );
  }
  const ownMembershipId = data.me?.memberships.find((membership) => membership.community.id === concern.community.id)?.id ?? null;
  return (
    <article className={styles.page}>
      <PageHeader title={concern.title} back={{ to: paths.board(concern.community.slug), label: t('backToBoard') }} />
      <ConcernSummary concern={concern} />
      <ConcernBody concern={concern} slug={concern.community.slug} />
      <AnswerPanel concern={concern} />
      {concern.canEcho ? <EchoPanel concern={concern} slug={concern.community.slug} ownMembershipId={ownMembershipId} /> : null}
      <Deliberation concern={concern} live={live} />
      <ConcernTimeline concern={concern} slug={concern.community.slug} />
    </article>
  );
}

function ConcernSummary({ concern }: { concern: ConcernDetail }) {
  const { t, i18n } = useTranslation(['concern', 'common']);
  const format = useFormat();
  const reported = format.dateTime(concern.createdAt);
  return (
    <Card as="section" aria-label={t('title')} className={styles.summary}>
      <div className={styles.badges}>
        <ConcernStatusBadge status={concern.status} />
        <DeadlineBadge status={concern.status} deadlineAt={concern.deadlineAt} />
        <Badge tone="neutral">{localizedName(i18n.language, concern.category)}</Badge>
      </div>
      <dl className={styles.facts}>
        <div>
          <dt>{t('place')}</dt>
          <dd>{[concern.group ? localizedName(i18n.language, concern.group) : null, concern.place].filter(Boolean).join(' · ')}</dd>
        </div>
        <div>
          <dt>{t('owner')}</dt>
          <dd>{concern.owner ? concern.owner.displayName : <span className={styles.muted}>{t('noOwner')}</span>}</dd>
        </div>
      </dl>
      <p className={styles.reported}>
        {concern.reporter ? t('reportedBy', { name: concern.reporter.displayName, date: reported }) : t('reportedAnonymous', { date: reported })}
      </p>
      <SecondToggle concern={concern} size="large" />
    </Card>
  );
}

function ConcernBody({ concern, slug }: { concern: ConcernDetail; slug: string }) {
  const { t } = useTranslation(['concern', 'common']);
  return (
    <section className={styles.body} aria-label={t('title')}>
      <p className={styles.text}>{concern.body}</p>
      {concern.photos.length ? (
        <ul className={styles.photos} aria-label={t('photos')}>
          {concern.photos.map((photo, index) => (
            <li key={photo.url}>
              <a href={photo.url} target="_blank" rel="noreferrer">
                <img src={photo.url} alt={t('photo', { n: index + 1 })} loading="lazy" />
              </a>
            </li>
          ))}
        </ul>
      ) : null}
      {concern.mergedInto ? (
        <p className={styles.merged}>
          {t('mergedInto')} <Link to={paths.concern(slug, concern.mergedInto.id)}>{concern.mergedInto.title}</Link>
        </p>
      ) : null}
      {concern.mergedFrom.length ? (
        <div className={styles.merged}>
          <p>{t('mergedFrom')}</p>
          <ul>
            {concern.mergedFrom.map((duplicate) => (
              <li key={duplicate.id}>
                <Link to={paths.concern(slug, duplicate.id)}>{duplicate.title}</Link>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </section>
  );
}

/** The vote while it is open, the decisions, the proposals and the comments on the concern. */
function Deliberation({ concern, live }: { concern: ConcernDetail; live: object }) {
  const { t } = useTranslation(['concern', 'common']);
  const viewer = useViewer();
  const [{ data, error }, refetch] = useQuery({ query: ConcernDeliberationQuery, variables: { id: concern.id }, context: live });
  const deliberation = data?.concern;
  if (!deliberation) {
    return error ? <ErrorNotice error={error} onRetry={() => refetch({ requestPolicy: 'network-only' })} /> : <Skeleton lines={4} />;
  }
  const proposals = deliberation.proposals.edges.map((edge) => edge.node);
  const context: DeliberationContext = {
    concernId: concern.id,
    concernStatus: concern.status,
    isMember: Boolean(concern.community.myRole),
    signedIn: viewer.status === 'signedIn',
    viewerId: viewer.status === 'signedIn' ? viewer.viewer.id : null,
  };
  const open = deliberation.votingWindow?.status === 'OPEN' ? deliberation.votingWindow : null;
  const settled = ['DECLINED', 'MERGED', 'CLOSED'].includes(concern.status);
  return (
    <>
      {open ? <VotePanel votingWindow={open} proposals={proposals} isMember={context.isMember} signedIn={context.signedIn} /> : null}
      {deliberation.votingWindow?.decision ? (
        <DecisionPanel
          decision={deliberation.votingWindow.decision}
          draftRuleTo={isCadreRole(concern.community.myRole) ? paths.rules(concern.community.slug, deliberation.votingWindow.decision.id) : undefined}
        />
      ) : null}
      <ConcernActions concernId={concern.id} concernStatus={concern.status} slug={concern.community.slug} live={live} />
      <ProposalsSection proposals={proposals} context={context} />
      <section className={deliberationStyles.section} aria-labelledby="discussion-heading">
        <h2 id="discussion-heading">{t('comments.heading')}</h2>
        <ConcernComments concernId={concern.id} canComment={context.isMember && !settled} signedIn={context.signedIn} live={live} />
      </section>
    </>
  );
}

function ConcernComments({ concernId, canComment, signedIn, live }: { concernId: string; canComment: boolean; signedIn: boolean; live: object }) {
  const { t } = useTranslation(['concern', 'common']);
  const [{ data, error }, refetch] = useQuery({ query: ConcernCommentsQuery, variables: { id: concernId }, context: live });
  if (!data) return error ? <ErrorNotice error={error} onRetry={() => refetch({ requestPolicy: 'network-only' })} /> : <Skeleton lines={2} />;
  const comments = data.concern?.comments.edges.map((edge) => edge.node) ?? [];
  return <CommentsList comments={comments} target={{ concernId }} canComment={canComment} signedIn={signedIn} label={t('comments.heading')} />;
}

function ConcernActions({ concernId, concernStatus, slug, live }: { concernId: string; concernStatus: string; slug: string; live: object }) {
  const [{ data, error }, refetch] = useQuery({ query: ConcernActionsQuery, variables: { id: concernId }, context: live });
  if (!data) return error ? <ErrorNotice error={error} onRetry={() => refetch({ requestPolicy: 'network-only' })} /> : null;
  return <ActionProgress actions={data.concern?.actions ?? []} concernStatus={concernStatus} slug={slug} />;
}
