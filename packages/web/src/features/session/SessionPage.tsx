import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useQuery } from 'urql';
import type { ResultOf } from '../../shared/api/graphql.ts';
import { TallySubscription } from '../../shared/concerns/ballot.documents.ts';
import { useFormat } from '../../shared/format/useFormat.ts';
import { useRequiredParams } from '../../shared/hooks/useRequiredParams.ts';
import { paths } from '../../shared/routing/paths.ts';
import { useViewer } from '../../shared/session/viewer.ts';
import { Badge } from '../../shared/ui/Badge.tsx';
import { EmptyState } from '../../shared/ui/EmptyState.tsx';
import { ErrorNotice } from '../../shared/ui/ErrorNotice.tsx';
import { Skeleton } from '../../shared/ui/Loading.tsx';
import { PageHeader } from '../../shared/ui/PageHeader.tsx';
import { ChairConsole } from './ChairConsole.tsx';
import { CurrentItem } from './CurrentItem.tsx';
import { HandPanel } from './HandPanel.tsx';
import { Minutes } from './Minutes.tsx';
import { handsView, type HandView } from './room.ts';
import {
  AgendaItemSubscription,
  HandsSubscription,
  LiveSessionQuery,
  PresenceSubscription,
  SessionSubscription,
  ViewerMutedQuery,
} from './session.documents.ts';
import styles from './session.module.css';
import { useMemberSubscription } from '../../shared/api/useMemberSubscription.ts';

export type RoomSession = NonNullable<ResultOf<typeof LiveSessionQuery>['liveSession']>;

const STATUS_TONES = { LIVE: 'success', SCHEDULED: 'info', ENDED: 'neutral', CANCELLED: 'neutral' } as const;

/**
 * The live session room: the agenda, the item in play with its phase and timer, its proposals and the
 * ballot, hands and the floor, and, for chairs, the console. Everything arrives by subscription into
 * the cache, so nobody reloads; after a dropped connection the room's query runs again by itself.
 */
export function SessionPage() {
  const { t } = useTranslation(['session', 'common']);
  const { slug, sessionId } = useRequiredParams('slug', 'sessionId');
  const viewer = useViewer();
  const viewerId = viewer.status === 'signedIn' ? viewer.viewer.id : null;
  const [{ data, error }, refetch] = useQuery({ query: LiveSessionQuery, variables: { id: sessionId } });
  const session = data?.liveSession ?? null;
  const followed = !session;
  const live = session?.status === 'LIVE';

  // Being subscribed to the room is what counts a member present.
  useMemberSubscription({ query: SessionSubscription, variables: { sessionId }, pause: followed });
  const [{ data: presence }] = useMemberSubscription({ query: PresenceSubscription, variables: { sessionId }, pause: followed });
  const [{ data: handsLive }] = useMemberSubscription({ query: HandsSubscription, variables: { sessionId }, pause: followed });
  const item = session?.currentItem ?? null;
  useMemberSubscription({ query: AgendaItemSubscription, variables: { itemId: item?.id ?? '' }, pause: !item });
  const window = item?.votingWindow ?? null;
  useMemberSubscription({ query: TallySubscription, variables: { windowId: window?.id ?? '' }, pause: window?.status !== 'OPEN' });

  // Muting lowers the member's hand, so a new hands snapshot is the moment to ask whether it is us.
  const handsVersion = handsLive?.hands.version ?? 0;
  const mutedContext = useMemo(() => ({ requestPolicy: 'network-only' as const, handsVersion }), [handsVersion]);
  useQuery({ query: ViewerMutedQuery, variables: { id: sessionId }, pause: !live || !viewerId || !handsVersion, context: mutedContext });

  if (!session) {
    if (!data) {
      return (
        <>
          <PageHeader title={t('title')} back={{ to: paths.sessions(slug), label: t('room.back') }} />
          {error ? <ErrorNotice error={error} onRetry={() => refetch({ requestPolicy: 'network-only' })} /> : <Skeleton lines={6} label={t('loading', { ns: 'common' })} />}
        </>
      );
    }
    return (
      <>
        <PageHeader title={t('title')} back={{ to: paths.sessions(slug), label: t('room.back') }} />
        <EmptyState title={t('notFound.title', { ns: 'common' })} />
      </>
    );
  }

  const hands: HandView[] = handsView(handsLive?.hands.hands, session.hands);
  const isMember = Boolean(session.community.myRole);

  return (
    <>
      <PageHeader title={session.title} back={{ to: paths.sessions(slug), label: t('room.back') }} />
      <RoomFacts session={session} present={presence?.presence.count ?? null} />
      {session.status === 'SCHEDULED' ? <p className={styles.notice}>{t('room.notStarted')}</p> : null}
      {session.status === 'CANCELLED' ? <p className={styles.notice}>{t('room.cancelled')}</p> : null}
      {session.status === 'ENDED' ? <Minutes session={session} slug={slug} /> : null}
      {session.viewerIsChair && session.status !== 'ENDED' && session.status !== 'CANCELLED' ? (
        <ChairConsole session={session} hands={hands} people={presence?.presence.people ?? null} onChanged={() => refetch({ requestPolicy: 'network-only' })} />
      ) : null}
      {live ? (
        item ? (
          <CurrentItem session={session} item={item} isMember={isMember} />
        ) : (
          <p className={styles.notice}>{t('room.nothingInPlay')}</p>
        )
      ) : null}
      {live && isMember ? <HandPanel sessionId={session.id} hands={hands} viewerId={viewerId} muted={session.viewerIsMuted} /> : null}
      <Agenda session={session} slug={slug} />
    </>
  );
}

function RoomFacts({ session, present }: { session: RoomSession; present: number | null }) {
  const { t } = useTranslation(['session', 'common']);
  const format = useFormat();
  return (
    <section className={styles.facts} aria-label={t('title')}>
      <p className={styles.factsLine}>
        <Badge tone={STATUS_TONES[session.status]}>{t(`status.${session.status}`)}</Badge>
        {present !== null && session.status === 'LIVE' ? (
          <span className={styles.present} aria-live="polite">
            {t('room.present', { count: present, formatted: format.number(present) })}
          </span>
        ) : null}
      </p>
      <p>{t('room.scheduledFor', { date: format.dateTime(session.scheduledAt) })}</p>
      {session.place ? <p>{t('room.place', { place: session.place })}</p> : null}
      <p>{t('room.chairs', { names: session.chairs.map((chair) => chair.displayName).join('、') })}</p>
      <p className={styles.muted}>
        {t('room.rules', { quorum: session.rules.quorumPercent, threshold: session.rules.thresholdPercent })}{' '}
        {session.rules.talliesHidden ? t('room.talliesHidden') : t('room.talliesShown')}
      </p>
    </section>
  );
}

function Agenda({ session, slug }: { session: RoomSession; slug: string }) {
  const { t } = useTranslation(['session', 'common']);
  const currentId = session.currentItem?.id ?? null;
  return (
    <section className={styles.section} aria-labelledby="agenda-heading">
      <h2 id="agenda-heading">{t('room.agenda')}</h2>
      <ol className={styles.agenda}>
        {[...session.agenda]
          .sort((a, b) => a.position - b.position)
          .map((line) => (
            <li key={line.id} className={line.id === currentId ? styles.agendaCurrent : undefined} aria-current={line.id === currentId ? 'step' : undefined}>
              <Link to={paths.concern(slug, line.concern.id)}>{line.concern.title}</Link>
              <span className={styles.agendaPhase}>
                {line.id === currentId ? <Badge tone="warning">{t('room.current')}</Badge> : null}
                <Badge tone={line.phase === 'DECIDED' ? 'success' : line.phase === 'PENDING' || line.phase === 'SKIPPED' ? 'neutral' : 'info'}>{t(`phase.${line.phase}`)}</Badge>
              </span>
            </li>
          ))}
      </ol>
    </section>
  );
}
