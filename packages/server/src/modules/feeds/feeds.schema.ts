import { encodeGlobalID } from '@pothos/plugin-relay';
import { builder } from '../../graphql/builder.js';
import type { BoardChange, ModerationSnapshot, NotificationSnapshot } from '../../events/topics.js';
import { CommunityRef } from '../communities/communities.schema.js';
import { ConcernStatusEnum } from '../concerns/concerns.schema.js';
import { requireUser } from '../identity/identity.policy.js';
import { boardChanges, moderationSnapshots, notificationSnapshots } from './feeds.service.js';

const ModerationSnapshotRef = builder.objectRef<ModerationSnapshot>('ModerationSnapshot').implement({
  description: 'What awaits a cadre: concerns reported and not yet answered, and which of them are overdue.',
  fields: (t) => ({
    communityId: t.id({ resolve: (snapshot) => encodeGlobalID('Community', snapshot.communityId) }),
    version: t.exposeFloat('version', { description: 'A time-based version (milliseconds): keep the snapshot with the highest.' }),
    pendingConcernIds: t.idList({ resolve: (snapshot) => snapshot.pendingConcernIds.map((id) => encodeGlobalID('Concern', id)) }),
    overdueConcernIds: t.idList({ resolve: (snapshot) => snapshot.overdueConcernIds.map((id) => encodeGlobalID('Concern', id)) }),
    pendingConcerns: t.prismaField({
      type: ['Concern'],
      description: 'The pending concerns themselves, oldest first.',
      resolve: (query, snapshot, _args, ctx) =>
        ctx.db.concern.findMany({ ...query, where: { id: { in: snapshot.pendingConcernIds } }, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] }),
    }),
  }),
});

const NotificationSnapshotRef = builder.objectRef<NotificationSnapshot>('NotificationSnapshot').implement({
  description: "The viewer's bell: how many notifications are unread, and the latest.",
  fields: (t) => ({
    version: t.exposeFloat('version', { description: 'A time-based version (milliseconds): keep the snapshot with the highest.' }),
    unreadCount: t.exposeInt('unreadCount'),
    latestId: t.id({ nullable: true, resolve: (snapshot) => (snapshot.latestId ? encodeGlobalID('Notification', snapshot.latestId) : null) }),
  }),
});

const BoardChangeRef = builder.objectRef<BoardChange>('BoardChange').implement({
  description: 'A concern on the board changed: re-read it when you hold an older version.',
  fields: (t) => ({
    communityId: t.id({ resolve: (change) => encodeGlobalID('Community', change.communityId) }),
    concernId: t.id({ resolve: (change) => encodeGlobalID('Concern', change.concernId) }),
    version: t.exposeInt('version'),
    status: t.expose('status', { type: ConcernStatusEnum }),
  }),
});

builder.subscriptionFields((t) => ({
  moderationQueue: t.field({
    type: ModerationSnapshotRef,
    description: "For the community's cadres.",
    args: { communityId: t.arg.globalID({ for: CommunityRef }) },
    authScopes: (_root, { communityId }) => ({ cadre: Number(communityId.id) }),
    subscribe: (_root, { communityId }, ctx) => moderationSnapshots(ctx, Number(communityId.id)),
    resolve: (snapshot) => snapshot,
  }),
  notifications: t.field({
    type: NotificationSnapshotRef,
    description: "The viewer's own notification bell.",
    authScopes: { signedIn: true },
    subscribe: (_root, _args, ctx) => notificationSnapshots(ctx, requireUser(ctx.viewer).userId),
    resolve: (snapshot) => snapshot,
  }),
  board: t.field({
    type: BoardChangeRef,
    description: "Changes to the community's concerns, for whoever may read its board.",
    args: { communityId: t.arg.globalID({ for: CommunityRef }) },
    authScopes: (_root, { communityId }) => ({ read: { communityId: Number(communityId.id), area: 'BOARD' } }),
    subscribe: (_root, { communityId }, ctx) => boardChanges(ctx, Number(communityId.id)),
    resolve: (change) => change,
  }),
}));
