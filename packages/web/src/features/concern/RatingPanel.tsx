import { useId, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { mutationOutcome } from '../../shared/api/mutation-result.ts';
import { useFieldErrors } from '../../shared/errors/useFieldErrors.ts';
import { useFormat } from '../../shared/format/useFormat.ts';
import { Button } from '../../shared/ui/Button.tsx';
import { ErrorNotice } from '../../shared/ui/ErrorNotice.tsx';
import { TextArea } from '../../shared/ui/Field.tsx';
import { HappyFaceIcon, SadFaceIcon, SmileFaceIcon } from '../../shared/ui/mood-icons.tsx';
import { useAnnouncer } from '../../shared/ui/Toast.tsx';
import type { Action } from './ActionProgress.tsx';
import { RateActionMutation } from './actions.documents.ts';
import styles from './actions.module.css';

const VALUES = ['SATISFIED', 'BASICALLY_SATISFIED', 'DISSATISFIED'] as const;
type Satisfaction = (typeof VALUES)[number];
const FACES: Record<Satisfaction, (props: { className?: string }) => ReactNode> = {
  SATISFIED: HappyFaceIcon,
  BASICALLY_SATISFIED: SmileFaceIcon,
  DISSATISFIED: SadFaceIcon,
};
const MAX_COMMENT = 500;

/**
 * "评价办理效果": three big choices with faces while the window is open and the viewer may rate (they
 * reported, seconded or voted); changeable until it closes. Everyone sees how people rated it, as
 * counts and a bar.
 */
export function RatingPanel({ action }: { action: Action; concernStatus: string }) {
  const { t } = useTranslation(['concern', 'common']);
  const format = useFormat();
  const ratingWindow = action.ratingWindow;
  if (!ratingWindow) return null;
  return (
    <section className={styles.rating} aria-labelledby={`rating-${action.id}`}>
      <h4 id={`rating-${action.id}`} className={styles.ratingHeading}>
        {t('rating.heading')}
      </h4>
      {ratingWindow.isOpen ? (
        <p className={styles.strong}>{t('rating.closesAt', { date: format.dateTime(ratingWindow.closesAt), relative: format.relative(ratingWindow.closesAt) })}</p>
      ) : (
        <p className={styles.strong}>{ratingWindow.outcome ? t(`rating.outcome.${ratingWindow.outcome}`) : t('rating.closed')}</p>
      )}
      {ratingWindow.isOpen && action.canRate ? <RatingForm action={action} /> : null}
      <SatisfactionSummary summary={action.ratingSummary} />
      <p className={styles.muted}>{t('rating.reopenRule', { percent: ratingWindow.dissatisfactionPercent })}</p>
    </section>
  );
}

function RatingForm({ action }: { action: Action }) {
  const { t } = useTranslation(['concern', 'common']);
  const format = useFormat();
  const announcer = useAnnouncer();
  const name = useId();
  const mine = action.myRating;
  const [value, setValue] = useState<Satisfaction | null>((mine?.value as Satisfaction | undefined) ?? null);
  const [comment, setComment] = useState(mine?.comment ?? '');
  const { error, setError, issues, edited } = useFieldErrors();
  const [{ fetching }, rate] = useMutation(RateActionMutation);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (fetching) return;
    if (!value) {
      setError({ __typename: 'ValidationError', issues: [{ path: ['value'], message: 'Required', code: 'REQUIRED' }] });
      return;
    }
    const result = await rate({ actionId: action.id, value, comment: comment.trim() || null });
    const outcome = mutationOutcome(result.error, result.data?.rateAction);
    if (!outcome.ok) {
      setError(outcome.error);
      return;
    }
    setError(null);
    announcer.toast(t('rating.saved'), { tone: 'success' });
  };

  return (
    <form className={styles.ratingForm} onSubmit={(event) => void submit(event)} noValidate>
      {error ? <ErrorNotice error={error} title={t('rating.failed')} /> : null}
      {mine ? (
        <p className={styles.yours}>
          {t('rating.yours', { value: t(`rating.choices.${mine.value as Satisfaction}`) })}
          <span className={styles.muted}>{t('rating.yoursAt', { date: format.dateTime(mine.updatedAt) })}</span>
        </p>
      ) : null}
      <fieldset className={styles.faces}>
        <legend className={styles.legend}>{t('rating.choiceLegend')}</legend>
        {issues.value ? <p className={styles.fieldError}>{issues.value}</p> : null}
        {VALUES.map((option) => {
          const Face = FACES[option];
          const id = `${name}-${option}`;
          return (
            <div key={option} className={[styles.face, styles[`face${option}`]].join(' ')}>
              <input
                type="radio"
                id={id}
                name={name}
                value={option}
                checked={value === option}
                onChange={() => {
                  setValue(option);
                  edited('value');
                }}
              />
              <label htmlFor={id}>
                <Face className={styles.faceIcon} />
                <span>{t(`rating.choices.${option}`)}</span>
              </label>
            </div>
          );
        })}
      </fieldset>
      <TextArea
        label={t('rating.comment')}
        hint={t('rating.commentHint', { max: MAX_COMMENT })}
        rows={3}
        maxLength={MAX_COMMENT}
        value={comment}
        onChange={(event) => {
          setComment(event.target.value);
          edited('comment');
        }}
        error={issues.comment}
      />
      <Button type="submit" loading={fetching}>
        {mine ? t('rating.change') : t('rating.submit')}
      </Button>
    </form>
  );
}

/** The satisfaction bar: satisfied, basically satisfied and dissatisfied, with the counts written out. */
function SatisfactionSummary({ summary }: { summary: Action['ratingSummary'] }) {
  const { t } = useTranslation(['concern', 'common']);
  const format = useFormat();
  const counts: Record<Satisfaction, number> = {
    SATISFIED: summary.satisfied,
    BASICALLY_SATISFIED: summary.basicallySatisfied,
    DISSATISFIED: summary.dissatisfied,
  };
  return (
    <figure className={styles.summary}>
      <figcaption className={styles.summaryCaption}>
        <span>{t('rating.summary')}</span>
        {summary.total > 0 && summary.satisfactionPercent != null ? (
          <span className={styles.satisfaction}>{t('rating.satisfaction', { percent: format.percent(summary.satisfactionPercent / 100) })}</span>
        ) : null}
      </figcaption>
      {summary.total > 0 ? (
        <>
          <div className={styles.bar} aria-hidden="true">
            {VALUES.map((option) =>
              counts[option] > 0 ? (
                <div key={option} className={[styles.segment, styles[`segment${option}`]].join(' ')} style={{ width: `${(counts[option] / summary.total) * 100}%` }} />
              ) : null,
            )}
          </div>
          <ul className={styles.legendList}>
            {VALUES.map((option) => {
              const Face = FACES[option];
              return (
                <li key={option}>
                  <span className={[styles.swatch, styles[`segment${option}`]].join(' ')} aria-hidden="true" />
                  <Face />
                  {t('rating.count', { label: t(`rating.choices.${option}`), count: counts[option] })}
                </li>
              );
            })}
          </ul>
          <p className={styles.muted}>{t('rating.summaryCount', { count: summary.total })}</p>
        </>
      ) : (
        <p className={styles.muted}>{t('rating.noRatings')}</p>
      )}
    </figure>
  );
}
