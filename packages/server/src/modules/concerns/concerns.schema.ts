import { builder } from '../../graphql/builder.js';
import { ConcernStatus } from '../../generated/sqlite/enums.js';
import { readableCommunityWhere } from '../communities/communities.service.js';

export const ConcernStatusEnum = builder.enumType(ConcernStatus, { name: 'ConcernStatus' });

// A resident's report of a "key small thing", and everything the loop does with it.
export const ConcernRef = builder.prismaNode('Concern', {
  id: { field: 'id' },
  authScopes: (concern) => ({ read: { communityId: concern.communityId, area: 'BOARD' } }),
  fields: (t) => ({
    title: t.exposeString('title'),
    body: t.exposeString('body'),
    place: t.exposeString('place'),
    status: t.expose('status', { type: ConcernStatusEnum }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    deadlineAt: t.expose('deadlineAt', { type: 'DateTime' }),
    community: t.relation('community'),
    category: t.relation('category'),
  }),
});

builder.queryField('concern', (t) =>
  t.prismaField({
    type: 'Concern',
    nullable: true,
    description: 'A concern by id; null when there is none the viewer may see.',
    args: { id: t.arg.globalID({ for: ConcernRef }) },
    resolve: (query, _root, { id }, ctx) =>
      ctx.db.concern.findFirst({ ...query, where: { id: Number(id.id), community: readableCommunityWhere(ctx, 'BOARD') } }),
  }),
);
