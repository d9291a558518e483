// A concern's timeline entries (audit kinds with small JSON facts) as sentences in the reader's language.
import type { i18n as I18n } from 'i18next';
import { toGlobalId } from '../../shared/api/global-id.ts';
import { formatDateTime } from '../../shared/format/format.ts';
import { statusLabel } from '../../shared/i18n/dynamic-key.ts';
import type { Tone } from '../../shared/ui/Badge.tsx';

export interface TimelineEntryData {
  kind: string;
  actorName?: string | null;
  at: string;
  data: unknown;
}

export interface TimelineSentence {
  title: string;
  /** Quoted text: an answer, a reason, an excerpt of a progress update. */
  quote?: string;
  /** Another concern this entry points to. */
  link?: { concernId: string; title: string };
  tone: Tone;
}

type Translator = Pick<I18n, 't' | 'exists' | 'language'>;

const TONES: Record<string, Tone> = {
  'concern.acknowledged': 'success',
  'concern.declined': 'neutral',
  'concern.escalated': 'danger',
  'concern.resolved': 'success',
  'concern.closed': 'success',
  'concern.reopened': 'danger',
  'voting.opened': 'warning',
  'decision.recorded': 'info',
  'action.created': 'info',
  'action.milestone_done': 'success',
  'rating.window_opened': 'info',
  'rule.published': 'success',
};

const text = (value: unknown): string | undefined => (typeof value === 'string' && value.trim() ? value : undefined);
const num = (value: unknown): number | undefined => (typeof value === 'number' && Number.isFinite(value) ? value : undefined);

/** The sentence for one entry; an unknown kind gets a general sentence, never the raw kind. */
export function timelineSentence(entry: TimelineEntryData, i18n: Translator): TimelineSentence {
  const data = (entry.data && typeof entry.data === 'object' ? entry.data : {}) as Record<string, unknown>;
  const actor = entry.actorName || i18n.t('concern:timeline.someone');
  const tone = TONES[entry.kind] ?? 'neutral';
  // Keys are checked against the catalogue first: the kinds come from the server.
  const say = (key: string, values: Record<string, unknown> = {}) => {
    const full = `concern:timeline.${key}`;
    return i18n.exists(full, values) ? String(i18n.t(full as 'concern:timeline.other', { actor, ...values } as never)) : null;
  };

  switch (entry.kind) {
    case 'concern.acknowledged':
      return { title: say('concern.acknowledged')!, quote: text(data.answer), tone };
    case 'concern.declined':
      return { title: say('concern.declined')!, quote: text(data.reason), tone };
    case 'concern.merged': {
      const into = num(data.intoConcernId);
      if (into !== undefined) {
        return { title: say('concern.mergedInto')!, link: { concernId: toGlobalId('Concern', into), title: text(data.intoTitle) ?? '' }, tone };
      }
      const from = num(data.fromConcernId);
      return {
        title: say('concern.mergedFrom', { count: num(data.secondsCarried) ?? 0 })!,
        link: from !== undefined ? { concernId: toGlobalId('Concern', from), title: text(data.fromTitle) ?? '' } : undefined,
        tone,
      };
    }
    case 'concern.assigned':
      return { title: (data.ownerId == null ? say('concern.unassigned') : say('concern.assigned'))!, tone };
    case 'proposal.created':
      return { title: say('proposal.created', { title: text(data.title) ?? '' })!, tone };
    case 'proposal.hidden':
      return { title: say('proposal.hidden', { reason: text(data.reason) ?? '' })!, tone };
    case 'voting.closed':
      return { title: say('voting.closed', { count: num(data.voterCount) ?? 0 })!, tone };
    case 'decision.recorded': {
      const quorum = data.quorumMet === true ? say('decision.quorumMet') : data.quorumMet === false ? say('decision.quorumMissed') : '';
      return { title: `${say('decision.recorded')}${quorum ?? ''}`, tone };
    }
    case 'session.item_phase_changed': {
      const phase = text(data.to);
      return { title: say('session.item_phase_changed', { phase: (phase && statusLabel(i18n, 'AgendaItem', phase)) ?? phase ?? '' })!, tone };
    }
    case 'action.created':
      return { title: say('action.created', { title: text(data.title) ?? '' })!, tone };
    case 'action.status_changed': {
      const to = text(data.to);
      const status = (to && statusLabel(i18n, 'Action', to)) ?? to ?? '';
      return { title: say('action.status_changed', { status })!, quote: text(data.reason), tone: to === 'BLOCKED' ? 'danger' : to === 'DONE' ? 'success' : tone };
    }
    case 'action.milestone_done':
      return { title: say('action.milestone_done', { title: text(data.title) ?? '' })!, tone };
    case 'action.progress_posted':
      return { title: say('action.progress_posted')!, quote: text(data.excerpt), tone };
    case 'rating.window_opened': {
      const closesAt = text(data.closesAt);
      return { title: say('rating.window_opened', { date: closesAt ? formatDateTime(closesAt, i18n.language) : '' })!, tone };
    }
    case 'rating.window_closed':
      return { title: say('rating.window_closed', { count: num(data.ratingCount) ?? 0 })!, tone };
    default:
      return { title: say(entry.kind) ?? String(i18n.t('concern:timeline.other', { actor })), tone };
  }
}
