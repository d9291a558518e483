// Smoke test of the app shell in real Chromium, against the built app with no API server behind it.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { collectPageErrors, launchBrowser, openContext, screenshot, seriousAxeViolations, type ViewportName } from './support/browser.ts';
import { serveDist, type StaticServer } from './support/static-server.ts';

let server: StaticServer;
let browser: Browser;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  server = await serveDist();
  browser = await launchBrowser();
});

afterEach(async () => {
  await Promise.all(contexts.splice(0).map((context) => context.close()));
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function open(path: string, viewport: ViewportName = 'phone', locale?: string) {
  const context = await openContext(browser, viewport, { locale });
  contexts.push(context);
  const page = await context.newPage();
  const errors = collectPageErrors(page);
  await page.goto(server.url + path);
  await page.getByRole('heading', { level: 1 }).waitFor();
  return { page, errors };
}

const rootFontSize = (page: Page) => page.evaluate(() => getComputedStyle(document.documentElement).fontSize);
// The visually hidden prefix and the language name are read with a space between them.
const switchToEnglish = /^切换语言：\s*English$/;
const switchToChinese = /^Switch language:\s*中文$/;

describe('app shell', () => {
  it('renders in Chinese, even in a browser set to English', async () => {
    const { page, errors } = await open('/', 'phone', 'en-US');
    expect(await page.getAttribute('html', 'lang')).toBe('zh-CN');
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('选择你的社区');
    expect(await page.title()).toBe('选择你的社区 · 议事');
    await expect(page.getByRole('link', { name: '议事首页' }).isVisible()).resolves.toBe(true);
    await expect(page.getByRole('link', { name: '登录' }).isVisible()).resolves.toBe(true);
    await expect(page.getByRole('link', { name: '通知' }).isVisible()).resolves.toBe(true);
    await screenshot(page, 'shell-home-360-zh');
    expect(errors).toEqual([]);
  });

  it('switches to English, and remembers it after a reload', async () => {
    const { page } = await open('/');
    await page.getByRole('button', { name: switchToEnglish }).click();
    await page.getByRole('heading', { name: 'Choose your community' }).waitFor();
    expect(await page.getAttribute('html', 'lang')).toBe('en');

    await page.reload();
    await page.getByRole('heading', { name: 'Choose your community' }).waitFor();
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    expect(await page.title()).toBe('Choose your community · Yishi');
    await screenshot(page, 'shell-home-360-en');

    // And back.
    await page.getByRole('button', { name: switchToChinese }).click();
    await page.getByRole('heading', { name: '选择你的社区' }).waitFor();
  });

  it('makes all text larger in large-text mode, and remembers it', async () => {
    const { page } = await open('/');
    expect(await rootFontSize(page)).toBe('18px');
    const toggle = page.getByRole('button', { name: '大字' });
    expect(await toggle.getAttribute('aria-pressed')).toBe('false');

    await toggle.click();
    expect(await toggle.getAttribute('aria-pressed')).toBe('true');
    expect(await rootFontSize(page)).toBe('23px');
    const headingSize = await page.getByRole('heading', { level: 1 }).evaluate((element) => getComputedStyle(element).fontSize);
    expect(Number.parseFloat(headingSize)).toBeGreaterThanOrEqual(34);
    await screenshot(page, 'shell-home-360-large-text');

    await page.reload();
    await page.getByRole('heading', { level: 1 }).waitFor();
    expect(await rootFontSize(page)).toBe('23px');
  });

  it('puts the skip link first in the Tab order, and it moves focus to the content', async () => {
    const { page } = await open('/');
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => ({ text: document.activeElement?.textContent, top: document.activeElement?.getBoundingClientRect().top }));
    expect(focused.text).toBe('跳到主要内容');
    expect(focused.top).toBeGreaterThanOrEqual(0); // shown on screen when focused
    await screenshot(page, 'shell-skip-link-360', { fullPage: false });

    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('main-content');
  });

  it('has no serious or critical axe violations', async () => {
    for (const path of ['/', '/c/demo', '/no-such-page']) {
      const { page } = await open(path);
      expect(await seriousAxeViolations(page), path).toEqual([]);
    }
    const { page } = await open('/', 'desktop');
    await page.getByRole('button', { name: '大字' }).click();
    expect(await seriousAxeViolations(page), 'large text, desktop').toEqual([]);
  });

  it('looks right on a desktop screen too', async () => {
    const { page } = await open('/c/demo', 'desktop');
    await screenshot(page, 'shell-board-1280-zh');
    const { page: english } = await open('/', 'desktop');
    await english.getByRole('button', { name: switchToEnglish }).click();
    await english.getByRole('heading', { name: 'Choose your community' }).waitFor();
    await screenshot(english, 'shell-home-1280-en');
  });

  it('shows "reconnecting" while the network is gone, and clears it when it is back', async () => {
    const { page } = await open('/');
    const banner = page.getByRole('status').filter({ hasText: '正在重新连接…' });
    expect(await banner.count()).toBe(0);

    await page.context().setOffline(true);
    await banner.waitFor();
    await screenshot(page, 'shell-reconnecting-360', { fullPage: false });

    await page.context().setOffline(false);
    await banner.waitFor({ state: 'detached' });
  });
});

describe('routes', () => {
  it('loads a community page lazily, with the section navigation', async () => {
    const { page, errors } = await open('/c/demo');
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('社区诉求');
    const nav = page.getByRole('navigation', { name: '社区栏目' });
    expect(await nav.getByRole('link', { name: '诉求' }).getAttribute('aria-current')).toBe('page');

    await nav.getByRole('link', { name: '办理' }).click();
    await page.getByRole('heading', { name: '办理进度' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/c/demo/actions');
    // After a client-side navigation, focus is on the new page's content.
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('main-content');
    await screenshot(page, 'route-actions-360');
    expect(errors).toEqual([]);
  });

  it('has a page for every route of the plan', async () => {
    const expectations: [string, string][] = [
      ['/c/demo/concerns/42', '诉求详情'],
      ['/c/demo/sessions/7', '议事会'],
      ['/c/demo/rules', '社区规约'],
      ['/c/demo/figures', '公开数据'],
      ['/c/demo/admin', '社区管理'],
      ['/library', '经验库'],
      ['/notifications', '通知'],
      ['/signin', '登录'],
      ['/register', '注册'],
    ];
    const context = await openContext(browser, 'phone');
    contexts.push(context);
    const page = await context.newPage();
    for (const [path, title] of expectations) {
      await page.goto(server.url + path);
      await page.getByRole('heading', { level: 1, name: title }).waitFor();
    }
  });

  it('answers an unknown address with a 404 page and a way home', async () => {
    const { page } = await open('/no-such-page');
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('找不到这个页面');
    await page.getByRole('link', { name: '回到首页' }).click();
    await page.getByRole('heading', { name: '选择你的社区' }).waitFor();
  });
});

describe('design system', () => {
  it('renders every component accessibly at 360 px', async () => {
    const { page, errors } = await open('/dev/ui');
    // The chart loads lazily: wait for its table alternative.
    await page.getByText('用表格查看数字').waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);
    await screenshot(page, 'ui-gallery-360');
    expect(errors).toEqual([]);
  });

  it('gives every control a touch target of at least 44 px', async () => {
    const { page } = await open('/dev/ui');
    const small = await page.evaluate(() =>
      [...document.querySelectorAll<HTMLElement>('button, a[href], input, select, textarea, [role="tab"], summary')]
        .filter((element) => element.offsetParent !== null && !element.classList.contains('visually-hidden'))
        .map((element) => ({ element, box: element.getBoundingClientRect() }))
        // Links inside running text are exempt (WCAG 2.5.8); none are on this page.
        .filter(({ box }) => box.height < 44 || box.width < 44)
        .map(({ element, box }) => `${element.tagName} "${element.textContent?.trim() || element.getAttribute('aria-label')}" ${Math.round(box.width)}×${Math.round(box.height)}`),
    );
    expect(small).toEqual([]);
  });

  it('traps focus in a dialog, closes it with Esc and returns focus to the opener', async () => {
    const { page } = await open('/dev/ui');
    const opener = page.getByRole('button', { name: '打开对话框' });
    await opener.click();
    const dialog = page.getByRole('dialog', { name: '确认撤回方案？' });
    await dialog.waitFor();
    await screenshot(page, 'ui-dialog-360', { fullPage: false });

    for (let step = 0; step < 5; step += 1) {
      await page.keyboard.press('Tab');
      expect(await dialog.evaluate((element) => element.contains(document.activeElement))).toBe(true);
    }
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    expect(await opener.evaluate((element) => element === document.activeElement)).toBe(true);
  });

  it('moves between tabs with the arrow keys', async () => {
    const { page } = await open('/dev/ui');
    await page.getByRole('tab', { name: '方案' }).focus();
    await page.keyboard.press('ArrowRight');
    expect(await page.getByRole('tab', { name: '留言' }).getAttribute('aria-selected')).toBe('true');
    expect(await page.getByRole('tabpanel').textContent()).toBe('这里是大家的留言。');
    await page.keyboard.press('End');
    expect(await page.getByRole('tab', { name: '经过' }).getAttribute('aria-selected')).toBe('true');
  });

  it('marks a busy button and announces toasts', async () => {
    const { page } = await open('/dev/ui');
    const save = page.getByRole('button', { name: '保存' });
    await save.click();
    expect(await save.getAttribute('aria-busy')).toBe('true');

    await page.getByRole('button', { name: '附议' }).click();
    await page.getByRole('status').filter({ hasText: '已附议' }).waitFor();
    await page.getByRole('button', { name: '撤回方案' }).click();
    await page.getByRole('alert').filter({ hasText: '撤回失败，请再试一次。' }).waitFor();
    await screenshot(page, 'ui-toasts-360', { fullPage: false });
  });
});
