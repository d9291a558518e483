import { z } from 'zod';
import { builder } from '../../graphql/builder.js';
import { RatingOutcome, Satisfaction } from '../../generated/sqlite/enums.js';
import { ActionRef } from '../actions/actions.schema.js';
import { canReadRatingComments } from './ratings.policy.js';
import { isWindowOpen, rateAction, ratingSummary, viewerMayRate, type RatingSummary } from './ratings.service.js';

export const SatisfactionEnum = builder.enumType(Satisfaction, { name: 'Satisfaction' });
const RatingOutcomeEnum = builder.enumType(RatingOutcome, { name: 'RatingOutcome' });

// Reached only through its action, which carries the read check.
builder.prismaObject('RatingWindow', {
  fields: (t) => ({
    openedAt: t.expose('openedAt', { type: 'DateTime' }),
    closesAt: t.expose('closesAt', { type: 'DateTime' }),
    closedAt: t.expose('closedAt', { type: 'DateTime', nullable: true }),
    isOpen: t.boolean({ resolve: (window, _args, ctx) => isWindowOpen(window, ctx.clock.now()) }),
    outcome: t.expose('outcome', { type: RatingOutcomeEnum, nullable: true }),
    dissatisfactionPercent: t.exposeInt('dissatisfactionPercent', {
      description: 'The concern reopens when dissatisfied ratings are more than this share; frozen when the window opened.',
    }),
  }),
});

const RatingSummaryRef = builder.objectRef<RatingSummary>('RatingSummary').implement({
  description: 'How the people who raised the concern judged the result: counts only.',
  fields: (t) => ({
    satisfied: t.exposeInt('satisfied'),
    basicallySatisfied: t.exposeInt('basicallySatisfied'),
    dissatisfied: t.exposeInt('dissatisfied'),
    total: t.exposeInt('total'),
    satisfactionPercent: t.exposeFloat('satisfactionPercent', {
      nullable: true,
      description: '(satisfied + basically satisfied) / total, 0–100 with one decimal; null without ratings.',
    }),
  }),
});

builder.prismaObject('Rating', {
  name: 'MyRating',
  description: "The viewer's own rating; nobody else's is ever shown.",
  fields: (t) => ({
    value: t.expose('value', { type: SatisfactionEnum }),
    comment: t.exposeString('comment'),
    updatedAt: t.expose('updatedAt', { type: 'DateTime' }),
  }),
});

const RatingCommentRef = builder.objectRef<{ value: Satisfaction; comment: string }>('RatingComment').implement({
  description: 'A comment left with a rating, without its author or time.',
  fields: (t) => ({
    value: t.expose('value', { type: SatisfactionEnum }),
    comment: t.exposeString('comment'),
  }),
});

builder.prismaObjectFields(ActionRef, (t) => ({
  ratingWindow: t.relation('ratingWindow', {
    nullable: true,
    description: "Open for the action that finished its concern, while the people who raised it rate the result.",
  }),
  ratingSummary: t.field({
    type: RatingSummaryRef,
    resolve: (action, _args, ctx) => ratingSummary(ctx.db, action.id),
  }),
  myRating: t.prismaField({
    type: 'Rating',
    nullable: true,
    resolve: (query, action, _args, ctx) =>
      ctx.viewer.kind === 'user'
        ? ctx.db.rating.findUnique({ ...query, where: { actionId_raterId: { actionId: action.id, raterId: ctx.viewer.userId } } })
        : null,
  }),
  canRate: t.boolean({
    description: 'Whether the viewer may rate now: they reported, seconded or voted, and the window is open.',
    select: { concernId: true },
    resolve: (action, _args, ctx) => viewerMayRate(ctx, { id: action.id, concernId: action.concernId, communityId: action.concern.communityId }),
  }),
  ratingComments: t.field({
    type: [RatingCommentRef],
    nullable: true,
    description:
      'Comments left with ratings, for cadres (null for others): anonymous, sorted by value and text so their order tells nothing.',
    resolve: async (action, _args, ctx) => {
      if (!canReadRatingComments(ctx.viewer, action.concern.communityId)) return null;
      const rows = await ctx.db.rating.findMany({
        where: { actionId: action.id, comment: { not: '' } },
        select: { value: true, comment: true },
      });
      // Sorted here: the databases order enum values differently (declaration order against text).
      const rank = Object.values(Satisfaction);
      return rows.sort((a, b) => rank.indexOf(a.value) - rank.indexOf(b.value) || (a.comment < b.comment ? -1 : a.comment > b.comment ? 1 : 0));
    },
  }),
}));

builder.mutationField('rateAction', (t) =>
  t.prismaField({
    type: 'Action',
    errors: {},
    description: 'Rates a done action, or changes your rating while the window is open. Only the reporter, seconders and voters may.',
    args: {
      actionId: t.arg.globalID({ for: ActionRef }),
      value: t.arg({ type: SatisfactionEnum }),
      comment: t.arg.string({ required: false, validate: z.string().max(500, 'At most 500 characters').nullish() }),
    },
    resolve: async (query, _root, { actionId, value, comment }, ctx) => {
      const action = await rateAction(ctx, Number(actionId.id), value, comment?.trim() ?? '');
      return ctx.db.action.findUniqueOrThrow({ ...query, where: { id: action.id } });
    },
  }),
);
