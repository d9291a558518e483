import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery } from 'urql';
import { mutationOutcome } from '../../shared/api/mutation-result.ts';
import { useDebounced } from '../../shared/hooks/useDebounced.ts';
import { fieldIssues } from '../../shared/errors/describe-error.ts';
import { statusLabel } from '../../shared/i18n/dynamic-key.ts';
import { Button } from '../../shared/ui/Button.tsx';
import { Dialog } from '../../shared/ui/Dialog.tsx';
import { ErrorNotice } from '../../shared/ui/ErrorNotice.tsx';
import { Select, TextArea, TextField } from '../../shared/ui/Field.tsx';
import { Loading } from '../../shared/ui/Loading.tsx';
import { useAnnouncer } from '../../shared/ui/Toast.tsx';
import {
  AcknowledgeConcernMutation,
  AssignOwnerMutation,
  DeclineConcernMutation,
  MergeConcernMutation,
  MergeTargetsQuery,
  OwnerCandidatesQuery,
} from './concern.documents.ts';
import type { ConcernDetail } from './ConcernPage.tsx';
import styles from './concern.module.css';

const MAX_ANSWER = 2000;
type Step = 'acknowledge' | 'decline' | 'merge' | 'assign' | null;

/** What a cadre can do with the concern now, each behind a dialog that asks to confirm. */
export function EchoPanel({ concern, slug, ownMembershipId }: { concern: ConcernDetail; slug: string; ownMembershipId: string | null }) {
  const { t } = useTranslation(['concern', 'common']);
  const [step, setStep] = useState<Step>(null);
  const waiting = concern.status === 'REPORTED';
  const undecided = waiting || concern.status === 'ACKNOWLEDGED';
  const settled = ['DECLINED', 'MERGED', 'CLOSED'].includes(concern.status);
  if (settled) return null;
  const close = () => setStep(null);
  return (
    <section className={[styles.section, styles.echo].join(' ')} aria-labelledby="echo-heading">
      <h2 id="echo-heading">{t('echo.heading')}</h2>
      <p className={styles.muted}>{t('echo.intro')}</p>
      <div className={styles.echoButtons}>
        {waiting ? (
          <Button variant="primary" onClick={() => setStep('acknowledge')}>
            {t('echo.acknowledge')}
          </Button>
        ) : null}
        {undecided ? (
          <Button variant="secondary" onClick={() => setStep('decline')}>
            {t('echo.decline')}
          </Button>
        ) : null}
        {undecided ? (
          <Button variant="secondary" onClick={() => setStep('merge')}>
            {t('echo.merge')}
          </Button>
        ) : null}
        <Button variant="secondary" onClick={() => setStep('assign')}>
          {t('echo.assign')}
        </Button>
      </div>
      <TextDialog
        open={step === 'acknowledge'}
        onClose={close}
        concern={concern}
        kind="acknowledge"
      />
      <TextDialog open={step === 'decline'} onClose={close} concern={concern} kind="decline" />
      <MergeDialog open={step === 'merge'} onClose={close} concern={concern} />
      <AssignDialog open={step === 'assign'} onClose={close} concern={concern} slug={slug} ownMembershipId={ownMembershipId} />
    </section>
  );
}

/** Acknowledge with an answer, or decline with a reason: one text, published on confirm. */
function TextDialog({ open, onClose, concern, kind }: { open: boolean; onClose: () => void; concern: ConcernDetail; kind: 'acknowledge' | 'decline' }) {
  const { t, i18n } = useTranslation(['concern', 'common']);
  const announcer = useAnnouncer();
  const [text, setText] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [{ fetching: acknowledging }, acknowledge] = useMutation(AcknowledgeConcernMutation);
  const [{ fetching: declining }, decline] = useMutation(DeclineConcernMutation);
  const busy = acknowledging || declining;
  const acknowledgeKind = kind === 'acknowledge';

  const submit = async (event?: FormEvent) => {
    event?.preventDefault();
    if (busy) return;
    if (!text.trim()) {
      setError({ __typename: 'ValidationError', issues: [{ path: [acknowledgeKind ? 'answer' : 'reason'], message: 'Required', code: 'REQUIRED' }] });
      return;
    }
    const outcome = acknowledgeKind
      ? await acknowledge({ concernId: concern.id, answer: text.trim() }).then((result) => mutationOutcome(result.error, result.data?.acknowledgeConcern))
      : await decline({ concernId: concern.id, reason: text.trim() }).then((result) => mutationOutcome(result.error, result.data?.declineConcern));
    if (!outcome.ok) {
      setError(outcome.error);
      return;
    }
    setText('');
    setError(null);
    onClose();
    announcer.toast(acknowledgeKind ? t('echo.acknowledged') : t('echo.declined'), { tone: 'success' });
  };

  const issues = fieldIssues(error, i18n);
  const field = acknowledgeKind ? 'answer' : 'reason';
  const formId = `echo-${kind}`;
  return (
    <Dialog
      open={open}
      onClose={onClose}
      title={acknowledgeKind ? t('echo.acknowledgeTitle') : t('echo.declineTitle')}
      footer={
        <>
          <Button variant="secondary" onClick={onClose}>
            {t('actions.cancel', { ns: 'common' })}
          </Button>
          <Button type="submit" form={formId} variant={acknowledgeKind ? 'primary' : 'danger'} loading={busy}>
            {acknowledgeKind ? t('echo.acknowledgeConfirm') : t('echo.declineConfirm')}
          </Button>
        </>
      }
    >
      <form id={formId} onSubmit={(event) => void submit(event)} noValidate>
        {error ? <ErrorNotice error={error} title={t('echo.failed')} /> : null}
        <p className={styles.dialogTitleLine}>{concern.title}</p>
        <TextArea
          label={acknowledgeKind ? t('echo.answerLabel') : t('echo.reasonLabel')}
          hint={t(acknowledgeKind ? 'echo.answerHint' : 'echo.reasonHint', { max: MAX_ANSWER })}
          required
          rows={5}
          maxLength={MAX_ANSWER}
          value={text}
          onChange={(event) => setText(event.target.value)}
          error={issues[field]}
        />
        <p className={styles.muted}>{t('echo.confirmNote')}</p>
      </form>
    </Dialog>
  );
}

function MergeDialog({ open, onClose, concern }: { open: boolean; onClose: () => void; concern: ConcernDetail }) {
  const { t, i18n } = useTranslation(['concern', 'common']);
  const announcer = useAnnouncer();
  const [search, setSearch] = useState('');
  const debounced = useDebounced(search.trim(), 300);
  const [target, setTarget] = useState<{ id: string; title: string } | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [{ data, fetching }] = useQuery({
    query: MergeTargetsQuery,
    variables: { communityId: concern.community.id, search: debounced },
    pause: !open || debounced.length < 1,
  });
  const [{ fetching: merging }, merge] = useMutation(MergeConcernMutation);
  const results = (data?.concerns.edges ?? []).map((edge) => edge.node).filter((node) => node.id !== concern.id);

  const confirm = async () => {
    if (!target || merging) return;
    const result = await merge({ concernId: concern.id, intoConcernId: target.id });
    const outcome = mutationOutcome(result.error, result.data?.mergeConcern);
    if (!outcome.ok) {
      setError(outcome.error);
      return;
    }
    setTarget(null);
    setSearch('');
    onClose();
    announcer.toast(t('echo.merged'), { tone: 'success' });
  };

  return (
    <Dialog
      open={open}
      onClose={onClose}
      title={t('echo.mergeTitle')}
      footer={
        <>
          <Button variant="secondary" onClick={target ? () => setTarget(null) : onClose}>
            {target ? t('actions.back', { ns: 'common' }) : t('actions.cancel', { ns: 'common' })}
          </Button>
          {target ? (
            <Button variant="danger" loading={merging} onClick={() => void confirm()}>
              {t('echo.mergeConfirm')}
            </Button>
          ) : null}
        </>
      }
    >
      <p>{t('echo.mergeIntro')}</p>
      {error ? <ErrorNotice error={error} title={t('echo.failed')} /> : null}
      {target ? (
        <p className={styles.chosen}>{t('echo.mergeChosen', { title: target.title })}</p>
      ) : (
        <>
          <TextField
            label={t('echo.searchLabel')}
            hint={t('echo.searchHint')}
            type="search"
            value={search}
            onChange={(event) => setSearch(event.target.value)}
            error={fieldIssues(error, i18n).intoConcernId}
          />
          <div aria-live="polite">
            {fetching ? <Loading /> : null}
            {!fetching && debounced && results.length === 0 ? <p className={styles.muted}>{t('echo.searchNone')}</p> : null}
          </div>
          {results.length ? (
            <ul className={styles.targets}>
              {results.map((node) => (
                <li key={node.id}>
                  <button type="button" className={styles.target} onClick={() => setTarget(node)}>
                    <span className={styles.targetTitle}>{node.title}</span>
                    <span className={styles.muted}>
                      {statusLabel(i18n, 'Concern', node.status)} · {t('second.count', { ns: 'common', count: node.secondCount, number: node.secondCount })}
                    </span>
                    <span className="visually-hidden">{t('echo.choose', { title: node.title })}</span>
                  </button>
                </li>
              ))}
            </ul>
          ) : null}
        </>
      )}
    </Dialog>
  );
}

function AssignDialog({
  open,
  onClose,
  concern,
  slug,
  ownMembershipId,
}: {
  open: boolean;
  onClose: () => void;
  concern: ConcernDetail;
  slug: string;
  ownMembershipId: string | null;
}) {
  const { t, i18n } = useTranslation(['concern', 'common']);
  const announcer = useAnnouncer();
  const isAdmin = concern.community.myRole === 'ADMIN';
  const [choice, setChoice] = useState('');
  const [error, setError] = useState<unknown>(null);
  // Only admins may list members (Community.members); a cadre can take it on themselves.
  const [{ data }] = useQuery({ query: OwnerCandidatesQuery, variables: { slug }, pause: !open || !isAdmin });
  const [{ fetching }, assign] = useMutation(AssignOwnerMutation);
  const candidates = [...(data?.community?.admins.edges ?? []), ...(data?.community?.cadres.edges ?? [])].map((edge) => edge.node);

  const save = async (ownerMembershipId: string | null) => {
    const result = await assign({ concernId: concern.id, ownerMembershipId });
    const outcome = mutationOutcome(result.error, result.data?.assignConcernOwner);
    if (!outcome.ok) {
      setError(outcome.error);
      return;
    }
    setError(null);
    onClose();
    announcer.toast(t('echo.assigned'), { tone: 'success' });
  };

  return (
    <Dialog open={open} onClose={onClose} title={t('echo.assignTitle')} footer={<Button variant="secondary" onClick={onClose}>{t('actions.cancel', { ns: 'common' })}</Button>}>
      {error ? <ErrorNotice error={error} title={t('echo.failed')} /> : null}
      <p>{concern.owner ? t('echo.ownerNow', { name: concern.owner.displayName }) : t('noOwner')}</p>
      <div className={styles.echoButtons}>
        {ownMembershipId ? (
          <Button variant="primary" loading={fetching} onClick={() => void save(ownMembershipId)}>
            {t('echo.assignToMe')}
          </Button>
        ) : null}
        {concern.owner ? (
          <Button variant="secondary" loading={fetching} onClick={() => void save(null)}>
            {t('echo.assignClear')}
          </Button>
        ) : null}
      </div>
      {isAdmin && candidates.length ? (
        <form
          className={styles.assignForm}
          onSubmit={(event) => {
            event.preventDefault();
            if (choice) void save(choice);
          }}
        >
          <Select
            label={t('echo.assignLabel')}
            value={choice}
            placeholder={t('echo.assignPlaceholder')}
            options={candidates.map((membership) => ({ value: membership.id, label: membership.user.displayName }))}
            onChange={(event) => setChoice(event.target.value)}
            error={fieldIssues(error, i18n).ownerMembershipId}
          />
          <Button type="submit" loading={fetching}>
            {t('echo.assignConfirm')}
          </Button>
        </form>
      ) : null}
    </Dialog>
  );
}
