import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeGlobalID } from '@pothos/plugin-relay';
import { createTestApp, type Caller, type TestApp } from '../../test-support/harness.js';
import { createWorld, type World } from '../../test-support/fixtures.js';
import { providers } from '../../test-support/databases.js';
import { createConcern } from '../../test-support/domain-fixtures.js';
import { createComment, createProposal, deliberationScene, votingScene } from '../../test-support/deliberation-fixtures.js';
import type { BoardChange } from '../../events/topics.js';

const gid = (type: string, id: number) => encodeGlobalID(type, id);
const errorFields = `
  ... on ForbiddenError { reason }
  ... on NotFoundError { entity }
  ... on InvalidStateError { entity state }
  ... on ValidationError { issues { path message } }`;
const proposalFields = 'title body status hiddenReason pinned author { displayName } mergedInto { id }';

const CREATE = `mutation ($id: ID!, $input: ProposalInput!) {
  createProposal(concernId: $id, input: $input) { __typename ... on CreateProposalSuccess { data { id ${proposalFields} } } ${errorFields} }
}`;
const EDIT = `mutation ($id: ID!, $input: ProposalInput!) {
  editProposal(proposalId: $id, input: $input) { __typename ... on EditProposalSuccess { data { ${proposalFields} } } ${errorFields} }
}`;
const WITHDRAW = `mutation ($id: ID!) { withdrawProposal(proposalId: $id) { __typename ... on WithdrawProposalSuccess { data { status } } ${errorFields} } }`;
const HIDE = `mutation ($id: ID!, $reason: String!) {
  hideProposal(proposalId: $id, reason: $reason) { __typename ... on HideProposalSuccess { data { ${proposalFields} } } ${errorFields} }
}`;
const MERGE = `mutation ($id: ID!, $into: ID!) {
  mergeProposals(proposalId: $id, intoProposalId: $into) { __typename ... on MergeProposalsSuccess { data { status mergedInto { id } } } ${errorFields} }
}`;
const PIN = `mutation ($id: ID!, $pinned: Boolean!) { pinProposal(proposalId: $id, pinned: $pinned) { __typename ... on PinProposalSuccess { data { pinned } } ${errorFields} } }`;
const COMMENT = `mutation ($input: AddCommentInput!) {
  addComment(input: $input) { __typename ... on AddCommentSuccess { data { id stance body hidden author { displayName } proposal { id } } } ${errorFields} }
}`;
const HIDE_COMMENT = `mutation ($id: ID!, $reason: String!) {
  hideComment(commentId: $id, reason: $reason) { __typename ... on HideCommentSuccess { data { body hidden hiddenReason } } ${errorFields} }
}`;
const PROPOSALS = `query ($id: ID!, $withdrawn: Boolean, $first: Int, $after: String) {
  concern(id: $id) {
    proposalCount
    proposals(includeWithdrawn: $withdrawn, first: $first, after: $after) { edges { node { title status pinned } } pageInfo { hasNextPage endCursor } }
  }
}`;

type Result = { __typename: string } & Record<string, unknown>;
const result = (data: unknown): Result => Object.values(data as Record<string, Result>)[0]!;

describe.each(providers)('deliberation on %s', (provider) => {
  let t: TestApp;
  let world: World;

  beforeAll(async () => {
    t = await createTestApp({ provider });
    world = await createWorld(t.db);
  });
  afterAll(() => t.close());

  const send = async (query: string, variables: Record<string, unknown>, as: Caller) => result((await t.gql(query, variables, as)).data);
  const scene = (proposals = 1, authorId = world.resident.id) =>
    deliberationScene(t.db, { community: world.community, reporterId: world.resident.id, authorId, proposals });
  const titles = async (concernId: number, as: Caller = world.resident, withdrawn = false) => {
    const data = (await t.gql(PROPOSALS, { id: gid('Concern', concernId), withdrawn }, as)).data as {
      concern: { proposalCount: number; proposals: { edges: { node: { title: string | null; status: string; pinned: boolean } }[] } };
    };
    return data.concern.proposals.edges.map((edge) => edge.node);
  };

  describe('proposals', () => {
    it('a member proposes a fix: it is listed, audited, and the board hears the concern changed', async () => {
      const { concern } = await scene(0);
      const board = t.app.deps.pubsub.subscribe('board', world.community.id)[Symbol.asyncIterator]();
      const nextBoard = board.next();
      const created = await send(CREATE, { id: gid('Concern', concern.id), input: { title: '  错峰停车  ', body: '晚上开放单位车位给居民' } }, world.resident2);
      expect(created).toMatchObject({
        __typename: 'CreateProposalSuccess',
        data: { title: '错峰停车', body: '晚上开放单位车位给居民', status: 'ACTIVE', hiddenReason: null, pinned: false, author: { displayName: '李师傅' } },
      });
      const change = (await nextBoard).value as BoardChange;
      await board.return?.();
      expect(change).toMatchObject({ communityId: world.community.id, concernId: concern.id, status: 'ACKNOWLEDGED' });
      expect(change.version).toBeGreaterThan(concern.version);
      expect(await titles(concern.id)).toEqual([{ title: '错峰停车', status: 'ACTIVE', pinned: false }]);
      const audit = await t.db.auditEvent.findFirstOrThrow({ where: { kind: 'proposal.created', concernId: concern.id } });
      expect(audit).toMatchObject({ actorId: world.resident2.id, subjectType: 'Proposal', data: { title: '错峰停车' } });
    });

    it('names every bad field of a proposal at once', async () => {
      const { concern } = await scene(0);
      const bad = await send(CREATE, { id: gid('Concern', concern.id), input: { title: '   ', body: '长'.repeat(2001) } }, world.resident);
      expect(bad.__typename).toBe('ValidationError');
      expect((bad.issues as { path: string[] }[]).map((issue) => issue.path.join('.')).sort()).toEqual(['input.body', 'input.title']);
      const long = await send(CREATE, { id: gid('Concern', concern.id), input: { title: '题'.repeat(81), body: '内容' } }, world.resident);
      expect(long).toMatchObject({ __typename: 'ValidationError', issues: [{ path: ['input', 'title'] }] });
      expect(await t.db.proposal.count({ where: { concernId: concern.id } })).toBe(0);
    });

    it('refuses proposals from outsiders and anonymous callers, and on concerns not open for them', async () => {
      const { concern } = await scene(0);
      const input = { title: '方案', body: '内容' };
      expect(await send(CREATE, { id: gid('Concern', concern.id), input }, world.outsider)).toEqual({ __typename: 'ForbiddenError', reason: 'NOT_A_MEMBER' });
      expect(await send(CREATE, { id: gid('Concern', concern.id), input }, undefined)).toMatchObject({ __typename: 'ForbiddenError' });
      const declined = await createConcern(t.db, { community: world.community, reporterId: world.resident.id, status: 'DECLINED' });
      expect(await send(CREATE, { id: gid('Concern', declined.id), input }, world.resident)).toEqual({ __typename: 'InvalidStateError', entity: 'Concern', state: 'DECLINED' });
      const { concern: voting } = await votingScene(t.db, { community: world.community, reporterId: world.resident.id, openedById: world.cadre.id });
      expect(await send(CREATE, { id: gid('Concern', voting.id), input }, world.resident)).toEqual({ __typename: 'InvalidStateError', entity: 'Concern', state: 'VOTING' });
      expect(await send(CREATE, { id: gid('Concern', 999_999), input }, world.resident)).toEqual({ __typename: 'NotFoundError', entity: 'Concern' });
    });

    it('the author edits until voting opens; nobody else may', async () => {
      const { proposals } = await scene(1);
      const id = gid('Proposal', proposals[0]!.id);
      const input = { title: '只在工作日开放', body: '周一到周五晚上开放' };
      expect(await send(EDIT, { id, input }, world.resident)).toMatchObject({ __typename: 'EditProposalSuccess', data: { title: '只在工作日开放' } });
      expect(await send(EDIT, { id, input }, world.resident2)).toEqual({ __typename: 'ForbiddenError', reason: 'AUTHOR_REQUIRED' });
      expect(await send(EDIT, { id, input }, world.cadre)).toEqual({ __typename: 'ForbiddenError', reason: 'AUTHOR_REQUIRED' });
      expect(await send(EDIT, { id, input: { title: '', body: '' } }, world.resident)).toMatchObject({ __typename: 'ValidationError' });
      const { proposals: onBallot } = await votingScene(t.db, { community: world.community, reporterId: world.resident.id, openedById: world.cadre.id });
      expect(await send(EDIT, { id: gid('Proposal', onBallot[0]!.id), input }, world.resident)).toEqual({ __typename: 'InvalidStateError', entity: 'Concern', state: 'VOTING' });
      expect((await t.db.auditEvent.findFirstOrThrow({ where: { kind: 'proposal.edited', subjectId: proposals[0]!.id } })).actorId).toBe(world.resident.id);
    });

    it('the author withdraws a proposal; it leaves the list unless asked for, and cannot be withdrawn from a ballot', async () => {
      const { concern, proposals } = await scene(2);
      const id = gid('Proposal', proposals[0]!.id);
      expect(await send(WITHDRAW, { id }, world.resident2)).toEqual({ __typename: 'ForbiddenError', reason: 'AUTHOR_REQUIRED' });
      expect(await send(WITHDRAW, { id }, world.resident)).toEqual({ __typename: 'WithdrawProposalSuccess', data: { status: 'WITHDRAWN' } });
      expect(await send(WITHDRAW, { id }, world.resident)).toEqual({ __typename: 'InvalidStateError', entity: 'Proposal', state: 'WITHDRAWN' });
      expect((await titles(concern.id)).map((p) => p.status)).toEqual(['ACTIVE']);
      expect((await titles(concern.id, world.resident, true)).map((p) => p.status)).toEqual(['WITHDRAWN', 'ACTIVE']);
      const count = (await t.gql(PROPOSALS, { id: gid('Concern', concern.id) }, world.resident)).data as { concern: { proposalCount: number } };
      expect(count.concern.proposalCount).toBe(1);
      const { proposals: onBallot } = await votingScene(t.db, { community: world.community, reporterId: world.resident.id, openedById: world.cadre.id });
      expect(await send(WITHDRAW, { id: gid('Proposal', onBallot[0]!.id) }, world.resident)).toEqual({ __typename: 'InvalidStateError', entity: 'Concern', state: 'VOTING' });
    });
  });

  describe('moderation', () => {
    it('a cadre hides a proposal: others see the reason in place of the text, cadres still see the text', async () => {
      const { concern, proposals } = await scene(1);
      const id = gid('Proposal', proposals[0]!.id);
      expect(await send(HIDE, { id, reason: '含有他人电话号码' }, world.resident)).toEqual({ __typename: 'ForbiddenError', reason: 'CADRE_REQUIRED' });
      expect(await send(HIDE, { id, reason: ' ' }, world.cadre)).toMatchObject({ __typename: 'ValidationError', issues: [{ path: ['reason'] }] });
      expect(await send(HIDE, { id, reason: '含有他人电话号码' }, world.cadre)).toMatchObject({
        __typename: 'HideProposalSuccess',
        data: { title: proposals[0]!.title, status: 'HIDDEN', hiddenReason: '含有他人电话号码' },
      });
      const READ = `query ($id: ID!) { proposal(id: $id) { title body status hiddenReason author { displayName } } }`;
      for (const reader of [world.resident, world.resident2, undefined]) {
        expect((await t.gql(READ, { id }, reader)).data).toEqual({
          proposal: { title: null, body: null, status: 'HIDDEN', hiddenReason: '含有他人电话号码', author: { displayName: '王阿姨' } },
        });
      }
      expect((await t.gql(READ, { id }, world.admin)).data).toMatchObject({ proposal: { title: proposals[0]!.title, body: proposals[0]!.body } });
      expect(await titles(concern.id)).toEqual([{ title: null, status: 'HIDDEN', pinned: false }]);
      expect(await send(HIDE, { id, reason: '再次' }, world.cadre)).toMatchObject({ __typename: 'InvalidStateError', entity: 'Proposal', state: 'HIDDEN' });
      const audit = await t.db.auditEvent.findFirstOrThrow({ where: { kind: 'proposal.hidden', subjectId: proposals[0]!.id } });
      expect(audit).toMatchObject({ actorId: world.cadre.id, concernId: concern.id, data: { reason: '含有他人电话号码' } });
    });

    it('a cadre merges a proposal into another of the same concern, not across concerns nor during a vote', async () => {
      const { proposals } = await scene(2);
      const [first, second] = proposals.map((p) => gid('Proposal', p.id)) as [string, string];
      expect(await send(MERGE, { id: second, into: first }, world.resident)).toEqual({ __typename: 'ForbiddenError', reason: 'CADRE_REQUIRED' });
      expect(await send(MERGE, { id: second, into: second }, world.cadre)).toMatchObject({ __typename: 'ValidationError', issues: [{ path: ['intoProposalId'] }] });
      const { proposals: elsewhere } = await scene(1);
      expect(await send(MERGE, { id: second, into: gid('Proposal', elsewhere[0]!.id) }, world.cadre)).toMatchObject({
        __typename: 'ValidationError',
        issues: [{ path: ['intoProposalId'] }],
      });
      expect(await send(MERGE, { id: second, into: first }, world.cadre)).toEqual({ __typename: 'MergeProposalsSuccess', data: { status: 'MERGED', mergedInto: { id: first } } });
      expect(await send(MERGE, { id: first, into: second }, world.cadre)).toMatchObject({ __typename: 'InvalidStateError', entity: 'Proposal', state: 'MERGED' });
      const { proposals: ballot } = await votingScene(t.db, { community: world.community, reporterId: world.resident.id, openedById: world.cadre.id, proposals: 2 });
      expect(await send(MERGE, { id: gid('Proposal', ballot[1]!.id), into: gid('Proposal', ballot[0]!.id) }, world.cadre)).toEqual({
        __typename: 'InvalidStateError',
        entity: 'Concern',
        state: 'VOTING',
      });
    });

    it('lists pinned proposals first, then by creation, page by page', async () => {
      const { concern } = await scene(0);
      const created = [];
      for (let i = 0; i < 5; i++) {
        created.push(await createProposal(t.db, { concernId: concern.id, authorId: world.resident.id, title: `方案${i}`, createdAt: new Date(Date.UTC(2026, 10, 1, i)) }));
      }
      expect(await send(PIN, { id: gid('Proposal', created[3]!.id), pinned: true }, world.resident)).toEqual({ __typename: 'ForbiddenError', reason: 'CADRE_REQUIRED' });
      expect(await send(PIN, { id: gid('Proposal', created[3]!.id), pinned: true }, world.cadre)).toEqual({ __typename: 'PinProposalSuccess', data: { pinned: true } });
      expect(await send(PIN, { id: gid('Proposal', created[1]!.id), pinned: true }, world.admin)).toEqual({ __typename: 'PinProposalSuccess', data: { pinned: true } });
      expect((await titles(concern.id)).map((p) => p.title)).toEqual(['方案3', '方案1', '方案0', '方案2', '方案4']);

      const page = async (after?: string) => {
        const data = (await t.gql(PROPOSALS, { id: gid('Concern', concern.id), first: 2, after }, world.resident)).data as {
          concern: { proposals: { edges: { node: { title: string } }[]; pageInfo: { hasNextPage: boolean; endCursor: string } } };
        };
        return data.concern.proposals;
      };
      const one = await page();
      const two = await page(one.pageInfo.endCursor);
      const three = await page(two.pageInfo.endCursor);
      expect([one, two, three].map((p) => p.edges.map((edge) => edge.node.title))).toEqual([['方案3', '方案1'], ['方案0', '方案2'], ['方案4']]);
      expect([one, two, three].map((p) => p.pageInfo.hasNextPage)).toEqual([true, true, false]);

      expect(await send(PIN, { id: gid('Proposal', created[3]!.id), pinned: false }, world.cadre)).toEqual({ __typename: 'PinProposalSuccess', data: { pinned: false } });
      expect((await titles(concern.id)).map((p) => p.title)).toEqual(['方案1', '方案0', '方案2', '方案3', '方案4']);
      await t.db.proposal.update({ where: { id: created[0]!.id }, data: { status: 'WITHDRAWN' } });
      expect(await send(PIN, { id: gid('Proposal', created[0]!.id), pinned: true }, world.cadre)).toMatchObject({ __typename: 'InvalidStateError', state: 'WITHDRAWN' });
    });
  });

  describe('comments', () => {
    it('members comment with a stance on a concern or on a proposal, each listed in its place', async () => {
      const { concern, proposals } = await scene(1);
      const onConcern = await send(COMMENT, { input: { concernId: gid('Concern', concern.id), stance: 'AGAINST', body: '单位不会同意的' } }, world.resident2);
      expect(onConcern).toMatchObject({ __typename: 'AddCommentSuccess', data: { stance: 'AGAINST', body: '单位不会同意的', hidden: false, proposal: null } });
      const onProposal = await send(COMMENT, { input: { proposalId: gid('Proposal', proposals[0]!.id), stance: 'QUESTION', body: '周末开放吗？' } }, world.cadre);
      expect(onProposal).toMatchObject({ data: { stance: 'QUESTION', proposal: { id: gid('Proposal', proposals[0]!.id) } } });
      const READ = `query ($id: ID!) { concern(id: $id) {
        comments { totalCount edges { node { body stance author { displayName } } } }
        proposals { edges { node { comments { totalCount edges { node { body } } } } } }
      } }`;
      expect((await t.gql(READ, { id: gid('Concern', concern.id) }, world.resident)).data).toEqual({
        concern: {
          comments: { totalCount: 1, edges: [{ node: { body: '单位不会同意的', stance: 'AGAINST', author: { displayName: '李师傅' } } }] },
          proposals: { edges: [{ node: { comments: { totalCount: 1, edges: [{ node: { body: '周末开放吗？' } }] } } }] },
        },
      });
    });

    it('takes exactly one of a concern and a proposal, and a body within bounds', async () => {
      const { concern, proposals } = await scene(1);
      const both = await send(COMMENT, { input: { concernId: gid('Concern', concern.id), proposalId: gid('Proposal', proposals[0]!.id), stance: 'FOR', body: '好' } }, world.resident);
      expect(both).toMatchObject({ __typename: 'ValidationError', issues: [{ path: ['input', 'concernId'] }] });
      const neither = await send(COMMENT, { input: { stance: 'FOR', body: '好' } }, world.resident);
      expect(neither).toMatchObject({ __typename: 'ValidationError', issues: [{ path: ['input', 'concernId'] }] });
      const long = await send(COMMENT, { input: { concernId: gid('Concern', concern.id), stance: 'FOR', body: '好'.repeat(1001) } }, world.resident);
      expect(long).toMatchObject({ __typename: 'ValidationError', issues: [{ path: ['input', 'body'] }] });
      expect(await t.db.comment.count({ where: { concernId: concern.id } })).toBe(0);
    });

    it('refuses outsiders, anonymous callers, closed concerns and withdrawn proposals', async () => {
      const { concern, proposals } = await scene(1);
      const input = { concernId: gid('Concern', concern.id), stance: 'FOR', body: '支持' };
      expect(await send(COMMENT, { input }, world.outsider)).toEqual({ __typename: 'ForbiddenError', reason: 'NOT_A_MEMBER' });
      expect(await send(COMMENT, { input }, undefined)).toMatchObject({ __typename: 'ForbiddenError' });
      await t.db.proposal.update({ where: { id: proposals[0]!.id }, data: { status: 'WITHDRAWN' } });
      expect(await send(COMMENT, { input: { ...input, concernId: null, proposalId: gid('Proposal', proposals[0]!.id) } }, world.resident)).toEqual({
        __typename: 'InvalidStateError',
        entity: 'Proposal',
        state: 'WITHDRAWN',
      });
      const closed = await createConcern(t.db, { community: world.community, reporterId: world.resident.id, status: 'CLOSED' });
      expect(await send(COMMENT, { input: { ...input, concernId: gid('Concern', closed.id) } }, world.resident)).toEqual({
        __typename: 'InvalidStateError',
        entity: 'Concern',
        state: 'CLOSED',
      });
    });

    it('a cadre hides a comment: the reason shows in place of the body, except to cadres', async () => {
      const { concern } = await scene(0);
      const comment = await createComment(t.db, { community: world.community, concernId: concern.id, authorId: world.resident2.id, body: '某某是骗子' });
      const id = gid('Comment', comment.id);
      expect(await send(HIDE_COMMENT, { id, reason: '人身攻击' }, world.resident)).toEqual({ __typename: 'ForbiddenError', reason: 'CADRE_REQUIRED' });
      expect(await send(HIDE_COMMENT, { id, reason: '人身攻击' }, world.cadre)).toEqual({
        __typename: 'HideCommentSuccess',
        data: { body: '某某是骗子', hidden: true, hiddenReason: '人身攻击' },
      });
      const READ = `query ($id: ID!) { concern(id: $id) { comments { edges { node { body hidden hiddenReason } } } } }`;
      expect((await t.gql(READ, { id: gid('Concern', concern.id) }, world.resident2)).data).toEqual({
        concern: { comments: { edges: [{ node: { body: null, hidden: true, hiddenReason: '人身攻击' } }] } },
      });
      expect(await send(HIDE_COMMENT, { id, reason: '再次' }, world.admin)).toEqual({ __typename: 'InvalidStateError', entity: 'Comment', state: 'HIDDEN' });
      const audit = await t.db.auditEvent.findFirstOrThrow({ where: { kind: 'comment.hidden', subjectId: comment.id } });
      expect(audit).toMatchObject({ actorId: world.cadre.id, concernId: null, data: { reason: '人身攻击' } });
    });
  });

  describe('reading', () => {
    it('keeps a private community’s proposals from everyone outside it', async () => {
      const privateWorld = await createWorld(t.db, { isPublic: false });
      const { proposals } = await deliberationScene(t.db, { community: privateWorld.community, reporterId: privateWorld.resident.id, authorId: privateWorld.resident.id });
      const READ = `query ($id: ID!) { proposal(id: $id) { title } }`;
      const id = gid('Proposal', proposals[0]!.id);
      expect((await t.gql(READ, { id }, privateWorld.resident2)).data).toEqual({ proposal: { title: proposals[0]!.title } });
      for (const stranger of [world.resident, privateWorld.outsider, undefined]) expect((await t.gql(READ, { id }, stranger)).data).toEqual({ proposal: null });
      // Nor through a mutation's answer: an outsider is told nothing is there.
      expect(await send(WITHDRAW, { id }, world.resident)).toEqual({ __typename: 'NotFoundError', entity: 'Proposal' });
    });

    it('reads a concern’s proposals, authors, votes and comments in the same number of statements however many there are', async () => {
      const QUERY = `query ($id: ID!) { concern(id: $id) { proposalCount proposals { edges { node {
        title author { displayName } myVote tally { support } comments { totalCount edges { node { body author { displayName } } } }
      } } } } }`;
      const statements = async (count: number) => {
        const { concern, proposals } = await scene(count);
        for (const proposal of proposals) {
          await createComment(t.db, { community: world.community, concernId: concern.id, proposalId: proposal.id, authorId: world.resident2.id });
        }
        t.queries.length = 0;
        const response = await t.gql(QUERY, { id: gid('Concern', concern.id) }, world.resident);
        expect(response.errors).toBeUndefined();
        return t.queries.length;
      };
      expect(await statements(8)).toBe(await statements(2));
    });
  });
});
