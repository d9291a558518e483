// Badges that both the board and the concern page show: the status, and the answer deadline.
import { useTranslation } from 'react-i18next';
import { deadlineState } from '../format/deadline.ts';
import { useFormat } from '../format/useFormat.ts';
import { statusLabel } from '../i18n/dynamic-key.ts';
import { Badge, type Tone } from '../ui/Badge.tsx';
import { useNow } from '../hooks/useNow.ts';

const STATUS_TONES: Record<string, Tone> = {
  REPORTED: 'info',
  ACKNOWLEDGED: 'info',
  VOTING: 'warning',
  DECIDED: 'info',
  IN_PROGRESS: 'warning',
  RESOLVED: 'success',
  CLOSED: 'success',
  REOPENED: 'danger',
  DECLINED: 'neutral',
  MERGED: 'neutral',
};

export function ConcernStatusBadge({ status }: { status: string }) {
  const { i18n } = useTranslation();
  return <Badge tone={STATUS_TONES[status] ?? 'neutral'}>{statusLabel(i18n, 'Concern', status) ?? status}</Badge>;
}

/**
 * "还剩 2 天" or "已超期 3 天" for a concern still waiting for its answer; nothing once it is answered.
 * The exact deadline is in the tooltip and read after the words.
 */
export function DeadlineBadge({ status, deadlineAt }: { status: string; deadlineAt: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const now = useNow();
  if (status !== 'REPORTED') return null;
  const state = deadlineState(deadlineAt, now);
  if (!state) return null;
  const key =
    state.kind === 'left'
      ? state.unit === 'day'
        ? 'deadline.daysLeft'
        : 'deadline.hoursLeft'
      : state.unit === 'day'
        ? 'deadline.overdueDays'
        : 'deadline.overdueHours';
  const text = t(key, { count: state.count });
  const exact = t('deadline.answerBy', { date: format.dateTime(deadlineAt) });
  // Within a day, or late: draw the eye; otherwise stay calm.
  const tone: Tone = state.kind === 'overdue' ? 'danger' : state.unit === 'hour' ? 'warning' : 'neutral';
  return (
    <span title={exact}>
      <Badge tone={tone}>{text}</Badge>
      <span className="visually-hidden">（{exact}）</span>
    </span>
  );
}
