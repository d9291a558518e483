import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router';
import { Ballot } from '../../shared/concerns/Ballot.tsx';
import { TallySubscription } from '../../shared/concerns/ballot.documents.ts';
import { useFormat } from '../../shared/format/useFormat.ts';
import { paths } from '../../shared/routing/paths.ts';
import { ButtonLink } from '../../shared/ui/Button.tsx';
import type { ConcernDeliberationQuery } from './deliberation.documents.ts';
import styles from './deliberation.module.css';
import type { Proposal } from './ProposalsSection.tsx';
import type { ResultOf } from '../../shared/api/graphql.ts';
import { useMemberSubscription } from '../../shared/api/useMemberSubscription.ts';

type VotingWindow = NonNullable<NonNullable<ResultOf<typeof ConcernDeliberationQuery>['concern']>['votingWindow']>;

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
  useMemberSubscription({ query: TallySubscription, variables: { windowId: votingWindow.id }, pause: votingWindow.status !== 'OPEN' });
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
