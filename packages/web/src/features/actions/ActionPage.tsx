import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useMutation, useQuery } from 'urql';
import type { ResultOf } from '../../shared/api/graphql.ts';
import { mutationOutcome, type MutationOutcome } from '../../shared/api/mutation-result.ts';
import { sendMultipart } from '../../shared/api/upload.ts';
import { ActionSummary, MilestoneList, ProgressUpdateList, type MilestoneData } from '../../shared/actions/ActionParts.tsx';
import { describeError } from '../../shared/errors/describe-error.ts';
import { useFieldErrors } from '../../shared/errors/useFieldErrors.ts';
import { useRequiredParams } from '../../shared/hooks/useRequiredParams.ts';
import { paths } from '../../shared/routing/paths.ts';
import { Button } from '../../shared/ui/Button.tsx';
import { Dialog } from '../../shared/ui/Dialog.tsx';
import { EmptyState } from '../../shared/ui/EmptyState.tsx';
import { ErrorNotice } from '../../shared/ui/ErrorNotice.tsx';
import { TextArea, TextField } from '../../shared/ui/Field.tsx';
import { Skeleton } from '../../shared/ui/Loading.tsx';
import { PageHeader } from '../../shared/ui/PageHeader.tsx';
import { PhotoPicker } from '../../shared/ui/PhotoPicker.tsx';
import { ReasonDialog } from '../../shared/ui/ReasonDialog.tsx';
import { ProgressBar } from '../../shared/ui/ProgressBar.tsx';
import { useAnnouncer } from '../../shared/ui/Toast.tsx';
import {
  ActionPageQuery,
  AddMilestoneMutation,
  BlockActionMutation,
  CompleteActionMutation,
  CompleteMilestoneMutation,
  PostProgressUpdateMutation,
  ReopenMilestoneMutation,
  StartActionMutation,
  UnblockActionMutation,
} from './actions.documents.ts';
import styles from './actions.module.css';

/** The server's limits (actions.schema.ts), said in the hints and enforced by maxLength. */
const MAX_MILESTONE_TITLE = 80;
const MAX_WEIGHT = 100;
const MAX_REASON = 500;
const MAX_UPDATE = 2000;
const MAX_UPDATE_PHOTOS = 9;

type ActionData = NonNullable<ResultOf<typeof ActionPageQuery>['action']>;

/** `/c/:slug/actions/:actionId`: one action, its steps and news; its owner and cadres run it from here. */
export function ActionPage() {
  const { t } = useTranslation(['actions', 'common']);
  const { slug, actionId } = useRequiredParams('slug', 'actionId');
  const [{ data, error, fetching }, refetch] = useQuery({ query: ActionPageQuery, variables: { id: actionId } });
  const back = { to: paths.actions(slug), label: t('back') };
  if (!data) {
    return (
      <>
        <PageHeader title={t('title')} back={back} />
        {error ? <ErrorNotice error={error} onRetry={() => refetch({ requestPolicy: 'network-only' })} /> : fetching ? <Skeleton lines={8} /> : null}
      </>
    );
  }
  if (!data.action) {
    return (
      <>
        <PageHeader title={t('notFound')} back={back} />
        <EmptyState title={t('notFound')} body={t('notFoundBody')} />
      </>
    );
  }
  const action = data.action;
  return (
    <>
      <PageHeader title={action.title} back={back} />
      <ActionSummary action={action} headingLevel={null} />
      <p>
        {t('serves')} <Link to={paths.concern(slug, action.concern.id)}>{action.concern.title}</Link>
      </p>
      {action.canRun ? <RunPanel action={action} /> : null}
      <MilestoneList
        milestones={action.milestones}
        headingLevel={2}
        control={action.canRun && action.status === 'IN_PROGRESS' ? (milestone) => <MilestoneToggle milestone={milestone} /> : undefined}
      />
      {action.canRun && action.status !== 'DONE' ? <AddMilestoneForm actionId={action.id} /> : null}
      {action.canRun ? <ProgressUpdateForm actionId={action.id} onPosted={() => refetch({ requestPolicy: 'network-only' })} /> : null}
      <ProgressUpdateList updates={action.updates.edges.map((edge) => edge.node)} headingLevel={2} />
    </>
  );
}

/** Start, pause with a reason, carry on, finish: whichever the action's status allows. */
function RunPanel({ action }: { action: ActionData }) {
  const { t } = useTranslation(['actions', 'common']);
  const announcer = useAnnouncer();
  const [error, setError] = useState<unknown>(null);
  const [blocking, setBlocking] = useState(false);
  const [completing, setCompleting] = useState(false);
  const [{ fetching: starting }, start] = useMutation(StartActionMutation);
  const [{ fetching: unblocking }, unblock] = useMutation(UnblockActionMutation);
  const allDone = action.milestones.every((milestone) => milestone.done);

  const after = (outcome: MutationOutcome<unknown>, done: string) => {
    if (!outcome.ok) return setError(outcome.error);
    setError(null);
    announcer.toast(done, { tone: 'success' });
  };
  const onStart = async () => {
    const result = await start({ actionId: action.id });
    after(mutationOutcome(result.error, result.data?.startAction), t('run.started'));
  };
  const onUnblock = async () => {
    const result = await unblock({ actionId: action.id });
    after(mutationOutcome(result.error, result.data?.unblockAction), t('run.unblocked'));
  };

  if (action.status === 'DONE') return null;
  return (
    <section className={styles.section} aria-labelledby="run-heading">
      <h2 id="run-heading">{t('run.heading')}</h2>
      {error ? <ErrorNotice error={error} title={t('run.failed')} /> : null}
      <div className={styles.buttons}>
        {action.status === 'PLANNED' ? (
          <Button loading={starting} onClick={() => void onStart()}>
            {t('run.start')}
          </Button>
        ) : null}
        {action.status === 'BLOCKED' ? (
          <Button loading={unblocking} onClick={() => void onUnblock()}>
            {t('run.unblock')}
          </Button>
        ) : null}
        {action.status === 'IN_PROGRESS' ? (
          <>
            <Button onClick={() => setCompleting(true)}>{t('run.complete')}</Button>
            <Button variant="secondary" onClick={() => setBlocking(true)}>
              {t('run.block')}
            </Button>
          </>
        ) : null}
      </div>
      {action.status === 'IN_PROGRESS' && !allDone ? <p className={styles.muted}>{t('run.milestonesFirst')}</p> : null}
      {action.status === 'PLANNED' && action.milestones.length ? <p className={styles.muted}>{t('run.startFirst')}</p> : null}
      <BlockDialog open={blocking} onClose={() => setBlocking(false)} actionId={action.id} />
      <CompleteDialog open={completing} onClose={() => setCompleting(false)} actionId={action.id} />
    </section>
  );
}

function BlockDialog({ open, onClose, actionId }: { open: boolean; onClose: () => void; actionId: string }) {
  const { t } = useTranslation(['actions', 'common']);
  const announcer = useAnnouncer();
  const [, block] = useMutation(BlockActionMutation);
  return (
    <ReasonDialog
      open={open}
      onClose={onClose}
      title={t('run.blockTitle')}
      label={t('run.blockReason')}
      hint={t('run.blockHint', { max: MAX_REASON })}
      maxLength={MAX_REASON}
      confirmLabel={t('run.blockConfirm')}
      failedTitle={t('run.failed')}
      onSubmit={async (reason) => {
        const result = await block({ actionId, reason });
        const outcome = mutationOutcome(result.error, result.data?.blockAction);
        if (outcome.ok) announcer.toast(t('run.blocked'), { tone: 'success' });
        return outcome;
      }}
    />
  );
}

function CompleteDialog({ open, onClose, actionId }: { open: boolean; onClose: () => void; actionId: string }) {
  const { t } = useTranslation(['actions', 'common']);
  const announcer = useAnnouncer();
  const [error, setError] = useState<unknown>(null);
  const [{ fetching }, complete] = useMutation(CompleteActionMutation);
  const confirm = async () => {
    if (fetching) return;
    const result = await complete({ actionId });
    const outcome = mutationOutcome(result.error, result.data?.completeAction);
    if (!outcome.ok) return setError(outcome.error);
    setError(null);
    onClose();
    announcer.toast(t('run.completed'), { tone: 'success' });
  };
  return (
    <Dialog
      open={open}
      onClose={onClose}
      title={t('run.completeTitle')}
      footer={
        <>
          <Button variant="secondary" onClick={onClose}>
            {t('actions.cancel', { ns: 'common' })}
          </Button>
          <Button loading={fetching} onClick={() => void confirm()}>
            {t('run.completeConfirm')}
          </Button>
        </>
      }
    >
      {error ? <ErrorNotice error={error} title={t('run.failed')} /> : null}
      <p>{t('run.completeBody')}</p>
    </Dialog>
  );
}

/** "完成" or "撤销" beside a step; the answer carries the new progress, so the bar moves at once. */
function MilestoneToggle({ milestone }: { milestone: MilestoneData }) {
  const { t, i18n } = useTranslation(['actions', 'common']);
  const announcer = useAnnouncer();
  const [{ fetching: completing }, complete] = useMutation(CompleteMilestoneMutation);
  const [{ fetching: reopening }, reopen] = useMutation(ReopenMilestoneMutation);
  const toggle = async () => {
    const result = milestone.done ? await reopen({ milestoneId: milestone.id }) : await complete({ milestoneId: milestone.id });
    const payload = result.data && ('reopenMilestone' in result.data ? result.data.reopenMilestone : result.data.completeMilestone);
    const outcome = mutationOutcome(result.error, payload);
    if (!outcome.ok) {
      announcer.toast(t('failedBecause', { ns: 'common', what: t('run.failed'), reason: describeError(outcome.error, i18n) }), { tone: 'error' });
      return;
    }
    announcer.toast(t(milestone.done ? 'milestone.reopened' : 'milestone.completed', { title: milestone.title }), { tone: 'success' });
  };
  return (
    <Button
      variant={milestone.done ? 'quiet' : 'secondary'}
      loading={completing || reopening}
      aria-label={t(milestone.done ? 'milestone.reopen' : 'milestone.complete', { title: milestone.title })}
      onClick={() => void toggle()}
    >
      {milestone.done ? t('milestone.reopenShort') : t('milestone.completeShort')}
    </Button>
  );
}

function AddMilestoneForm({ actionId }: { actionId: string }) {
  const { t } = useTranslation(['actions', 'common']);
  const announcer = useAnnouncer();
  const [title, setTitle] = useState('');
  const [weight, setWeight] = useState('1');
  const { error, setError, issues, edited } = useFieldErrors();
  const [{ fetching }, add] = useMutation(AddMilestoneMutation);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (fetching) return;
    const result = await add({ actionId, input: { title: title.trim(), weight: Number(weight) || 0 } });
    const outcome = mutationOutcome(result.error, result.data?.addMilestone);
    if (!outcome.ok) return setError(outcome.error);
    setError(null);
    setTitle('');
    setWeight('1');
    announcer.toast(t('milestone.added'), { tone: 'success' });
  };
  return (
    <form className={styles.form} onSubmit={(event) => void submit(event)} noValidate aria-labelledby="add-milestone-heading">
      <h3 id="add-milestone-heading">{t('milestone.addHeading')}</h3>
      {error ? <ErrorNotice error={error} title={t('run.failed')} /> : null}
      <TextField
        label={t('milestone.titleLabel')}
        hint={t('milestone.titleHint', { max: MAX_MILESTONE_TITLE })}
        required
        maxLength={MAX_MILESTONE_TITLE}
        value={title}
        onChange={(event) => {
          setTitle(event.target.value);
          edited('title');
        }}
        error={issues.title}
      />
      <TextField
        className={styles.weight}
        label={t('milestone.weightLabel')}
        hint={t('milestone.weightHint', { max: MAX_WEIGHT })}
        type="number"
        inputMode="numeric"
        min={1}
        max={MAX_WEIGHT}
        value={weight}
        onChange={(event) => {
          setWeight(event.target.value);
          edited('weight');
        }}
        error={issues.weight}
      />
      <Button type="submit" variant="secondary" loading={fetching}>
        {t('milestone.add')}
      </Button>
    </form>
  );
}

function ProgressUpdateForm({ actionId, onPosted }: { actionId: string; onPosted: () => void }) {
  const { t } = useTranslation(['actions', 'common']);
  const announcer = useAnnouncer();
  const [body, setBody] = useState('');
  const [photos, setPhotos] = useState<File[]>([]);
  const [sending, setSending] = useState(false);
  const [progress, setProgress] = useState<number | null>(null);
  const { error, setError, issues, edited } = useFieldErrors();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (sending) return;
    setSending(true);
    setProgress(photos.length ? 0 : null);
    const result = await sendMultipart(
      PostProgressUpdateMutation,
      { actionId, input: { body: body.trim(), photos: photos.length ? photos : null } },
      { onProgress: photos.length ? setProgress : undefined },
    );
    setSending(false);
    setProgress(null);
    const outcome = mutationOutcome(result.error, result.data?.postProgressUpdate);
    if (!outcome.ok) return setError(outcome.error);
    setError(null);
    setBody('');
    setPhotos([]);
    announcer.toast(t('update.posted'), { tone: 'success' });
    onPosted();
  };
  return (
    <section className={styles.section} aria-labelledby="post-update-heading">
      <h2 id="post-update-heading">{t('update.heading')}</h2>
      <form onSubmit={(event) => void submit(event)} noValidate>
        {error ? <ErrorNotice error={error} title={t('run.failed')} /> : null}
        <TextArea
          label={t('update.bodyLabel')}
          hint={t('update.bodyHint', { max: MAX_UPDATE })}
          required
          rows={4}
          maxLength={MAX_UPDATE}
          value={body}
          onChange={(event) => {
            setBody(event.target.value);
            edited('body');
          }}
          error={issues.body}
        />
        <PhotoPicker max={MAX_UPDATE_PHOTOS} photos={photos} onChange={(next) => {
            setPhotos(next);
            edited('photos');
          }} error={issues.photos} />
        {progress !== null ? <ProgressBar label={t('update.uploading')} value={progress} max={1} /> : null}
        <Button type="submit" loading={sending}>
          {t('update.post')}
        </Button>
      </form>
    </section>
  );
}
