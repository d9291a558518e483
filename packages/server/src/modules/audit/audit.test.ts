import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordAudit } from './audit.service.js';
import { createTestApp, type Caller, type TestApp } from '../../test-support/harness.js';
import { createWorld, type World } from '../../test-support/fixtures.js';

const TRAIL = `query ($slug: String!, $kind: String, $first: Int, $after: String) {
  community(slug: $slug) {
    auditTrail(kind: $kind, first: $first, after: $after) {
      edges { node { kind subjectType subjectId concernId actor { displayName } data } }
      pageInfo { hasNextPage endCursor }
    }
  }
}`;

type Trail = { community: { auditTrail: { edges: { node: { kind: string; actor: { displayName: string } | null; data: { n: number } } }[]; pageInfo: { hasNextPage: boolean; endCursor: string } } } };

describe('audit trail', () => {
  let t: TestApp;
  let world: World;

  beforeAll(async () => {
    t = await createTestApp();
    world = await createWorld(t.db);
    const kinds = ['action.created', 'action.status_changed', 'rule.drafted', 'action.milestone_done', 'rule.published'] as const;
    for (const [n, kind] of kinds.entries()) {
      await t.db.$transaction((tx) =>
        recordAudit(tx, n % 2 ? null : world.cadre.id, { communityId: world.community.id, kind, subjectType: 'Action', subjectId: n + 1, data: { n } }),
      );
    }
    await t.db.$transaction((tx) =>
      recordAudit(tx, world.outsider.id, { communityId: world.otherCommunity.id, kind: 'action.created', subjectType: 'Action', subjectId: 1, data: { n: 99 } }),
    );
  });
  afterAll(() => t.close());

  const trail = async (variables: Record<string, unknown>, as: Caller) => t.gql<Trail>(TRAIL, { slug: world.community.slug, ...variables }, as);

  it('shows cadres and admins their community’s events newest first, by kind or family of kinds', async () => {
    for (const as of [world.cadre, world.admin]) {
      const all = await trail({ first: 10 }, as);
      expect(all.errors).toBeUndefined();
      expect(all.data!.community.auditTrail.edges.map((e) => e.node.data.n)).toEqual([4, 3, 2, 1, 0]);
    }
    const family = await trail({ kind: 'action' }, world.cadre);
    expect(family.data!.community.auditTrail.edges.map((e) => e.node.kind)).toEqual(['action.milestone_done', 'action.status_changed', 'action.created']);
    const exact = await trail({ kind: 'rule.drafted' }, world.cadre);
    expect(exact.data!.community.auditTrail.edges).toEqual([
      { node: expect.objectContaining({ kind: 'rule.drafted', actor: { displayName: '张书记' }, subjectType: 'Action' }) },
    ]);
    const page = await trail({ first: 2 }, world.cadre);
    expect(page.data!.community.auditTrail.pageInfo.hasNextPage).toBe(true);
    const next = await trail({ first: 2, after: page.data!.community.auditTrail.pageInfo.endCursor }, world.cadre);
    expect(next.data!.community.auditTrail.edges.map((e) => e.node.data.n)).toEqual([2, 1]);
  });

  it('refuses residents, outsiders and anonymous readers', async () => {
    for (const as of [world.resident, world.outsider, undefined]) {
      const refused = await trail({}, as);
      expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      expect(JSON.stringify(refused.data ?? {})).not.toContain('action.created');
    }
  });
});
