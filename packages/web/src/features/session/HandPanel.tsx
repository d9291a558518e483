import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { mutationOutcome } from '../../shared/api/mutation-result.ts';
import { describeError } from '../../shared/errors/describe-error.ts';
import { Button } from '../../shared/ui/Button.tsx';
import { useAnnouncer } from '../../shared/ui/Toast.tsx';
import { myHand, type HandView } from './room.ts';
import { LowerHandMutation, RaiseHandMutation } from './session.documents.ts';
import styles from './session.module.css';

/** Asking to speak: raise or lower one's hand, see one's place, and "you have the floor". */
export function HandPanel({ sessionId, hands, viewerId, muted }: { sessionId: string; hands: readonly HandView[]; viewerId: string | null; muted: boolean }) {
  const { t, i18n } = useTranslation(['session', 'common']);
  const announcer = useAnnouncer();
  const [{ fetching: raising }, raise] = useMutation(RaiseHandMutation);
  const [{ fetching: lowering }, lower] = useMutation(LowerHandMutation);
  const hand = myHand(hands, viewerId);
  const fail = (error: unknown) => announcer.toast(t('failedBecause', { ns: 'common', what: t('hand.failed'), reason: describeError(error, i18n) }), { tone: 'error' });

  const onRaise = async () => {
    const result = await raise({ sessionId });
    const outcome = mutationOutcome(result.error, result.data?.raiseHand);
    if (outcome.ok) announcer.toast(t('hand.raisedToast'));
    else fail(outcome.error);
  };
  const onLower = async () => {
    const result = await lower({ sessionId });
    const outcome = mutationOutcome(result.error, result.data?.lowerHand);
    if (outcome.ok) announcer.announce(t('hand.lowered'));
    else fail(outcome.error);
  };

  return (
    <section className={styles.section} aria-labelledby="hand-heading">
      <h2 id="hand-heading">{t('hand.heading')}</h2>
      <div aria-live="polite">
        {muted ? <p className={styles.mutedNote}>{t('hand.muted')}</p> : null}
        {hand.state === 'floor' ? (
          <div className={styles.floor}>
            <p className={styles.floorTitle}>{t('hand.floor')}</p>
            <p>{t('hand.floorBody')}</p>
          </div>
        ) : null}
        {hand.state === 'waiting' ? <p className={styles.strong}>{t('hand.raised', { place: hand.place })}</p> : null}
      </div>
      {hand.state === 'waiting' ? (
        <Button variant="secondary" loading={lowering} onClick={() => void onLower()}>
          {t('hand.lower')}
        </Button>
      ) : hand.state === 'down' && !muted ? (
        <Button variant="primary" loading={raising} onClick={() => void onRaise()}>
          {t('hand.raise')}
        </Button>
      ) : null}
    </section>
  );
}
