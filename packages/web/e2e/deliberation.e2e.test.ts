// Deliberating on a concern and following it up, against the real server with demo data: proposing,
// commenting with a stance, voting in an open voting window (optimistic, changed, taken back), the
// action's progress, rating the result, and the notification feed.
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { collectPageErrors, launchBrowser, openContext, screenshot, seriousAxeViolations, type ViewportName } from './support/browser.ts';
import { signInAs, useLanguage } from './support/session.ts';
import { startServer, type TestServer } from './support/server.ts';

let server: TestServer;
let browser: Browser;
const contexts: BrowserContext[] = [];

// Demo concerns of Xinhua Lane (global ids): see packages/server/src/db/seed/content.ts.
const EBIKES = '/c/xinhua-lane/concerns/Q29uY2Vybjo2'; // VOTING, resident has not voted
const FOOTPATH = '/c/xinhua-lane/concerns/Q29uY2Vybjo4'; // ACKNOWLEDGED, reported by resident
const TOILET = '/c/taoyuan-village/concerns/Q29uY2VybjoxMg=='; // IN_PROGRESS: an action 30% done
const LIGHTING = '/c/xinhua-lane/concerns/Q29uY2Vybjoz'; // RESOLVED: rating open, resident has not rated

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

async function open(as: string, language: 'zh-CN' | 'en' = 'zh-CN', viewport: ViewportName = 'phone') {
  const context = await openContext(browser, viewport);
  contexts.push(context);
  await useLanguage(context, language);
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  const errors = collectPageErrors(page);
  await signInAs(page, server.url, as);
  return { page, errors };
}

describe('voting while the window is open', () => {
  it('shows the vote at once, lets it be changed and taken back (zh-CN)', async () => {
    const { page, errors } = await open('resident');
    let release: () => void = () => {};
    let hold = false;
    await page.route('**/graphql', async (route) => {
      if (hold && (route.request().postData() ?? '').includes('CastVote')) {
        await new Promise<void>((resolve) => (release = resolve));
      }
      await route.continue();
    });
    await page.goto(server.url + EBIKES);
    const panel = page.locator('section', { has: page.getByRole('heading', { name: '正在表决' }) });
    await panel.waitFor();
    await panel.getByText(/已投票 \d+ 人 \/ 需要 \d+ 人/).waitFor();
    const ballot = panel.locator('article').first();
    const support = ballot.getByRole('button', { name: '支持' });
    const oppose = ballot.getByRole('button', { name: '反对' });
    const counts = async () =>
      ballot.locator('li').evaluateAll((items) => Object.fromEntries(items.map((item) => [item.children[1]?.textContent, Number.parseInt(item.children[2]?.textContent ?? '', 10)])));
    const before = await counts();
    await ballot.getByText('你还没有投这个方案。').waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);

    // Optimistic: the vote and the tally change before the server has answered.
    hold = true;
    await support.click();
    await ballot.getByText('你投了：支持').waitFor({ timeout: 1_000 });
    expect(await support.getAttribute('aria-pressed')).toBe('true');
    expect((await counts())['支持']).toBe(before['支持'] + 1);
    hold = false;
    release();
    await page.waitForResponse((response) => (response.request().postData() ?? '').includes('CastVote'));
    await screenshot(page, 'vote-cast-360-zh', { fullPage: false });

    // Changing the vote moves it from one count to the other.
    await oppose.click();
    await ballot.getByText('你投了：反对').waitFor();
    expect(await support.getAttribute('aria-pressed')).toBe('false');
    await page.waitForFunction(
      ([expectedSupport, expectedOppose]) => {
        const items = [...document.querySelectorAll('section article')][0]?.querySelectorAll('li') ?? [];
        const read = (label: string) => Number.parseInt([...items].find((item) => item.children[1]?.textContent === label)?.children[2]?.textContent ?? '', 10);
        return read('支持') === expectedSupport && read('反对') === expectedOppose;
      },
      [before['支持'], before['反对'] + 1] as const,
    );

    // After a reload the server says the same.
    await page.reload();
    await ballot.getByText('你投了：反对').waitFor();

    await ballot.getByRole('button', { name: '撤回我的投票' }).click();
    await ballot.getByText('你还没有投这个方案。').waitFor();
    expect(errors).toEqual([]);
  });

  it('reads well in English', async () => {
    const { page } = await open('resident-01', 'en', 'desktop');
    await page.goto(server.url + EBIKES);
    const panel = page.locator('section', { has: page.getByRole('heading', { name: 'Voting is open' }) });
    await panel.getByText(/\d+ voted \/ \d+ needed/).waitFor();
    await panel.locator('article').first().getByRole('button', { name: 'Support' }).click();
    await panel.getByText('Your vote: Support').first().waitFor();
    await screenshot(page, 'vote-1280-en');
    expect(await seriousAxeViolations(page)).toEqual([]);
  });
});

describe('proposals and comments', () => {
  it('proposes, edits and withdraws a proposal, and comments with a stance', async () => {
    const { page, errors } = await open('resident-02');
    await page.goto(server.url + FOOTPATH);
    await page.getByRole('heading', { name: '方案' }).waitFor();

    await page.getByRole('button', { name: '提一个方案' }).click();
    const dialog = page.getByRole('dialog', { name: '提一个方案' });
    await dialog.getByLabel('方案标题').fill('在坑洼处先铺临时钢板');
    await dialog.getByLabel('具体做法').fill('修补之前，先在最危险的三处铺钢板，并贴上提醒。');
    await dialog.getByRole('button', { name: '提交方案' }).click();
    await page.getByText('方案已提交。').waitFor();
    const mine = page.locator('li > article', { has: page.getByRole('heading', { name: '在坑洼处先铺临时钢板' }) });
    await mine.getByText('我提的方案').waitFor();

    await mine.getByRole('button', { name: '修改' }).click();
    const edit = page.getByRole('dialog', { name: '修改方案' });
    await edit.getByLabel('方案标题').fill('在坑洼处先铺临时防滑钢板');
    await edit.getByRole('button', { name: '保存修改' }).click();
    const edited = page.locator('li > article', { has: page.getByRole('heading', { name: '在坑洼处先铺临时防滑钢板' }) });
    await edited.waitFor();

    // A comment on the proposal, with a stance.
    await edited.getByRole('button', { name: /看留言/ }).click();
    await edited.getByText('提问', { exact: true }).click();
    await edited.getByLabel('留言').fill('钢板会不会太滑？');
    await edited.getByRole('button', { name: '发表留言' }).click();
    await edited.getByText('钢板会不会太滑？').waitFor();
    await edited.locator('label', { hasText: '提问' }).first().waitFor();
    await screenshot(page, 'proposal-comment-360-zh');

    // Comments on the concern: counts per stance, which also filter.
    const discussion = page.locator('section', { has: page.getByRole('heading', { name: '大家的意见' }) });
    await discussion.locator('form').getByText('支持', { exact: true }).click();
    await discussion.getByLabel('留言').fill('早该修了，支持！');
    await discussion.getByRole('button', { name: '发表留言' }).click();
    await discussion.getByText('早该修了，支持！').waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);

    await edited.getByRole('button', { name: '撤回' }).click();
    await page.getByRole('dialog', { name: '撤回这个方案？' }).getByRole('button', { name: '确定撤回' }).click();
    await page.getByText('方案已撤回。').waitFor();
    await edited.waitFor({ state: 'detached' });
    expect(errors).toEqual([]);
  });
});

describe('after the decision', () => {
  it("shows the action's progress: the bar, the steps and the latest news", async () => {
    const { page, errors } = await open('resident');
    await page.goto(server.url + TOILET);
    const section = page.locator('section', { has: page.getByRole('heading', { name: '办理进度' }) });
    await section.waitFor();
    const bar = section.getByRole('progressbar', { name: '完成进度' });
    const value = Number(await bar.getAttribute('aria-valuenow'));
    expect(value).toBeGreaterThan(0);
    expect(value).toBeLessThan(100);
    await section.getByRole('heading', { name: '办理节点' }).waitFor();
    expect(await section.getByText('已完成：', { exact: false }).count()).toBeGreaterThan(0);
    await section.getByRole('heading', { name: '最新进展' }).waitFor();
    await section.locator('ul li p').first().waitFor();
    await section.scrollIntoViewIfNeeded();
    await screenshot(page, 'action-progress-360-zh');
    expect(await seriousAxeViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('lets a resident rate the result and change the rating while it is open (en)', async () => {
    const { page, errors } = await open('resident', 'en');
    await page.goto(server.url + LIGHTING);
    const rating = page.locator('section[aria-labelledby^="rating-"]');
    await rating.waitFor();
    const total = async () => Number.parseInt((await rating.getByText(/^\d+ ratings?$/).textContent()) ?? '0', 10);
    const before = await total();

    await rating.getByRole('button', { name: 'Send my rating' }).click();
    await rating.getByText('Please fill this in.').waitFor();
    await rating.getByText('Satisfied', { exact: true }).click();
    await rating.getByLabel('Anything to add (optional)').fill('Much safer at night now.');
    await rating.getByRole('button', { name: 'Send my rating' }).click();
    await page.getByText('Thank you for rating!').waitFor();
    await rating.getByText('Your rating: Satisfied').waitFor();
    await page.waitForFunction(
      (expected) => [...document.querySelectorAll('p')].some((p) => p.textContent === `${expected} ratings`),
      before + 1,
    );
    await screenshot(page, 'rating-360-en');
    expect(await seriousAxeViolations(page)).toEqual([]);

    // Changing it while the window is open counts it once.
    await rating.getByText('Basically satisfied', { exact: true }).click();
    await rating.getByRole('button', { name: 'Change my rating' }).click();
    await rating.getByText('Your rating: Basically satisfied').waitFor();
    expect(await total()).toBe(before + 1);
    expect(errors).toEqual([]);
  });
});

describe('notifications', () => {
  it('shows unread ones on the bell and in the feed, leads to the subject, and marks them read', async () => {
    const { page, errors } = await open('resident');
    await page.goto(server.url + '/c/xinhua-lane');
    const bell = page.getByRole('link', { name: /^通知（\d+ 条未读）$/ });
    await bell.waitFor();
    await bell.click();
    await page.getByRole('heading', { level: 1, name: '通知' }).waitFor();
    await page.getByText('未读').first().waitFor();
    await screenshot(page, 'notifications-360-zh');
    expect(await seriousAxeViolations(page)).toEqual([]);

    await page.getByRole('button', { name: '全部标为已读' }).click();
    await page.getByText('已全部标为已读。').waitFor();
    await page.getByRole('link', { name: '通知', exact: true }).waitFor();
    expect(await page.locator('main').getByText('未读', { exact: true }).count()).toBe(0);

    // Each one leads to its concern.
    await page.locator('main li a').first().click();
    await page.waitForURL(/\/c\/xinhua-lane\/concerns\//);
    expect(errors).toEqual([]);
  });
});
