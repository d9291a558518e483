// When a rule in force is due for its review: the community is reminded `noticeDays` before reviewAt
// (CommunitySettings.ruleReviewNoticeDays), and the same window marks it "review due" on screen.

export type ReviewState = 'due' | 'overdue' | null;

const DAY = 24 * 60 * 60 * 1000;

export function reviewState(rule: { status: string; reviewAt: string }, noticeDays: number, now: Date): ReviewState {
  if (rule.status !== 'IN_FORCE') return null;
  const reviewAt = new Date(rule.reviewAt).getTime();
  if (reviewAt <= now.getTime()) return 'overdue';
  return reviewAt - now.getTime() <= noticeDays * DAY ? 'due' : null;
}
