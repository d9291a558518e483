import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useQuery } from 'urql';
import { paths } from '../../shared/routing/paths.ts';
import { useViewer } from '../../shared/session/viewer.ts';
import { BellIcon } from '../../shared/ui/icons.tsx';
import styles from './NotificationBell.module.css';
import { NotificationsSubscription, UnreadCountQuery } from './notifications.documents.ts';
import { useMemberSubscription } from '../../shared/api/useMemberSubscription.ts';

/**
 * The header's bell: a link to the feed, with the unread count as a badge and in its name
 * ("通知（3 条未读）"). The count comes live from the `notifications` subscription, which writes it
 * into the cache, as "mark read" does (notifications.cache.ts).
 */
export function NotificationBell({ className }: { className?: string }) {
  const { t } = useTranslation();
  const viewer = useViewer();
  const signedIn = viewer.status === 'signedIn';
  const [{ data }] = useQuery({ query: UnreadCountQuery, pause: !signedIn });
  useMemberSubscription({ query: NotificationsSubscription });
  const unread = signedIn ? (data?.me?.unreadNotificationCount ?? 0) : 0;
  const label = unread > 0 ? t('header.notificationsUnread', { count: unread }) : t('header.notifications');
  return (
    // The name comes from the hidden text (not aria-label), so the visible count is part of it.
    <Link to={paths.notifications()} className={[className, styles.bell].filter(Boolean).join(' ')} title={label}>
      <BellIcon />
      <span className="visually-hidden">{label}</span>
      {unread > 0 ? (
        <span className={styles.badge} aria-hidden="true">
          {unread > 99 ? '99+' : unread}
        </span>
      ) : null}
    </Link>
  );
}
