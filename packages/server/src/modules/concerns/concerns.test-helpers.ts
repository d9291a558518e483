// Shared by the concerns tests: the report mutation, and a listener on the board's live events.
import { encodeGlobalID } from '@pothos/plugin-relay';
import type { AppDeps } from '../../context.js';
import type { BoardChange } from '../../events/topics.js';
import type { TestCommunity } from '../../test-support/fixtures.js';
import type { Caller, TestApp } from '../../test-support/harness.js';

export const REPORT = `mutation ($input: ReportConcernInput!) {
  reportConcern(input: $input) {
    __typename
    ... on ReportConcernSuccess { data { id title body place status createdAt deadlineAt reporterPublic latitude longitude
      category { key } group { name } photos { url mimeType } reporter { displayName } secondCount version } }
    ... on ValidationError { issues { path message code limit } }
    ... on ForbiddenError { reason }
    ... on RateLimitedError { retryAfterSeconds }
  }
}`;

export interface ReportedConcern {
  id: string;
  title: string;
  status: string;
  deadlineAt: string;
  photos: { url: string; mimeType: string }[];
  reporter: { displayName: string } | null;
  [field: string]: unknown;
}

export interface ReportResult {
  reportConcern: { __typename: string; data?: ReportedConcern; issues?: { path: string[]; message: string; code: string; limit: number | null }[]; reason?: string };
}

export function reportInput(community: TestCommunity, overrides: Record<string, unknown> = {}) {
  return {
    communityId: encodeGlobalID('Community', community.id),
    categoryId: encodeGlobalID('Category', community.categoryIds.parking),
    title: '单元门口乱停车',
    body: '晚上车辆堵住3号楼单元门口，老人出入不便。',
    place: '3号楼单元门口',
    ...overrides,
  };
}

export async function report(t: TestApp, community: TestCommunity, as: Caller, overrides: Record<string, unknown> = {}) {
  const result = await t.gql<ReportResult>(REPORT, { input: reportInput(community, overrides) }, as);
  const payload = result.data?.reportConcern;
  if (payload?.__typename !== 'ReportConcernSuccess') throw new Error(`report failed: ${JSON.stringify(result)}`);
  return payload.data!;
}

/** The database id behind a concern's global id. */
export function rawId(globalId: string): number {
  return Number(Buffer.from(globalId, 'base64').toString().split(':')[1]);
}

/** Collects the board events of one community, as one server process sees them, until stopped. */
export function watchBoard(deps: Pick<AppDeps, 'pubsub'>, communityId: number) {
  const received: BoardChange[] = [];
  const iterator = deps.pubsub.subscribe('board', communityId)[Symbol.asyncIterator]();
  const loop = (async () => {
    for (;;) {
      const next = await iterator.next();
      if (next.done) return;
      received.push(next.value);
    }
  })();
  return {
    received,
    async stop() {
      await iterator.return?.();
      await loop;
    },
  };
}
