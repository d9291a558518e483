// Fixtures for the loop's records, written straight to the database to set a scene quickly.
import type { Db } from '../db/client.js';
import type { ConcernStatus, LiveSessionStatus } from '../generated/sqlite/enums.js';
import type { TestCommunity } from './fixtures.js';

let sequence = 0;

export async function createConcern(
  db: Db,
  options: { community: TestCommunity; reporterId: number; status?: ConcernStatus; createdAt?: Date; title?: string },
) {
  const createdAt = options.createdAt ?? new Date();
  return db.concern.create({
    data: {
      communityId: options.community.id,
      categoryId: options.community.categoryIds.parking,
      reporterId: options.reporterId,
      title: options.title ?? `单元门口乱停车 ${++sequence}`,
      body: '晚上车辆堵住单元门口，老人出入不便。',
      place: '3号楼门口',
      status: options.status ?? 'REPORTED',
      createdAt,
      deadlineAt: new Date(createdAt.getTime() + 72 * 3_600_000),
    },
  });
}

/** A session with its chairs and agenda, in any status; a LIVE one has started an hour ago. */
export async function createLiveSession(
  db: Db,
  options: {
    community: TestCommunity;
    chairIds: number[];
    concernIds?: number[];
    status?: LiveSessionStatus;
    talliesHidden?: boolean;
    scheduledAt?: Date;
  },
) {
  const status = options.status ?? 'SCHEDULED';
  const scheduledAt = options.scheduledAt ?? new Date(Date.now() + (status === 'SCHEDULED' ? 86_400_000 : -3_600_000));
  return db.liveSession.create({
    data: {
      communityId: options.community.id,
      title: `居民议事会 ${++sequence}`,
      place: '社区活动室',
      scheduledAt,
      status,
      startedAt: status === 'SCHEDULED' ? null : scheduledAt,
      quorumPercent: 20,
      thresholdPercent: 50,
      talliesHidden: options.talliesHidden ?? false,
      createdById: options.chairIds[0]!,
      chairs: { create: options.chairIds.map((userId) => ({ userId })) },
      items: { create: (options.concernIds ?? []).map((concernId, index) => ({ concernId, position: index + 1 })) },
    },
    include: { items: { orderBy: { position: 'asc' } } },
  });
}
