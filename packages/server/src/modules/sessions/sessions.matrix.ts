import { encodeGlobalID } from '@pothos/plugin-relay';
import { cadres, members, type MatrixContext, type MatrixEntry } from '../../test-support/matrix.js';
import { createConcern, createLiveSession } from '../../test-support/domain-fixtures.js';
import { createProposal } from '../../test-support/deliberation-fixtures.js';
import type { LiveSessionStatus } from '../../generated/sqlite/enums.js';

const id = encodeGlobalID;

/** A session of the world's community chaired by its cadre and admin, with one answered concern on the agenda. */
async function session({ t, world }: MatrixContext, status: LiveSessionStatus = 'LIVE') {
  const concern = await createConcern(t.db, { community: world.community, reporterId: world.resident.id, status: 'ACKNOWLEDGED' });
  return createLiveSession(t.db, { community: world.community, chairIds: [world.cadre.id, world.admin.id], concernIds: [concern.id], status });
}

const userOf = ({ world, kind }: MatrixContext) => (kind === 'anonymous' ? null : world[kind]);

const mutation = (field: string, args: string, selection = '__typename') => `mutation (${args}) { ${field} { ${selection} } }`;

export const matrix: MatrixEntry[] = [
  {
    field: 'Query.liveSession',
    expect: members,
    operation: async (ctx) => ({
      query: 'query ($id: ID!) { liveSession(id: $id) { title status agenda { phase } } }',
      variables: { id: id('LiveSession', (await session(ctx)).id) },
    }),
  },
  {
    field: 'Mutation.scheduleSession',
    expect: cadres,
    operation: async ({ t, world }) => {
      const concern = await createConcern(t.db, { community: world.community, reporterId: world.resident.id, status: 'ACKNOWLEDGED' });
      return {
        query: mutation('scheduleSession(input: $input)', '$input: ScheduleSessionInput!'),
        variables: {
          input: {
            communityId: id('Community', world.community.id),
            title: '三月居民议事会',
            scheduledAt: new Date(Date.now() + 86_400_000).toISOString(),
            agenda: [id('Concern', concern.id)],
          },
        },
      };
    },
  },
  {
    field: 'Mutation.updateSessionRules',
    expect: cadres,
    operation: async (ctx) => ({
      query: mutation('updateSessionRules(sessionId: $id, rules: { talliesHidden: true })', '$id: ID!'),
      variables: { id: id('LiveSession', (await session(ctx, 'SCHEDULED')).id) },
    }),
  },
  {
    field: 'Mutation.setSessionAgenda',
    expect: cadres,
    operation: async (ctx) => {
      const concern = await createConcern(ctx.t.db, { community: ctx.world.community, reporterId: ctx.world.resident.id, status: 'ACKNOWLEDGED' });
      return {
        query: mutation('setSessionAgenda(sessionId: $id, agenda: $agenda)', '$id: ID!, $agenda: [ID!]!'),
        variables: { id: id('LiveSession', (await session(ctx, 'SCHEDULED')).id), agenda: [id('Concern', concern.id)] },
      };
    },
  },
  ...(['cancelSession', 'startSession'] as const).map((field) => ({
    field: `Mutation.${field}`,
    expect: cadres,
    operation: async (ctx: MatrixContext) => ({
      query: mutation(`${field}(sessionId: $id)`, '$id: ID!'),
      variables: { id: id('LiveSession', (await session(ctx, 'SCHEDULED')).id) },
    }),
  })),
  {
    field: 'Mutation.endSession',
    expect: cadres,
    operation: async (ctx) => ({
      query: mutation('endSession(sessionId: $id)', '$id: ID!'),
      variables: { id: id('LiveSession', (await session(ctx)).id) },
    }),
  },
  ...(['advanceAgendaItem', 'skipAgendaItem'] as const).map((field) => ({
    field: `Mutation.${field}`,
    expect: cadres,
    operation: async (ctx: MatrixContext) => ({
      query: mutation(`${field}(itemId: $id)`, '$id: ID!'),
      variables: { id: id('AgendaItem', (await session(ctx)).items[0]!.id) },
    }),
  })),
  {
    field: 'Mutation.raiseHand',
    expect: members,
    operation: async (ctx) => ({
      query: mutation('raiseHand(sessionId: $id)', '$id: ID!'),
      variables: { id: id('LiveSession', (await session(ctx)).id) },
    }),
  },
  {
    field: 'Mutation.lowerHand',
    expect: members,
    operation: async (ctx) => {
      const live = await session(ctx);
      // Everyone but the anonymous caller has a hand up, the outsider included: the refusal must come from rights.
      const user = userOf(ctx);
      if (user) await ctx.t.db.handRaise.create({ data: { sessionId: live.id, userId: user.id } });
      return { query: mutation('lowerHand(sessionId: $id)', '$id: ID!'), variables: { id: id('LiveSession', live.id) } };
    },
  },
  {
    field: 'Mutation.giveFloor',
    expect: cadres,
    operation: async (ctx) => {
      const live = await session(ctx);
      const hand = await ctx.t.db.handRaise.create({ data: { sessionId: live.id, userId: ctx.world.resident2.id } });
      return { query: mutation('giveFloor(handId: $id)', '$id: ID!'), variables: { id: id('HandRaise', hand.id) } };
    },
  },
  {
    field: 'Mutation.finishFloor',
    expect: cadres,
    operation: async (ctx) => {
      const live = await session(ctx);
      await ctx.t.db.handRaise.create({ data: { sessionId: live.id, userId: ctx.world.resident2.id, status: 'SPEAKING', floorAt: new Date() } });
      return { query: mutation('finishFloor(sessionId: $id)', '$id: ID!'), variables: { id: id('LiveSession', live.id) } };
    },
  },
  {
    field: 'Mutation.muteMember',
    expect: cadres,
    operation: async (ctx) => ({
      query: mutation('muteMember(sessionId: $id, userId: $userId, reason: "反复打断发言")', '$id: ID!, $userId: ID!'),
      variables: { id: id('LiveSession', (await session(ctx)).id), userId: id('User', ctx.world.resident2.id) },
    }),
  },
  {
    field: 'Mutation.unmuteMember',
    expect: cadres,
    operation: async (ctx) => {
      const live = await session(ctx);
      await ctx.t.db.sessionMute.create({ data: { sessionId: live.id, userId: ctx.world.resident2.id, mutedById: ctx.world.cadre.id } });
      return {
        query: mutation('unmuteMember(sessionId: $id, userId: $userId)', '$id: ID!, $userId: ID!'),
        variables: { id: id('LiveSession', live.id), userId: id('User', ctx.world.resident2.id) },
      };
    },
  },
  ...(
    [
      ['hideProposalInSession', 'reason: "与议题无关"'],
      ['pinProposalInSession', 'pinned: true'],
      ['mergeProposalsInSession', 'intoProposalId: $into'],
    ] as const
  ).map(([field, rest]) => ({
    field: `Mutation.${field}`,
    expect: cadres,
    operation: async (ctx: MatrixContext) => {
      const live = await session(ctx);
      const item = live.items[0]!;
      const [proposal, into] = await Promise.all(
        [1, 2].map(() => createProposal(ctx.t.db, { concernId: item.concernId, authorId: ctx.world.resident.id })),
      );
      const merging = rest.includes('$into');
      return {
        query: mutation(`${field}(itemId: $item, proposalId: $proposal, ${rest})`, `$item: ID!, $proposal: ID!${merging ? ', $into: ID!' : ''}`),
        variables: { item: id('AgendaItem', item.id), proposal: id('Proposal', proposal!.id), ...(merging ? { into: id('Proposal', into!.id) } : {}) },
      };
    },
  })),
  ...(['session', 'presence', 'hands'] as const).map((field) => ({
    field: `Subscription.${field}`,
    expect: members,
    operation: async (ctx: MatrixContext) => ({
      query: `subscription ($id: ID!) { ${field}(sessionId: $id) { version } }`,
      variables: { id: id('LiveSession', (await session(ctx)).id) },
    }),
  })),
  {
    field: 'Subscription.agendaItem',
    expect: members,
    operation: async (ctx) => ({
      query: 'subscription ($id: ID!) { agendaItem(itemId: $id) { phase version } }',
      variables: { id: id('AgendaItem', (await session(ctx)).items[0]!.id) },
    }),
  },
];
