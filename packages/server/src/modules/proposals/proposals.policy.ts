import type { Viewer } from '../../context.js';
import type { ConcernStatus, ProposalStatus } from '../../generated/sqlite/enums.js';
import { openForProposals } from '../concerns/concern-lifecycle.js';
import { isSelf } from '../identity/identity.policy.js';
import { isCadre, isMember } from '../members/members.policy.js';

// Members deliberate; cadres moderate. Every check here is also what the web app asks before it shows
// a button, so the rules live in one place.

export const canPropose = isMember;
export const canComment = isMember;
export const canModerate = isCadre;

/** Hidden text (of a proposal or comment) is still shown to the moderators, so they can review it. */
export const canSeeHiddenText = isCadre;

/** Proposals may be added while the concern is open for deliberation, and never while it is put to the vote. */
export function acceptsProposals(status: ConcernStatus): boolean {
  return openForProposals.includes(status) && status !== 'VOTING';
}

/** Comments go on while the concern is alive, through the vote and the action; not once it is settled elsewhere. */
export function acceptsComments(status: ConcernStatus): boolean {
  return status !== 'DECLINED' && status !== 'MERGED' && status !== 'CLOSED';
}

/** Proposals that still take comments: those in play or decided, not those taken off the table. */
export function proposalAcceptsComments(status: ProposalStatus): boolean {
  return status === 'ACTIVE' || status === 'ADOPTED' || status === 'REJECTED';
}

export function isAuthor(viewer: Viewer, proposal: { authorId: number }): boolean {
  return isSelf(viewer, proposal.authorId);
}

/** The author edits an active proposal until voting opens on its concern. */
export function canEditProposal(viewer: Viewer, proposal: { authorId: number }, communityId: number): boolean {
  return isAuthor(viewer, proposal) && isMember(viewer, communityId);
}

/** Moderation may take a proposal off the board, but never rewrite the record of one that was voted on. */
export const hideableStatuses: readonly ProposalStatus[] = ['ACTIVE', 'WITHDRAWN', 'MERGED'];
