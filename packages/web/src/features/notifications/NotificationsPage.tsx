import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { mutationOutcome } from '../../shared/api/mutation-result.ts';
import { describeError } from '../../shared/errors/describe-error.ts';
import { useFormat } from '../../shared/format/useFormat.ts';
import { localizedName } from '../../shared/i18n/localized.ts';
import { paths } from '../../shared/routing/paths.ts';
import { useViewer } from '../../shared/session/viewer.ts';
import { Button, ButtonLink } from '../../shared/ui/Button.tsx';
import { EmptyState } from '../../shared/ui/EmptyState.tsx';
import { ErrorNotice } from '../../shared/ui/ErrorNotice.tsx';
import { Skeleton } from '../../shared/ui/Loading.tsx';
import { PageHeader } from '../../shared/ui/PageHeader.tsx';
import { useAnnouncer } from '../../shared/ui/Toast.tsx';
import { notificationLink, notificationMessage } from './messages.ts';
import { MarkNotificationsReadMutation, NotificationsPageQuery, UnreadCountQuery } from './notifications.documents.ts';
import styles from './NotificationsPage.module.css';

/** `/notifications`: the viewer's feed, newest first, unread ones marked; each leads to its subject. */
export function NotificationsPage() {
  const { t, i18n } = useTranslation(['notifications', 'common']);
  const viewer = useViewer();
  const announcer = useAnnouncer();
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  const [{ data: count }] = useQuery({ query: UnreadCountQuery, pause: viewer.status !== 'signedIn' });
  const [{ fetching: marking }, markRead] = useMutation(MarkNotificationsReadMutation);
  const unread = count?.me?.unreadNotificationCount ?? 0;

  if (viewer.status !== 'signedIn') {
    return (
      <>
        <PageHeader title={t('title')} />
        {viewer.status === 'signedOut' ? (
          <EmptyState title={t('signIn')} action={<ButtonLink to={paths.signIn(paths.notifications())} variant="primary">{t('header.signIn', { ns: 'common' })}</ButtonLink>} />
        ) : (
          <Skeleton lines={4} />
        )}
      </>
    );
  }

  const markAll = async () => {
    const result = await markRead({ input: { all: true } });
    const outcome = mutationOutcome(result.error, result.data?.markNotificationsRead);
    if (outcome.ok) announcer.toast(t('markedAll'), { tone: 'success' });
    else announcer.toast(t('failedBecause', { ns: 'common', what: t('failed'), reason: describeError(outcome.error, i18n) }), { tone: 'error' });
  };

  return (
    <>
      <PageHeader
        title={t('title')}
        description={unread > 0 ? t('unreadCount', { count: unread }) : t('allRead')}
        actions={
          unread > 0 ? (
            <Button variant="secondary" loading={marking} onClick={() => void markAll()}>
              {t('markAll')}
            </Button>
          ) : null
        }
      />
      <ul className={styles.list}>
        {cursors.map((after, index) => (
          <FeedPage
            key={after ?? 'first'}
            after={after}
            isLast={index === cursors.length - 1}
            unread={unread}
            onMore={(cursor) => setCursors((current) => (current.includes(cursor) ? current : [...current, cursor]))}
          />
        ))}
      </ul>
    </>
  );
}

function FeedPage({ after, isLast, unread, onMore }: { after: string | null; isLast: boolean; unread: number; onMore: (cursor: string) => void }) {
  const { t, i18n } = useTranslation(['notifications', 'common']);
  const format = useFormat();
  const navigate = useNavigate();
  const [, markRead] = useMutation(MarkNotificationsReadMutation);
  // A new unread count (from the live bell) brings the newest page up to date.
  const [{ data, error, fetching }, refetch] = useQuery({ query: NotificationsPageQuery, variables: { after }, context: useMemo(() => ({ unread: after === null ? unread : 0 }), [after, unread]) });
  const connection = data?.me?.notifications;

  if (!connection) {
    return <li className={styles.state}>{error ? <ErrorNotice error={error} onRetry={() => refetch({ requestPolicy: 'network-only' })} /> : <Skeleton lines={4} />}</li>;
  }
  if (after === null && connection.edges.length === 0) {
    return (
      <li className={styles.state}>
        <EmptyState title={t('empty')} body={t('emptyBody')} />
      </li>
    );
  }
  const open = async (id: string, read: boolean, link: string | null) => {
    if (!read) void markRead({ input: { ids: [id] } });
    if (link) await navigate(link);
  };
  return (
    <>
      {connection.edges.map(({ node }) => {
        const link = notificationLink(node);
        const message = notificationMessage(node, i18n);
        return (
          <li key={node.id} className={[styles.item, node.read ? undefined : styles.unread].filter(Boolean).join(' ')}>
            {node.read ? null : (
              <span className={styles.unreadMark}>
                <span className={styles.dot} aria-hidden="true" />
                {t('unread')}
              </span>
            )}
            {link ? (
              <Link
                to={link}
                className={styles.message}
                onClick={(event) => {
                  event.preventDefault();
                  void open(node.id, node.read, link);
                }}
              >
                {message}
              </Link>
            ) : (
              <p className={styles.message}>{message}</p>
            )}
            <p className={styles.meta}>
              {node.community ? <span>{localizedName(i18n.language, node.community)}</span> : null}
              <time dateTime={node.createdAt} title={format.dateTime(node.createdAt)}>
                {format.relative(node.createdAt)}
              </time>
            </p>
            {!node.read && !link ? (
              <Button variant="quiet" onClick={() => void markRead({ input: { ids: [node.id] } })}>
                {t('markRead')}
              </Button>
            ) : null}
          </li>
        );
      })}
      {isLast ? (
        <li className={styles.state}>
          {connection.pageInfo.hasNextPage && connection.pageInfo.endCursor ? (
            <Button variant="secondary" block loading={fetching} onClick={() => onMore(connection.pageInfo.endCursor!)}>
              {t('loadMore')}
            </Button>
          ) : (
            <p className={styles.end}>{t('end')}</p>
          )}
        </li>
      ) : null}
    </>
  );
}
