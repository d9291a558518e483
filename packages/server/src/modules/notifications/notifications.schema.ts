import { z } from 'zod';
import { builder, connectionComplexity } from '../../graphql/builder.js';
import { isSelf } from '../identity/identity.policy.js';
import { MeRef } from '../identity/identity.schema.js';
import { markNotificationsRead, unreadNotificationCount } from './notifications.service.js';

// A notification is its recipient's alone.
export const NotificationRef = builder.prismaNode('Notification', {
  id: { field: 'id' },
  select: { userId: true },
  authScopes: (notification, ctx) => isSelf(ctx.viewer, notification.userId),
  fields: (t) => ({
    kind: t.exposeString('kind', { description: 'A message key the client translates, e.g. ACTION_PROGRESS.' }),
    params: t.expose('params', { type: 'JSON', description: 'Values the message needs, e.g. { concernId, title }.' }),
    subject: t.exposeString('subject', { description: 'Where a click leads, e.g. "concern:12".' }),
    read: t.boolean({ select: { readAt: true }, resolve: (notification) => notification.readAt !== null }),
    readAt: t.expose('readAt', { type: 'DateTime', nullable: true }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    community: t.relation('community', { nullable: true }),
  }),
});

builder.objectFields(MeRef, (t) => ({
  notifications: t.prismaConnection({
    complexity: connectionComplexity,
    type: 'Notification',
    cursor: 'id',
    description: 'Newest first.',
    args: { unreadOnly: t.arg.boolean({ defaultValue: false }) },
    resolve: (query, me, { unreadOnly }, ctx) =>
      ctx.db.notification.findMany({ ...query, where: { userId: me.userId, ...(unreadOnly ? { readAt: null } : {}) }, orderBy: { id: 'desc' } }),
  }),
  unreadNotificationCount: t.int({ resolve: (me, _args, ctx) => unreadNotificationCount(ctx.db, me.userId) }),
}));

const MarkNotificationsReadInput = builder.inputType('MarkNotificationsReadInput', {
  fields: (t) => ({
    ids: t.globalIDList({ for: NotificationRef, required: false }),
    all: t.boolean({ required: false, description: 'Every unread notification of the viewer.' }),
  }),
  validate: z
    .looseObject({ ids: z.array(z.unknown()).max(100, 'At most 100 at once').nullish(), all: z.boolean().nullish() })
    .refine((input) => Boolean(input.all) !== Boolean(input.ids?.length), { message: 'Give either ids or all', path: ['ids'] }),
});

builder.mutationField('markNotificationsRead', (t) =>
  t.field({
    type: MeRef,
    errors: {},
    description: 'Marks notifications read; returns the viewer, with the new unread count.',
    args: { input: t.arg({ type: MarkNotificationsReadInput }) },
    resolve: async (_root, { input }, ctx) => {
      const { userId } = await markNotificationsRead(ctx, { ids: input.ids?.map((id) => Number(id.id)), all: input.all });
      return { userId };
    },
  }),
);
