import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { paths } from '../../shared/routing/paths.ts';
import { BellIcon } from '../../shared/ui/icons.tsx';

// The header's notification slot (see app/AppShell.tsx). Later: the unread count from the live
// notification feed, e.g. "通知（3 条未读）" in the label and a badge on the icon.
export function NotificationBell({ className }: { className?: string }) {
  const { t } = useTranslation();
  return (
    <Link to={paths.notifications()} className={className} aria-label={t('header.notifications')} title={t('header.notifications')}>
      <BellIcon />
    </Link>
  );
}
