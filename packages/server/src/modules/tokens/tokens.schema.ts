import { z } from 'zod';
import { builder } from '../../graphql/builder.js';
import { CommunityRef } from '../communities/communities.schema.js';
import { apiScopes, createApiToken, parseScopes, revokeApiToken } from './tokens.service.js';

export const ApiScopeEnum = builder.enumType('ApiScope', {
  description: 'What part of its community an API token may read.',
  values: apiScopes,
});

// What admins see of a token: never its hash, and never the secret after it was created.
export const ApiTokenRef = builder.prismaNode('ApiToken', {
  id: { field: 'id' },
  authScopes: (token) => ({ admin: token.communityId }),
  fields: (t) => ({
    name: t.exposeString('name'),
    prefix: t.exposeString('prefix', { description: 'The first characters of the secret, to tell tokens apart.' }),
    scopes: t.field({ type: [ApiScopeEnum], resolve: (token) => parseScopes(token.scopes) }),
    expiresAt: t.expose('expiresAt', { type: 'DateTime', nullable: true }),
    revokedAt: t.expose('revokedAt', { type: 'DateTime', nullable: true }),
    lastUsedAt: t.expose('lastUsedAt', { type: 'DateTime', nullable: true, description: 'Updated at most once a minute.' }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    createdBy: t.relation('createdBy'),
  }),
});

const CreatedApiToken = builder
  .objectRef<{ token: { id: number }; secret: string }>('CreatedApiToken')
  .implement({
    fields: (t) => ({
      secret: t.exposeString('secret', {
        description: 'Send as "Authorization: Bearer <secret>". Shown this once; only its SHA-256 is stored.',
      }),
      token: t.prismaField({
        type: 'ApiToken',
        resolve: (query, created, _args, ctx) => ctx.db.apiToken.findUniqueOrThrow({ ...query, where: { id: created.token.id } }),
      }),
    }),
  });

const CreateApiTokenInput = builder.inputType('CreateApiTokenInput', {
  fields: (t) => ({
    communityId: t.globalID({ for: CommunityRef }),
    name: t.string({ description: 'Who uses it, e.g. "街道数据大屏".' }),
    scopes: t.field({ type: [ApiScopeEnum] }),
    expiresAt: t.field({ type: 'DateTime', required: false }),
  }),
  // Loose, so the id and the expiry pass through unchanged (the expiry is checked against the clock).
  validate: z.looseObject({
    name: z.string().trim().min(1, 'Required').max(80, 'At most 80 characters'),
    scopes: z.array(z.enum(apiScopes)).min(1, 'Choose at least one scope'),
  }),
});

builder.prismaObjectField(CommunityRef, 'apiTokens', (t) =>
  t.relation('apiTokens', {
    authScopes: (community) => ({ admin: community.id }),
    description: 'API tokens for third parties, newest first (admins).',
    query: { orderBy: { id: 'desc' }, take: 100 },
  }),
);

builder.mutationFields((t) => ({
  createApiToken: t.field({
    type: CreatedApiToken,
    errors: {},
    description: 'An admin lets a third party read parts of the community. The secret is in the answer, once.',
    args: { input: t.arg({ type: CreateApiTokenInput }) },
    resolve: (_root, { input }, ctx) =>
      createApiToken(ctx, {
        communityId: Number(input.communityId.id),
        name: input.name.trim(),
        scopes: input.scopes,
        expiresAt: input.expiresAt ?? null,
      }),
  }),
  revokeApiToken: t.prismaField({
    type: 'ApiToken',
    errors: {},
    args: { tokenId: t.arg.globalID({ for: ApiTokenRef }) },
    resolve: async (query, _root, { tokenId }, ctx) => {
      const token = await revokeApiToken(ctx, Number(tokenId.id));
      return ctx.db.apiToken.findUniqueOrThrow({ ...query, where: { id: token.id } });
    },
  }),
}));
