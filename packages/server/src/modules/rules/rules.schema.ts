import { z } from 'zod';
import type { Db } from '../../db/client.js';
import { builder, connectionComplexity } from '../../graphql/builder.js';
import { RuleStatus } from '../../generated/sqlite/enums.js';
import { CommunityKindEnum, CommunityRef } from '../communities/communities.schema.js';
import { DecisionRef } from '../votes/votes.schema.js';
import { lineDiff } from './line-diff.js';
import { canManageRules, canReadRule, ownRuleCommunities, readableRulesWhere } from './rules.policy.js';
import { adoptRule, amendRule, draftRule, publishRule, retireRule } from './rules.service.js';

export const RuleStatusEnum = builder.enumType(RuleStatus, { name: 'RuleStatus' });
const DiffKindEnum = builder.enumType('RuleDiffKind', { values: ['SAME', 'ADDED', 'REMOVED'] as const });

const visibility = { communityId: true, status: true, isPublic: true } as const;
// The latest version is the current one: versions are only ever appended.
const latestVersion = { versions: { orderBy: { version: 'desc' }, take: 1 } } as const;

export const RuleRef = builder.prismaNode('Rule', {
  id: { field: 'id' },
  select: visibility,
  authScopes: (rule, ctx) => canReadRule(ctx, rule),
  fields: (t) => ({
    status: t.expose('status', { type: RuleStatusEnum }),
    isPublic: t.exposeBoolean('isPublic', { description: 'Shown in the practice library to other communities.' }),
    currentVersion: t.exposeInt('currentVersion'),
    title: t.string({ select: latestVersion, resolve: (rule) => rule.versions[0]!.title }),
    body: t.string({ select: latestVersion, resolve: (rule) => rule.versions[0]!.body }),
    effectiveAt: t.field({ type: 'DateTime', select: latestVersion, resolve: (rule) => rule.versions[0]!.effectiveAt }),
    reviewAt: t.field({ type: 'DateTime', select: latestVersion, resolve: (rule) => rule.versions[0]!.reviewAt }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    retiredAt: t.expose('retiredAt', { type: 'DateTime', nullable: true }),
    retireReason: t.exposeString('retireReason', { nullable: true }),
    community: t.relation('community'),
    versions: t.relation('versions', { description: 'Every version, oldest first.', query: { orderBy: { version: 'asc' } } }),
    sourceDecision: t.relation('sourceDecision', { nullable: true, description: 'The decision the rule came from; none for an adopted copy.' }),
    adoptedFrom: t.relation('adoptedFrom', { nullable: true, description: "Where this community's copy came from." }),
    adoptionCount: t.relationCount('adoptedAs', { description: 'How many communities have adopted this rule.' }),
    fromMyCommunity: t.boolean({
      description: "Whether the rule belongs to one of the viewer's own communities.",
      resolve: (rule, _args, ctx) => ownRuleCommunities(ctx.viewer).includes(rule.communityId),
    }),
    canManage: t.boolean({
      description: 'Whether the viewer may publish, amend or retire it.',
      resolve: (rule, _args, ctx) => canManageRules(ctx.viewer, rule.communityId),
    }),
  }),
});

const DiffLineRef = builder.objectRef<{ kind: 'SAME' | 'ADDED' | 'REMOVED'; text: string }>('RuleDiffLine').implement({
  fields: (t) => ({
    kind: t.field({ type: DiffKindEnum, resolve: (line) => line.kind }),
    text: t.exposeString('text'),
  }),
});

builder.prismaObject('RuleVersion', {
  select: { ruleId: true, version: true, rule: { select: visibility } },
  authScopes: (version, ctx) => canReadRule(ctx, version.rule),
  fields: (t) => ({
    version: t.exposeInt('version'),
    title: t.exposeString('title'),
    body: t.exposeString('body'),
    effectiveAt: t.expose('effectiveAt', { type: 'DateTime' }),
    reviewAt: t.expose('reviewAt', { type: 'DateTime' }),
    changeNote: t.exposeString('changeNote'),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    createdBy: t.relation('createdBy'),
    previousTitle: t.string({
      nullable: true,
      description: 'The title of the version before, when this one changed it.',
      select: { title: true },
      resolve: async (version, _args, ctx) => {
        const previous = await previousVersion(ctx.db, version.ruleId, version.version);
        return previous && previous.title !== version.title ? previous.title : null;
      },
    }),
    bodyDiff: t.field({
      type: [DiffLineRef],
      nullable: true,
      description: 'Line by line, how the body differs from the version before; null for the first version.',
      select: { body: true },
      resolve: async (version, _args, ctx) => {
        const previous = await previousVersion(ctx.db, version.ruleId, version.version);
        return previous ? lineDiff(previous.body, version.body) : null;
      },
    }),
  }),
});

function previousVersion(db: Db, ruleId: number, version: number) {
  if (version <= 1) return Promise.resolve(null);
  return db.ruleVersion.findUnique({ where: { ruleId_version: { ruleId, version: version - 1 } }, select: { title: true, body: true } });
}

builder.prismaObject('RuleAdoption', {
  fields: (t) => ({
    sourceVersion: t.exposeInt('sourceVersion', { description: 'The version of the source that was copied.' }),
    adoptedAt: t.expose('adoptedAt', { type: 'DateTime' }),
    adoptedBy: t.relation('adoptedBy'),
    sourceRule: t.prismaField({
      type: 'Rule',
      nullable: true,
      description: 'The rule it was copied from; null once the viewer may no longer see it (retired, or its community went private).',
      select: { sourceRuleId: true },
      resolve: async (query, adoption, _args, ctx) => {
        const source = await ctx.db.rule.findUnique({ ...query, where: { id: adoption.sourceRuleId } });
        return source && (await canReadRule(ctx, source)) ? source : null;
      },
    }),
  }),
});

builder.prismaObjectField(CommunityRef, 'rules', (t) =>
  t.relation('rules', {
    description: 'The rules of this community: drafts for its cadres, private ones for its members.',
    args: { status: t.arg({ type: RuleStatusEnum, required: false }) },
    query: ({ status }, ctx) => ({
      where: { AND: [readableRulesWhere(ctx.viewer), status ? { status } : {}] },
      orderBy: { id: 'asc' },
    }),
  }),
);

builder.prismaObjectField(DecisionRef, 'rules', (t) =>
  t.relation('rules', {
    description: 'The standing rules made from it (drafts only for cadres).',
    query: (_args, ctx) => ({ where: readableRulesWhere(ctx.viewer), orderBy: { id: 'asc' } }),
  }),
);

builder.queryFields((t) => ({
  rule: t.prismaField({
    type: 'Rule',
    nullable: true,
    description: 'A rule by id; null when there is none the viewer may see.',
    args: { id: t.arg.globalID({ for: RuleRef }) },
    resolve: (query, _root, { id }, ctx) => ctx.db.rule.findFirst({ ...query, where: { AND: [{ id: Number(id.id) }, readableRulesWhere(ctx.viewer)] } }),
  }),
  practiceLibrary: t.prismaConnection({
    complexity: connectionComplexity,
    type: 'Rule',
    cursor: 'id',
    description:
      "Rules in force that public communities share, for anyone to read and cadres to adopt; the viewer's own communities' rules are included and marked (fromMyCommunity).",
    args: {
      search: t.arg.string({ required: false, validate: z.string().trim().max(40, 'At most 40 characters').nullish() }),
      kind: t.arg({ type: CommunityKindEnum, required: false, description: 'Only rules of this kind of community.' }),
    },
    resolve: (query, _root, { search, kind }, ctx) => {
      const text = search?.trim();
      return ctx.db.rule.findMany({
        ...query,
        where: {
          status: 'IN_FORCE',
          OR: [{ isPublic: true, community: { isPublic: true } }, { communityId: { in: ownRuleCommunities(ctx.viewer) } }],
          ...(kind ? { community: { kind } } : {}),
          // Any version matches: a search for words a rule once held still finds it.
          ...(text ? { versions: { some: { OR: [{ title: { contains: text } }, { body: { contains: text } }] } } } : {}),
        },
        orderBy: { id: 'desc' },
      });
    },
  }),
}));

const title = z.string().trim().min(1, 'Enter a title').max(80, 'At most 80 characters');
const body = z.string().trim().min(1, 'Write the rule').max(5000, 'At most 5000 characters');
const datesInOrder = (input: { effectiveAt: Date; reviewAt: Date }) => input.reviewAt.getTime() > input.effectiveAt.getTime();
const datesMessage = { message: 'The review date must come after the date it takes effect', path: ['reviewAt'] };

const DraftRuleInput = builder.inputType('DraftRuleInput', {
  fields: (t) => ({
    title: t.string(),
    body: t.string(),
    effectiveAt: t.field({ type: 'DateTime' }),
    reviewAt: t.field({ type: 'DateTime', description: 'When the community looks at the rule again.' }),
    isPublic: t.boolean({ defaultValue: true, description: 'Shown in the practice library to other communities.' }),
  }),
  validate: z.looseObject({ title, body, effectiveAt: z.date(), reviewAt: z.date() }).refine(datesInOrder, datesMessage),
});

const AmendRuleInput = builder.inputType('AmendRuleInput', {
  fields: (t) => ({
    title: t.string(),
    body: t.string(),
    effectiveAt: t.field({ type: 'DateTime' }),
    reviewAt: t.field({ type: 'DateTime' }),
    changeNote: t.string({ description: 'What changed and why.' }),
  }),
  validate: z
    .object({ title, body, effectiveAt: z.date(), reviewAt: z.date(), changeNote: z.string().trim().min(1, 'Say what changed and why').max(500, 'At most 500 characters') })
    .refine(datesInOrder, datesMessage),
});

const trimmed = <T extends { title: string; body: string }>(input: T): T => ({ ...input, title: input.title.trim(), body: input.body.trim() });

builder.mutationFields((t) => ({
  draftRule: t.prismaField({
    type: 'Rule',
    errors: {},
    description: 'Drafts a standing rule from a decision (cadres).',
    args: { decisionId: t.arg.globalID({ for: DecisionRef }), input: t.arg({ type: DraftRuleInput }) },
    resolve: async (query, _root, { decisionId, input }, ctx) => {
      const rule = await draftRule(ctx, Number(decisionId.id), trimmed(input));
      return ctx.db.rule.findUniqueOrThrow({ ...query, where: { id: rule.id } });
    },
  }),
  publishRule: t.prismaField({
    type: 'Rule',
    errors: {},
    description: 'Puts a draft in force.',
    args: { ruleId: t.arg.globalID({ for: RuleRef }) },
    resolve: async (query, _root, { ruleId }, ctx) => {
      const rule = await publishRule(ctx, Number(ruleId.id));
      return ctx.db.rule.findUniqueOrThrow({ ...query, where: { id: rule.id } });
    },
  }),
  amendRule: t.prismaField({
    type: 'Rule',
    errors: {},
    description: 'Writes a new version of the rule; the earlier ones are kept.',
    args: { ruleId: t.arg.globalID({ for: RuleRef }), input: t.arg({ type: AmendRuleInput }) },
    resolve: async (query, _root, { ruleId, input }, ctx) => {
      const rule = await amendRule(ctx, Number(ruleId.id), { ...trimmed(input), changeNote: input.changeNote.trim() });
      return ctx.db.rule.findUniqueOrThrow({ ...query, where: { id: rule.id } });
    },
  }),
  retireRule: t.prismaField({
    type: 'Rule',
    errors: {},
    args: {
      ruleId: t.arg.globalID({ for: RuleRef }),
      reason: t.arg.string({ validate: z.string().trim().min(1, 'Say why').max(500, 'At most 500 characters') }),
    },
    resolve: async (query, _root, { ruleId, reason }, ctx) => {
      const rule = await retireRule(ctx, Number(ruleId.id), reason.trim());
      return ctx.db.rule.findUniqueOrThrow({ ...query, where: { id: rule.id } });
    },
  }),
  adoptRule: t.prismaField({
    type: 'Rule',
    errors: {},
    description: "Copies a rule from the practice library into a draft of the community (cadres of that community).",
    args: { ruleId: t.arg.globalID({ for: RuleRef }), communityId: t.arg.globalID({ for: CommunityRef }) },
    resolve: async (query, _root, { ruleId, communityId }, ctx) => {
      const rule = await adoptRule(ctx, Number(ruleId.id), Number(communityId.id));
      return ctx.db.rule.findUniqueOrThrow({ ...query, where: { id: rule.id } });
    },
  }),
}));
