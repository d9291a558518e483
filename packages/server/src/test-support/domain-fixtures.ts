// Fixtures for the loop's records, written straight to the database to set a scene quickly.
import type { Db } from '../db/client.js';
import type { ConcernStatus } from '../generated/sqlite/enums.js';
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
