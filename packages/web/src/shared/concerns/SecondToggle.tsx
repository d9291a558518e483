import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router';
import { useMutation } from 'urql';
import { mutationOutcome } from '../api/mutation-result.ts';
import { describeError } from '../errors/describe-error.ts';
import { useFormat } from '../format/useFormat.ts';
import { paths } from '../routing/paths.ts';
import { useViewer } from '../session/viewer.ts';
import { ButtonLink } from '../ui/Button.tsx';
import { useAnnouncer } from '../ui/Toast.tsx';
import { SecondConcernMutation, WithdrawSecondMutation } from './second.ts';
import styles from './SecondToggle.module.css';

export interface SecondToggleProps {
  concern: { id: string; title: string; secondCount: number; secondedByMe: boolean; canSecond: boolean };
  /** Bigger on the concern page. */
  size?: 'normal' | 'large';
}

/**
 * "附议 / Second": a toggle button (aria-pressed) with the count beside it. The change shows at once
 * (optimistic); an error brings the old state back and says why. Visitors get a link to sign in and
 * come back here.
 */
export function SecondToggle({ concern, size = 'normal' }: SecondToggleProps) {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const viewer = useViewer();
  const location = useLocation();
  const announcer = useAnnouncer();
  const [, second] = useMutation(SecondConcernMutation);
  const [, withdraw] = useMutation(WithdrawSecondMutation);
  const count = <span className={styles.count}>{t('second.count', { count: concern.secondCount, number: format.number(concern.secondCount) })}</span>;
  const className = [styles.second, size === 'large' ? styles.large : undefined].filter(Boolean).join(' ');

  if (viewer.status !== 'signedIn') {
    return (
      <div className={className}>
        <ButtonLink to={paths.signIn(location.pathname + location.search)} variant="secondary" className={styles.button}>
          <PlusIcon />
          {t('second.signInToSecond')}
        </ButtonLink>
        {count}
      </div>
    );
  }

  if (!concern.canSecond && !concern.secondedByMe) {
    return <div className={className}>{count}</div>;
  }

  const pressed = concern.secondedByMe;
  const toggle = async () => {
    const variables = { concernId: concern.id };
    if (pressed) {
      const result = await withdraw(variables);
      const outcome = mutationOutcome(result.error, result.data?.withdrawSecond);
      if (outcome.ok) announcer.announce(t('second.withdrawn'));
      else announcer.toast(t('failedBecause', { what: t('second.withdrawFailed'), reason: describeError(outcome.error, i18n) }), { tone: 'error' });
    } else {
      const result = await second(variables);
      const outcome = mutationOutcome(result.error, result.data?.secondConcern);
      if (outcome.ok) announcer.announce(t('second.seconded'));
      else announcer.toast(t('failedBecause', { what: t('second.failed'), reason: describeError(outcome.error, i18n) }), { tone: 'error' });
    }
  };

  return (
    <div className={className}>
      <button
        type="button"
        className={[styles.button, styles.toggle].join(' ')}
        aria-pressed={pressed}
        title={pressed ? t('second.hint') : undefined}
        onClick={() => void toggle()}
      >
        {pressed ? <CheckIcon /> : <PlusIcon />}
        {t('second.action')}
      </button>
      {count}
    </div>
  );
}

function PlusIcon() {
  return (
    <svg width="1.2em" height="1.2em" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth={2.5} strokeLinecap="round" aria-hidden="true" focusable="false">
      <path d="M12 5v14M5 12h14" />
    </svg>
  );
}

function CheckIcon() {
  return (
    <svg width="1.2em" height="1.2em" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth={2.5} strokeLinecap="round" strokeLinejoin="round" aria-hidden="true" focusable="false">
      <path d="M20 6 9 17l-5-5" />
    </svg>
  );
}
