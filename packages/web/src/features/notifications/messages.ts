// A notification (a message key with small JSON params, and a subject such as "concern:12") as a
// sentence in the reader's language and a link into the app.
import type { i18n as I18n } from 'i18next';
import { toGlobalId } from '../../shared/api/global-id.ts';
import { formatDateTime, formatPercent } from '../../shared/format/format.ts';
import { paths } from '../../shared/routing/paths.ts';

type Translator = Pick<I18n, 't' | 'exists' | 'language'>;

export interface NotificationData {
  kind: string;
  params: unknown;
  subject: string;
  community?: { slug: string } | null;
}

const text = (value: unknown) => (typeof value === 'string' ? value : '');

export function notificationMessage(notification: NotificationData, i18n: Translator): string {
  const params = (notification.params && typeof notification.params === 'object' ? notification.params : {}) as Record<string, unknown>;
  const values: Record<string, unknown> = { title: text(params.title) };
  let kind = notification.kind;
  if (kind === 'ACTION_PROGRESS' && typeof params.progress === 'number') {
    kind = 'ACTION_PROGRESS_PERCENT';
    values.progress = formatPercent(params.progress / 100, i18n.language);
  }
  if (kind === 'SESSION_SCHEDULED') values.date = params.scheduledAt ? formatDateTime(text(params.scheduledAt), i18n.language) : '';
  const key = `notifications:kinds.${kind}`;
  if (!i18n.exists(key)) return String(i18n.t('notifications:kinds.other'));
  return String(i18n.t(key as 'notifications:kinds.other', values as never));
}

/** Where the notification leads: its concern, session or the community's rules; null if nowhere known. */
export function notificationLink(notification: NotificationData): string | null {
  const slug = notification.community?.slug;
  const [type, id] = notification.subject.split(':');
  if (!slug || !type || !id) return null;
  switch (type) {
    case 'concern':
      return paths.concern(slug, toGlobalId('Concern', id));
    case 'session':
      return paths.session(slug, toGlobalId('LiveSession', id));
    case 'rule':
      return paths.rules(slug);
    default:
      return paths.board(slug);
  }
}
