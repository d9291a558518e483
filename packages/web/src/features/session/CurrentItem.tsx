import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { mutationOutcome } from '../../shared/api/mutation-result.ts';
import { Ballot } from '../../shared/concerns/Ballot.tsx';
import { useFieldErrors } from '../../shared/errors/useFieldErrors.ts';
import { useFormat } from '../../shared/format/useFormat.ts';
import { useNow } from '../../shared/hooks/useNow.ts';
import { Badge } from '../../shared/ui/Badge.tsx';
import { Button } from '../../shared/ui/Button.tsx';
import { ErrorNotice } from '../../shared/ui/ErrorNotice.tsx';
import { TextArea, TextField } from '../../shared/ui/Field.tsx';
import { ProgressBar } from '../../shared/ui/ProgressBar.tsx';
import { TallyBar } from '../../shared/ui/TallyBar.tsx';
import { useAnnouncer } from '../../shared/ui/Toast.tsx';
import { ProposalModeration } from './ProposalModeration.tsx';
import { clockText, countdown, tallyDisplay, type Phase } from './room.ts';
import { ProposeInRoomMutation } from './session.documents.ts';
import type { RoomSession } from './SessionPage.tsx';
import styles from './session.module.css';

export type RoomItem = NonNullable<RoomSession['currentItem']>;
export type RoomProposal = RoomItem['proposals'][number];

/** The item on the table: its phase and timer, the proposals, the ballot or the decision. */
export function CurrentItem({ session, item, isMember }: { session: RoomSession; item: RoomItem; isMember: boolean }) {
  const { t } = useTranslation(['session', 'common']);
  const phase = item.phase as Phase;
  const window = item.votingWindow;
  const decision = window?.decision ?? null;
  return (
    <section className={[styles.section, styles.current].join(' ')} aria-labelledby="current-heading">
      <p className={styles.kicker}>{t('room.current')}</p>
      <h2 id="current-heading">{item.concern.title}</h2>
      <p className={styles.phaseLine}>
        <Badge tone={phase === 'VOTING' ? 'warning' : phase === 'DECIDED' ? 'success' : 'info'}>{t('room.phaseNow', { phase: t(`phase.${phase}`) })}</Badge>
      </p>
      <PhaseTimer startedAt={item.phaseStartedAt} endsAt={item.phaseEndsAt} />
      {phase === 'VOTING' && window ? <VoteSection session={session} item={item} isMember={isMember} /> : null}
      {phase === 'DECIDED' ? decision ? <DecisionView decision={decision} /> : <p className={styles.notice}>{t('decision.pending')}</p> : null}
      {phase !== 'VOTING' ? <ProposalList session={session} item={item} /> : null}
      {phase === 'PROPOSING' && isMember && !session.viewerIsMuted ? <ProposeForm concernId={item.concern.id} /> : null}
    </section>
  );
}

/** The phase's time box, counting down each second; past it, the overtime (the chair moves on). */
function PhaseTimer({ startedAt, endsAt }: { startedAt?: string | null; endsAt?: string | null }) {
  const { t } = useTranslation(['session', 'common']);
  const now = useNow(1_000);
  const left = countdown(now.getTime(), startedAt, endsAt);
  if (!left) return null;
  const label = left.overtime ? t('room.overtime', { clock: clockText(left.overtimeSeconds) }) : t('room.timeLeft', { clock: clockText(left.remainingSeconds) });
  return (
    <div className={[styles.timer, left.overtime ? styles.timerOver : undefined].filter(Boolean).join(' ')}>
      <p className={styles.timerText} role="timer" aria-live="off">
        {label}
      </p>
      <ProgressBar label={t('room.timer')} value={Math.round(left.used * 100)} />
    </div>
  );
}

function VoteSection({ session, item, isMember }: { session: RoomSession; item: RoomItem; isMember: boolean }) {
  const { t } = useTranslation(['session', 'common']);
  const format = useFormat();
  const window = item.votingWindow;
  if (!window) return null;
  const snapshot = window.tally;
  const voters = snapshot?.voterCount ?? 0;
  const needed = snapshot?.quorumCount ?? window.quorumCount;
  const hidden = window.rules.talliesHidden;
  const ballot = item.proposals.filter((proposal) => proposal.status === 'ACTIVE');
  const anyHidden = ballot.some((proposal) => tallyDisplay('VOTING', hidden, Boolean(proposal.tally)) === 'afterClose');
  return (
    <div className={styles.vote}>
      <h3>{t('vote.heading')}</h3>
      <p>{t('vote.intro')}</p>
      <ProgressBar label={`${t('vote.quorum', { voters: format.number(voters), needed: format.number(needed) })}${snapshot?.quorumReached ? ` · ${t('vote.quorumReached')}` : ''}`} value={Math.min(voters, needed)} max={needed} />
      {anyHidden ? <p className={styles.afterClose}>{t('vote.afterClose')}</p> : null}
      {!isMember ? <p className={styles.muted}>{t('vote.membersOnly')}</p> : null}
      <ul className={styles.ballot}>
        {ballot.map((proposal) => (
          <li key={proposal.id}>
            <Ballot proposal={proposal} canVote={isMember} tallyHidden={tallyDisplay('VOTING', hidden, Boolean(proposal.tally)) === 'afterClose'} />
            {session.viewerIsChair ? <ProposalModeration item={item} proposal={proposal} /> : null}
          </li>
        ))}
      </ul>
    </div>
  );
}

type Decision = NonNullable<NonNullable<RoomItem['votingWindow']>['decision']>;

export function DecisionView({ decision }: { decision: Decision }) {
  const { t } = useTranslation(['session', 'common']);
  const format = useFormat();
  const counts = { voters: format.number(decision.voterCount), needed: format.number(decision.quorumCount) };
  return (
    <div className={styles.decision} aria-live="polite">
      <h3>{t('decision.heading')}</h3>
      <p className={decision.quorumMet ? styles.good : styles.bad}>{decision.quorumMet ? t('decision.quorumMet', counts) : t('decision.quorumMissed', counts)}</p>
      <ul className={styles.ballot}>
        {decision.tally.map((line) => (
          <li key={line.title} className={styles.decisionLine}>
            <Badge tone={line.adopted ? 'success' : 'neutral'}>{line.adopted ? t('decision.adopted') : t('decision.notAdopted')}</Badge>
            <TallyBar tally={line} caption={line.title} />
          </li>
        ))}
      </ul>
    </div>
  );
}

function ProposalList({ session, item }: { session: RoomSession; item: RoomItem }) {
  const { t } = useTranslation(['session', 'common']);
  return (
    <div>
      <h3>{t('proposals.heading')}</h3>
      {item.proposals.length ? (
        <ul className={styles.ballot}>
          {item.proposals.map((proposal) => (
            <li key={proposal.id}>
              <ProposalCard proposal={proposal} />
              {session.viewerIsChair && item.phase !== 'DECIDED' ? <ProposalModeration item={item} proposal={proposal} /> : null}
            </li>
          ))}
        </ul>
      ) : (
        <p className={styles.muted}>{t('proposals.none')}</p>
      )}
    </div>
  );
}

function ProposalCard({ proposal }: { proposal: RoomProposal }) {
  const { t } = useTranslation(['session', 'common']);
  return (
    <article className={styles.proposal}>
      {proposal.pinned ? <Badge tone="warning">{t('proposals.pinned')}</Badge> : null}
      <h4 className={styles.proposalTitle}>{proposal.title ?? t('proposals.hidden', { reason: proposal.hiddenReason ?? '' })}</h4>
      {proposal.title && proposal.hiddenReason ? <p className={styles.muted}>{t('proposals.hidden', { reason: proposal.hiddenReason })}</p> : null}
      {proposal.mergedInto ? <p className={styles.muted}>{t('proposals.merged', { title: proposal.mergedInto.title ?? '' })}</p> : null}
      {proposal.body ? <p className={styles.proposalBody}>{proposal.body}</p> : null}
      <p className={styles.muted}>{t('proposals.by', { name: proposal.author.displayName })}</p>
      {proposal.tally ? <TallyBar tally={proposal.tally} /> : null}
    </article>
  );
}

const MAX_TITLE = 120;
const MAX_BODY = 2000;

function ProposeForm({ concernId }: { concernId: string }) {
  const { t } = useTranslation(['session', 'common']);
  const announcer = useAnnouncer();
  const [title, setTitle] = useState('');
  const [body, setBody] = useState('');
  const { error, setError, issues, edited } = useFieldErrors();
  const [{ fetching }, propose] = useMutation(ProposeInRoomMutation);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (fetching) return;
    const result = await propose({ concernId, input: { title: title.trim(), body: body.trim() } });
    const outcome = mutationOutcome(result.error, result.data?.createProposal);
    if (!outcome.ok) {
      setError(outcome.error);
      return;
    }
    setError(null);
    setTitle('');
    setBody('');
    announcer.toast(t('proposals.added'), { tone: 'success' });
  };
  return (
    <form className={styles.propose} onSubmit={(event) => void submit(event)} noValidate aria-labelledby="propose-heading">
      <h3 id="propose-heading">{t('proposals.add')}</h3>
      {error ? <ErrorNotice error={error} title={t('proposals.failed')} /> : null}
      <TextField
        label={t('proposals.titleLabel')}
        required
        maxLength={MAX_TITLE}
        value={title}
        onChange={(event) => {
          setTitle(event.target.value);
          edited('title');
        }}
        error={issues.title}
      />
      <TextArea
        label={t('proposals.bodyLabel')}
        required
        rows={4}
        maxLength={MAX_BODY}
        value={body}
        onChange={(event) => {
          setBody(event.target.value);
          edited('body');
        }}
        error={issues.body}
      />
      <Button type="submit" variant="primary" loading={fetching}>
        {t('proposals.submit')}
      </Button>
    </form>
  );
}
