import { readdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { encodeGlobalID } from '@pothos/plugin-relay';
import { createTestApp, hours, testClock, type TestApp } from '../../test-support/harness.js';
import { createCommunity, createUser, createWorld, type World } from '../../test-support/fixtures.js';
import { createConcern } from '../../test-support/domain-fixtures.js';
import { providers } from '../../test-support/databases.js';
import { gqlMultipart, photoFiles } from '../../test-support/multipart.js';
import { REPORT, rawId, report, reportInput, watchBoard, type ReportResult } from './concerns.test-helpers.js';

const maxUploadBytes = 1024 * 1024;

describe('reporting a concern', () => {
  let t: TestApp;
  let world: World;
  const clock = testClock(new Date());

  beforeAll(async () => {
    t = await createTestApp({ clock, env: { MAX_UPLOAD_BYTES: String(maxUploadBytes) } });
    world = await createWorld(t.db);
  });
  afterAll(() => t.close());

  const uploadedFiles = () => readdirSync(t.app.deps.config.UPLOAD_DIR, { recursive: false }).length;

  it("records the report with the category's echo deadline, audits it and tells the board after commit", async () => {
    const board = watchBoard(t.app.deps, world.community.id);
    const reported = await report(t, world.community, world.resident, {
      categoryId: encodeGlobalID('Category', world.community.categoryIds.safety),
      groupId: encodeGlobalID('Group', world.community.groupIds[1]!),
      title: '  楼道堆放杂物  ',
      latitude: 39.9042,
      longitude: 116.4074,
    });
    expect(reported).toMatchObject({
      title: '楼道堆放杂物',
      status: 'REPORTED',
      reporterPublic: false,
      category: { key: 'safety' },
      group: { name: '2号楼' },
      latitude: 39.9042,
      longitude: 116.4074,
      photos: [],
      reporter: { displayName: '王阿姨' },
      secondCount: 0,
      version: 1,
    });
    // Safety concerns are owed an answer within 24 hours in this community.
    expect(new Date(reported.deadlineAt).getTime()).toBe(clock.now().getTime() + hours(24));
    const id = rawId(reported.id);
    const audit = await t.db.auditEvent.findMany({ where: { concernId: id } });
    expect(audit).toMatchObject([
      { kind: 'concern.reported', actorId: world.resident.id, subjectType: 'Concern', subjectId: id, data: { categoryKey: 'safety', title: '楼道堆放杂物' } },
    ]);
    await vi.waitFor(() => expect(board.received).toEqual([{ communityId: world.community.id, concernId: id, version: 1, status: 'REPORTED' }]));
    await board.stop();
  });

  it('names every bad field at once', async () => {
    const result = await t.gql<ReportResult>(
      REPORT,
      { input: reportInput(world.community, { title: ' ', body: 'x'.repeat(2001), place: '', latitude: 91 }) },
      world.resident,
    );
    const payload = result.data!.reportConcern;
    expect(payload.__typename).toBe('ValidationError');
    expect(payload.issues!.map((issue) => issue.path.join('.')).sort()).toEqual(
      ['input.body', 'input.latitude', 'input.longitude', 'input.place', 'input.title'].sort(),
    );
    const tooLong = await t.gql<ReportResult>(REPORT, { input: reportInput(world.community, { title: '长'.repeat(81), place: '地'.repeat(121) }) }, world.resident);
    expect(tooLong.data!.reportConcern.issues!.map((issue) => issue.path.join('.')).sort()).toEqual(['input.place', 'input.title']);
    const longitude = await t.gql<ReportResult>(REPORT, { input: reportInput(world.community, { latitude: 30, longitude: -181 }) }, world.resident);
    expect(longitude.data!.reportConcern.issues).toEqual([{ path: ['input', 'longitude'], message: 'Between -180 and 180', code: 'TOO_SMALL', limit: -180 }]);
  });

  it("refuses a category or building of another community, and an archived category, as validation errors", async () => {
    const other = world.otherCommunity;
    const foreign = await t.gql<ReportResult>(
      REPORT,
      {
        input: reportInput(world.community, {
          categoryId: encodeGlobalID('Category', other.categoryIds.parking),
          groupId: encodeGlobalID('Group', other.groupIds[0]!),
        }),
      },
      world.resident,
    );
    expect(foreign.data!.reportConcern).toEqual({
      __typename: 'ValidationError',
      issues: [
        { path: ['input', 'categoryId'], message: 'No such category in this community', code: 'UNKNOWN_CATEGORY', limit: null },
        { path: ['input', 'groupId'], message: 'No such building or hamlet in this community', code: 'UNKNOWN_GROUP', limit: null },
      ],
    });
    const archivedCommunity = await createCommunity(t.db);
    const member = await createUser(t.db, { communityId: archivedCommunity.id });
    await t.db.category.update({ where: { id: archivedCommunity.categoryIds.repairs }, data: { archived: true } });
    const archived = await t.gql<ReportResult>(
      REPORT,
      { input: reportInput(archivedCommunity, { categoryId: encodeGlobalID('Category', archivedCommunity.categoryIds.repairs) }) },
      member,
    );
    expect(archived.data!.reportConcern.issues).toMatchObject([{ path: ['input', 'categoryId'], code: 'UNKNOWN_CATEGORY' }]);
    expect(await t.db.concern.count({ where: { communityId: archivedCommunity.id } })).toBe(0);
  });

  it('lets only active members report', async () => {
    const anonymous = await t.gql<ReportResult>(REPORT, { input: reportInput(world.community) });
    expect(anonymous.data!.reportConcern).toEqual({ __typename: 'ForbiddenError', reason: 'SIGN_IN_REQUIRED' });
    const outsider = await t.gql<ReportResult>(REPORT, { input: reportInput(world.community) }, world.outsider);
    expect(outsider.data!.reportConcern).toEqual({ __typename: 'ForbiddenError', reason: 'NOT_A_MEMBER' });
    const suspended = await createUser(t.db, { communityId: world.community.id });
    await t.db.membership.updateMany({ where: { userId: suspended.id }, data: { status: 'SUSPENDED' } });
    const refused = await t.gql<ReportResult>(REPORT, { input: reportInput(world.community) }, suspended);
    expect(refused.data!.reportConcern).toEqual({ __typename: 'ForbiddenError', reason: 'NOT_A_MEMBER' });
    expect(await t.db.concern.count({ where: { reporterId: { in: [world.outsider.id, suspended.id] } } })).toBe(0);
  });

  it('shows the reporter to visitors only when they opted in', async () => {
    const hidden = await report(t, world.community, world.resident);
    const shown = await report(t, world.community, world.resident, { reporterPublic: true });
    const QUERY = 'query ($id: ID!) { concern(id: $id) { reporter { displayName } timeline { kind actorName } } }';
    for (const [concern, visible] of [
      [hidden, false],
      [shown, true],
    ] as const) {
      const asVisitor = await t.gql(QUERY, { id: concern.id });
      expect(asVisitor.data).toEqual({
        concern: { reporter: visible ? { displayName: '王阿姨' } : null, timeline: [{ kind: 'concern.reported', actorName: visible ? '王阿姨' : null }] },
      });
      const asOutsider = await t.gql(QUERY, { id: concern.id }, world.outsider);
      expect(asOutsider.data).toEqual(asVisitor.data);
      const asNeighbour = await t.gql(QUERY, { id: concern.id }, world.resident2);
      expect(asNeighbour.data).toEqual({ concern: { reporter: { displayName: '王阿姨' }, timeline: [{ kind: 'concern.reported', actorName: '王阿姨' }] } });
    }
  });

  describe('with photos, as a multipart request', () => {
    const photosInput = (count: number) => ({ input: reportInput(world.community, { photos: Array(count).fill(null) }) });
    const paths = (count: number) => Array.from({ length: count }, (_, i) => `variables.input.photos.${i}`);

    it('stores JPEG and PNG photos, sniffed from their bytes, and serves them at their url', async () => {
      const files = [photoFiles.jpeg('door.jpg'), photoFiles.png('car.png')];
      const result = await gqlMultipart<ReportResult>(
        t,
        REPORT,
        photosInput(2),
        paths(2).map((path, i) => ({ path, file: files[i]! })),
        world.resident,
      );
      const concern = result.data!.reportConcern.data!;
      expect(concern.photos.map((photo) => photo.mimeType)).toEqual(['image/jpeg', 'image/png']);
      for (const [i, photo] of concern.photos.entries()) {
        expect(photo.url).toMatch(/^\/uploads\/[a-f0-9]{32}\.(jpg|png)$/);
        const response = await t.fetch(photo.url);
        expect(response.status).toBe(200);
        expect(response.headers.get('content-type')).toBe(photo.mimeType);
        expect(new Uint8Array(await response.arrayBuffer())).toEqual(new Uint8Array(await files[i]!.arrayBuffer()));
      }
      const rows = await t.db.photo.findMany({ where: { concernId: rawId(concern.id) }, orderBy: { id: 'asc' } });
      expect(rows.map((row) => [row.mimeType, row.byteSize, row.uploadedById])).toEqual([
        ['image/jpeg', files[0]!.size, world.resident.id],
        ['image/png', files[1]!.size, world.resident.id],
      ]);
    });

    it('refuses an oversized photo and a file that is not an image, storing nothing at all', async () => {
      const concernsBefore = await t.db.concern.count();
      const photosBefore = await t.db.photo.count();
      const filesBefore = uploadedFiles();
      const files = [photoFiles.png('fine.png'), photoFiles.jpeg('huge.jpg', maxUploadBytes + 1), photoFiles.fakeJpeg('page.jpg')];
      const result = await gqlMultipart<ReportResult>(
        t,
        REPORT,
        photosInput(3),
        paths(3).map((path, i) => ({ path, file: files[i]! })),
        world.resident,
      );
      expect(result.data!.reportConcern).toEqual({
        __typename: 'ValidationError',
        issues: [
          { path: ['input', 'photos', '1'], message: 'Photo is larger than 1 MB', code: 'FILE_TOO_LARGE', limit: maxUploadBytes },
          { path: ['input', 'photos', '2'], message: 'Photo must be a JPEG, PNG or WebP image', code: 'FILE_TYPE', limit: null },
        ],
      });
      expect(await t.db.concern.count()).toBe(concernsBefore);
      expect(await t.db.photo.count()).toBe(photosBefore);
      expect(uploadedFiles()).toBe(filesBefore);
    });

    it('takes at most four photos', async () => {
      const result = await gqlMultipart<ReportResult>(
        t,
        REPORT,
        photosInput(5),
        paths(5).map((path) => ({ path, file: photoFiles.png() })),
        world.resident,
      );
      expect(result.data!.reportConcern).toEqual({
        __typename: 'ValidationError',
        issues: [{ path: ['input', 'photos'], message: 'At most 4 photos', code: 'TOO_LONG', limit: 4 }],
      });
    });

    it('needs the CSRF header when signed in by cookie', async () => {
      const form = new FormData();
      form.append('operations', JSON.stringify({ query: REPORT, variables: photosInput(1) }));
      form.append('map', JSON.stringify({ 0: ['variables.input.photos.0'] }));
      form.append('0', photoFiles.png());
      const before = await t.db.concern.count();
      const response = await t.app.yoga.fetch('http://localhost/graphql', { method: 'POST', body: form, headers: { cookie: world.resident.cookie } });
      expect(response.status).toBe(403);
      expect(await t.db.concern.count()).toBe(before);
    });
  });
});

describe('the upload rate limit', () => {
  let t: TestApp;
  let world: World;

  beforeAll(async () => {
    // uploadPerUser allows 60 photos an hour; at this scale, 2.
    t = await createTestApp({ rateLimitScale: 1 / 30 });
    world = await createWorld(t.db);
  });
  afterAll(() => t.close());

  it('counts photos per user and refuses the ones over the limit with a typed error', async () => {
    const send = (as: typeof world.resident) =>
      gqlMultipart<ReportResult>(t, REPORT, { input: reportInput(world.community, { photos: [null, null] }) }, [
        { path: 'variables.input.photos.0', file: photoFiles.png() },
        { path: 'variables.input.photos.1', file: photoFiles.png() },
      ], as);
    expect((await send(world.resident)).data!.reportConcern.__typename).toBe('ReportConcernSuccess');
    const refused = (await send(world.resident)).data!.reportConcern;
    expect(refused.__typename).toBe('RateLimitedError');
    expect(await t.db.concern.count({ where: { reporterId: world.resident.id } })).toBe(1);
    // Another neighbour has their own allowance.
    expect((await send(world.resident2)).data!.reportConcern.__typename).toBe('ReportConcernSuccess');
  });
});

const SECOND = `mutation ($id: ID!) {
  secondConcern(concernId: $id) {
    __typename
    ... on SecondConcernSuccess { data { secondCount secondedByMe canSecond version } }
    ... on ForbiddenError { reason }
    ... on InvalidStateError { state }
  }
}`;
const WITHDRAW = `mutation ($id: ID!) {
  withdrawSecond(concernId: $id) {
    __typename
    ... on WithdrawSecondSuccess { data { secondCount secondedByMe version } }
    ... on ForbiddenError { reason }
    ... on InvalidStateError { state }
  }
}`;

describe.each(providers)('seconding on %s', (provider) => {
  let t: TestApp;
  let world: World;

  beforeAll(async () => {
    t = await createTestApp({ provider });
    world = await createWorld(t.db);
  });
  afterAll(() => t.close());

  type SecondResult = { secondConcern: { __typename: string; data?: { secondCount: number; secondedByMe: boolean; version: number }; reason?: string; state?: string } };
  type WithdrawResult = { withdrawSecond: { __typename: string; data?: { secondCount: number; secondedByMe: boolean; version: number }; reason?: string; state?: string } };

  it('adds one second per member, however often or concurrently they ask, and takes it back', async () => {
    const concern = await createConcern(t.db, { community: world.community, reporterId: world.resident.id });
    const id = encodeGlobalID('Concern', concern.id);
    const board = watchBoard(t.app.deps, world.community.id);
    const first = await t.gql<SecondResult>(SECOND, { id }, world.resident2);
    expect(first.data!.secondConcern).toEqual({ __typename: 'SecondConcernSuccess', data: { secondCount: 1, secondedByMe: true, canSecond: true, version: 2 } });
    const racing = await Promise.all(Array.from({ length: 5 }, () => t.gql<SecondResult>(SECOND, { id }, world.cadre)));
    for (const result of racing) expect(result.data!.secondConcern.__typename).toBe('SecondConcernSuccess');
    expect(await t.db.second.count({ where: { concernId: concern.id } })).toBe(2);
    const again = await t.gql<SecondResult>(SECOND, { id }, world.resident2);
    expect(again.data!.secondConcern.data).toMatchObject({ secondCount: 2, secondedByMe: true });

    const withdrawn = await t.gql<WithdrawResult>(WITHDRAW, { id }, world.resident2);
    expect(withdrawn.data!.withdrawSecond.data).toMatchObject({ secondCount: 1, secondedByMe: false });
    const twice = await t.gql<WithdrawResult>(WITHDRAW, { id }, world.resident2);
    expect(twice.data!.withdrawSecond).toEqual({ __typename: 'WithdrawSecondSuccess', data: withdrawn.data!.withdrawSecond.data });
    // Each real change went out on the board with a newer version; the no-ops did not.
    await vi.waitFor(() => expect(board.received.map((event) => event.version)).toEqual([2, 3, 4]));
    await board.stop();
  });

  it("refuses your own concern, visitors and other communities' members", async () => {
    const concern = await createConcern(t.db, { community: world.community, reporterId: world.resident.id });
    const id = encodeGlobalID('Concern', concern.id);
    expect((await t.gql<SecondResult>(SECOND, { id }, world.resident)).data!.secondConcern).toEqual({ __typename: 'ForbiddenError', reason: 'OWN_CONCERN' });
    expect((await t.gql<WithdrawResult>(WITHDRAW, { id }, world.resident)).data!.withdrawSecond).toEqual({ __typename: 'ForbiddenError', reason: 'OWN_CONCERN' });
    expect((await t.gql<SecondResult>(SECOND, { id })).data!.secondConcern).toEqual({ __typename: 'ForbiddenError', reason: 'SIGN_IN_REQUIRED' });
    expect((await t.gql<SecondResult>(SECOND, { id }, world.outsider)).data!.secondConcern).toEqual({ __typename: 'ForbiddenError', reason: 'NOT_A_MEMBER' });
    expect(await t.db.second.count({ where: { concernId: concern.id } })).toBe(0);
  });

  it('hides a private community’s concern from outsiders altogether', async () => {
    const closed = await createCommunity(t.db, { isPublic: false });
    const reporter = await createUser(t.db, { communityId: closed.id });
    const concern = await createConcern(t.db, { community: closed, reporterId: reporter.id });
    const result = await t.gql<SecondResult>(SECOND, { id: encodeGlobalID('Concern', concern.id) }, world.outsider);
    expect(result.data!.secondConcern.__typename).toBe('NotFoundError');
  });

  it('refuses declined, merged and closed concerns', async () => {
    for (const status of ['DECLINED', 'MERGED', 'CLOSED'] as const) {
      const concern = await createConcern(t.db, { community: world.community, reporterId: world.resident.id, status });
      const id = encodeGlobalID('Concern', concern.id);
      expect((await t.gql<SecondResult>(SECOND, { id }, world.resident2)).data!.secondConcern).toEqual({ __typename: 'InvalidStateError', state: status });
      expect((await t.gql<WithdrawResult>(WITHDRAW, { id }, world.resident2)).data!.withdrawSecond).toEqual({ __typename: 'InvalidStateError', state: status });
    }
  });
});
