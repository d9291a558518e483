import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { mutationOutcome } from '../api/mutation-result.ts';
import { describeError } from '../errors/describe-error.ts';
import { Button } from '../ui/Button.tsx';
import { TallyBar, type Tally } from '../ui/TallyBar.tsx';
import { useAnnouncer } from '../ui/Toast.tsx';
import { CastVoteMutation, RetractVoteMutation } from './ballot.documents.ts';
import styles from './Ballot.module.css';
import type { Choice } from './votes.ts';

const CHOICES: readonly Choice[] = ['SUPPORT', 'OPPOSE', 'ABSTAIN'];
const CHOICE_KEYS = { SUPPORT: 'tally.support', OPPOSE: 'tally.oppose', ABSTAIN: 'tally.abstain' } as const;
const CHOICE_MARKS: Record<Choice, string> = { SUPPORT: '✓', OPPOSE: '✗', ABSTAIN: '–' };

export interface BallotProposal {
  id: string;
  title?: string | null;
  body?: string | null;
  myVote?: string | null;
  tally?: Tally | null;
}

/**
 * One proposal on an open ballot: three big buttons (支持 / 反对 / 弃权), the viewer's vote marked, a
 * way to take it back, and the running tally, or a note that it shows when the vote closes. The vote
 * is optimistic (shared/concerns/votes.ts): buttons and bar move before the server answers.
 */
export function Ballot({ proposal, canVote, tallyHidden }: { proposal: BallotProposal; canVote: boolean; tallyHidden: boolean }) {
  const { t, i18n } = useTranslation();
  const announcer = useAnnouncer();
  const [, cast] = useMutation(CastVoteMutation);
  const [, retract] = useMutation(RetractVoteMutation);
  const mine = (proposal.myVote as Choice | null | undefined) ?? null;
  const title = proposal.title ?? '';

  const vote = async (choice: Choice) => {
    if (choice === mine) return;
    const result = await cast({ proposalId: proposal.id, choice });
    const outcome = mutationOutcome(result.error, result.data?.castVote);
    if (outcome.ok) announcer.announce(t('ballot.voted', { choice: t(CHOICE_KEYS[choice]) }));
    else announcer.toast(t('failedBecause', { what: t('ballot.failed'), reason: describeError(outcome.error, i18n) }), { tone: 'error' });
  };
  const takeBack = async () => {
    const result = await retract({ proposalId: proposal.id });
    const outcome = mutationOutcome(result.error, result.data?.retractVote);
    if (outcome.ok) announcer.announce(t('ballot.retracted'));
    else announcer.toast(t('failedBecause', { what: t('ballot.failed'), reason: describeError(outcome.error, i18n) }), { tone: 'error' });
  };

  return (
    <article className={styles.ballot}>
      <h3 className={styles.title}>{title}</h3>
      {proposal.body ? <p className={styles.body}>{proposal.body}</p> : null}
      {canVote ? (
        <>
          <div className={styles.choices} role="group" aria-label={t('ballot.ballot', { title })}>
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
                {t(CHOICE_KEYS[choice])}
              </button>
            ))}
          </div>
          <p className={styles.myVote} aria-live="polite">
            {mine ? t('ballot.yourVote', { choice: t(CHOICE_KEYS[mine]) }) : t('ballot.notVoted')}
            {mine ? (
              <Button variant="quiet" className={styles.retract} onClick={() => void takeBack()}>
                {t('ballot.retract')}
              </Button>
            ) : null}
          </p>
        </>
      ) : null}
      {proposal.tally ? (
        <TallyBar tally={proposal.tally} />
      ) : tallyHidden ? (
        <p className={styles.tallyHidden}>{t('ballot.hidden')}</p>
      ) : null}
    </article>
  );
}
