import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery } from 'urql';
import type { ResultOf } from '../../shared/api/graphql.ts';
import { mutationOutcome } from '../../shared/api/mutation-result.ts';
import { useFieldErrors } from '../../shared/errors/useFieldErrors.ts';
import { useFormat } from '../../shared/format/useFormat.ts';
import { statusLabel } from '../../shared/i18n/dynamic-key.ts';
import { Badge, type Tone } from '../../shared/ui/Badge.tsx';
import { Button } from '../../shared/ui/Button.tsx';
import { Loading } from '../../shared/ui/Loading.tsx';
import { Dialog } from '../../shared/ui/Dialog.tsx';
import { ErrorNotice } from '../../shared/ui/ErrorNotice.tsx';
import { TextArea, TextField } from '../../shared/ui/Field.tsx';
import { useAnnouncer } from '../../shared/ui/Toast.tsx';
import { CommentsList } from './CommentsList.tsx';
import {
  CreateProposalMutation,
  EditProposalMutation,
  ProposalCommentsQuery,
  WithdrawProposalMutation,
  type ProposalFields,
} from './deliberation.documents.ts';
import styles from './deliberation.module.css';

export type Proposal = ResultOf<typeof ProposalFields>;

const MAX_TITLE = 120;
const MAX_BODY = 2000;

const PROPOSAL_TONES: Record<string, Tone> = {
  ACTIVE: 'info',
  ADOPTED: 'success',
  REJECTED: 'danger',
  WITHDRAWN: 'neutral',
  HIDDEN: 'neutral',
  MERGED: 'neutral',
};

/** Concern statuses in which members may still propose (never while it is put to the vote). */
const OPEN_FOR_PROPOSALS = ['REPORTED', 'ACKNOWLEDGED', 'REOPENED'];
/** Concern statuses in which comments still go on. */
const SETTLED = ['DECLINED', 'MERGED', 'CLOSED'];
/** Proposals that still take comments. */
const COMMENTABLE = ['ACTIVE', 'ADOPTED', 'REJECTED'];

export interface DeliberationContext {
  concernId: string;
  concernStatus: string;
  isMember: boolean;
  signedIn: boolean;
  viewerId: string | null;
}

export function ProposalsSection({ proposals, context }: { proposals: readonly Proposal[]; context: DeliberationContext }) {
  const { t } = useTranslation(['concern', 'common']);
  const [adding, setAdding] = useState(false);
  const canPropose = context.isMember && OPEN_FOR_PROPOSALS.includes(context.concernStatus);
  return (
    <section className={styles.section} aria-labelledby="proposals-heading">
      <div className={styles.sectionHead}>
        <h2 id="proposals-heading">{t('proposals.heading')}</h2>
        {canPropose ? (
          <Button variant="primary" onClick={() => setAdding(true)}>
            {t('proposals.add')}
          </Button>
        ) : null}
      </div>
      <p className={styles.muted}>{t('proposals.intro')}</p>
      {proposals.length ? (
        <ul className={styles.proposalList}>
          {proposals.map((proposal) => (
            <li key={proposal.id}>
              <ProposalCard proposal={proposal} context={context} />
            </li>
          ))}
        </ul>
      ) : (
        <p className={styles.empty}>{t('proposals.none')}</p>
      )}
      <ProposalDialog open={adding} onClose={() => setAdding(false)} concernId={context.concernId} />
    </section>
  );
}

function ProposalCard({ proposal, context }: { proposal: Proposal; context: DeliberationContext }) {
  const { t, i18n } = useTranslation(['concern', 'common']);
  const format = useFormat();
  const [showComments, setShowComments] = useState(false);
  const [editing, setEditing] = useState(false);
  const [withdrawing, setWithdrawing] = useState(false);
  const mine = context.viewerId !== null && proposal.author.id === context.viewerId;
  const changeable = mine && proposal.status === 'ACTIVE' && context.concernStatus !== 'VOTING';
  const commentsId = `comments-${proposal.id}`;
  const canComment = context.isMember && !SETTLED.includes(context.concernStatus) && COMMENTABLE.includes(proposal.status);

  return (
    <article className={[styles.proposal, proposal.status === 'ADOPTED' ? styles.proposalAdopted : undefined].filter(Boolean).join(' ')}>
      <div className={styles.badges}>
        <Badge tone={PROPOSAL_TONES[proposal.status] ?? 'neutral'}>{statusLabel(i18n, 'Proposal', proposal.status) ?? proposal.status}</Badge>
        {proposal.pinned ? <Badge tone="warning">{t('proposals.pinned')}</Badge> : null}
        {mine ? <Badge tone="success">{t('proposals.mine')}</Badge> : null}
      </div>
      {proposal.title ? <h3 className={styles.proposalTitle}>{proposal.title}</h3> : null}
      {proposal.hiddenReason ? <p className={styles.hiddenNote}>{t('proposals.hidden', { reason: proposal.hiddenReason })}</p> : null}
      {proposal.mergedInto ? <p className={styles.muted}>{t('proposals.mergedInto', { title: proposal.mergedInto.title ?? '' })}</p> : null}
      {proposal.body ? <p className={styles.proposalBody}>{proposal.body}</p> : null}
      <p className={styles.muted}>
        {t('proposals.by', { name: proposal.author.displayName })} · <time dateTime={proposal.createdAt}>{format.dateTime(proposal.createdAt)}</time>
      </p>
      {changeable ? (
        <div className={styles.actions}>
          <Button variant="secondary" onClick={() => setEditing(true)}>
            {t('proposals.edit')}
          </Button>
          <Button variant="quiet" onClick={() => setWithdrawing(true)}>
            {t('proposals.withdraw')}
          </Button>
        </div>
      ) : null}
      <Button variant="quiet" aria-expanded={showComments} aria-controls={commentsId} onClick={() => setShowComments((shown) => !shown)}>
        {showComments ? t('comments.hide') : t('comments.show', { count: proposal.comments.totalCount })}
      </Button>
      <div id={commentsId} hidden={!showComments}>
        {showComments ? <ProposalComments proposalId={proposal.id} canComment={canComment} signedIn={context.signedIn} /> : null}
      </div>
      {changeable ? (
        <>
          <ProposalDialog open={editing} onClose={() => setEditing(false)} proposal={proposal} concernId={context.concernId} />
          <WithdrawDialog open={withdrawing} onClose={() => setWithdrawing(false)} proposal={proposal} />
        </>
      ) : null}
    </article>
  );
}

function ProposalComments({ proposalId, canComment, signedIn }: { proposalId: string; canComment: boolean; signedIn: boolean }) {
  const { t } = useTranslation(['concern', 'common']);
  const [{ data, error }, refetch] = useQuery({ query: ProposalCommentsQuery, variables: { id: proposalId } });
  if (!data) return error ? <ErrorNotice error={error} onRetry={() => refetch({ requestPolicy: 'network-only' })} /> : <Loading />;
  const comments = data.proposal?.comments.edges.map((edge) => edge.node) ?? [];
  return <CommentsList comments={comments} target={{ proposalId }} canComment={canComment} signedIn={signedIn} label={t('comments.onProposal')} />;
}

/** Propose (no `proposal`) or edit one's own proposal. */
function ProposalDialog({ open, onClose, concernId, proposal }: { open: boolean; onClose: () => void; concernId: string; proposal?: Proposal }) {
  const { t } = useTranslation(['concern', 'common']);
  const announcer = useAnnouncer();
  const [title, setTitle] = useState(proposal?.title ?? '');
  const [body, setBody] = useState(proposal?.body ?? '');
  const { error, setError, issues, edited } = useFieldErrors();
  const [{ fetching: creating }, create] = useMutation(CreateProposalMutation);
  const [{ fetching: saving }, edit] = useMutation(EditProposalMutation);
  const formId = proposal ? `edit-${proposal.id}` : 'new-proposal';

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (creating || saving) return;
    const missing = [
      ...(title.trim() ? [] : [{ path: ['input', 'title'], message: 'Required', code: 'REQUIRED' }]),
      ...(body.trim() ? [] : [{ path: ['input', 'body'], message: 'Required', code: 'REQUIRED' }]),
    ];
    if (missing.length) {
      setError({ __typename: 'ValidationError', issues: missing });
      return;
    }
    const input = { title: title.trim(), body: body.trim() };
    const outcome = proposal
      ? await edit({ proposalId: proposal.id, input }).then((result) => mutationOutcome(result.error, result.data?.editProposal))
      : await create({ concernId, input }).then((result) => mutationOutcome(result.error, result.data?.createProposal));
    if (!outcome.ok) {
      setError(outcome.error);
      return;
    }
    setError(null);
    if (!proposal) {
      setTitle('');
      setBody('');
    }
    onClose();
    announcer.toast(proposal ? t('proposals.edited') : t('proposals.added'), { tone: 'success' });
  };

  return (
    <Dialog
      open={open}
      onClose={onClose}
      title={proposal ? t('proposals.editTitle') : t('proposals.addTitle')}
      footer={
        <>
          <Button variant="secondary" onClick={onClose}>
            {t('actions.cancel', { ns: 'common' })}
          </Button>
          <Button type="submit" form={formId} loading={creating || saving}>
            {proposal ? t('proposals.save') : t('proposals.submit')}
          </Button>
        </>
      }
    >
      <form id={formId} onSubmit={(event) => void submit(event)} noValidate>
        {error ? <ErrorNotice error={error} title={t('proposals.failed')} /> : null}
        <TextField
          label={t('proposals.titleLabel')}
          hint={t('proposals.titleHint', { max: MAX_TITLE })}
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
          hint={t('proposals.bodyHint', { max: MAX_BODY })}
          required
          rows={5}
          maxLength={MAX_BODY}
          value={body}
          onChange={(event) => {
            setBody(event.target.value);
            edited('body');
          }}
          error={issues.body}
        />
      </form>
    </Dialog>
  );
}

function WithdrawDialog({ open, onClose, proposal }: { open: boolean; onClose: () => void; proposal: Proposal }) {
  const { t } = useTranslation(['concern', 'common']);
  const announcer = useAnnouncer();
  const [error, setError] = useState<unknown>(null);
  const [{ fetching }, withdraw] = useMutation(WithdrawProposalMutation);
  const confirm = async () => {
    const result = await withdraw({ proposalId: proposal.id });
    const outcome = mutationOutcome(result.error, result.data?.withdrawProposal);
    if (!outcome.ok) {
      setError(outcome.error);
      return;
    }
    onClose();
    announcer.toast(t('proposals.withdrawn'), { tone: 'success' });
  };
  return (
    <Dialog
      open={open}
      onClose={onClose}
      title={t('proposals.withdrawTitle')}
      footer={
        <>
          <Button variant="secondary" onClick={onClose}>
            {t('actions.cancel', { ns: 'common' })}
          </Button>
          <Button variant="danger" loading={fetching} onClick={() => void confirm()}>
            {t('proposals.withdrawConfirm')}
          </Button>
        </>
      }
    >
      {error ? <ErrorNotice error={error} title={t('proposals.failed')} /> : null}
      <p className={styles.dialogStrong}>{proposal.title}</p>
      <p>{t('proposals.withdrawBody')}</p>
    </Dialog>
  );
}
