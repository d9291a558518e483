import { graphql } from '../../shared/api/graphql.ts';
import { MutationErrorFields } from '../../shared/api/mutation-result.ts';
import { TallyLineFields, TallySnapshotFields } from '../../shared/concerns/ballot.documents.ts';

// The live session room and its chair's console. The room is one query (the session, its agenda and
// the item in play) kept current by four subscriptions whose snapshots land in the normalized cache
// (session.cache.ts); after a reconnect the query runs again (shared/api/resync-exchange.ts).

export const CommunitySessionsQuery = graphql(`
  query CommunitySessions($slug: String!) {
    community(slug: $slug) {
      id
      slug
      myRole
      liveSessions {
        id
        title
        place
        status
        scheduledAt
        startedAt
        endedAt
        agenda {
          id
        }
      }
    }
  }
`);

/** What the scheduling form offers: concerns awaiting the community's choice, and who may chair. */
export const ScheduleChoicesQuery = graphql(`
  query ScheduleChoices($slug: String!) {
    community(slug: $slug) {
      id
      settings {
        quorumPercent
        thresholdPercent
      }
      concerns(status: [ACKNOWLEDGED, REOPENED], first: 30, sort: MOST_SECONDED) {
        edges {
          node {
            id
            title
          }
        }
      }
    }
  }
`);

export const RoomProposalFields = graphql(
  `
    fragment RoomProposalFields on Proposal @_unmask {
      id
      title
      body
      status
      pinned
      hiddenReason
      author {
        id
        displayName
      }
      mergedInto {
        id
        title
      }
      myVote
      tally {
        ...TallyLineFields
      }
    }
  `,
  [TallyLineFields],
);

export const RoomItemFields = graphql(
  `
    fragment RoomItemFields on AgendaItem @_unmask {
      id
      position
      phase
      phaseStartedAt
      phaseEndsAt
      version
      concern {
        id
        title
      }
      proposals {
        ...RoomProposalFields
      }
      votingWindow {
        id
        status
        quorumCount
        eligibleCount
        rules {
          talliesHidden
          thresholdPercent
        }
        tally {
          ...TallySnapshotFields
        }
        decision {
          id
          quorumMet
          voterCount
          eligibleCount
          quorumCount
          tally {
            title
            support
            oppose
            abstain
            adopted
          }
        }
      }
    }
  `,
  [RoomProposalFields, TallySnapshotFields],
);

export const LiveSessionQuery = graphql(
  `
    query LiveSession($id: ID!) {
      liveSession(id: $id) {
        id
        title
        place
        status
        version
        scheduledAt
        startedAt
        endedAt
        viewerIsChair
        viewerIsMuted
        community {
          id
          slug
          myRole
        }
        chairs {
          id
          displayName
        }
        rules {
          quorumPercent
          thresholdPercent
          talliesHidden
          phaseSeconds
          frozenAt
        }
        agenda {
          id
          position
          phase
          phaseStartedAt
          phaseEndsAt
          concern {
            id
            title
          }
        }
        currentItem {
          ...RoomItemFields
        }
        hands {
          id
          status
          raisedAt
          floorAt
          user {
            id
            displayName
          }
        }
        mutes {
          id
          reason
          liftedAt
          user {
            id
            displayName
          }
        }
        minutes {
          attendance
          turnout {
            voterCount
            eligibleCount
            percent
          }
          decisions {
            decisionId
            concernId
            title
            quorumMet
            adoptedProposalIds
          }
        }
      }
    }
  `,
  [RoomItemFields],
);

export const SessionSubscription = graphql(`
  subscription SessionRoom($sessionId: ID!) {
    session(sessionId: $sessionId) {
      sessionId
      version
      status
      startedAt
      endedAt
      currentItem {
        itemId
      }
      agenda {
        itemId
        phase
        phaseStartedAt
        phaseEndsAt
      }
    }
  }
`);

export const AgendaItemSubscription = graphql(
  `
    subscription RoomAgendaItem($itemId: ID!) {
      agendaItem(itemId: $itemId) {
        itemId
        version
        phase
        phaseStartedAt
        phaseEndsAt
        votingWindowId
        proposals {
          ...RoomProposalFields
        }
      }
    }
  `,
  [RoomProposalFields],
);

export const PresenceSubscription = graphql(`
  subscription RoomPresence($sessionId: ID!) {
    presence(sessionId: $sessionId) {
      sessionId
      version
      count
      people {
        id
        displayName
      }
    }
  }
`);

export const HandsSubscription = graphql(`
  subscription RoomHands($sessionId: ID!) {
    hands(sessionId: $sessionId) {
      sessionId
      version
      hands {
        handId
        userId
        displayName
        status
        raisedAt
      }
    }
  }
`);


export const ScheduleSessionMutation = graphql(
  `
    mutation ScheduleSession($input: ScheduleSessionInput!) {
      scheduleSession(input: $input) {
        __typename
        ... on ScheduleSessionSuccess {
          data {
            id
            title
            place
            status
            scheduledAt
            startedAt
            endedAt
            agenda {
              id
            }
          }
        }
        ...MutationErrorFields
      }
    }
  `,
  [MutationErrorFields],
);

export const StartSessionMutation = graphql(
  `
    mutation StartSession($sessionId: ID!) {
      startSession(sessionId: $sessionId) {
        __typename
        ... on StartSessionSuccess {
          data {
            id
            status
            version
            startedAt
          }
        }
        ...MutationErrorFields
      }
    }
  `,
  [MutationErrorFields],
);

export const EndSessionMutation = graphql(
  `
    mutation EndSession($sessionId: ID!) {
      endSession(sessionId: $sessionId) {
        __typename
        ... on EndSessionSuccess {
          data {
            id
            status
            version
            endedAt
          }
        }
        ...MutationErrorFields
      }
    }
  `,
  [MutationErrorFields],
);

export const AdvanceAgendaItemMutation = graphql(
  `
    mutation AdvanceAgendaItem($itemId: ID!) {
      advanceAgendaItem(itemId: $itemId) {
        __typename
        ... on AdvanceAgendaItemSuccess {
          data {
            id
            phase
            phaseStartedAt
            phaseEndsAt
            version
          }
        }
        ...MutationErrorFields
      }
    }
  `,
  [MutationErrorFields],
);

export const SkipAgendaItemMutation = graphql(
  `
    mutation SkipAgendaItem($itemId: ID!) {
      skipAgendaItem(itemId: $itemId) {
        __typename
        ... on SkipAgendaItemSuccess {
          data {
            id
            phase
            phaseStartedAt
            phaseEndsAt
            version
          }
        }
        ...MutationErrorFields
      }
    }
  `,
  [MutationErrorFields],
);

export const RaiseHandMutation = graphql(
  `
    mutation RaiseHand($sessionId: ID!) {
      raiseHand(sessionId: $sessionId) {
        __typename
        ... on RaiseHandSuccess {
          data {
            id
            status
          }
        }
        ...MutationErrorFields
      }
    }
  `,
  [MutationErrorFields],
);

export const LowerHandMutation = graphql(
  `
    mutation LowerHand($sessionId: ID!) {
      lowerHand(sessionId: $sessionId) {
        __typename
        ... on LowerHandSuccess {
          data {
            id
            status
          }
        }
        ...MutationErrorFields
      }
    }
  `,
  [MutationErrorFields],
);

export const GiveFloorMutation = graphql(
  `
    mutation GiveFloor($handId: ID!) {
      giveFloor(handId: $handId) {
        __typename
        ... on GiveFloorSuccess {
          data {
            id
            status
          }
        }
        ...MutationErrorFields
      }
    }
  `,
  [MutationErrorFields],
);

export const FinishFloorMutation = graphql(
  `
    mutation FinishFloor($sessionId: ID!) {
      finishFloor(sessionId: $sessionId) {
        __typename
        ... on FinishFloorSuccess {
          data {
            id
            status
          }
        }
        ...MutationErrorFields
      }
    }
  `,
  [MutationErrorFields],
);

export const MuteMemberMutation = graphql(
  `
    mutation MuteMember($sessionId: ID!, $userId: ID!, $reason: String!) {
      muteMember(sessionId: $sessionId, userId: $userId, reason: $reason) {
        __typename
        ... on MuteMemberSuccess {
          data {
            id
            reason
            liftedAt
            user {
              id
              displayName
            }
          }
        }
        ...MutationErrorFields
      }
    }
  `,
  [MutationErrorFields],
);

export const UnmuteMemberMutation = graphql(
  `
    mutation UnmuteMember($sessionId: ID!, $userId: ID!) {
      unmuteMember(sessionId: $sessionId, userId: $userId) {
        __typename
        ... on UnmuteMemberSuccess {
          data {
            id
            liftedAt
          }
        }
        ...MutationErrorFields
      }
    }
  `,
  [MutationErrorFields],
);

export const HideProposalInSessionMutation = graphql(
  `
    mutation HideProposalInSession($itemId: ID!, $proposalId: ID!, $reason: String!) {
      hideProposalInSession(itemId: $itemId, proposalId: $proposalId, reason: $reason) {
        __typename
        ... on HideProposalInSessionSuccess {
          data {
            ...RoomProposalFields
          }
        }
        ...MutationErrorFields
      }
    }
  `,
  [RoomProposalFields, MutationErrorFields],
);

export const MergeProposalsInSessionMutation = graphql(
  `
    mutation MergeProposalsInSession($itemId: ID!, $proposalId: ID!, $intoProposalId: ID!) {
      mergeProposalsInSession(itemId: $itemId, proposalId: $proposalId, intoProposalId: $intoProposalId) {
        __typename
        ... on MergeProposalsInSessionSuccess {
          data {
            id
          }
        }
        ...MutationErrorFields
      }
    }
  `,
  [MutationErrorFields],
);

export const PinProposalInSessionMutation = graphql(
  `
    mutation PinProposalInSession($itemId: ID!, $proposalId: ID!, $pinned: Boolean!) {
      pinProposalInSession(itemId: $itemId, proposalId: $proposalId, pinned: $pinned) {
        __typename
        ... on PinProposalInSessionSuccess {
          data {
            id
            pinned
          }
        }
        ...MutationErrorFields
      }
    }
  `,
  [MutationErrorFields],
);

/** Who may chair, for admins (who alone may list members); a cadre's session is chaired by the cadre. */
export const ChairChoicesQuery = graphql(`
  query ChairChoices($slug: String!) {
    community(slug: $slug) {
      id
      cadres: members(role: CADRE, first: 20) {
        edges {
          node {
            id
            user {
              id
              displayName
            }
          }
        }
      }
      admins: members(role: ADMIN, first: 10) {
        edges {
          node {
            id
            user {
              id
              displayName
            }
          }
        }
      }
    }
  }
`);

/** Proposing in the room: the same mutation as on the concern page; the item's snapshot brings it in. */
export const ProposeInRoomMutation = graphql(
  `
    mutation ProposeInRoom($concernId: ID!, $input: ProposalInput!) {
      createProposal(concernId: $concernId, input: $input) {
        __typename
        ... on CreateProposalSuccess {
          data {
            ...RoomProposalFields
          }
        }
        ...MutationErrorFields
      }
    }
  `,
  [RoomProposalFields, MutationErrorFields],
);

/** Whether the chair has muted the viewer: asked again when the hands change (muting lowers a hand). */
export const ViewerMutedQuery = graphql(`
  query ViewerMuted($id: ID!) {
    liveSession(id: $id) {
      id
      viewerIsMuted
    }
  }
`);
