// No API path returns another member's rating or vote choice: checked on the schema itself (so a new
// field cannot slip one out) and by asking every path that touches ratings as every kind of caller.
import { encodeGlobalID } from '@pothos/plugin-relay';
import { getNamedType, isObjectType, type GraphQLField } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { schema } from '../src/graphql/schema.js';
import { createTestApp, type Caller, type TestApp } from '../src/test-support/harness.js';
import { createUser, createWorld, type TestUser, type World } from '../src/test-support/fixtures.js';
import { createActionFixture, createDecidedConcern, openRatingWindowFixture } from '../src/test-support/loop-fixtures.js';

const secretEnums = new Set(['Satisfaction', 'VoteChoice']);

function objectFields(): { type: string; name: string; field: GraphQLField<unknown, unknown> }[] {
  return Object.values(schema.getTypeMap())
    .filter(isObjectType)
    .filter((type) => !type.name.startsWith('__'))
    .flatMap((type) => Object.values(type.getFields()).map((field) => ({ type: type.name, name: field.name, field })));
}

describe('the schema', () => {
  it('returns a rating value or vote choice only as the viewer’s own (my…, My…) or on anonymous comments', () => {
    const carriers = objectFields().filter(({ field }) => secretEnums.has(getNamedType(field.type).name));
    for (const { type, name } of carriers) {
      expect(type.startsWith('My') || /^my[A-Z]/.test(name) || type === 'RatingComment', `${type}.${name}`).toBe(true);
    }
    expect(carriers.map(({ type, name }) => `${type}.${name}`)).toEqual(expect.arrayContaining(['MyRating.value', 'Proposal.myVote']));
  });

  it('reaches a viewer’s own record only through my… fields, and anonymous comments only through ratingComments', () => {
    for (const { type, name, field } of objectFields()) {
      const target = getNamedType(field.type).name;
      if (/^My[A-Z]/.test(target)) expect(name, `${type}.${name}`).toMatch(/^my[A-Z]/);
      if (target === 'RatingComment') expect(`${type}.${name}`).toBe('Action.ratingComments');
    }
    // No type names who rated or voted.
    const people = objectFields().filter(({ field }) => getNamedType(field.type).name === 'User');
    for (const { type, name } of people) expect(`${type}.${name}`).not.toMatch(/rater|voter|rating|vote/i);
  });
});

describe('asking for ratings as every caller', () => {
  let t: TestApp;
  let world: World;
  let raters: TestUser[];
  let actionId: string;

  const VIEW = `query ($id: ID!) { action(id: $id) {
    myRating { value comment updatedAt } canRate ratingComments { value comment }
    ratingSummary { satisfied basicallySatisfied dissatisfied total satisfactionPercent } ratingWindow { isOpen outcome }
    concern { timeline { kind data actorName } }
  } }`;
  const RATE = `mutation ($id: ID!, $value: Satisfaction!, $comment: String) { rateAction(actionId: $id, value: $value, comment: $comment) { __typename } }`;

  beforeAll(async () => {
    t = await createTestApp();
    world = await createWorld(t.db);
    raters = [world.resident, world.resident2, await createUser(t.db, { communityId: world.community.id, displayName: '吴奶奶' })];
    const scene = await createDecidedConcern(t.db, {
      community: world.community,
      reporterId: raters[0]!.id,
      chairId: world.cadre.id,
      seconderIds: [raters[1]!.id],
      voterIds: [raters[2]!.id],
    });
    const action = await createActionFixture(t.db, { decided: scene, status: 'DONE' });
    await openRatingWindowFixture(t.db, action.id);
    actionId = encodeGlobalID('Action', action.id);
    const values = ['SATISFIED', 'BASICALLY_SATISFIED', 'DISSATISFIED'];
    for (const [i, rater] of raters.entries()) {
      const result = await t.gql(RATE, { id: actionId, value: values[i], comment: `评价${i}` }, rater);
      expect(result.data).toEqual({ rateAction: { __typename: 'RateActionSuccess' } });
    }
  });
  afterAll(() => t.close());

  const view = async (as: Caller) => {
    const result = await t.gql<{ action: Record<string, unknown> }>(VIEW, { id: actionId }, as);
    expect(result.errors).toBeUndefined();
    return result.data!.action;
  };

  it('shows each rater their own rating and everyone the same counts', async () => {
    const values = ['SATISFIED', 'BASICALLY_SATISFIED', 'DISSATISFIED'];
    for (const [i, rater] of raters.entries()) {
      const seen = await view(rater);
      expect(seen.myRating).toMatchObject({ value: values[i], comment: `评价${i}` });
      const others = values.filter((_, k) => k !== i);
      const text = JSON.stringify({ ...seen, myRating: null, ratingSummary: null });
      for (const value of others) expect(text).not.toContain(`"${value}"`);
      expect(text).not.toMatch(/评价/);
    }
    const summaries = await Promise.all([...raters, world.admin, world.outsider, undefined].map(async (as) => (await view(as)).ratingSummary));
    expect(new Set(summaries.map((s) => JSON.stringify(s))).size).toBe(1);
  });

  it('shows residents, outsiders and anonymous callers no one’s rating at all', async () => {
    const neighbour = await createUser(t.db, { communityId: world.community.id });
    for (const as of [neighbour, world.outsider, undefined]) {
      const seen = await view(as);
      expect(seen.myRating).toBeNull();
      expect(seen.ratingComments).toBeNull();
      expect(JSON.stringify({ ...seen, ratingSummary: null })).not.toMatch(/"SATISFIED"|BASICALLY_SATISFIED|"DISSATISFIED"|评价/);
    }
  });

  it('shows cadres the comments, but never who wrote them', async () => {
    const seen = await view(world.cadre);
    expect(seen.myRating).toBeNull();
    expect(seen.ratingComments).toEqual([
      { value: 'SATISFIED', comment: '评价0' },
      { value: 'BASICALLY_SATISFIED', comment: '评价1' },
      { value: 'DISSATISFIED', comment: '评价2' },
    ]);
    const trail = await t.gql(`query ($slug: String!) { community(slug: $slug) { auditTrail(first: 100) { edges { node { kind data actor { displayName } } } } } }`, { slug: world.community.slug }, world.admin);
    const text = JSON.stringify(trail.data);
    expect(text).not.toMatch(/"SATISFIED"|BASICALLY_SATISFIED|"DISSATISFIED"|评价|SUPPORT|OPPOSE/);
    for (const rater of raters) expect(text).not.toContain(rater.displayName);
    const decisions = await t.fetch(`/export/${world.community.slug}/decisions.csv`, {}, world.cadre);
    const csv = await decisions.text();
    expect(csv).not.toMatch(/SUPPORT|OPPOSE|ABSTAIN/);
    for (const rater of raters) expect(csv).not.toContain(rater.displayName);
  });
});
