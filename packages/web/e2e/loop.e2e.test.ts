// Closing the loop, against the real server with demo data: a cadre runs an action (starts it, ticks off
// steps, posts news with a photo) while a resident watches the bar move; rules are amended and their
// versions compared, and a village adopts a rule from the practice library; the key-figures dashboard
// shows its numbers and charts (screenshots in both languages at 360 px and 1280 px).
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { collectPageErrors, launchBrowser, openContext, screenshot, seriousAxeViolations, type ViewportName } from './support/browser.ts';
import { makePng } from './support/images.ts';
import { signInAs, useLanguage } from './support/session.ts';
import { startServer, type TestServer } from './support/server.ts';

let server: TestServer;
let browser: Browser;
const contexts: BrowserContext[] = [];

// Demo content: see packages/server/src/db/seed/content.ts. Its texts hold both languages ("中文 / English").
const XINHUA = '/c/xinhua-lane';
const LOCKERS = '在北门安装智能快递柜'; // PLANNED, run by `cadre`: steps weighted 2, 2, 1, nothing done
const FLOOR_RULE = '装修期间保护公共楼道地面'; // in force, two versions; not adopted by Taoyuan Village
const PARKING_RULE = '错时共享停车'; // in force, one version, review due within the notice days
const LIGHTING = '/c/xinhua-lane/concerns/Q29uY2Vybjoz'; // RESOLVED, with a decision and no rule drawn from it

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

const barValue = async (page: Page) => Number(await page.getByRole('progressbar', { name: '完成进度' }).first().getAttribute('aria-valuenow'));

describe('action tracking', () => {
  it('lists the actions by status, with progress, owner and due date', async () => {
    const { page, errors } = await open('resident');
    await page.goto(server.url + XINHUA + '/actions');
    await page.getByRole('heading', { level: 1, name: '办理进度' }).waitFor();
    const cards = page.locator('main article');
    await cards.first().waitFor();
    const all = await cards.count();
    expect(all).toBeGreaterThan(1);
    expect(await cards.first().getByRole('progressbar').count()).toBe(1);

    const filters = page.getByRole('navigation', { name: '按状态查看' });
    await filters.getByRole('link', { name: '已完成' }).click();
    await page.waitForURL(/show=DONE/);
    await page.waitForFunction((before) => document.querySelectorAll('main article').length < before, all);
    for (const badge of await cards.locator('span', { hasText: /^(待开始|进行中|遇到困难|已完成)$/ }).allTextContents()) expect(badge).toBe('已完成');
    await filters.getByRole('link', { name: '待开始' }).click();
    await page.getByRole('link', { name: LOCKERS }).waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);
    await screenshot(page, 'actions-360-zh');
    expect(errors).toEqual([]);
  });

  it('lets the cadre start the work, tick off steps and post news with a photo while a resident sees the bar move', async () => {
    const cadre = await open('cadre');
    await cadre.page.goto(server.url + XINHUA + '/actions?show=PLANNED');
    await cadre.page.getByRole('link', { name: LOCKERS }).click();
    await cadre.page.getByRole('heading', { level: 1, name: LOCKERS }).waitFor();
    const actionUrl = cadre.page.url();
    expect(await barValue(cadre.page)).toBe(0);

    const resident = await open('resident');
    await resident.page.goto(actionUrl);
    await resident.page.getByRole('heading', { level: 1, name: LOCKERS }).waitFor();
    expect(await barValue(resident.page)).toBe(0);
    // Residents read only.
    expect(await resident.page.getByRole('button', { name: '开始办理' }).count()).toBe(0);
    expect(await resident.page.getByRole('heading', { name: '发布进展' }).count()).toBe(0);

    await cadre.page.getByRole('button', { name: '开始办理' }).click();
    await cadre.page.getByText('已开始办理。').waitFor();
    await cadre.page.getByRole('button', { name: /^完成“与快递柜公司签约/ }).click();
    await cadre.page.getByText(/^节点已完成：与快递柜公司签约/).waitFor();
    await cadre.page.waitForFunction(() => document.querySelector('[role="progressbar"]')?.getAttribute('aria-valuenow') === '40');

    const news = cadre.page.locator('section', { has: cadre.page.getByRole('heading', { name: '发布进展' }) });
    await news.getByRole('button', { name: '发布进展' }).click();
    await news.getByLabel('进展情况').and(news.locator('[aria-invalid="true"]')).waitFor();
    await news.getByLabel('进展情况').fill('已和丰巢签约，下周开始场地硬化。');
    await news.getByTestId('photo-input').setInputFiles({ name: 'contract.png', mimeType: 'image/png', buffer: makePng(320, 240, { noise: true }) });
    await news.getByRole('img', { name: '第 1 张照片预览' }).waitFor();
    await news.getByRole('button', { name: '发布进展' }).click();
    await cadre.page.getByText('进展已发布。').waitFor();
    await cadre.page.getByText('已和丰巢签约，下周开始场地硬化。').waitFor();
    await cadre.page.getByRole('img', { name: /进展照片 1/ }).waitFor();

    await cadre.page.getByRole('button', { name: /^完成“场地硬化并接电/ }).click();
    await cadre.page.waitForFunction(() => document.querySelector('[role="progressbar"]')?.getAttribute('aria-valuenow') === '80');
    // Finishing before the last step is refused, in words.
    await cadre.page.getByText('每个节点都完成后才能办结。').waitFor();
    expect(await seriousAxeViolations(cadre.page)).toEqual([]);
    await screenshot(cadre.page, 'action-run-360-zh');

    await resident.page.reload();
    await resident.page.getByText('已和丰巢签约，下周开始场地硬化。').waitFor();
    expect(await barValue(resident.page)).toBe(80);
    await resident.page.getByText('进行中', { exact: true }).first().waitFor();
    expect(await resident.page.getByRole('button', { name: /完成“/ }).count()).toBe(0);

    await cadre.page.getByRole('button', { name: /^完成“安装并试运行/ }).click();
    await cadre.page.waitForFunction(() => document.querySelector('[role="progressbar"]')?.getAttribute('aria-valuenow') === '100');
    await cadre.page.getByRole('button', { name: '全部办完' }).click();
    await cadre.page.getByRole('dialog', { name: '确认这件事已经全部办完？' }).getByRole('button', { name: '确认办完' }).click();
    await cadre.page.getByText('已办完，居民可以评价了。').waitFor();
    await resident.page.reload();
    await resident.page.getByText('已完成', { exact: true }).first().waitFor();
    expect(await barValue(resident.page)).toBe(100);
    expect(cadre.errors).toEqual([]);
    expect(resident.errors).toEqual([]);
  });
});

describe('the rules registry', () => {
  it('shows the rules with their dates and a review-due badge, and the differences between versions', async () => {
    const { page, errors } = await open('resident');
    await page.goto(server.url + XINHUA + '/rules');
    await page.getByRole('heading', { level: 1, name: '社区规约' }).waitFor();
    const parking = page.locator('article', { has: page.getByRole('link', { name: PARKING_RULE }) });
    await parking.getByText('快到回顾日期了').waitFor();
    await parking.getByText(/起施行/).waitFor();
    expect(await page.getByRole('button', { name: '修订规约' }).count()).toBe(0);
    expect(await seriousAxeViolations(page)).toEqual([]);

    await page.getByRole('link', { name: FLOOR_RULE }).click();
    await page.getByRole('heading', { level: 1, name: FLOOR_RULE }).waitFor();
    const second = page.locator('article', { has: page.getByRole('heading', { name: '第 2 版' }) });
    await second.getByText('修改说明：押金须在验收合格后7日内退还').waitFor();
    // The rewritten line shows once, with the words put in marked as such.
    expect(await second.locator('li ins').allTextContents()).toEqual(expect.arrayContaining([expect.stringContaining('于验收合格后7日内')]));
    expect(await seriousAxeViolations(page)).toEqual([]);
    await screenshot(page, 'rule-diff-360-zh');
    // A resident cannot change it.
    expect(await page.getByRole('heading', { name: '管理规约' }).count()).toBe(0);
    expect(errors).toEqual([]);
  });

  it('lets a cadre amend a rule and see the new version against the old', async () => {
    const { page, errors } = await open('cadre');
    await page.goto(server.url + XINHUA + '/rules');
    await page.getByRole('link', { name: PARKING_RULE }).click();
    await page.getByRole('heading', { level: 1, name: PARKING_RULE }).waitFor();
    await page.getByRole('button', { name: '修订规约' }).click();
    const dialog = page.getByRole('dialog', { name: '修订规约（新的一版）' });
    const body = dialog.getByLabel('规约内容');
    const text = await body.inputValue();
    await body.fill(text.replace('每户限一辆', '每户限一辆，残疾人车辆优先'));
    await dialog.getByRole('button', { name: '保存新的一版' }).click();
    // The change note is required: the server says so, next to the field.
    await dialog.getByLabel('修改说明').and(dialog.locator('[aria-invalid="true"]')).waitFor();
    await dialog.getByLabel('修改说明').fill('残疾人车辆优先停放。');
    await dialog.getByRole('button', { name: '保存新的一版' }).click();
    await page.getByText('已保存新的一版。').waitFor();
    const second = page.locator('article', { has: page.getByRole('heading', { name: '第 2 版' }) });
    await second.getByText('修改说明：残疾人车辆优先停放。').waitFor();
    expect(await second.locator('li ins').allTextContents()).toEqual([expect.stringContaining('，残疾人车辆优先')]);
    await page.locator('main').getByText('每户限一辆，残疾人车辆优先').first().waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);
    await screenshot(page, 'rule-amended-1280-zh');
    expect(errors).toEqual([]);
  });

  it('lets a cadre draft a rule from a decision, put it into force and retire it, while a resident cannot', async () => {
    const resident = await open('resident');
    await resident.page.goto(server.url + LIGHTING);
    await resident.page.getByRole('heading', { name: '表决结果' }).waitFor();
    expect(await resident.page.getByRole('link', { name: '把通过的方案定成规约' }).count()).toBe(0);

    const { page, errors } = await open('cadre');
    await page.goto(server.url + LIGHTING);
    await page.getByRole('link', { name: '把通过的方案定成规约' }).click();
    const draft = page.locator('section', { has: page.getByRole('heading', { name: '根据决议起草规约' }) });
    await draft.getByLabel('标题').fill('背街小巷路灯维护');
    await draft.getByLabel('规约内容').fill('一、路灯坏了，居民在议事里反映。\n二、城管科三天内修好。');
    await draft.getByRole('button', { name: '保存草稿' }).click();
    await page.getByRole('heading', { level: 1, name: '背街小巷路灯维护' }).waitFor();
    await page.getByText('草稿', { exact: true }).first().waitFor();
    await page.getByText(/来自诉求的决议/).waitFor();
    await page.getByRole('button', { name: '发布施行' }).click();
    await page.getByText('规约已发布施行。').waitFor();
    await page.getByText('施行中', { exact: true }).first().waitFor();
    await page.getByRole('button', { name: '废止规约' }).click();
    const dialog = page.getByRole('dialog', { name: '废止这条规约？' });
    await dialog.getByLabel('废止理由').fill('并入城管科的统一规定。');
    await dialog.getByRole('button', { name: '确定废止' }).click();
    await page.getByText('规约已废止。').waitFor();
    await page.getByText(/废止。理由：并入城管科的统一规定。/).waitFor();
    expect(await page.getByRole('heading', { name: '管理规约' }).count()).toBe(0);
    expect(errors).toEqual([]);
    expect(resident.errors).toEqual([]);
  });

  it("adopts a rule from the practice library into the village, and the copy links to its origin", async () => {
    const { page, errors } = await open('village-cadre');
    await page.goto(server.url + '/library');
    await page.getByRole('heading', { level: 1, name: '经验库' }).waitFor();
    await page.getByLabel('搜索规约').fill('装修');
    await page.getByRole('button', { name: '搜索' }).click();
    await page.waitForURL(/q=/);
    const card = page.locator('article', { has: page.getByRole('link', { name: FLOOR_RULE }) });
    await card.getByText('来自 新华里社区').waitFor();
    expect(await page.locator('main article').count()).toBe(1);
    expect(await seriousAxeViolations(page)).toEqual([]);
    await card.getByRole('button', { name: '引入到桃源村' }).click();
    await page.getByText('已引入为草稿，可以修改后发布。').first().waitFor();
    await card.getByRole('link', { name: '打开引入的草稿' }).click();
    await page.getByRole('heading', { level: 1, name: FLOOR_RULE }).waitFor();
    expect(page.url()).toContain('/c/taoyuan-village/rules/');
    await page.getByText('草稿', { exact: true }).first().waitFor();
    await page.getByText(/从 新华里社区 引入/).waitFor();
    await page.locator('p', { hasText: /从 新华里社区 引入/ }).getByRole('link', { name: FLOOR_RULE }).click();
    await page.waitForURL(/\/c\/xinhua-lane\/rules\//);
    await page.getByRole('heading', { level: 1, name: FLOOR_RULE }).waitFor();
    expect(errors).toEqual([]);
  });
});

describe('the key-figures dashboard', () => {
  it('looks right at 360 px and 1280 px in both languages, with numbers and charts', async () => {
    const shots: [ViewportName, 'zh-CN' | 'en', string, string][] = [
      ['phone', 'zh-CN', '公开数据', '回应率'],
      ['phone', 'en', 'Key figures', 'Response rate'],
      ['desktop', 'zh-CN', '公开数据', '回应率'],
      ['desktop', 'en', 'Key figures', 'Response rate'],
    ];
    for (const [viewport, language, title, rate] of shots) {
      const { page, errors } = await open('resident', language, viewport);
      await page.goto(server.url + XINHUA + '/figures');
      await page.getByRole('heading', { level: 1, name: title }).waitFor();
      const tile = page.locator('li', { has: page.getByText(rate, { exact: true }) }).first();
      expect(await tile.textContent()).toMatch(/\d+(\.\d+)?%/);
      // Three charts by month and two by category, drawn once recharts has loaded.
      await page.waitForFunction(() => document.querySelectorAll('.recharts-wrapper svg').length >= 5);
      await screenshot(page, `figures-${viewport === 'phone' ? 360 : 1280}-${language}`);
      expect(errors).toEqual([]);
    }
  });

  it('has the numbers in tables for screen readers, no serious axe violations, and CSV downloads for cadres only', async () => {
    const resident = await open('resident');
    await resident.page.goto(server.url + XINHUA + '/figures');
    await resident.page.getByRole('heading', { name: '按类别' }).waitFor();
    await resident.page.getByText('用表格查看各类别的全部数字').click();
    const table = resident.page.getByRole('table', { name: '各类别的数字' });
    await table.waitFor();
    expect(await table.getByRole('row').count()).toBeGreaterThan(1);
    expect(await resident.page.getByRole('link', { name: /CSV/ }).count()).toBe(0);
    expect(await seriousAxeViolations(resident.page)).toEqual([]);

    const cadre = await open('cadre');
    await cadre.page.goto(server.url + XINHUA + '/figures');
    const link = cadre.page.getByRole('link', { name: '统计数字（CSV）' });
    await link.waitFor();
    const href = await link.getAttribute('href');
    const answer = await cadre.page.evaluate(async (url) => {
      const response = await fetch(url);
      return { status: response.status, type: response.headers.get('content-type'), text: await response.text() };
    }, href!);
    expect(answer.status).toBe(200);
    expect(answer.type).toMatch(/text\/csv/);
    expect(answer.text.split('\n').length).toBeGreaterThan(1);
    expect(await seriousAxeViolations(cadre.page)).toEqual([]);
    expect(resident.errors).toEqual([]);
    expect(cadre.errors).toEqual([]);
  });
});
