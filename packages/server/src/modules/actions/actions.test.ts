import { encodeGlobalID } from '@pothos/plugin-relay';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { providers } from '../../test-support/databases.js';
import { createTestApp, days, testClock, type Caller, type TestApp } from '../../test-support/harness.js';
import { createUser, createWorld, type TestUser, type World } from '../../test-support/fixtures.js';
import { createActionFixture, createDecidedConcern, type DecidedConcern } from '../../test-support/loop-fixtures.js';
import { gqlMultipart, photoFiles } from '../../test-support/multipart.js';

const ACTION_FIELDS = `id title status progress overdue canRun startedAt doneAt blockedReason ownerDepartment owner { displayName }
  milestones { id title weight done } concern { status }`;
const RESULT = (field: string, type = 'Action') => `
  __typename
  ... on ${field}Success { data { ${type === 'Action' ? ACTION_FIELDS : 'id body photos { url mimeType } author { displayName }'} } }
  ... on ValidationError { issues { path message } }
  ... on InvalidStateError { entity state allowed }
  ... on ForbiddenError { reason }
  ... on NotFoundError { entity }`;

const CREATE = `mutation ($decisionId: ID!, $proposalId: ID!, $input: CreateActionInput!) {
  createAction(decisionId: $decisionId, proposalId: $proposalId, input: $input) { ${RESULT('CreateAction')} } }`;
const command = (field: string, arg = 'actionId') =>
  `mutation ($id: ID!) { ${field}(${arg}: $id) { ${RESULT(field.charAt(0).toUpperCase() + field.slice(1))} } }`;
const BLOCK = `mutation ($id: ID!, $reason: String!) { blockAction(actionId: $id, reason: $reason) { ${RESULT('BlockAction')} } }`;
const ADD_MILESTONE = `mutation ($id: ID!, $input: MilestoneInput!) { addMilestone(actionId: $id, input: $input) { ${RESULT('AddMilestone')} } }`;
const POST_UPDATE = `mutation ($id: ID!, $input: ProgressUpdateInput!) {
  postProgressUpdate(actionId: $id, input: $input) { ${RESULT('PostProgressUpdate', 'ProgressUpdate')} } }`;

type Result = { __typename: string; data?: Record<string, unknown> & { id: string; status: string; progress: number; milestones: { id: string; done: boolean }[]; concern: { status: string } } } & Record<string, unknown>;

const gid = (type: string, id: number) => encodeGlobalID(type, id);

describe.each(providers)('actions on %s', (provider) => {
  let t: TestApp;
  let world: World;
  let owner: TestUser;
  let voter: TestUser;
  const clock = testClock(new Date());

  beforeAll(async () => {
    t = await createTestApp({ provider, clock });
    world = await createWorld(t.db);
    owner = await createUser(t.db, { communityId: world.community.id, displayName: '赵师傅' });
    voter = await createUser(t.db, { communityId: world.community.id, displayName: '钱大姐' });
  });
  afterAll(() => t.close());

  async function run(query: string, variables: Record<string, unknown>, as: Caller): Promise<Result> {
    const result = await t.gql(query, variables, as);
    expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
    return Object.values(result.data!)[0] as Result;
  }

  const decided = (options: Partial<Parameters<typeof createDecidedConcern>[1]> = {}) =>
    createDecidedConcern(t.db, {
      community: world.community,
      reporterId: world.resident.id,
      chairId: world.cadre.id,
      seconderIds: [world.resident2.id],
      voterIds: [voter.id, world.cadre.id],
      decidedAt: clock.now(),
      ...options,
    });

  const input = (overrides: Record<string, unknown> = {}) => ({
    title: '  更换三楼楼道声控灯  ',
    ownerDepartment: '物业服务中心',
    dueAt: new Date(clock.now().getTime() + days(10)).toISOString(),
    milestones: [
      { title: '采购灯具', weight: 1 },
      { title: '安装调试', weight: 3 },
    ],
    ...overrides,
  });

  const create = (scene: DecidedConcern, as: Caller = world.cadre, overrides: Record<string, unknown> = {}, proposalId = scene.adoptedProposalIds[0]!) =>
    run(CREATE, { decisionId: gid('Decision', scene.decisionId), proposalId: gid('Proposal', proposalId), input: input(overrides) }, as);

  const notificationsOf = (userId: number, kind: string) => t.db.notification.count({ where: { userId, kind } });

  it('turns an adopted proposal into a planned action and tells the reporter, seconders and voters', async () => {
    const scene = await decided();
    const result = await create(scene);
    expect(result.__typename).toBe('CreateActionSuccess');
    expect(result.data).toMatchObject({
      title: '更换三楼楼道声控灯',
      status: 'PLANNED',
      progress: 0,
      overdue: false,
      canRun: true,
      ownerDepartment: '物业服务中心',
      owner: null,
      concern: { status: 'DECIDED' },
      milestones: [
        { title: '采购灯具', weight: 1, done: false },
        { title: '安装调试', weight: 3, done: false },
      ],
    });
    for (const user of [world.resident, world.resident2, voter]) expect(await notificationsOf(user.id, 'ACTION_PROGRESS')).toBeGreaterThan(0);
    // The cadre who created it voted too, but is not told about their own act.
    expect(await t.db.notification.count({ where: { userId: world.cadre.id, kind: 'ACTION_PROGRESS' } })).toBe(0);
    const audit = await t.db.auditEvent.findFirstOrThrow({ where: { kind: 'action.created', concernId: scene.concernId } });
    expect(audit.actorId).toBe(world.cadre.id);
  });

  it('names a member as owner through their membership', async () => {
    const scene = await decided();
    const membership = await t.db.membership.findFirstOrThrow({ where: { userId: owner.id } });
    const result = await create(scene, world.admin, { ownerDepartment: null, ownerMembershipId: gid('Membership', membership.id) });
    expect(result.data).toMatchObject({ owner: { displayName: '赵师傅' }, ownerDepartment: null });
  });

  it('refuses residents, outsiders and anonymous callers', async () => {
    const scene = await decided();
    expect((await create(scene, world.resident)).__typename).toBe('ForbiddenError');
    expect((await create(scene, world.outsider)).__typename).toBe('ForbiddenError');
    const anonymous = await run(CREATE, { decisionId: gid('Decision', scene.decisionId), proposalId: gid('Proposal', scene.adoptedProposalIds[0]!), input: input() }, undefined);
    expect(anonymous.__typename).toBe('ForbiddenError');
    expect(await t.db.action.count({ where: { concernId: scene.concernId } })).toBe(0);
  });

  it('answers bad input with every bad field at once, and unknown decisions as not found', async () => {
    const scene = await decided({ proposals: [{ adopted: true }, { adopted: false }] });
    const bad = await create(scene, world.cadre, { title: ' ', ownerDepartment: null, milestones: [{ title: '', weight: 0 }] });
    expect(bad.__typename).toBe('ValidationError');
    const paths = (bad.issues as { path: string[] }[]).map((issue) => issue.path.join('.')).sort();
    expect(paths).toEqual(expect.arrayContaining(['input.title', 'input.milestones.0.title', 'input.milestones.0.weight']));

    const rejected = await create(scene, world.cadre, {}, scene.proposalIds[1]!);
    expect(rejected).toMatchObject({ __typename: 'ValidationError', issues: [{ path: ['proposalId'] }] });
    const past = await create(scene, world.cadre, { dueAt: new Date(clock.now().getTime() - 1000).toISOString() });
    expect(past).toMatchObject({ __typename: 'ValidationError', issues: [{ path: ['input', 'dueAt'] }] });
    const outsiderMembership = await t.db.membership.findFirstOrThrow({ where: { userId: world.outsider.id } });
    const stranger = await create(scene, world.cadre, { ownerDepartment: null, ownerMembershipId: gid('Membership', outsiderMembership.id) });
    expect(stranger).toMatchObject({ __typename: 'ValidationError', issues: [{ path: ['input', 'ownerMembershipId'] }] });
    const both = await create(scene, world.cadre, { ownerMembershipId: gid('Membership', outsiderMembership.id) });
    expect(both).toMatchObject({ __typename: 'ValidationError', issues: [{ path: ['input', 'ownerMembershipId'] }] });
    const wrongType = await t.gql(CREATE, { decisionId: gid('Concern', scene.concernId), proposalId: gid('Proposal', scene.proposalIds[0]!), input: input() }, world.cadre);
    expect(wrongType.errors?.[0]?.message).toMatch(/not of type: Decision/);
    const missing = await run(CREATE, { decisionId: gid('Decision', 999_999), proposalId: gid('Proposal', scene.proposalIds[0]!), input: input() }, world.cadre);
    expect(missing).toMatchObject({ __typename: 'NotFoundError', entity: 'Decision' });
  });

  it('makes one action per adopted proposal, and none once the concern is resolved', async () => {
    const scene = await decided();
    expect((await create(scene)).__typename).toBe('CreateActionSuccess');
    expect(await create(scene)).toMatchObject({ __typename: 'ValidationError', issues: [{ path: ['proposalId'] }] });
    const resolved = await decided();
    await t.db.concern.update({ where: { id: resolved.concernId }, data: { status: 'RESOLVED' } });
    expect(await create(resolved)).toMatchObject({ __typename: 'InvalidStateError', entity: 'Concern', state: 'RESOLVED' });
  });

  it('runs the action: start, block with a reason, unblock, milestones by weight, done resolves the concern', async () => {
    const scene = await decided();
    const membership = await t.db.membership.findFirstOrThrow({ where: { userId: owner.id } });
    const created = await create(scene, world.cadre, { ownerDepartment: null, ownerMembershipId: gid('Membership', membership.id) });
    const actionId = created.data!.id;
    const [light, install] = created.data!.milestones;

    // Another resident may read it but not run it; the owner may run it.
    expect((await run(command('startAction'), { id: actionId }, world.resident2)).__typename).toBe('ForbiddenError');
    expect((await run(command('completeMilestone', 'milestoneId'), { id: light!.id }, owner)).__typename).toBe('InvalidStateError');
    const started = await run(command('startAction'), { id: actionId }, owner);
    expect(started.data).toMatchObject({ status: 'IN_PROGRESS', concern: { status: 'IN_PROGRESS' } });
    expect((await run(command('startAction'), { id: actionId }, owner))).toMatchObject({ __typename: 'InvalidStateError', state: 'IN_PROGRESS', allowed: ['PLANNED'] });

    const blocked = await run(BLOCK, { id: actionId, reason: '等待维修基金审批' }, world.cadre);
    expect(blocked.data).toMatchObject({ status: 'BLOCKED', blockedReason: '等待维修基金审批' });
    expect((await run(BLOCK, { id: actionId, reason: '  ' }, world.cadre)).__typename).toBe('ValidationError');
    expect((await run(command('completeMilestone', 'milestoneId'), { id: light!.id }, owner)).__typename).toBe('InvalidStateError');
    const unblocked = await run(command('unblockAction'), { id: actionId }, owner);
    expect(unblocked.data).toMatchObject({ status: 'IN_PROGRESS', blockedReason: null });

    const before = await t.db.notification.count();
    const ticked = await run(command('completeMilestone', 'milestoneId'), { id: light!.id }, owner);
    expect(ticked.data!.progress).toBe(25);
    // Ticks are on the timeline but are not announced.
    expect(await t.db.notification.count()).toBe(before);
    expect(await t.db.auditEvent.count({ where: { kind: 'action.milestone_done', concernId: scene.concernId } })).toBe(1);
    expect((await run(command('completeMilestone', 'milestoneId'), { id: light!.id }, owner))).toMatchObject({ __typename: 'InvalidStateError', entity: 'Milestone' });

    const added = await run(ADD_MILESTONE, { id: actionId, input: { title: '验收', weight: 4 } }, world.cadre);
    expect(added.data!.progress).toBe(12.5);
    expect((await run(ADD_MILESTONE, { id: actionId, input: { title: '验收', weight: 0 } }, world.cadre)).__typename).toBe('ValidationError');
    expect((await run(command('completeAction'), { id: actionId }, owner))).toMatchObject({ __typename: 'InvalidStateError', entity: 'Milestone', state: 'OPEN' });

    const reopened = await run(command('reopenMilestone', 'milestoneId'), { id: light!.id }, owner);
    expect(reopened.data!.progress).toBe(0);
    for (const milestone of added.data!.milestones) await run(command('completeMilestone', 'milestoneId'), { id: milestone.id }, owner);
    expect(install).toBeDefined();

    const done = await run(command('completeAction'), { id: actionId }, owner);
    expect(done.data).toMatchObject({ status: 'DONE', progress: 100, overdue: false, concern: { status: 'RESOLVED' } });
    const concern = await t.db.concern.findUniqueOrThrow({ where: { id: scene.concernId } });
    expect(concern.resolvedAt!.getTime()).toBe(clock.now().getTime());
    const window = await t.db.ratingWindow.findUniqueOrThrow({ where: { actionId: Number(Buffer.from(actionId, 'base64').toString().split(':')[1]) } });
    const community = await t.db.community.findUniqueOrThrow({ where: { id: world.community.id } });
    expect(window.closesAt.getTime() - clock.now().getTime()).toBe(days(community.ratingWindowDays));
    expect(window.dissatisfactionPercent).toBe(community.dissatisfactionPercent);
    for (const user of [world.resident, world.resident2, voter]) expect(await notificationsOf(user.id, 'RATING_REQUESTED')).toBe(1);
    expect(await notificationsOf(owner.id, 'RATING_REQUESTED')).toBe(0);
    expect((await run(ADD_MILESTONE, { id: actionId, input: { title: '再来', weight: 1 } }, world.cadre)).__typename).toBe('InvalidStateError');
  });

  it('resolves a concern with two actions only when both are done', async () => {
    const scene = await decided({ proposals: [{ adopted: true }, { adopted: true }] });
    const first = await create(scene, world.cadre, { milestones: [{ title: '一', weight: 1 }] }, scene.proposalIds[0]!);
    const second = await create(scene, world.cadre, { milestones: [{ title: '二', weight: 1 }] }, scene.proposalIds[1]!);
    for (const action of [first, second]) {
      await run(command('startAction'), { id: action.data!.id }, world.cadre);
      await run(command('completeMilestone', 'milestoneId'), { id: action.data!.milestones[0]!.id }, world.cadre);
    }
    const one = await run(command('completeAction'), { id: first.data!.id }, world.cadre);
    expect(one.data).toMatchObject({ status: 'DONE', concern: { status: 'IN_PROGRESS' } });
    expect(await t.db.ratingWindow.count({ where: { action: { concernId: scene.concernId } } })).toBe(0);
    const two = await run(command('completeAction'), { id: second.data!.id }, world.cadre);
    expect(two.data).toMatchObject({ status: 'DONE', concern: { status: 'RESOLVED' } });
    const windows = await t.db.ratingWindow.findMany({ where: { action: { concernId: scene.concernId } }, include: { action: true } });
    expect(windows.map((w) => encodeGlobalID('Action', w.actionId))).toEqual([second.data!.id]);
  });

  it('shows an action as overdue once its due date passes', async () => {
    const scene = await decided();
    const action = await createActionFixture(t.db, { decided: scene, status: 'IN_PROGRESS', dueAt: new Date(clock.now().getTime() + days(1)) });
    const query = `query ($id: ID!) { action(id: $id) { overdue } }`;
    expect((await t.gql(query, { id: gid('Action', action.id) }, world.resident)).data).toEqual({ action: { overdue: false } });
    clock.advance(days(2));
    expect((await t.gql(query, { id: gid('Action', action.id) }, world.resident)).data).toEqual({ action: { overdue: true } });
    clock.advance(-days(2));
  });

  it('posts a progress update with photos that anyone who reads the board can see', async () => {
    const scene = await decided();
    const action = await createActionFixture(t.db, { decided: scene, status: 'IN_PROGRESS' });
    const id = gid('Action', action.id);
    const posted = await gqlMultipart(
      t,
      POST_UPDATE,
      { id, input: { body: '灯具已到货，周六安装。', photos: [null, null] } },
      [
        { path: 'variables.input.photos.0', file: photoFiles.png() },
        { path: 'variables.input.photos.1', file: photoFiles.jpeg() },
      ],
      world.cadre,
    );
    expect(posted.errors, JSON.stringify(posted.errors)).toBeUndefined();
    const result = (posted.data as { postProgressUpdate: { __typename: string; data: { body: string; photos: { url: string; mimeType: string }[] } } })
      .postProgressUpdate;
    expect(result.__typename).toBe('PostProgressUpdateSuccess');
    expect(result.data.body).toBe('灯具已到货，周六安装。');
    expect(result.data.photos.map((p) => p.mimeType)).toEqual(['image/png', 'image/jpeg']);
    const served = await t.fetch(result.data.photos[0]!.url);
    expect(served.status).toBe(200);
    expect(Buffer.from(await served.arrayBuffer())).toEqual(Buffer.from(await photoFiles.png().arrayBuffer()));
    expect(await notificationsOf(world.resident.id, 'ACTION_PROGRESS')).toBeGreaterThan(0);

    // Every bad photo is named at once, and nothing is kept.
    const filesBefore = await t.db.photo.count();
    const refused = await gqlMultipart(
      t,
      POST_UPDATE,
      { id, input: { body: '再来几张', photos: [null, null, null] } },
      [
        { path: 'variables.input.photos.0', file: photoFiles.fakeJpeg() },
        { path: 'variables.input.photos.1', file: photoFiles.png() },
        { path: 'variables.input.photos.2', file: photoFiles.png('big.png', t.app.deps.config.MAX_UPLOAD_BYTES + 1) },
      ],
      world.cadre,
    );
    expect(refused.data).toMatchObject({
      postProgressUpdate: {
        __typename: 'ValidationError',
        issues: [{ path: ['input', 'photos', '0'] }, { path: ['input', 'photos', '2'] }],
      },
    });
    expect(await t.db.photo.count()).toBe(filesBefore);
    const ten = Array.from({ length: 10 }, (_, i) => ({ path: `variables.input.photos.${i}`, file: photoFiles.png() }));
    const tooMany = await gqlMultipart(t, POST_UPDATE, { id, input: { body: '十张', photos: Array(10).fill(null) } }, ten, world.cadre);
    expect(tooMany.data).toMatchObject({ postProgressUpdate: { __typename: 'ValidationError', issues: [{ path: ['input', 'photos'] }] } });
    expect((await run(POST_UPDATE, { id: gid('Action', action.id), input: { body: '我也想发' } }, world.resident)).__typename).toBe('ForbiddenError');
    expect(await t.db.progressUpdate.count({ where: { actionId: action.id } })).toBe(1);
  });

  it("lists the community's actions newest first, by status and overdue, a page at a time", async () => {
    const listWorld = await createWorld(t.db);
    const scene = await createDecidedConcern(t.db, { community: listWorld.community, reporterId: listWorld.resident.id, chairId: listWorld.cadre.id });
    const planned = await createActionFixture(t.db, { decided: scene, status: 'PLANNED' });
    const late = await createActionFixture(t.db, { decided: scene, status: 'IN_PROGRESS', dueAt: new Date(clock.now().getTime() - days(1)) });
    const done = await createActionFixture(t.db, { decided: scene, status: 'DONE', dueAt: new Date(clock.now().getTime() - days(2)) });
    const list = `query ($slug: String!, $status: [ActionStatus!], $overdue: Boolean, $first: Int) {
      community(slug: $slug) { actions(status: $status, overdue: $overdue, first: $first) { edges { node { id overdue } } pageInfo { hasNextPage } } } }`;
    const ids = async (variables: Record<string, unknown>, as: Caller = listWorld.resident) => {
      const result = await t.gql(list, { slug: listWorld.community.slug, ...variables }, as);
      expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
      const actions = (result.data as { community: { actions: { edges: { node: { id: string; overdue: boolean } }[] } } }).community.actions;
      return actions.edges.map((edge) => edge.node.id);
    };
    expect(await ids({})).toEqual([done, late, planned].map((a) => gid('Action', a.id)));
    expect(await ids({ status: ['PLANNED', 'DONE'] })).toEqual([done, planned].map((a) => gid('Action', a.id)));
    expect(await ids({ overdue: true })).toEqual([gid('Action', late.id)]);
    expect(await ids({ overdue: false })).toEqual([done, planned].map((a) => gid('Action', a.id)));
    expect(await ids({ first: 1 })).toEqual([gid('Action', done.id)]);
    // A public community's actions are public, like its board.
    expect(await ids({}, undefined)).toHaveLength(3);

    const hidden = await createWorld(t.db, { isPublic: false });
    const secret = await createDecidedConcern(t.db, { community: hidden.community, reporterId: hidden.resident.id, chairId: hidden.cadre.id });
    await createActionFixture(t.db, { decided: secret });
    const query = `query ($slug: String!) { community(slug: $slug) { actions { edges { node { id } } } } }`;
    expect((await t.gql(query, { slug: hidden.community.slug }, hidden.outsider)).data).toEqual({ community: null });
    const own = await t.gql(query, { slug: hidden.community.slug }, hidden.resident);
    expect((own.data as { community: { actions: { edges: unknown[] } } }).community.actions.edges).toHaveLength(1);
  });

  it('hides the actions of a private community from outsiders', async () => {
    const hidden = await createWorld(t.db, { isPublic: false });
    const scene = await createDecidedConcern(t.db, { community: hidden.community, reporterId: hidden.resident.id, chairId: hidden.cadre.id });
    const action = await createActionFixture(t.db, { decided: scene, status: 'IN_PROGRESS' });
    const query = `query ($id: ID!) { action(id: $id) { title } }`;
    expect((await t.gql(query, { id: gid('Action', action.id) }, hidden.outsider)).data).toEqual({ action: null });
    expect((await t.gql(query, { id: gid('Action', action.id) })).data).toEqual({ action: null });
    expect((await run(command('startAction'), { id: gid('Action', action.id) }, world.cadre)).__typename).toBe('NotFoundError');
  });
});
