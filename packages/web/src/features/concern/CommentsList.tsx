import { useId, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router';
import { useMutation } from 'urql';
import type { ResultOf } from '../../shared/api/graphql.ts';
import { mutationOutcome } from '../../shared/api/mutation-result.ts';
import { useFieldErrors } from '../../shared/errors/useFieldErrors.ts';
import { useFormat } from '../../shared/format/useFormat.ts';
import { paths } from '../../shared/routing/paths.ts';
import { Button, ButtonLink } from '../../shared/ui/Button.tsx';
import { ErrorNotice } from '../../shared/ui/ErrorNotice.tsx';
import { TextArea } from '../../shared/ui/Field.tsx';
import { useAnnouncer } from '../../shared/ui/Toast.tsx';
import { NeutralFaceIcon, QuestionIcon, ThumbDownIcon, ThumbUpIcon } from '../../shared/ui/mood-icons.tsx';
import styles from './deliberation.module.css';
import { AddCommentMutation, type CommentFields } from './deliberation.documents.ts';

export type Comment = ResultOf<typeof CommentFields>;
export const STANCES = ['FOR', 'AGAINST', 'NEUTRAL', 'QUESTION'] as const;
export type Stance = (typeof STANCES)[number];

const MAX_COMMENT = 1000;

/** A shape for each stance, so the chips differ without colour too. */
const STANCE_ICONS: Record<Stance, (props: { className?: string }) => ReactNode> = {
  FOR: ThumbUpIcon,
  AGAINST: ThumbDownIcon,
  NEUTRAL: NeutralFaceIcon,
  QUESTION: QuestionIcon,
};

export function StanceIcon({ stance }: { stance: string }) {
  const Icon = STANCE_ICONS[stance as Stance];
  return Icon ? <Icon /> : null;
}

export interface CommentsListProps {
  comments: readonly Comment[];
  /** Where a new comment goes. */
  target: { concernId: string } | { proposalId: string };
  /** Whether the viewer may add one here now (a member, and the thread is open). */
  canComment: boolean;
  signedIn: boolean;
  /** Names the list for screen readers, e.g. "对这个方案的留言". */
  label: string;
}

/** Comments with their stance: counts per stance (which also filter), the list, and a form to add one. */
export function CommentsList({ comments, target, canComment, signedIn, label }: CommentsListProps) {
  const { t } = useTranslation(['concern', 'common']);
  const format = useFormat();
  const filterName = useId();
  const [filter, setFilter] = useState<Stance | 'ALL'>('ALL');
  const counts = Object.fromEntries(STANCES.map((stance) => [stance, comments.filter((comment) => comment.stance === stance).length])) as Record<Stance, number>;
  const shown = filter === 'ALL' ? comments : comments.filter((comment) => comment.stance === filter);

  return (
    <div className={styles.comments}>
      {comments.length ? (
        <fieldset className={styles.stanceFilter}>
          <legend className="visually-hidden">{t('comments.filterLabel')}</legend>
          {(['ALL', ...STANCES] as const).map((stance) => {
            const id = `${filterName}-${stance}`;
            return (
              <span key={stance} className={styles.stanceChip}>
                <input type="radio" id={id} name={filterName} checked={filter === stance} onChange={() => setFilter(stance)} />
                <label htmlFor={id}>
                  {stance === 'ALL' ? null : <StanceIcon stance={stance} />}
                  {stance === 'ALL' ? t('comments.all') : t(`comments.stance.${stance}`)}
                  <span className={styles.chipCount}>{format.number(stance === 'ALL' ? comments.length : counts[stance])}</span>
                </label>
              </span>
            );
          })}
        </fieldset>
      ) : null}
      {shown.length ? (
        <ul className={styles.commentList} aria-label={label}>
          {shown.map((comment) => (
            <li key={comment.id} className={[styles.comment, comment.hidden ? styles.commentHidden : undefined].filter(Boolean).join(' ')}>
              <p className={styles.commentHead}>
                <span className={[styles.stance, styles[`stance${comment.stance}`]].join(' ')}>
                  <StanceIcon stance={comment.stance} />
                  {t(`comments.stance.${comment.stance as Stance}`)}
                </span>
                <span className={styles.muted}>{t('comments.by', { name: comment.author.displayName, date: format.dateTime(comment.createdAt) })}</span>
              </p>
              {comment.hidden ? <p className={styles.hiddenNote}>{t('comments.hidden', { reason: comment.hiddenReason ?? '' })}</p> : null}
              {comment.body ? <p className={styles.commentBody}>{comment.body}</p> : null}
            </li>
          ))}
        </ul>
      ) : (
        <p className={styles.muted}>{comments.length ? t('comments.noneWithStance') : t('comments.none')}</p>
      )}
      {canComment ? <CommentForm target={target} /> : !signedIn ? <SignInToComment /> : null}
    </div>
  );
}

function SignInToComment() {
  const { t } = useTranslation(['concern', 'common']);
  const location = useLocation();
  return (
    <ButtonLink to={paths.signIn(location.pathname)} variant="secondary">
      {t('comments.signIn')}
    </ButtonLink>
  );
}

function CommentForm({ target }: { target: CommentsListProps['target'] }) {
  const { t } = useTranslation(['concern', 'common']);
  const announcer = useAnnouncer();
  const name = useId();
  const [stance, setStance] = useState<Stance | null>(null);
  const [body, setBody] = useState('');
  const { error, setError, issues, edited } = useFieldErrors();
  const [{ fetching }, addComment] = useMutation(AddCommentMutation);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (fetching) return;
    const missing = [
      ...(stance ? [] : [{ path: ['input', 'stance'], message: 'Required', code: 'REQUIRED' }]),
      ...(body.trim() ? [] : [{ path: ['input', 'body'], message: 'Required', code: 'REQUIRED' }]),
    ];
    if (missing.length || !stance) {
      setError({ __typename: 'ValidationError', issues: missing });
      return;
    }
    const result = await addComment({ input: { ...target, stance, body: body.trim() } });
    const outcome = mutationOutcome(result.error, result.data?.addComment);
    if (!outcome.ok) {
      setError(outcome.error);
      return;
    }
    setError(null);
    setBody('');
    setStance(null);
    announcer.toast(t('comments.added'), { tone: 'success' });
  };

  return (
    <form className={styles.commentForm} onSubmit={(event) => void submit(event)} noValidate>
      {error ? <ErrorNotice error={error} title={t('comments.failed')} /> : null}
      <fieldset className={styles.stancePicker}>
        <legend className={styles.legend}>{t('comments.stanceLegend')}</legend>
        {issues.stance ? <p className={styles.fieldError}>{issues.stance}</p> : null}
        {STANCES.map((option) => {
          const id = `${name}-${option}`;
          return (
            <span key={option} className={styles.stanceChip}>
              <input
                type="radio"
                id={id}
                name={name}
                value={option}
                checked={stance === option}
                onChange={() => {
                  setStance(option);
                  edited('stance');
                }}
              />
              <label htmlFor={id}>
                <StanceIcon stance={option} />
                {t(`comments.stance.${option}`)}
              </label>
            </span>
          );
        })}
      </fieldset>
      <TextArea
        label={t('comments.bodyLabel')}
        hint={t('comments.bodyHint', { max: MAX_COMMENT })}
        rows={3}
        maxLength={MAX_COMMENT}
        value={body}
        onChange={(event) => {
          setBody(event.target.value);
          edited('body');
        }}
        error={issues.body}
      />
      <Button type="submit" loading={fetching}>
        {t('comments.submit')}
      </Button>
    </form>
  );
}
