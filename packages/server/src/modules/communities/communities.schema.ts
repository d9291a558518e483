import { z } from 'zod';
import { builder, connectionComplexity } from '../../graphql/builder.js';
import { CommunityKind, GroupKind } from '../../generated/sqlite/enums.js';
import { RoleEnum } from '../members/members.schema.js';
import { roleIn } from '../members/members.policy.js';
import { addGroup, saveCategory, updateSettings, visibleCommunitiesWhere } from './communities.service.js';

export const CommunityKindEnum = builder.enumType(CommunityKind, { name: 'CommunityKind' });
const GroupKindEnum = builder.enumType(GroupKind, { name: 'GroupKind' });

const CommunitySettingsRef = builder.prismaObject('Community', {
  variant: 'CommunitySettings',
  authScopes: (community) => ({ community: community.id }),
  fields: (t) => ({
    defaultEchoHours: t.exposeInt('defaultEchoHours'),
    quorumPercent: t.exposeInt('quorumPercent', { description: 'Share of members who must vote for a decision to count.' }),
    thresholdPercent: t.exposeInt('thresholdPercent', {
      description: 'A proposal is adopted when support is more than this share of support + oppose.',
    }),
    dissatisfactionPercent: t.exposeInt('dissatisfactionPercent', {
      description: 'A concern reopens when dissatisfied ratings pass this share.',
    }),
    ratingWindowDays: t.exposeInt('ratingWindowDays'),
    ruleReviewNoticeDays: t.exposeInt('ruleReviewNoticeDays'),
  }),
});

export const CommunityRef = builder.prismaNode('Community', {
  id: { field: 'id' },
  authScopes: (community) => ({ community: community.id }),
  fields: (t) => ({
    slug: t.exposeString('slug'),
    name: t.exposeString('name'),
    nameEn: t.exposeString('nameEn'),
    kind: t.expose('kind', { type: CommunityKindEnum }),
    isPublic: t.exposeBoolean('isPublic'),
    timezone: t.exposeString('timezone'),
    settings: t.variant(CommunitySettingsRef, { description: 'Deadlines and thresholds the community has set.' }),
    groups: t.relation('groups', { query: { orderBy: { position: 'asc' } } }),
    categories: t.relation('categories', {
      args: { includeArchived: t.arg.boolean({ defaultValue: false }) },
      query: ({ includeArchived }) => ({
        where: includeArchived ? {} : { archived: false },
        orderBy: { position: 'asc' },
      }),
    }),
    myRole: t.field({
      type: RoleEnum,
      nullable: true,
      description: "The viewer's role here, or null for non-members.",
      resolve: (community, _args, ctx) => roleIn(ctx.viewer, community.id),
    }),
    members: t.relatedConnection('memberships', {
      complexity: connectionComplexity,
      authScopes: (community) => ({ admin: community.id }),
      cursor: 'id',
      args: {
        role: t.arg({ type: RoleEnum, required: false }),
        search: t.arg.string({ required: false, validate: z.string().max(64) }),
      },
      query: ({ role, search }) => ({
        where: {
          ...(role ? { role } : {}),
          ...(search ? { user: { OR: [{ displayName: { contains: search } }, { login: { contains: search } }] } } : {}),
        },
        orderBy: { id: 'asc' },
      }),
    }),
    invitations: t.relation('invitations', {
      authScopes: (community) => ({ admin: community.id }),
      query: { orderBy: { createdAt: 'desc' }, take: 100 },
    }),
  }),
});

export const GroupRef = builder.prismaNode('Group', {
  id: { field: 'id' },
  authScopes: (group) => ({ community: group.communityId }),
  fields: (t) => ({
    kind: t.expose('kind', { type: GroupKindEnum }),
    name: t.exposeString('name'),
    nameEn: t.exposeString('nameEn'),
  }),
});

export const CategoryRef = builder.prismaNode('Category', {
  id: { field: 'id' },
  authScopes: (category) => ({ community: category.communityId }),
  fields: (t) => ({
    key: t.exposeString('key'),
    name: t.exposeString('name'),
    nameEn: t.exposeString('nameEn'),
    echoHours: t.exposeInt('echoHours', { description: 'Hours within which a cadre must answer a concern of this kind.' }),
    archived: t.exposeBoolean('archived'),
  }),
});

builder.queryFields((t) => ({
  communities: t.prismaField({
    type: ['Community'],
    description: 'Every public community, and the ones the viewer belongs to.',
    resolve: (query, _root, _args, ctx) =>
      ctx.db.community.findMany({ ...query, where: visibleCommunitiesWhere(ctx), orderBy: { id: 'asc' } }),
  }),
  community: t.prismaField({
    type: 'Community',
    nullable: true,
    description: 'A community by its slug; null when there is none the viewer may see.',
    args: { slug: t.arg.string({ validate: z.string().max(64) }) },
    resolve: (query, _root, { slug }, ctx) =>
      ctx.db.community.findFirst({ ...query, where: { AND: [{ slug }, visibleCommunitiesWhere(ctx)] } }),
  }),
}));

const percent = z.number().int().min(0, 'At least 0').max(100, 'At most 100');

const CommunitySettingsInput = builder.inputType('CommunitySettingsInput', {
  fields: (t) => ({
    name: t.string({ required: false }),
    nameEn: t.string({ required: false }),
    isPublic: t.boolean({ required: false }),
    defaultEchoHours: t.int({ required: false }),
    quorumPercent: t.int({ required: false }),
    thresholdPercent: t.int({ required: false }),
    dissatisfactionPercent: t.int({ required: false }),
    ratingWindowDays: t.int({ required: false }),
    ruleReviewNoticeDays: t.int({ required: false }),
  }),
  validate: z.object({
    name: z.string().trim().min(1).max(60).nullish(),
    nameEn: z.string().trim().min(1).max(80).nullish(),
    isPublic: z.boolean().nullish(),
    defaultEchoHours: z.number().int().min(1, 'At least 1 hour').max(24 * 60, 'At most 60 days').nullish(),
    quorumPercent: percent.nullish(),
    thresholdPercent: z.number().int().min(50, 'At least 50').max(100, 'At most 100').nullish(),
    dissatisfactionPercent: percent.min(1, 'At least 1').nullish(),
    ratingWindowDays: z.number().int().min(1, 'At least 1 day').max(90, 'At most 90 days').nullish(),
    ruleReviewNoticeDays: z.number().int().min(1, 'At least 1 day').max(180, 'At most 180 days').nullish(),
  }),
});

const CategoryInput = builder.inputType('CategoryInput', {
  fields: (t) => ({
    key: t.string(),
    name: t.string(),
    nameEn: t.string(),
    echoHours: t.int(),
    archived: t.boolean({ required: false }),
  }),
  validate: z.object({
    key: z.string().regex(/^[a-z][a-z0-9-]{1,31}$/, 'Lowercase letters, digits and -'),
    name: z.string().trim().min(1).max(30),
    nameEn: z.string().trim().min(1).max(40),
    echoHours: z.number().int().min(1, 'At least 1 hour').max(24 * 60, 'At most 60 days'),
    archived: z.boolean().nullish(),
  }),
});

const GroupInput = builder.inputType('GroupInput', {
  fields: (t) => ({
    kind: t.field({ type: GroupKindEnum }),
    name: t.string(),
    nameEn: t.string(),
  }),
  validate: z.looseObject({
    name: z.string().trim().min(1).max(30),
    nameEn: z.string().trim().min(1).max(40),
  }),
});

builder.mutationFields((t) => ({
  updateCommunitySettings: t.prismaField({
    type: 'Community',
    errors: {},
    args: { communityId: t.arg.globalID({ for: CommunityRef }), input: t.arg({ type: CommunitySettingsInput }) },
    resolve: async (query, _root, { communityId, input }, ctx) => {
      const community = await updateSettings(ctx, Number(communityId.id), input);
      return ctx.db.community.findUniqueOrThrow({ ...query, where: { id: community.id } });
    },
  }),
  saveCategory: t.prismaField({
    type: 'Category',
    errors: {},
    description: 'Adds a category, or changes the one with this key (e.g. its echo deadline).',
    args: { communityId: t.arg.globalID({ for: CommunityRef }), input: t.arg({ type: CategoryInput }) },
    resolve: async (query, _root, { communityId, input }, ctx) => {
      const category = await saveCategory(ctx, Number(communityId.id), input);
      return ctx.db.category.findUniqueOrThrow({ ...query, where: { id: category.id } });
    },
  }),
  addGroup: t.prismaField({
    type: 'Group',
    errors: {},
    description: 'Adds a building or a hamlet.',
    args: { communityId: t.arg.globalID({ for: CommunityRef }), input: t.arg({ type: GroupInput }) },
    resolve: async (query, _root, { communityId, input }, ctx) => {
      const group = await addGroup(ctx, Number(communityId.id), input);
      return ctx.db.group.findUniqueOrThrow({ ...query, where: { id: group.id } });
    },
  }),
}));
