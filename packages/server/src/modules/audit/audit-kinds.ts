// Every kind of audit event. Those marked `timeline` also appear on the concern's public timeline.
// Vote choices and individual ratings are never recorded here: only that a window opened or closed.

export const auditKinds = {
  'concern.reported': { timeline: true },
  'concern.acknowledged': { timeline: true },
  'concern.declined': { timeline: true },
  'concern.merged': { timeline: true },
  'concern.assigned': { timeline: true },
  'concern.escalated': { timeline: true },
  'concern.resolved': { timeline: true },
  'concern.closed': { timeline: true },
  'concern.reopened': { timeline: true },
  'proposal.created': { timeline: true },
  'proposal.edited': { timeline: false },
  'proposal.withdrawn': { timeline: true },
  'proposal.hidden': { timeline: true },
  'proposal.merged': { timeline: true },
  'proposal.pinned': { timeline: false },
  'comment.hidden': { timeline: false },
  'voting.opened': { timeline: true },
  'voting.closed': { timeline: true },
  'decision.recorded': { timeline: true },
  'session.scheduled': { timeline: false },
  'session.started': { timeline: false },
  'session.ended': { timeline: false },
  'session.item_phase_changed': { timeline: true },
  'session.floor_given': { timeline: false },
  'session.member_muted': { timeline: false },
  'action.created': { timeline: true },
  'action.status_changed': { timeline: true },
  'action.milestone_done': { timeline: true },
  'action.milestone_reopened': { timeline: true },
  'action.milestone_added': { timeline: true },
  'action.progress_posted': { timeline: true },
  'rating.window_opened': { timeline: true },
  'rating.window_closed': { timeline: true },
  'rule.drafted': { timeline: false },
  'rule.published': { timeline: true },
  'rule.amended': { timeline: false },
  'rule.retired': { timeline: false },
  'rule.adopted': { timeline: false },
  'member.joined': { timeline: false },
  'member.role_changed': { timeline: false },
  'member.suspended': { timeline: false },
  'invitation.created': { timeline: false },
  'invitation.revoked': { timeline: false },
  'community.settings_changed': { timeline: false },
  'token.created': { timeline: false },
  'token.revoked': { timeline: false },
} as const satisfies Record<string, { timeline: boolean }>;

export type AuditKind = keyof typeof auditKinds;

export function isTimelineKind(kind: string): boolean {
  return (auditKinds as Record<string, { timeline: boolean }>)[kind]?.timeline ?? false;
}
