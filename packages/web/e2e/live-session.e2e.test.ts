// A live council session in three browsers against the real server: a chair and two residents. The
// residents propose and vote, and each sees the other's vote on the tally bars within a second, with
// no reload; the chair moves the item through its phases and closes the vote, the decision shows for
// everyone, and ending the session shows the minutes. Then the connection drops in the middle of a vote:
// "reconnecting…" shows, another member votes and the chair closes the vote meanwhile, and when the
// link is back the room shows the new state by itself.
import type { Browser, BrowserContext, Page, WebSocketRoute } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { collectPageErrors, launchBrowser, openContext, screenshot, seriousAxeViolations, type ViewportName } from './support/browser.ts';
import { gql, signInAs, useLanguage } from './support/session.ts';
import { startServer, type TestServer } from './support/server.ts';

let server: TestServer;
let browser: Browser;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer(), launchBrowser()]);
});

afterEach(async () => {
  await Promise.all(contexts.splice(0).map((context) => context.close()));
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

type Language = 'zh-CN' | 'en';

async function open(as: string, language: Language, viewport: ViewportName) {
  const context = await openContext(browser, viewport);
  contexts.push(context);
  await useLanguage(context, language);
  const page = await context.newPage();
  page.setDefaultTimeout(20_000);
  const errors = collectPageErrors(page);
  if (process.env.LIVE_DEBUG) page.on('console', (message) => console.log(`[${as}] ${message.type()}: ${message.text()}`));
  await signInAs(page, server.url, as);
  return { page, context, errors };
}

const text = {
  'zh-CN': {
    start: '开始会议',
    live: '进行中',
    takeUp: /^开始议：/,
    proposing: '现在：提方案',
    discuss: '结束提方案，开始讨论',
    openVote: '开始投票',
    closeVote: '结束投票，公布结果',
    voting: '现在：投票中',
    titleLabel: '方案标题',
    bodyLabel: '具体做法',
    submit: '提交方案',
    support: '支持',
    oppose: '反对',
    decision: '表决结果',
    adopted: '通过',
    raise: '举手发言',
    giveFloor: /^请.+发言$/,
    floor: '轮到你发言了',
    end: '结束会议',
    endConfirm: '确定结束',
    minutes: '会议纪要',
    turnout: '投票率',
    present: /^\d+ 人在会场$/,
    reconnecting: '正在重新连接…',
    console: '主持台',
    schedule: '安排议事会',
    scheduleSubmit: '安排',
    sessionTitle: '会议名称',
    nav: '议事会',
  },
  en: {
    start: 'Start the session',
    live: 'Under way',
    takeUp: /^Take up: /,
    proposing: 'Now: Proposals',
    discuss: 'End proposals, start the discussion',
    openVote: 'Open the vote',
    closeVote: 'Close the vote and show the result',
    voting: 'Now: Voting',
    titleLabel: 'Title of the proposal',
    bodyLabel: 'What to do',
    submit: 'Send the proposal',
    support: 'Support',
    oppose: 'Oppose',
    decision: 'The decision',
    adopted: 'Adopted',
    raise: 'Raise my hand',
    giveFloor: /^Give the floor to /,
    floor: 'You have the floor',
    end: 'End the session',
    endConfirm: 'End it',
    minutes: 'Minutes',
    turnout: 'Turnout',
    present: /^\d+ (person|people) here$/,
    reconnecting: 'Reconnecting…',
    console: "Chair's console",
    schedule: 'Schedule a session',
    scheduleSubmit: 'Schedule',
    sessionTitle: 'Title',
    nav: 'Sessions',
  },
} as const;

/** One proposal's ballot in the room, found by its title. */
const ballotOf = (page: Page, title: string) => page.locator('article', { has: page.getByRole('heading', { name: title, exact: true }) });

/** The support/oppose/abstain counts on a proposal's tally bar, read in the page (null: no bar). */
function countsIn(page: Page, title: string, label: string): Promise<number | null> {
  return page.evaluate(
    ({ title, label }) => {
      const article = [...document.querySelectorAll('article')].find((node) => node.querySelector('h3')?.textContent === title);
      const entry = [...(article?.querySelectorAll('figure li') ?? [])].find((item) => item.children[1]?.textContent === label);
      return entry ? Number.parseInt(entry.children[2]?.textContent ?? '', 10) : null;
    },
    { title, label },
  );
}

/** Milliseconds until the proposal's count for `label` reads `expected` in `page`, polled every frame. */
async function msUntilCount(page: Page, title: string, label: string, expected: number, since: number): Promise<number> {
  await page.waitForFunction(
    ({ title, label, expected }) => {
      const article = [...document.querySelectorAll('article')].find((node) => node.querySelector('h3')?.textContent === title);
      const entry = [...(article?.querySelectorAll('figure li') ?? [])].find((item) => item.children[1]?.textContent === label);
      return entry ? Number.parseInt(entry.children[2]?.textContent ?? '', 10) === expected : false;
    },
    { title, label, expected },
    { polling: 'raf', timeout: 10_000 },
  );
  return Date.now() - since;
}

/** Clicks a vote button and resolves when the server has acknowledged the vote. */
async function voteAndWaitForAck(page: Page, title: string, choice: string): Promise<number> {
  const answered = page.waitForResponse((response) => (response.request().postData() ?? '').includes('mutation CastVote') && response.ok());
  await ballotOf(page, title).getByRole('button', { name: choice, exact: true }).click();
  await answered;
  return Date.now();
}

interface SessionRow {
  id: string;
  status: string;
  title: string;
}

async function sessionsOf(page: Page, slug: string): Promise<SessionRow[]> {
  const data = await gql<{ community: { liveSessions: SessionRow[] } }>(page, 'query($slug: String!) { community(slug: $slug) { liveSessions { id status title } } }', { slug });
  return data.community.liveSessions;
}

describe.each(['zh-CN', 'en'] as const)('a live session (%s)', (language) => {
  const say = text[language];
  const lang = language === 'zh-CN' ? 'zh' : 'en';

  it('runs from the first proposal to the minutes, live for everyone', { timeout: 240_000 }, async () => {
    const chair = await open('cadre', language, 'desktop');
    const alice = await open('resident', language, 'phone');
    const bob = await open('resident-01', language, 'desktop');

    // The seeded upcoming session in Chinese; in English the chair schedules one in the form.
    let sessionPath: string;
    if (language === 'zh-CN') {
      const upcoming = (await sessionsOf(chair.page, 'xinhua-lane')).find((row) => row.status === 'SCHEDULED');
      if (!upcoming) throw new Error('The seed has no upcoming session');
      await chair.page.goto(`${server.url}/c/xinhua-lane`);
      await chair.page.getByRole('navigation').getByRole('link', { name: say.nav }).click();
      await chair.page.getByRole('link', { name: upcoming.title }).click();
      sessionPath = new URL(chair.page.url()).pathname;
    } else {
      await chair.page.goto(`${server.url}/c/xinhua-lane/sessions`);
      await chair.page.getByRole('button', { name: say.schedule }).click();
      const dialog = chair.page.getByRole('dialog', { name: say.schedule });
      await dialog.getByRole('textbox', { name: say.sessionTitle }).fill("Residents' council: the Building 5 roof");
      await dialog.getByRole('checkbox', { name: /5号楼|Building 5/ }).first().check();
      await dialog.getByRole('button', { name: say.scheduleSubmit, exact: true }).click();
      await chair.page.waitForURL(/\/sessions\/[^/]+$/);
      sessionPath = new URL(chair.page.url()).pathname;
    }
    await chair.page.getByRole('heading', { name: say.console }).waitFor();
    await Promise.all([alice.page.goto(server.url + sessionPath), bob.page.goto(server.url + sessionPath)]);

    // The chair starts; the residents' rooms follow without a reload.
    await chair.page.getByRole('button', { name: say.start }).click();
    await alice.page.getByText(say.live, { exact: true }).first().waitFor();
    await bob.page.getByText(say.present).waitFor();
    await chair.page.getByRole('button', { name: say.takeUp }).click();
    await alice.page.getByText(say.proposing).waitFor();
    await bob.page.getByText(say.proposing).waitFor();

    // Each resident proposes; the other sees it arrive.
    const first = `${lang}: temporary steel plates ${Date.now()}`;
    const second = `${lang}: repave the whole path ${Date.now()}`;
    for (const [who, title] of [
      [alice, first],
      [bob, second],
    ] as const) {
      await who.page.getByLabel(say.titleLabel).fill(title);
      await who.page.getByLabel(say.bodyLabel).fill('Details for the council.');
      await who.page.getByRole('button', { name: say.submit }).click();
    }
    await alice.page.getByRole('heading', { name: second }).waitFor();
    await bob.page.getByRole('heading', { name: first }).waitFor();

    // Hands and the floor.
    await alice.page.getByRole('button', { name: say.raise }).click();
    await chair.page.getByRole('button', { name: say.giveFloor }).click();
    await alice.page.getByText(say.floor).waitFor();

    // Discussion, then the vote.
    await chair.page.getByRole('button', { name: say.discuss }).click();
    await chair.page.getByRole('button', { name: say.openVote }).click();
    await alice.page.getByText(say.voting).waitFor();
    await ballotOf(bob.page, first).getByRole('button', { name: say.support, exact: true }).waitFor();
    await ballotOf(alice.page, first).locator('figure').waitFor();
    await ballotOf(bob.page, first).locator('figure').waitFor();

    // Alice votes: Bob's bar moves within a second of the server's acknowledgement, and the reverse.
    const supportBefore = (await countsIn(bob.page, first, say.support)) ?? 0;
    const aliceVoted = await voteAndWaitForAck(alice.page, first, say.support);
    const toBob = await msUntilCount(bob.page, first, say.support, supportBefore + 1, aliceVoted);
    const opposeBefore = (await countsIn(alice.page, first, say.oppose)) ?? 0;
    const bobVoted = await voteAndWaitForAck(bob.page, first, say.oppose);
    const toAlice = await msUntilCount(alice.page, first, say.oppose, opposeBefore + 1, bobVoted);
    expect(toBob, 'ms until Bob saw Alice’s vote').toBeLessThan(1_000);
    expect(toAlice, 'ms until Alice saw Bob’s vote').toBeLessThan(1_000);
    await voteAndWaitForAck(bob.page, second, say.support);

    await screenshot(alice.page, `live-room-360-${lang}`);
    await screenshot(bob.page, `live-room-1280-${lang}`);
    expect(await seriousAxeViolations(alice.page), 'the room, resident, phone').toEqual([]);
    expect(await seriousAxeViolations(chair.page), "the chair's console").toEqual([]);

    // The chair closes the vote: the decision shows for everyone.
    await chair.page.getByRole('button', { name: say.closeVote }).click();
    for (const who of [chair, alice, bob]) await who.page.getByRole('heading', { name: say.decision }).waitFor();
    // Each proposal's line of the decision, adopted or not, with its counts.
    await bob.page.locator('figure', { has: bob.page.locator('figcaption', { hasText: first }) }).waitFor();
    await bob.page.getByText(say.adopted).first().waitFor();
    await screenshot(alice.page, `live-decision-360-${lang}`, { fullPage: false });

    // Ending the session writes the minutes, for everyone.
    await chair.page.getByRole('button', { name: say.end }).click();
    await chair.page.getByRole('dialog').getByRole('button', { name: say.endConfirm }).click();
    for (const who of [chair, alice, bob]) await who.page.getByRole('heading', { name: say.minutes }).waitFor();
    await chair.page.getByRole('progressbar', { name: say.turnout }).waitFor();
    await screenshot(chair.page, `live-minutes-1280-${lang}`);
    expect(await seriousAxeViolations(chair.page), 'the minutes').toEqual([]);

    for (const who of [chair, alice, bob]) expect(who.errors).toEqual([]);
  });
});

describe('when the connection drops', () => {
  it('shows "reconnecting…", and when the link is back shows the vote and decision made meanwhile, without a reload', { timeout: 240_000 }, async () => {
    const chair = await open('village-cadre', 'zh-CN', 'desktop');
    const alice = await open('resident-18', 'zh-CN', 'phone');
    const bob = await open('resident-19', 'zh-CN', 'phone');
    const say = text['zh-CN'];

    // A session with an open vote on one proposal, set up through the API.
    const choices = await gql<{ community: { id: string; concerns: { edges: { node: { id: string } }[] } } }>(
      chair.page,
      'query { community(slug: "taoyuan-village") { id concerns(status: [ACKNOWLEDGED, REOPENED], first: 1) { edges { node { id } } } } }',
    );
    const concernId = choices.community.concerns.edges[0]?.node.id;
    if (!concernId) throw new Error('No concern awaits a decision in the seed');
    const scheduled = await gql<{ scheduleSession: { data: { id: string; agenda: { id: string }[] } } }>(
      chair.page,
      `mutation($input: ScheduleSessionInput!) { scheduleSession(input: $input) { ... on ScheduleSessionSuccess { data { id agenda { id } } } } }`,
      { input: { communityId: choices.community.id, title: '村民议事会：北湾水压', scheduledAt: new Date().toISOString(), agenda: [concernId] } },
    );
    const sessionId = scheduled.scheduleSession.data.id;
    const itemId = scheduled.scheduleSession.data.agenda[0]!.id;
    const advance = () => gql(chair.page, 'mutation($id: ID!) { advanceAgendaItem(itemId: $id) { __typename } }', { id: itemId });
    await gql(chair.page, 'mutation($id: ID!) { startSession(sessionId: $id) { __typename } }', { id: sessionId });
    await advance();
    const title = '加装一台增压泵';
    await gql(alice.page, 'mutation($c: ID!, $i: ProposalInput!) { createProposal(concernId: $c, input: $i) { __typename } }', {
      c: concernId,
      i: { title, body: '在北湾组坡下加装增压泵。' },
    });
    await advance();
    await advance();

    // Alice's WebSocket goes through a switch the test can turn off: then her sockets are dropped and
    // new ones refused, as when the server's connection is cut. They close with 1012 ("service
    // restart"), what a restarting server says, and a code graphql-ws retries.
    let cut = false;
    const sockets = new Set<WebSocketRoute>();
    await alice.page.routeWebSocket(/\/graphql/, (ws) => {
      if (cut) {
        void ws.close({ code: 1012, reason: 'cut' });
        return;
      }
      sockets.add(ws);
      ws.connectToServer();
    });
    const room = `${server.url}/c/taoyuan-village/sessions/${encodeURIComponent(sessionId)}`;
    await Promise.all([alice.page.goto(room), bob.page.goto(room), chair.page.goto(room)]);
    await ballotOf(alice.page, title).locator('figure').waitFor();
    await alice.page.evaluate(() => ((window as unknown as { roomMarker: number }).roomMarker = 42));
    const before = (await countsIn(alice.page, title, say.support)) ?? 0;

    cut = true;
    for (const ws of sockets) await ws.close({ code: 1012, reason: 'cut' });
    const banner = alice.page.getByRole('status').filter({ hasText: say.reconnecting });
    await banner.waitFor();
    await screenshot(alice.page, 'live-reconnecting-360-zh', { fullPage: false });

    // Meanwhile Bob votes and the chair closes the vote.
    await voteAndWaitForAck(bob.page, title, say.support);
    await chair.page.getByRole('button', { name: say.closeVote }).click();
    await bob.page.getByRole('heading', { name: say.decision }).waitFor();
    expect(await alice.page.getByRole('heading', { name: say.decision }).count()).toBe(0);

    cut = false;
    await banner.waitFor({ state: 'detached', timeout: 60_000 });
    await alice.page.getByRole('heading', { name: say.decision }).waitFor({ timeout: 20_000 });
    await alice.page.waitForFunction(
      ({ title, expected }) => {
        const figure = [...document.querySelectorAll('figure')].find((node) => node.querySelector('figcaption')?.textContent === title);
        const entry = [...(figure?.querySelectorAll('li') ?? [])].find((item) => item.children[1]?.textContent === '支持');
        return entry ? Number.parseInt(entry.children[2]?.textContent ?? '', 10) === expected : false;
      },
      { title, expected: before + 1 },
    );
    expect(await alice.page.evaluate(() => (window as unknown as { roomMarker?: number }).roomMarker)).toBe(42);
    expect(alice.errors.filter((error) => !/WebSocket/.test(error))).toEqual([]);
  });
});
