// The ballot is secret: no field, filter, sort, event, error, audit row or notification lets one member
// learn another's choice. One resident (the victim) votes; another (the prier) tries every way in.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeGlobalID } from '@pothos/plugin-relay';
import { getNamedType, isObjectType, isInputObjectType, type GraphQLNamedType, type GraphQLType } from 'graphql';
import { createTestApp, type Caller, type TestApp } from '../../test-support/harness.js';
import { createApiToken, createWorld, type World } from '../../test-support/fixtures.js';
import { votingScene } from '../../test-support/deliberation-fixtures.js';
import { subscribeSse } from '../../test-support/sse.js';
import { schema } from '../../graphql/schema.js';

const gid = (type: string, id: number) => encodeGlobalID(type, id);
const choices = /\b(SUPPORT|OPPOSE|ABSTAIN)\b/;
const named = (type: GraphQLType) => getNamedType(type).name;

const EVERYTHING = `query ($concern: ID!, $proposal: ID!, $slug: String!) {
  me { user { id displayName login } memberships { role community { slug } } }
  communities { slug name }
  community(slug: $slug) { name myRole settings { quorumPercent thresholdPercent } categories { key } groups { name } }
  concern(id: $concern) {
    status proposalCount
    votingWindow {
      id status eligibleCount quorumCount opensAt closesAt closedAt
      rules { quorumPercent thresholdPercent talliesHidden }
      tally { version closed voterCount quorumReached lines { proposalId support oppose abstain } }
      decision { id voterCount tally { title support oppose abstain adopted proposal { id myVote } } adoptedProposals { id } chairName }
      concern { id }
    }
    decisions { id quorumMet voterCount tally { support oppose abstain proposal { myVote } } chair { displayName } }
    comments { totalCount edges { node { body stance author { displayName } } } }
    proposals(includeWithdrawn: true) { edges { node {
      id title body status myVote tally { support oppose abstain } pinned hiddenReason
      author { displayName } mergedInto { id } comments { totalCount edges { node { body } } }
    } } }
  }
  proposal(id: $proposal) { myVote tally { support oppose abstain } concern { votingWindow { tally { lines { oppose } } } } }
}`;
const ANONYMOUS = `query ($concern: ID!) { concern(id: $concern) {
  votingWindow { tally { voterCount lines { support oppose abstain } } }
  decisions { tally { support oppose abstain } }
  proposals(first: 5) { edges { node { title myVote tally { support oppose abstain } } } }
} }`;
const CAST = `mutation ($id: ID!, $choice: VoteChoice!) { castVote(proposalId: $id, choice: $choice) { __typename ... on Error { code message } ... on CastVoteSuccess { data { myVote tally { oppose } } } } }`;
const RETRACT = `mutation ($id: ID!) { retractVote(proposalId: $id) { __typename ... on Error { code message } ... on RetractVoteSuccess { data { myVote tally { oppose } } } } }`;

describe('the secret ballot', () => {
  let t: TestApp;
  let world: World;
  let scene: Awaited<ReturnType<typeof votingScene>>;
  const published: unknown[] = [];

  beforeAll(async () => {
    t = await createTestApp();
    world = await createWorld(t.db);
    scene = await votingScene(t.db, { community: world.community, reporterId: world.resident.id, openedById: world.cadre.id, proposals: 2, talliesHidden: true });
    const events = t.app.deps.pubsub.subscribe('tally', scene.window.id)[Symbol.asyncIterator]();
    void (async () => {
      for (let next = await events.next(); !next.done; next = await events.next()) published.push(next.value);
    })();
    // The victim's vote: the only vote there is, so any count that reached the prier would give it away.
    const cast = await t.gql(CAST, { id: gid('Proposal', scene.proposals[0]!.id), choice: 'OPPOSE' }, world.resident);
    expect(cast.data).toMatchObject({ castVote: { __typename: 'CastVoteSuccess', data: { myVote: 'OPPOSE' } } });
  });
  afterAll(() => t.close());

  const prier = () => world.resident2;
  const everything = (as: Caller) =>
    t.gql(EVERYTHING, { concern: gid('Concern', scene.concern.id), proposal: gid('Proposal', scene.proposals[0]!.id), slug: world.community.slug }, as);

  it('shows the victim their own choice, and only them', async () => {
    const own = await everything(world.resident);
    expect(JSON.stringify(own.data)).toMatch(/"myVote":"OPPOSE"/);
  });

  it('reveals no choice through any field reachable as another resident, a stranger, an API token or anonymously', async () => {
    const token = await createApiToken(t.db, { communityId: world.community.id, createdById: world.admin.id, scopes: ['BOARD', 'SESSIONS', 'FIGURES', 'RULES'] });
    for (const as of [prier(), world.outsider, { token }, undefined] as Caller[]) {
      // Anonymous callers have a smaller query budget: they get the parts that matter.
      const response = as ? await everything(as) : await t.gql(ANONYMOUS, { concern: gid('Concern', scene.concern.id) });
      const text = JSON.stringify(response);
      expect(text).not.toMatch(choices);
      // While the tallies are hidden not even the count shows.
      expect(text).not.toMatch(/"oppose":1/);
      expect(text).toContain(scene.proposals[0]!.title);
    }
  });

  it('has no field, argument or type that names a vote or a voter beyond the viewer’s own', () => {
    const voteish = /vote|voter|ballot|choice/i;
    const allowed = new Set([
      'Proposal.myVote',
      'Mutation.castVote',
      'Mutation.retractVote',
      'Mutation.castVote(choice)',
      'Mutation.castVote(proposalId)',
      'Mutation.retractVote(proposalId)',
      'TallySnapshot.voterCount',
      'Decision.voterCount',
      'Turnout.voterCount', // a session's minutes: how many voted, never who
      'Concern.votingWindow',
      'Decision.votingWindow',
    ]);
    const found: string[] = [];
    const types = Object.values(schema.getTypeMap()).filter((type: GraphQLNamedType) => !type.name.startsWith('__'));
    for (const type of types) {
      if (/^(Vote|Ballot|Voter)$/.test(type.name)) found.push(type.name);
      if (!isObjectType(type) && !isInputObjectType(type)) continue;
      for (const field of Object.values(type.getFields())) {
        const name = `${type.name}.${field.name}`;
        if (voteish.test(field.name) || named(field.type) === 'VoteChoice') found.push(name);
        for (const arg of 'args' in field ? field.args : []) {
          if (voteish.test(arg.name) || voteish.test(named(arg.type)) || named(arg.type) === 'VoteChoice') {
            found.push(`${name}(${arg.name})`);
          }
        }
      }
    }
    expect(found.filter((name) => !allowed.has(name) && !/^(CastVote|RetractVote)(Result|Success)$/.test(name))).toEqual([]);
    // The one field that carries a choice is the viewer's own.
    const carriers = types.flatMap((type) =>
      isObjectType(type) ? Object.values(type.getFields()).filter((f) => named(f.type) === 'VoteChoice').map((f) => `${type.name}.${f.name}`) : [],
    );
    expect(carriers).toEqual(['Proposal.myVote']);
  });

  it('answers introspection without a vote type or a voter field', async () => {
    const response = await t.gql<{ __schema: { types: { name: string; fields: { name: string }[] | null }[] }; vote: unknown }>(
      `{ __schema { types { name fields { name } } } vote: __type(name: "Vote") { name } }`,
      {},
      prier(),
    );
    if (response.data) {
      expect(response.data.vote).toBeNull();
      const names = response.data.__schema.types.flatMap((type) => (type.fields ?? []).map((f) => `${type.name}.${f.name}`));
      expect(names.filter((name) => /\.(votes|voter|voters|voterId|ballots?)$/i.test(name))).toEqual([]);
    } else {
      // Introspection switched off for members is just as good.
      expect(response.errors?.length).toBeGreaterThan(0);
    }
  });

  it('gives nothing away in the answers and errors of voting', async () => {
    const answers: unknown[] = [];
    // Retracting a vote one never cast, twice: quiet, and the victim's vote stays.
    answers.push((await t.gql(RETRACT, { id: gid('Proposal', scene.proposals[0]!.id) }, prier())).data);
    answers.push((await t.gql(RETRACT, { id: gid('Proposal', scene.proposals[0]!.id) }, prier())).data);
    // Casting, then on a hidden proposal, on a window that has run out, as an outsider and anonymously.
    answers.push((await t.gql(CAST, { id: gid('Proposal', scene.proposals[1]!.id), choice: 'ABSTAIN' }, prier())).data);
    await t.db.proposal.update({ where: { id: scene.proposals[1]!.id }, data: { status: 'HIDDEN', hiddenReason: '测试' } });
    answers.push((await t.gql(CAST, { id: gid('Proposal', scene.proposals[1]!.id), choice: 'SUPPORT' }, prier())).data);
    answers.push((await t.gql(CAST, { id: gid('Proposal', scene.proposals[0]!.id), choice: 'SUPPORT' }, world.outsider)).data);
    answers.push((await t.gql(CAST, { id: gid('Proposal', scene.proposals[0]!.id), choice: 'SUPPORT' })).data);
    answers.push((await t.gql(CAST, { id: gid('Proposal', 999_999), choice: 'SUPPORT' }, prier())).data);
    await t.db.proposal.update({ where: { id: scene.proposals[1]!.id }, data: { status: 'ACTIVE', hiddenReason: null } });
    await t.gql(RETRACT, { id: gid('Proposal', scene.proposals[1]!.id) }, prier());

    const text = JSON.stringify(answers);
    expect(text).not.toMatch(/OPPOSE/);
    expect(text).not.toContain(world.resident.displayName);
    expect(text).not.toMatch(/"oppose":1/);
    expect(await t.db.vote.findUnique({ where: { proposalId_voterId: { proposalId: scene.proposals[0]!.id, voterId: world.resident.id } } })).toMatchObject({
      choice: 'OPPOSE',
    });
  });

  it('sends the prier no choice and no count over the tally subscription, and no event carries a voter', async () => {
    const query = 'subscription ($id: ID!) { tally(windowId: $id) { version closed voterCount lines { proposalId support oppose abstain } } }';
    const sub = await subscribeSse(t, query, { id: gid('VotingWindow', scene.window.id) }, prier());
    try {
      const first = await sub.next();
      // The victim changes their mind: an event goes out.
      await t.gql(CAST, { id: gid('Proposal', scene.proposals[0]!.id), choice: 'SUPPORT' }, world.resident);
      const second = await sub.next();
      const text = JSON.stringify([first, second]);
      expect(text).not.toMatch(choices);
      expect([first, second].map((event) => (event.data as { tally: { lines: unknown } }).tally.lines)).toEqual([null, null]);
    } finally {
      sub.close();
    }
    await t.gql(CAST, { id: gid('Proposal', scene.proposals[0]!.id), choice: 'OPPOSE' }, world.resident);
    await new Promise((resolve) => setTimeout(resolve, 250));
    expect(published.length).toBeGreaterThan(0);
    for (const snapshot of published) {
      expect(JSON.stringify(snapshot)).not.toMatch(choices);
      expect(JSON.stringify(snapshot)).not.toMatch(/voterId|userId/);
    }
  });

  it('writes no choice into the audit trail, notifications or the decision, once the vote is closed', async () => {
    const closed = await t.gql(`mutation ($id: ID!) { closeVotingWindow(windowId: $id) { __typename } }`, { id: gid('VotingWindow', scene.window.id) }, world.cadre);
    expect(closed.data).toEqual({ closeVotingWindow: { __typename: 'CloseVotingWindowSuccess' } });
    const audit = await t.db.auditEvent.findMany({ where: { communityId: world.community.id } });
    expect(audit.map((row) => row.kind)).toEqual(expect.arrayContaining(['voting.closed', 'decision.recorded']));
    // Casting a vote leaves no trace in the trail at all: only the window's opening and closing do.
    expect(audit.filter((row) => /^vote\b|cast/.test(row.kind))).toEqual([]);
    expect(JSON.stringify(audit.map((row) => row.data))).not.toMatch(choices);
    const notifications = await t.db.notification.findMany({ where: { communityId: world.community.id } });
    expect(notifications.length).toBeGreaterThan(0);
    expect(JSON.stringify(notifications.map((row) => row.params))).not.toMatch(choices);
    const decision = await t.db.decision.findUniqueOrThrow({ where: { windowId: scene.window.id } });
    for (const line of decision.tally as Record<string, unknown>[]) {
      expect(Object.keys(line).sort()).toEqual(['abstain', 'adopted', 'oppose', 'proposalId', 'support', 'title']);
    }
    // Afterwards the prier reads the result as counts, and still no one's choice.
    const after = JSON.stringify((await everything(prier())).data);
    expect(after).not.toMatch(choices);
    expect(after).toMatch(/"oppose":1/);
  });
});
