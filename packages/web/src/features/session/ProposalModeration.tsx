import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { mutationOutcome } from '../../shared/api/mutation-result.ts';
import { describeError } from '../../shared/errors/describe-error.ts';
import { Button } from '../../shared/ui/Button.tsx';
import { Dialog } from '../../shared/ui/Dialog.tsx';
import { ErrorNotice } from '../../shared/ui/ErrorNotice.tsx';
import { Select } from '../../shared/ui/Field.tsx';
import { ReasonDialog } from '../../shared/ui/ReasonDialog.tsx';
import { useAnnouncer } from '../../shared/ui/Toast.tsx';
import type { RoomItem, RoomProposal } from './CurrentItem.tsx';
import { HideProposalInSessionMutation, MergeProposalsInSessionMutation, PinProposalInSessionMutation } from './session.documents.ts';
import styles from './session.module.css';

/** The chair's hand on one proposal of the item in play: pin, hide with a reason, merge into another. */
export function ProposalModeration({ item, proposal }: { item: RoomItem; proposal: RoomProposal }) {
  const { t, i18n } = useTranslation(['session', 'common']);
  const announcer = useAnnouncer();
  const [hiding, setHiding] = useState(false);
  const [merging, setMerging] = useState(false);
  const [{ fetching: pinning }, pin] = useMutation(PinProposalInSessionMutation);
  if (proposal.status !== 'ACTIVE') return null;
  const title = proposal.title ?? '';

  const togglePin = async () => {
    const result = await pin({ itemId: item.id, proposalId: proposal.id, pinned: !proposal.pinned });
    const outcome = mutationOutcome(result.error, result.data?.pinProposalInSession);
    if (outcome.ok) announcer.toast(proposal.pinned ? t('console.unpinnedToast') : t('console.pinnedToast'));
    else announcer.toast(t('failedBecause', { ns: 'common', what: t('console.failed'), reason: describeError(outcome.error, i18n) }), { tone: 'error' });
  };
  const others = item.proposals.filter((other) => other.id !== proposal.id && other.status === 'ACTIVE');

  return (
    <div className={styles.moderation} role="group" aria-label={`${t('console.moderate')}: ${title}`}>
      <Button variant="quiet" loading={pinning} onClick={() => void togglePin()}>
        {proposal.pinned ? t('console.unpin') : t('console.pin')}
      </Button>
      <Button variant="quiet" onClick={() => setHiding(true)}>
        {t('console.hide')}
      </Button>
      {others.length ? (
        <Button variant="quiet" onClick={() => setMerging(true)}>
          {t('console.merge')}
        </Button>
      ) : null}
      {hiding ? <HideDialog item={item} proposal={proposal} onClose={() => setHiding(false)} /> : null}
      {merging ? <MergeDialog item={item} proposal={proposal} others={others} onClose={() => setMerging(false)} /> : null}
    </div>
  );
}

function HideDialog({ item, proposal, onClose }: { item: RoomItem; proposal: RoomProposal; onClose: () => void }) {
  const { t } = useTranslation(['session', 'common']);
  const announcer = useAnnouncer();
  const [, hide] = useMutation(HideProposalInSessionMutation);
  const submit = async (reason: string) => {
    const result = await hide({ itemId: item.id, proposalId: proposal.id, reason });
    const outcome = mutationOutcome(result.error, result.data?.hideProposalInSession);
    if (outcome.ok) announcer.toast(t('console.hiddenToast'), { tone: 'success' });
    return outcome;
  };
  return (
    <ReasonDialog
      open
      onClose={onClose}
      title={t('console.hideTitle', { title: proposal.title ?? '' })}
      label={t('console.hideReason')}
      hint={t('console.reasonHint', { max: 200 })}
      maxLength={200}
      confirmLabel={t('console.hideConfirm')}
      failedTitle={t('console.failed')}
      onSubmit={submit}
    />
  );
}

function MergeDialog({ item, proposal, others, onClose }: { item: RoomItem; proposal: RoomProposal; others: readonly RoomProposal[]; onClose: () => void }) {
  const { t } = useTranslation(['session', 'common']);
  const announcer = useAnnouncer();
  const [into, setInto] = useState(others[0]?.id ?? '');
  const [error, setError] = useState<unknown>(null);
  const [{ fetching }, merge] = useMutation(MergeProposalsInSessionMutation);
  const confirm = async () => {
    const result = await merge({ itemId: item.id, proposalId: proposal.id, intoProposalId: into });
    const outcome = mutationOutcome(result.error, result.data?.mergeProposalsInSession);
    if (!outcome.ok) {
      setError(outcome.error);
      return;
    }
    onClose();
    announcer.toast(t('console.mergedToast'), { tone: 'success' });
  };
  return (
    <Dialog
      open
      onClose={onClose}
      title={t('console.mergeTitle', { title: proposal.title ?? '' })}
      footer={
        <>
          <Button variant="secondary" onClick={onClose}>
            {t('actions.cancel', { ns: 'common' })}
          </Button>
          <Button loading={fetching} onClick={() => void confirm()}>
            {t('console.mergeConfirm')}
          </Button>
        </>
      }
    >
      {error ? <ErrorNotice error={error} title={t('console.failed')} /> : null}
      <Select label={t('console.mergeInto')} value={into} onChange={(event) => setInto(event.target.value)} options={others.map((other) => ({ value: other.id, label: other.title ?? '' }))} />
    </Dialog>
  );
}
