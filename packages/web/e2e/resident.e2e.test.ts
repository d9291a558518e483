// The resident's everyday screens against the real server with demo data: the board (filters, the
// optimistic second, screenshots in both languages), reporting a concern with a photo, and the cadre's
// answer reaching a resident in another browser.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { collectPageErrors, launchBrowser, openContext, screenshot, seriousAxeViolations, type ViewportName } from './support/browser.ts';
import { makePng } from './support/images.ts';
import { gql, signInAs, useLanguage } from './support/session.ts';
import { startServer, type TestServer } from './support/server.ts';

let server: TestServer;
let browser: Browser;
const contexts: BrowserContext[] = [];

// Demo concerns of Xinhua Lane (global ids): see packages/server/src/db/seed/content.ts.
const DOOR_LOCK = 'Q29uY2VybjoxMQ=='; // REPORTED, resident has not seconded it
const BINS = 'Q29uY2VybjoxMA=='; // REPORTED and overdue
const BOARD = '/c/xinhua-lane';

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

async function open(as: string | null, language: 'zh-CN' | 'en' = 'zh-CN', viewport: ViewportName = 'phone') {
  const context = await openContext(browser, viewport);
  contexts.push(context);
  await useLanguage(context, language);
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  const errors = collectPageErrors(page);
  if (as) await signInAs(page, server.url, as);
  return { page, errors };
}

const cards = (page: Page) => page.locator('main article');

describe('the board', () => {
  it('looks right at 360 px and 1280 px in both languages', async () => {
    const shots: [ViewportName, 'zh-CN' | 'en', string][] = [
      ['phone', 'zh-CN', '新华里社区'],
      ['phone', 'en', 'Xinhua Lane Neighbourhood'],
      ['desktop', 'zh-CN', '新华里社区'],
      ['desktop', 'en', 'Xinhua Lane Neighbourhood'],
    ];
    for (const [viewport, language, title] of shots) {
      const { page, errors } = await open('resident', language, viewport);
      await page.goto(server.url + BOARD);
      await page.getByRole('heading', { level: 1, name: title }).waitFor();
      await cards(page).first().waitFor();
      await page.getByText(language === 'en' ? /That is all/ : /已经到底了/).waitFor();
      await screenshot(page, `board-${viewport === 'phone' ? 360 : 1280}-${language}`);
      await screenshot(page, `board-${viewport === 'phone' ? 360 : 1280}-${language}-top`, { fullPage: false });
      expect(errors).toEqual([]);
    }
  });

  it('has no serious or critical axe violations, for a resident and for a visitor', async () => {
    for (const as of ['resident', null]) {
      const { page } = await open(as);
      await page.goto(server.url + BOARD);
      await cards(page).first().waitFor();
      expect(await seriousAxeViolations(page), `as ${as ?? 'visitor'}`).toEqual([]);
    }
  });

  it('filters by status, category and overdue, keeping the filters in the address', async () => {
    const { page } = await open('resident');
    await page.goto(server.url + BOARD);
    await cards(page).first().waitFor();
    const all = await cards(page).count();

    await page.getByText('待回应', { exact: false }).first().click();
    await page.waitForURL(/status=waiting/);
    await page.waitForFunction((before) => {
      const shown = document.querySelectorAll('main article').length;
      return shown > 0 && shown < before;
    }, all);
    const waiting = await cards(page).count();
    expect(waiting).toBeGreaterThan(0);

    await page.getByText('筛选和排序').click();
    await page.getByLabel('只看已超期、还没回应的').check();
    await page.waitForURL(/overdue=1/);
    await page.waitForFunction(() => {
      const shown = [...document.querySelectorAll('main article')];
      return shown.length > 0 && shown.every((card) => card.textContent?.includes('已超期'));
    });
    await screenshot(page, 'board-filtered-360-zh', { fullPage: false });

    // The address alone brings the same view back.
    await page.reload();
    await page.waitForFunction(() => {
      const shown = [...document.querySelectorAll('main article')];
      return shown.length > 0 && shown.every((card) => card.textContent?.includes('已超期'));
    });
    expect(await page.getByLabel('只看已超期、还没回应的').isChecked()).toBe(true);
  });

  it('seconds at once (optimistic), before the server answers, and takes it back', async () => {
    const { page } = await open('resident');
    // Hold the answer to the second for a while: the toggle must not wait for it.
    let release: () => void = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route('**/graphql', async (route) => {
      const body = route.request().postData() ?? '';
      if (body.includes('SecondConcern')) await held;
      await route.continue();
    });
    await page.goto(`${server.url}${BOARD}/concerns/${DOOR_LOCK}`);
    const toggle = page.getByRole('button', { name: '附议', exact: true });
    expect(await toggle.getAttribute('aria-pressed')).toBe('false');
    await page.getByText('2 人附议').waitFor();

    await toggle.click();
    await page.getByText('3 人附议').waitFor({ timeout: 1_000 });
    expect(await toggle.getAttribute('aria-pressed')).toBe('true');
    release();
    await page.waitForResponse((response) => (response.request().postData() ?? '').includes('SecondConcern'));
    await page.getByText('3 人附议').waitFor();

    await toggle.click();
    await page.getByText('2 人附议').waitFor();
    expect(await toggle.getAttribute('aria-pressed')).toBe('false');
  });
});

describe('the live board', () => {
  it("shows another member's second without a reload", async () => {
    const viewer = await open('resident');
    await viewer.page.goto(server.url + BOARD);
    const card = viewer.page.locator('main article', { hasText: '1号楼单元门门锁坏了' });
    await card.getByText('2 人附议').waitFor();

    const neighbour = await open('resident-06');
    await gql(neighbour.page, 'mutation S($id: ID!) { secondConcern(concernId: $id) { __typename } }', { id: DOOR_LOCK });
    await card.getByText('3 人附议').waitFor({ timeout: 10_000 });
    await gql(neighbour.page, 'mutation W($id: ID!) { withdrawSecond(concernId: $id) { __typename } }', { id: DOOR_LOCK });
    await card.getByText('2 人附议').waitFor({ timeout: 10_000 });
  });

  // The server refuses anonymous subscriptions (docs/api.md): a visitor reads the public board by query
  // alone, with no error on the page, while a member's page listens.
  it('lets a visitor read the public board without subscribing, while a member subscribes', async () => {
    for (const as of [null, 'resident']) {
      const { page, errors } = await open(as);
      const subscribed: string[] = [];
      page.on('websocket', (socket) =>
        socket.on('framesent', ({ payload }) => {
          if (String(payload).includes('"type":"subscribe"')) subscribed.push(String(payload));
        }),
      );
      await page.goto(server.url + BOARD);
      await cards(page).first().waitFor();
      if (as) {
        await expect.poll(() => subscribed.some((frame) => frame.includes('BoardChanges')), { timeout: 10_000 }).toBe(true);
      } else {
        // Long enough for a subscription to have gone out had the page tried.
        await page.waitForTimeout(1500);
        expect(subscribed, 'a visitor subscribed').toEqual([]);
      }
      expect(errors, `as ${as ?? 'visitor'}`).toEqual([]);
    }
  });
});

describe('reporting a concern', () => {
  it('sends a concern with a photo, shows the upload, and says by when the answer is due', async () => {
    const { page, errors } = await open('resident');
    await page.goto(server.url + BOARD);
    await page.getByRole('link', { name: '反映诉求' }).click();
    await page.getByRole('heading', { level: 1, name: '反映诉求' }).waitFor();

    // Sending an empty form: each missing field says so.
    await page.getByRole('button', { name: '提交诉求' }).click();
    await page.getByText('有 4 处需要修改，请看标出的地方。').waitFor();

    await page.getByLabel('类别').selectOption({ label: '维修（48 小时内答复）' });
    await page.getByLabel('楼栋或村组').selectOption({ label: '3号楼' });
    await page.getByLabel('标题').fill('3号楼楼道灯坏了');
    await page.getByLabel('具体情况').fill('三楼到五楼的灯一周没亮了，晚上上下楼看不见台阶。');
    await page.getByLabel('地点').fill('3号楼2单元楼道');

    // A file that is not a photo is refused before anything is sent.
    await page.getByTestId('photo-input').setInputFiles({ name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('hello') });
    await page.getByText('“notes.txt”不是 JPG、PNG 或 WebP 照片。').waitFor();

    // A real photo, big enough that the upload shows its progress on a slow connection.
    await page.getByTestId('photo-input').setInputFiles({ name: 'stairway.png', mimeType: 'image/png', buffer: makePng(400, 300, { noise: true }) });
    await page.getByRole('img', { name: '第 1 张照片预览' }).waitFor();
    await page.getByLabel('公开显示我的名字').check();
    await screenshot(page, 'report-form-360-zh');

    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 50, downloadThroughput: -1, uploadThroughput: 150 * 1024 });
    await page.getByRole('button', { name: '提交诉求' }).click();
    const progress = page.getByRole('progressbar', { name: '正在上传照片' });
    await progress.waitFor();
    await screenshot(page, 'report-uploading-360-zh', { fullPage: false });

    await page.getByRole('heading', { name: '已收到你的诉求' }).waitFor({ timeout: 30_000 });
    await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: -1 });
    await page.getByText(/社区干部会在 .+ 前公开答复（.+）。有了答复会通知你。/).waitFor();
    await screenshot(page, 'report-success-360-zh');

    await page.getByRole('link', { name: '查看这条诉求' }).click();
    await page.getByRole('heading', { level: 1, name: '3号楼楼道灯坏了' }).waitFor();
    const photo = page.getByRole('img', { name: /第 1 张照片/ });
    await photo.waitFor();
    await page.waitForFunction(() => [...document.images].some((image) => image.alt.startsWith('第 1 张照片') && image.naturalWidth === 400));
    await page.getByText('王秀英反映了这条诉求').waitFor();
    expect(errors).toEqual([]);
  });

  it('does the same in English', async () => {
    const { page, errors } = await open('resident', 'en');
    await page.goto(server.url + BOARD);
    await page.getByRole('link', { name: 'Report a concern' }).click();
    await page.getByRole('heading', { level: 1, name: 'Report a concern' }).waitFor();
    const repairs = await page.getByLabel('Category').locator('option', { hasText: /within 48 hours/ }).getAttribute('value');
    await page.getByLabel('Category').selectOption(repairs!);
    await page.getByRole('textbox', { name: /^Title/ }).fill('The bike shed roof in Building 2 leaks');
    await page.getByLabel('What is happening').fill('Rain comes through the roof of the bike shed and the scooters get wet.');
    await page.getByRole('textbox', { name: /^Place/ }).fill('Bike shed behind Building 2');
    await page.getByTestId('photo-input').setInputFiles({ name: 'shed.png', mimeType: 'image/png', buffer: makePng(320, 240) });
    await page.getByRole('img', { name: 'Preview of photo 1' }).waitFor();
    await page.getByRole('button', { name: 'Send the concern' }).click();
    await page.getByRole('heading', { name: 'Your concern has been received' }).waitFor({ timeout: 30_000 });
    await page.getByText(/A cadre will answer publicly by .+ \(.+\)\. You will be notified of the answer\./).waitFor();
    await screenshot(page, 'report-success-360-en');
    await page.getByRole('link', { name: 'View this concern' }).click();
    await page.getByRole('heading', { level: 1, name: 'The bike shed roof in Building 2 leaks' }).waitFor();
    await page.waitForFunction(() => [...document.images].some((image) => image.naturalWidth === 320));
    await page.getByText('王秀英 reported this concern').waitFor();
    expect(errors).toEqual([]);
  });
});

describe("the cadre's answer", () => {
  it('reaches the reporter in another browser at once: the answer, its timeline entry and the bell', async () => {
    const cadre = await open('cadre', 'zh-CN', 'desktop');
    // 何玉珍 reported the overflowing bins; she reads in English here.
    const reporter = await open('resident-09', 'en');
    await reporter.page.goto(`${server.url}${BOARD}/concerns/${BINS}`);
    await reporter.page.getByText('No cadre has answered yet.').waitFor();
    const unread = async () => Number(/\((\d+) unread\)/.exec((await reporter.page.locator('header a[href="/notifications"]').textContent()) ?? '')?.[1] ?? 0);
    const before = await unread();
    expect(await seriousAxeViolations(reporter.page), 'resident, waiting for the answer').toEqual([]);

    await cadre.page.goto(`${server.url}${BOARD}/concerns/${BINS}`);
    await cadre.page.getByRole('button', { name: '回应', exact: true }).click();
    const dialog = cadre.page.getByRole('dialog', { name: '回应这条诉求' });
    await dialog.getByLabel('公开答复').fill('已联系环卫所，从下周一起每天早晚各清运一次。');
    await screenshot(cadre.page, 'concern-acknowledge-dialog-1280-zh', { fullPage: false });
    await dialog.getByRole('button', { name: '发布答复' }).click();
    await cadre.page.getByText('已回应，反映人会收到通知。').waitFor();
    await cadre.page.getByRole('heading', { name: '社区答复' }).waitFor();
    expect(await seriousAxeViolations(cadre.page), 'cadre, after answering').toEqual([]);

    // No reload: the board event brings the answer, the notification feed the bell's new count.
    await reporter.page.getByRole('heading', { name: "The community's answer" }).waitFor();
    await reporter.page.getByText('已联系环卫所，从下周一起每天早晚各清运一次。').first().waitFor();
    await reporter.page.getByText('陈立新 answered this concern').waitFor();
    await reporter.page.waitForFunction(
      (expected) => document.querySelector('header a[href="/notifications"]')?.textContent?.includes(`(${expected} unread)`),
      before + 1,
    );
    await screenshot(reporter.page, 'concern-answered-360-en');
    expect(await seriousAxeViolations(reporter.page), 'resident, after the answer').toEqual([]);
    expect(reporter.errors).toEqual([]);
    expect(cadre.errors).toEqual([]);
  });
});

describe('by keyboard, and the rest of the echo', () => {
  it('seconds with the keyboard alone, with a visible focus ring', async () => {
    const { page } = await open('resident-05');
    await page.goto(`${server.url}${BOARD}/concerns/${DOOR_LOCK}`);
    const toggle = page.getByRole('button', { name: '附议', exact: true });
    await toggle.waitFor();
    for (let step = 0; step < 40 && !(await toggle.evaluate((element) => element === document.activeElement)); step += 1) {
      await page.keyboard.press('Tab');
    }
    expect(await toggle.evaluate((element) => element === document.activeElement)).toBe(true);
    expect(await toggle.evaluate((element) => getComputedStyle(element).outlineStyle)).toBe('solid');
    await page.keyboard.press('Space');
    await page.waitForFunction(() => document.activeElement?.getAttribute('aria-pressed') === 'true');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.activeElement?.getAttribute('aria-pressed') === 'false');
  });

  it('lets a cadre merge a duplicate after searching for it, with a confirmation', async () => {
    const { page, errors } = await open('cadre');
    await page.goto(`${server.url}${BOARD}/concerns/${DOOR_LOCK}`);
    await page.getByRole('button', { name: '合并到另一条' }).click();
    const dialog = page.getByRole('dialog', { name: '合并重复的诉求' });
    await dialog.getByLabel('搜索要合并到的诉求').fill('垃圾桶');
    await dialog.getByRole('button', { name: /合并到这条：4号楼旁垃圾桶/ }).click();
    await dialog.getByText(/将合并到：4号楼旁垃圾桶/).waitFor();
    await screenshot(page, 'concern-merge-confirm-360-zh', { fullPage: false });
    await dialog.getByRole('button', { name: '确定合并' }).click();
    await page.getByText('已合并。').waitFor();
    await page.getByText('这条诉求和另一条重复，已合并到：').waitFor();
    await page.getByRole('link', { name: /4号楼旁垃圾桶/ }).first().click();
    await page.getByText('合并进来的重复诉求：').waitFor();
    expect(errors).toEqual([]);
  });
});
