import { encodeGlobalID } from '@pothos/plugin-relay';
import { z } from 'zod';
import { builder, connectionComplexity } from '../../graphql/builder.js';
import { CommunityRef } from '../communities/communities.schema.js';
import { canReadAuditTrail } from './audit.policy.js';

// Append-only, and never holding a vote choice or an individual rating (see audit.service.ts).
export const AuditEventRef = builder.prismaNode('AuditEvent', {
  id: { field: 'id' },
  select: { communityId: true },
  authScopes: (event, ctx) => canReadAuditTrail(ctx.viewer, event.communityId),
  fields: (t) => ({
    kind: t.exposeString('kind', { description: 'e.g. concern.acknowledged, action.status_changed, rule.adopted.' }),
    subjectType: t.exposeString('subjectType'),
    subjectId: t.id({
      description: 'The global id of what it happened to.',
      select: { subjectType: true, subjectId: true },
      resolve: (event) => encodeGlobalID(event.subjectType, event.subjectId),
    }),
    concernId: t.id({
      nullable: true,
      description: "Set when the event is on a concern's public timeline.",
      select: { concernId: true },
      resolve: (event) => (event.concernId ? encodeGlobalID('Concern', event.concernId) : null),
    }),
    actor: t.relation('actor', { nullable: true, description: 'Null for the system (the scheduler).' }),
    data: t.expose('data', { type: 'JSON' }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
  }),
});

builder.prismaObjectField(CommunityRef, 'auditTrail', (t) =>
  t.relatedConnection('auditEvents', {
    complexity: connectionComplexity,
    description: 'Who did what and when, newest first (cadres and admins).',
    authScopes: (community) => ({ cadre: community.id }),
    cursor: 'id',
    args: {
      kind: t.arg.string({
        required: false,
        description: 'A kind (action.created) or a family of kinds (action).',
        validate: z.string().regex(/^[a-z_]+(\.[a-z_]+)?$/, 'A kind such as action.created, or a family such as action').nullish(),
      }),
    },
    query: ({ kind }) => ({
      where: kind ? { OR: [{ kind }, { kind: { startsWith: `${kind}.` } }] } : {},
      orderBy: { id: 'desc' },
    }),
  }),
);
