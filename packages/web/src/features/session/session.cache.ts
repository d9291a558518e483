// The room's snapshots written into the normalized cache, so every component reading the session or
// its items re-renders from one place. A snapshot older than what the cache holds is ignored (events
// carry versions). Where a snapshot names something the cache lacks (a new item in play, a vote just
// opened or closed, the minutes), the link or field is left incomplete on purpose: the room's query then
// finds its data partial and fetches it again, quietly, with the cached screen still showing.
import type { Cache } from '@urql/exchange-graphcache';
import type { FeatureCacheConfig } from '../../shared/api/cache-config.ts';
import { graphql } from '../../shared/api/graphql.ts';

const CachedSession = graphql(`
  fragment CachedSession on LiveSession {
    id
    version
    status
  }
`);

const CachedSessionWrite = graphql(`
  fragment CachedSessionWrite on LiveSession {
    id
    version
    status
    startedAt
    endedAt
  }
`);

const CachedItem = graphql(`
  fragment CachedItem on AgendaItem {
    id
    version
    phase
    votingWindow {
      id
    }
  }
`);

const CachedWindow = graphql(`
  fragment CachedWindow on VotingWindow {
    id
    status
  }
`);

const CachedItemVersion = graphql(`
  fragment CachedItemVersion on AgendaItem {
    id
    version
  }
`);

const CachedItemPhase = graphql(`
  fragment CachedItemPhase on AgendaItem {
    id
    phase
    phaseStartedAt
    phaseEndsAt
  }
`);

export interface SessionSnapshotData {
  sessionId: string;
  version: number;
  status: string;
  startedAt?: string | null;
  endedAt?: string | null;
  currentItem?: { itemId: string } | null;
  agenda: readonly { itemId: string; phase: string; phaseStartedAt?: string | null; phaseEndsAt?: string | null }[];
}

export interface AgendaItemSnapshotData {
  itemId: string;
  version: number;
  phase: string;
  phaseStartedAt?: string | null;
  phaseEndsAt?: string | null;
  votingWindowId?: string | null;
  proposals: readonly { id: string }[];
}

const sessionRef = (id: string) => ({ __typename: 'LiveSession', id }) as const;
const itemRef = (id: string) => ({ __typename: 'AgendaItem', id }) as const;

/** Writes a `session` snapshot over the cached session and its agenda lines. */
export function writeSessionSnapshot(cache: Cache, snapshot: SessionSnapshotData): void {
  const key = cache.keyOfEntity(sessionRef(snapshot.sessionId));
  if (!key) return;
  const cached = cache.readFragment(CachedSession, key) as { version: number; status: string } | null;
  if (cached && cached.version > snapshot.version) return;
  cache.writeFragment(CachedSessionWrite, {
    __typename: 'LiveSession',
    id: snapshot.sessionId,
    version: snapshot.version,
    status: snapshot.status,
    startedAt: snapshot.startedAt ?? null,
    endedAt: snapshot.endedAt ?? null,
  } as never);
  for (const line of snapshot.agenda) {
    cache.writeFragment(CachedItemPhase, {
      __typename: 'AgendaItem',
      id: line.itemId,
      phase: line.phase,
      phaseStartedAt: line.phaseStartedAt ?? null,
      phaseEndsAt: line.phaseEndsAt ?? null,
    } as never);
  }
  const current = snapshot.currentItem ? itemRef(snapshot.currentItem.itemId) : null;
  cache.link(key, 'currentItem', current);
  // The minutes are written when the session ends: fetch them.
  if (cached && cached.status !== 'ENDED' && snapshot.status === 'ENDED') cache.invalidate(key, 'minutes');
}

/** Writes an `agendaItem` snapshot: its phase, timer and the proposals on the table. */
export function writeAgendaItemSnapshot(cache: Cache, snapshot: AgendaItemSnapshotData): void {
  const key = cache.keyOfEntity(itemRef(snapshot.itemId));
  if (!key) return;
  const cached = cache.readFragment(CachedItem, key) as { version: number; phase: string; votingWindow: { id: string } | null } | null;
  if (cached && cached.version > snapshot.version) return;
  cache.writeFragment(CachedItemPhase, {
    __typename: 'AgendaItem',
    id: snapshot.itemId,
    phase: snapshot.phase,
    phaseStartedAt: snapshot.phaseStartedAt ?? null,
    phaseEndsAt: snapshot.phaseEndsAt ?? null,
  } as never);
  cache.writeFragment(CachedItemVersion, { __typename: 'AgendaItem', id: snapshot.itemId, version: snapshot.version } as never);
  cache.link(
    key,
    'proposals',
    snapshot.proposals.map((proposal) => ({ __typename: 'Proposal', id: proposal.id })),
  );
  const windowId = snapshot.votingWindowId ?? null;
  if ((cached?.votingWindow?.id ?? null) !== windowId) {
    cache.link(key, 'votingWindow', windowId ? { __typename: 'VotingWindow', id: windowId } : null);
  } else if (windowId && snapshot.phase !== 'VOTING') {
    // The vote closed: its status, decision and (hidden until now) counts are to be fetched.
    const window = cache.readFragment(CachedWindow, { __typename: 'VotingWindow', id: windowId }) as { status: string } | null;
    if (window?.status === 'OPEN') cache.invalidate({ __typename: 'VotingWindow', id: windowId });
  }
}

export const sessionCache: FeatureCacheConfig = {
  updates: {
    Mutation: {
      scheduleSession(result, args, cache) {
        const payload = result.scheduleSession as { __typename?: string } | undefined;
        const input = args.input as { communityId?: string } | undefined;
        // The community's list gains the new session: fetch it again when next shown.
        if (payload?.__typename === 'ScheduleSessionSuccess' && input?.communityId) {
          cache.invalidate({ __typename: 'Community', id: input.communityId }, 'liveSessions');
        }
      },
    },
    Subscription: {
      session(result, _args, cache) {
        const snapshot = result.session as SessionSnapshotData | undefined;
        if (snapshot) writeSessionSnapshot(cache, snapshot);
      },
      agendaItem(result, _args, cache) {
        const snapshot = result.agendaItem as AgendaItemSnapshotData | undefined;
        if (snapshot) writeAgendaItemSnapshot(cache, snapshot);
      },
    },
  },
};
