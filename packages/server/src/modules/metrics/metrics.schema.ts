import { encodeGlobalID } from '@pothos/plugin-relay';
import { z } from 'zod';
import { builder } from '../../graphql/builder.js';
import { ForbiddenError } from '../../errors.js';
import { canRead } from '../communities/communities.policy.js';
import { CommunityRef } from '../communities/communities.schema.js';
import { communityFigures, type CommunityFigures, type FigureSet, type SessionParticipation } from './metrics.service.js';

const FigureSetRef = builder.objectRef<FigureSet>('FigureSet').implement({
  description:
    'Figures of the concerns reported in a period (merged ones left out). Rates are ratios 0–1, null when there is nothing to divide by.',
  fields: (t) => ({
    reported: t.exposeInt('reported'),
    acknowledged: t.exposeInt('acknowledged'),
    declined: t.exposeInt('declined', { description: 'Declined with a public reason without being acknowledged first.' }),
    responded: t.exposeInt('responded', { description: 'Acknowledged or declined: answered in public. A reasoned no is an answer too.' }),
    respondedOnTime: t.exposeInt('respondedOnTime', { description: 'Answered at or before the echo deadline.' }),
    resolved: t.exposeInt('resolved', { description: 'Resolved or closed now; a reopened concern is not resolved.' }),
    responseRate: t.exposeFloat('responseRate', { nullable: true, description: 'responded / reported' }),
    onTimeResponseRate: t.exposeFloat('onTimeResponseRate', { nullable: true, description: 'respondedOnTime / reported' }),
    resolutionRate: t.exposeFloat('resolutionRate', { nullable: true, description: 'resolved / reported' }),
    medianHoursToRespond: t.exposeFloat('medianHoursToRespond', { nullable: true, description: 'From report to the first public answer.' }),
    medianHoursToResolve: t.exposeFloat('medianHoursToResolve', { nullable: true, description: 'From report to resolution, of resolved concerns.' }),
    ratings: t.exposeInt('ratings'),
    satisfied: t.exposeInt('satisfied'),
    basicallySatisfied: t.exposeInt('basicallySatisfied'),
    dissatisfied: t.exposeInt('dissatisfied'),
    satisfactionRate: t.exposeFloat('satisfactionRate', { nullable: true, description: '(satisfied + basically satisfied) / ratings' }),
    sessions: t.exposeInt('sessions', { description: 'Ended sessions that held a vote (none under a category).' }),
    participants: t.exposeInt('participants', { description: 'Members who voted in the sessions, each counted once per session.' }),
    electorate: t.exposeInt('electorate', { description: 'Members entitled to vote in the sessions, summed over them.' }),
    participationRate: t.exposeFloat('participationRate', { nullable: true, description: 'participants / electorate, over the sessions' }),
  }),
});

const CategoryFiguresRef = builder.objectRef<{ categoryId: number; figures: FigureSet }>('CategoryFigures').implement({
  fields: (t) => ({
    category: t.prismaField({
      type: 'Category',
      resolve: (query, row, _args, ctx) => ctx.db.category.findUniqueOrThrow({ ...query, where: { id: row.categoryId } }),
    }),
    figures: t.field({ type: FigureSetRef, resolve: (row) => row.figures }),
  }),
});

const MonthFiguresRef = builder.objectRef<{ month: string; figures: FigureSet }>('MonthFigures').implement({
  fields: (t) => ({
    month: t.exposeString('month', { description: "e.g. 2026-11, in the community's time zone." }),
    figures: t.field({ type: FigureSetRef, resolve: (row) => row.figures }),
  }),
});

const SessionParticipationRef = builder.objectRef<SessionParticipation>('SessionParticipation').implement({
  fields: (t) => ({
    sessionId: t.id({ resolve: (row) => encodeGlobalID('LiveSession', row.sessionId) }),
    title: t.exposeString('title'),
    startedAt: t.expose('startedAt', { type: 'DateTime' }),
    endedAt: t.expose('endedAt', { type: 'DateTime', nullable: true }),
    participants: t.exposeInt('participants', { description: 'Members who voted on any item of the session.' }),
    electorate: t.exposeInt('electorate', { description: 'Members entitled to vote.' }),
    participationRate: t.exposeFloat('participationRate', { nullable: true }),
  }),
});

const FiguresRef = builder.objectRef<CommunityFigures>('Figures').implement({
  description: "A community's key figures for a period, in total, by category and by month.",
  fields: (t) => ({
    community: t.prismaField({
      type: 'Community',
      resolve: (query, figures, _args, ctx) => ctx.db.community.findUniqueOrThrow({ ...query, where: { id: figures.communityId } }),
    }),
    from: t.expose('from', { type: 'DateTime' }),
    to: t.expose('to', { type: 'DateTime' }),
    timezone: t.exposeString('timezone', { description: 'The time zone the months are counted in.' }),
    totals: t.field({ type: FigureSetRef, resolve: (figures) => figures.totals }),
    // Computed together with the totals, so a breakdown costs no more than one more object.
    byCategory: t.field({ type: [CategoryFiguresRef], complexity: { field: 1, multiplier: 1 }, resolve: (figures) => figures.byCategory }),
    byMonth: t.field({ type: [MonthFiguresRef], complexity: { field: 1, multiplier: 1 }, resolve: (figures) => figures.byMonth }),
    sessions: t.field({ type: [SessionParticipationRef], complexity: { field: 1, multiplier: 1 }, resolve: (figures) => figures.sessions }),
  }),
});

const periodArgs = {
  from: { description: 'Start of the period (default: twelve whole months back).' },
  to: { description: 'End of the period, exclusive (default: now).' },
};

builder.prismaObjectFields(CommunityRef, (t) => ({
  figures: t.field({
    type: FiguresRef,
    errors: {},
    description: 'Key figures of the concerns reported in the period.',
    // A few aggregate queries, whatever the size of the community.
    complexity: 10,
    authScopes: (community) => ({ read: { communityId: community.id, area: 'FIGURES' } }),
    args: {
      from: t.arg({ type: 'DateTime', required: false, ...periodArgs.from }),
      to: t.arg({ type: 'DateTime', required: false, ...periodArgs.to }),
    },
    resolve: (community, { from, to }, ctx) => communityFigures(ctx, community.id, { from, to }),
  }),
}));

builder.queryField('figures', (t) =>
  t.field({
    type: [FiguresRef],
    errors: {},
    description: 'Key figures of several communities side by side, each by category and month.',
    // The list inside the result already counts each community ten times over.
    complexity: 10,
    args: {
      communityIds: t.arg.globalIDList({ for: CommunityRef, validate: z.array(z.unknown()).min(1, 'Name a community').max(20, 'At most 20') }),
      from: t.arg({ type: 'DateTime', required: false, ...periodArgs.from }),
      to: t.arg({ type: 'DateTime', required: false, ...periodArgs.to }),
    },
    resolve: async (_root, { communityIds, from, to }, ctx) => {
      const ids = [...new Set(communityIds.map((id) => Number(id.id)))];
      // All or nothing: one community the viewer may not read refuses the whole request.
      for (const id of ids) if (!(await canRead(ctx, id, 'FIGURES'))) throw new ForbiddenError('NOT_ALLOWED_TO_READ');
      return Promise.all(ids.map((id) => communityFigures(ctx, id, { from, to })));
    },
  }),
);
