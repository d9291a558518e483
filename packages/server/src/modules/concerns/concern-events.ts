import type { AppDeps } from '../../context.js';

/** Publishes a concern's board snapshot (status and version), after the commit that changed it. */
export async function publishConcernChanged(deps: Pick<AppDeps, 'db' | 'pubsub'>, concernId: number): Promise<void> {
  const concern = await deps.db.concern.findUnique({
    where: { id: concernId },
    select: { id: true, communityId: true, status: true, version: true },
  });
  if (!concern) return;
  deps.pubsub.publish('board', concern.communityId, {
    communityId: concern.communityId,
    concernId: concern.id,
    version: concern.version,
    status: concern.status,
  });
}
