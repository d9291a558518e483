import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { mutationOutcome } from '../../shared/api/mutation-result.ts';
import { describeError } from '../../shared/errors/describe-error.ts';
import { Badge } from '../../shared/ui/Badge.tsx';
import { Button } from '../../shared/ui/Button.tsx';
import { Dialog } from '../../shared/ui/Dialog.tsx';
import { ErrorNotice } from '../../shared/ui/ErrorNotice.tsx';
import { ReasonDialog } from '../../shared/ui/ReasonDialog.tsx';
import { useAnnouncer } from '../../shared/ui/Toast.tsx';
import { canSkip, inPlay, nextPending, nextStepOf, type HandView, type Phase } from './room.ts';
import {
  AdvanceAgendaItemMutation,
  EndSessionMutation,
  FinishFloorMutation,
  GiveFloorMutation,
  MuteMemberMutation,
  SkipAgendaItemMutation,
  StartSessionMutation,
  UnmuteMemberMutation,
} from './session.documents.ts';
import type { RoomSession } from './SessionPage.tsx';
import styles from './session.module.css';

interface Person {
  id: string;
  displayName: string;
}

/** A command's outcome as a toast: what happened, or why it did not, as a sentence. */
function useReport() {
  const { t, i18n } = useTranslation(['session', 'common']);
  const announcer = useAnnouncer();
  return (outcome: { ok: true } | { ok: false; error: unknown }, done: string) => {
    if (outcome.ok) announcer.toast(done, { tone: 'success' });
    else announcer.toast(t('failedBecause', { ns: 'common', what: t('console.failed'), reason: describeError(outcome.error, i18n) }), { tone: 'error' });
  };
}

/**
 * For the session's chairs: start it, move the item in play through its phases (closing the vote
 * shows the decision to everyone), skip, call speakers, mute, and end it with its minutes.
 */
export function ChairConsole({ session, hands, people, onChanged }: { session: RoomSession; hands: readonly HandView[]; people: readonly Person[] | null; onChanged: () => void }) {
  const { t } = useTranslation(['session', 'common']);
  const report = useReport();
  const [{ fetching: starting }, start] = useMutation(StartSessionMutation);
  const live = session.status === 'LIVE';

  const onStart = async () => {
    const result = await start({ sessionId: session.id });
    report(mutationOutcome(result.error, result.data?.startSession), t('console.started'));
  };

  return (
    <section className={[styles.section, styles.console].join(' ')} aria-labelledby="console-heading">
      <h2 id="console-heading">{t('console.heading')}</h2>
      <p className={styles.muted}>{t('console.intro')}</p>
      {session.status === 'SCHEDULED' ? (
        <Button variant="primary" block loading={starting} onClick={() => void onStart()}>
          {t('console.start')}
        </Button>
      ) : null}
      {live ? (
        <>
          <PhaseControls session={session} />
          <HandsQueue session={session} hands={hands} />
          <PresenceList session={session} people={people} onChanged={onChanged} />
          <EndSession session={session} onChanged={onChanged} />
        </>
      ) : null}
    </section>
  );
}

function PhaseControls({ session }: { session: RoomSession }) {
  const { t } = useTranslation(['session', 'common']);
  const report = useReport();
  const [{ fetching: moving }, advance] = useMutation(AdvanceAgendaItemMutation);
  const [{ fetching: skipping }, skip] = useMutation(SkipAgendaItemMutation);
  const current = session.currentItem && inPlay(session.currentItem.phase as Phase) ? session.currentItem : null;
  const pending = nextPending(session.agenda);
  const target = current ? { id: current.id, phase: current.phase as Phase, title: current.concern.title } : pending ? { id: pending.id, phase: pending.phase as Phase, title: pending.concern.title } : null;
  if (!target) return null;
  const step = nextStepOf[target.phase];

  const onAdvance = async () => {
    const result = await advance({ itemId: target.id });
    const outcome = mutationOutcome(result.error, result.data?.advanceAgendaItem);
    report(outcome, outcome.ok ? t('console.moved', { phase: t(`phase.${outcome.data.phase}`) }) : '');
  };
  const onSkip = async () => {
    const result = await skip({ itemId: target.id });
    report(mutationOutcome(result.error, result.data?.skipAgendaItem), t('console.skipped'));
  };

  return (
    <div className={styles.controls}>
      {step ? (
        <Button variant={step === 'closeVote' ? 'danger' : 'primary'} block loading={moving} onClick={() => void onAdvance()}>
          {step === 'takeUp' ? t('console.takeUp', { title: target.title }) : t(`console.${step}`)}
        </Button>
      ) : null}
      {canSkip(target.phase) ? (
        <Button variant="secondary" block loading={skipping} onClick={() => void onSkip()}>
          {t('console.skip')}
        </Button>
      ) : null}
    </div>
  );
}

function HandsQueue({ session, hands }: { session: RoomSession; hands: readonly HandView[] }) {
  const { t } = useTranslation(['session', 'common']);
  const report = useReport();
  const [{ fetching: giving }, give] = useMutation(GiveFloorMutation);
  const [{ fetching: finishing }, finish] = useMutation(FinishFloorMutation);
  const onGive = async (hand: HandView) => {
    const result = await give({ handId: hand.handId });
    report(mutationOutcome(result.error, result.data?.giveFloor), t('console.giveFloor', { name: hand.displayName }));
  };
  const onFinish = async () => {
    const result = await finish({ sessionId: session.id });
    report(mutationOutcome(result.error, result.data?.finishFloor), t('console.finishFloor'));
  };
  return (
    <div>
      <h3>{t('console.hands')}</h3>
      {hands.length ? (
        <ol className={styles.queue}>
          {hands.map((hand) => (
            <li key={hand.handId} className={styles.queueRow}>
              <span className={styles.strong}>{hand.displayName}</span>
              <Badge tone={hand.status === 'SPEAKING' ? 'success' : 'info'}>{hand.status === 'SPEAKING' ? t('console.speaking') : t('console.waiting')}</Badge>
              {hand.status === 'SPEAKING' ? (
                <Button variant="secondary" loading={finishing} onClick={() => void onFinish()}>
                  {t('console.finishFloor')}
                </Button>
              ) : (
                <Button variant="primary" loading={giving} onClick={() => void onGive(hand)}>
                  {t('console.giveFloor', { name: hand.displayName })}
                </Button>
              )}
            </li>
          ))}
        </ol>
      ) : (
        <p className={styles.muted}>{t('console.noHands')}</p>
      )}
    </div>
  );
}

function PresenceList({ session, people, onChanged }: { session: RoomSession; people: readonly Person[] | null; onChanged: () => void }) {
  const { t } = useTranslation(['session', 'common']);
  const report = useReport();
  const [muting, setMuting] = useState<Person | null>(null);
  const [, unmute] = useMutation(UnmuteMemberMutation);
  const muted = new Set(session.mutes.filter((mute) => !mute.liftedAt).map((mute) => mute.user.id));
  const chairs = new Set(session.chairs.map((chair) => chair.id));
  const onUnmute = async (person: Person) => {
    const result = await unmute({ sessionId: session.id, userId: person.id });
    const outcome = mutationOutcome(result.error, result.data?.unmuteMember);
    report(outcome, t('console.unmutedToast'));
    if (outcome.ok) onChanged();
  };
  const everyone = [...(people ?? []), ...session.mutes.filter((mute) => !mute.liftedAt && !(people ?? []).some((person) => person.id === mute.user.id)).map((mute) => mute.user)];
  return (
    <div>
      <h3>{t('console.presence')}</h3>
      {everyone.length ? (
        <ul className={styles.queue}>
          {everyone.map((person) => (
            <li key={person.id} className={styles.queueRow}>
              <span>{person.displayName}</span>
              {muted.has(person.id) ? (
                <>
                  <Badge tone="danger">{t('console.mutedList')}</Badge>
                  <Button variant="quiet" onClick={() => void onUnmute(person)}>
                    {t('console.unmute')}
                  </Button>
                </>
              ) : chairs.has(person.id) ? null : (
                <Button variant="quiet" aria-label={`${t('console.mute')}: ${person.displayName}`} onClick={() => setMuting(person)}>
                  {t('console.mute')}
                </Button>
              )}
            </li>
          ))}
        </ul>
      ) : (
        <p className={styles.muted}>{t('console.nobody')}</p>
      )}
      {muting ? <MuteDialog sessionId={session.id} person={muting} onClose={() => setMuting(null)} onMuted={onChanged} /> : null}
    </div>
  );
}

function MuteDialog({ sessionId, person, onClose, onMuted }: { sessionId: string; person: Person; onClose: () => void; onMuted: () => void }) {
  const { t } = useTranslation(['session', 'common']);
  const announcer = useAnnouncer();
  const [, mute] = useMutation(MuteMemberMutation);
  const submit = async (reason: string) => {
    const result = await mute({ sessionId, userId: person.id, reason });
    const outcome = mutationOutcome(result.error, result.data?.muteMember);
    if (outcome.ok) {
      onMuted();
      announcer.toast(t('console.mutedToast', { name: person.displayName }), { tone: 'success' });
    }
    return outcome;
  };
  return (
    <ReasonDialog
      open
      onClose={onClose}
      title={t('console.muteTitle', { name: person.displayName })}
      label={t('console.muteReason')}
      hint={t('console.reasonHint', { max: 200 })}
      maxLength={200}
      confirmLabel={t('console.muteConfirm')}
      failedTitle={t('console.failed')}
      onSubmit={submit}
    />
  );
}

function EndSession({ session, onChanged }: { session: RoomSession; onChanged: () => void }) {
  const { t } = useTranslation(['session', 'common']);
  const announcer = useAnnouncer();
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [{ fetching }, end] = useMutation(EndSessionMutation);
  const voting = session.agenda.some((line) => line.phase === 'VOTING');
  const confirm = async () => {
    const result = await end({ sessionId: session.id });
    const outcome = mutationOutcome(result.error, result.data?.endSession);
    if (!outcome.ok) {
      setError(outcome.error);
      return;
    }
    setConfirming(false);
    onChanged();
    announcer.toast(t('room.ended'), { tone: 'success' });
  };
  return (
    <div className={styles.controls}>
      {voting ? <p className={styles.muted}>{t('console.endBlocked')}</p> : null}
      <Button variant="danger" block disabled={voting} onClick={() => setConfirming(true)}>
        {t('console.end')}
      </Button>
      <Dialog
        open={confirming}
        onClose={() => setConfirming(false)}
        title={t('console.endTitle')}
        footer={
          <>
            <Button variant="secondary" onClick={() => setConfirming(false)}>
              {t('actions.cancel', { ns: 'common' })}
            </Button>
            <Button variant="danger" loading={fetching} onClick={() => void confirm()}>
              {t('console.endConfirm')}
            </Button>
          </>
        }
      >
        {error ? <ErrorNotice error={error} title={t('console.failed')} /> : null}
        <p>{t('console.endBody')}</p>
      </Dialog>
    </div>
  );
}
