import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router';
import { useMutation, useSubscription } from 'urql';
import { mutationOutcome } from '../../shared/api/mutation-result.ts';
import type { Choice } from '../../shared/concerns/votes.ts';
import { describeError } from '../../shared/errors/describe-error.ts';
import { useFormat } from '../../shared/format/useFormat.ts';
import { paths } from '../../shared/routing/paths.ts';
import { Button, ButtonLink } from '../../shared/ui/Button.tsx';
import { TallyBar } from '../../shared/ui/TallyBar.tsx';
import { useAnnouncer } from '../../shared/ui/Toast.tsx';
import { CastVoteMutation, RetractVoteMutation, TallySubscription, type ConcernDeliberationQuery } from './deliberation.documents.ts';
import styles from './deliberation.module.css';
import type { Proposal } from './ProposalsSection.tsx';
import type { ResultOf } from '../../shared/api/graphql.ts';

type VotingWindow = NonNullable<NonNullable<ResultOf<typeof ConcernDeliberationQuery>['concern']>['votingWindow']>;

const CHOICES: readonly Choice[] = ['SUPPORT', 'OPPOSE', 'ABSTAIN'];
const CHOICE_KEYS = { SUPPORT: 'tally.support', OPPOSE: 'tally.oppose', ABSTAIN: 'tally.abstain' } as const;
const CHOICE_MARKS: Record<Choice, string> = { SUPPORT: '✓', OPPOSE: '✗', ABSTAIN: '–' };

/**
 * The ballot while voting is open: for each proposal, three big buttons (支持 / 反对 / 弃权), the
 * viewer's vote marked, a way to take it back, and the running tally unless it is hidden until the
 * end. The tally and the quorum update live from the `tally` subscription.
 */
export function VotePanel({ votingWindow, proposals, isMember, signedIn }: { votingWindow: VotingWindow; proposals: readonly Proposal[]; isMember: boolean; signedIn: boolean }) {
  const { t } = useTranslation(['concern', 'common']);
  const format = useFormat();
  const location = useLocation();
  // Snapshots land in the cache (keyed by window and proposal); the screen re-renders from there.
  useSubscription({ query: TallySubscription, variables: { windowId: votingWindow.id }, pause: votingWindow.status !== 'OPEN' });
  const snapshot = votingWindow.tally;
  const voters = snapshot?.voterCount ?? 0;
  const needed = snapshot?.quorumCount ?? votingWindow.quorumCount;
  const ballot = proposals.filter((proposal) => proposal.status === 'ACTIVE');
  const hidden = votingWindow.rules.talliesHidden;

  return (
    <section className={[styles.section, styles.vote].join(' ')} aria-labelledby="vote-heading">
      <h2 id="vote-heading">{t('vote.heading')}</h2>
      <p>{t('vote.intro')}</p>
      <p className={styles.strong}>
        {votingWindow.closesAt ? t('vote.closesAt', { date: format.dateTime(votingWindow.closesAt), relative: format.relative(votingWindow.closesAt) }) : t('vote.noCloseTime')}
      </p>
      <QuorumBar voters={voters} needed={needed} reached={snapshot?.quorumReached ?? voters >= needed} />
      {!signedIn ? (
        <ButtonLink to={paths.signIn(location.pathname)} variant="primary">
          {t('vote.signIn')}
        </ButtonLink>
      ) : !isMember ? (
        <p className={styles.muted}>{t('vote.membersOnly')}</p>
      ) : null}
      <ul className={styles.ballot}>
        {ballot.map((proposal) => (
          <li key={proposal.id}>
            <Ballot proposal={proposal} canVote={isMember} tallyHidden={hidden && !proposal.tally} />
          </li>
        ))}
      </ul>
    </section>
  );
}

function QuorumBar({ voters, needed, reached }: { voters: number; needed: number; reached: boolean }) {
  const { t } = useTranslation(['concern', 'common']);
  const format = useFormat();
  const ratio = needed > 0 ? Math.min(voters / needed, 1) : 1;
  const text = t('vote.quorum', { voters: format.number(voters), needed: format.number(needed) });
  return (
    <div className={styles.quorum}>
      <p className={styles.quorumText} id="quorum-label">
        {text}
        {reached ? <span className={styles.reached}> · {t('vote.quorumReached')}</span> : null}
      </p>
      <div
        className={styles.quorumTrack}
        role="progressbar"
        aria-labelledby="quorum-label"
        aria-valuemin={0}
        aria-valuemax={needed}
        aria-valuenow={Math.min(voters, needed)}
        aria-valuetext={text}
      >
        <div className={[styles.quorumFill, reached ? styles.quorumFillReached : undefined].filter(Boolean).join(' ')} style={{ width: `${ratio * 100}%` }} />
      </div>
    </div>
  );
}

function Ballot({ proposal, canVote, tallyHidden }: { proposal: Proposal; canVote: boolean; tallyHidden: boolean }) {
  const { t, i18n } = useTranslation(['concern', 'common']);
  const announcer = useAnnouncer();
  const [, cast] = useMutation(CastVoteMutation);
  const [, retract] = useMutation(RetractVoteMutation);
  const mine = (proposal.myVote as Choice | null) ?? null;
  const title = proposal.title ?? '';

  const vote = async (choice: Choice) => {
    if (choice === mine) return;
    const result = await cast({ proposalId: proposal.id, choice });
    const outcome = mutationOutcome(result.error, result.data?.castVote);
    if (outcome.ok) announcer.announce(t('vote.voted', { choice: t(CHOICE_KEYS[choice], { ns: 'common' }) }));
    else announcer.toast(t('failedBecause', { ns: 'common', what: t('vote.failed'), reason: describeError(outcome.error, i18n) }), { tone: 'error' });
  };
  const takeBack = async () => {
    const result = await retract({ proposalId: proposal.id });
    const outcome = mutationOutcome(result.error, result.data?.retractVote);
    if (outcome.ok) announcer.announce(t('vote.retracted'));
    else announcer.toast(t('failedBecause', { ns: 'common', what: t('vote.failed'), reason: describeError(outcome.error, i18n) }), { tone: 'error' });
  };

  return (
    <article className={styles.ballotItem}>
      <h3 className={styles.proposalTitle}>{title}</h3>
      {proposal.body ? <p className={styles.ballotBody}>{proposal.body}</p> : null}
      {canVote ? (
        <>
          <div className={styles.choices} role="group" aria-label={t('vote.ballot', { title })}>
            {CHOICES.map((choice) => (
              <button
                key={choice}
                type="button"
                className={[styles.choice, styles[`choice${choice}`]].join(' ')}
                aria-pressed={mine === choice}
                onClick={() => void vote(choice)}
              >
                <span aria-hidden="true" className={styles.choiceMark}>
                  {CHOICE_MARKS[choice]}
                </span>
                {t(CHOICE_KEYS[choice], { ns: 'common' })}
              </button>
            ))}
          </div>
          <p className={styles.myVote} aria-live="polite">
            {mine ? t('vote.yourVote', { choice: t(CHOICE_KEYS[mine], { ns: 'common' }) }) : t('vote.notVoted')}
            {mine ? (
              <Button variant="quiet" className={styles.retract} onClick={() => void takeBack()}>
                {t('vote.retract')}
              </Button>
            ) : null}
          </p>
        </>
      ) : null}
      {proposal.tally ? (
        <TallyBar tally={proposal.tally} />
      ) : tallyHidden ? (
        <p className={styles.tallyHidden}>{t('vote.hidden')}</p>
      ) : null}
    </article>
  );
}
