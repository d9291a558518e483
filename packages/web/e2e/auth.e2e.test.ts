// Registering with an invitation, signing out and in again, against the real server with demo data.
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { collectPageErrors, launchBrowser, openContext, screenshot, seriousAxeViolations } from './support/browser.ts';
import { useLanguage } from './support/session.ts';
import { DEMO_INVITATION, DEMO_PASSWORD, startServer, type TestServer } from './support/server.ts';

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

async function open(language: 'zh-CN' | 'en', viewport: 'phone' | 'desktop' = 'phone') {
  const context = await openContext(browser, viewport);
  contexts.push(context);
  await useLanguage(context, language);
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  const errors = collectPageErrors(page);
  return { page, errors };
}

describe('registering with an invitation code', () => {
  const cases = [
    {
      language: 'zh-CN' as const,
      words: { code: '邀请码', name: '你的称呼', login: '手机号或用户名', password: '设置密码', submit: '注册并加入社区', welcome: /欢迎你，刘阿姨！你已加入新华里社区。/ },
    },
    {
      language: 'en' as const,
      words: { code: 'Invitation code', name: 'Your name', login: 'Phone number or user name', password: 'Choose a password', submit: 'Register and join', welcome: /Welcome, Mr Liu! You have joined Xinhua Lane Neighbourhood\./ },
    },
  ];

  for (const { language, words } of cases) {
    it(`creates an account, joins the community and lands on its board (${language})`, async () => {
      const { page, errors } = await open(language);
      await page.goto(`${server.url}/register`);
      const name = language === 'en' ? 'Mr Liu' : '刘阿姨';
      const login = `e2e-${language}-${Date.now()}`;

      // Nothing filled in: every field says what is wrong, in plain words.
      await page.getByRole('button', { name: words.submit }).click();
      await page.getByRole('alert').first().waitFor();
      expect(await page.locator('[aria-invalid="true"]').count()).toBeGreaterThanOrEqual(3);
      await screenshot(page, `auth-register-errors-360-${language}`);

      await page.getByLabel(words.code).fill('NOT-A-CODE');
      await page.getByLabel(words.name).fill(name);
      await page.getByLabel(words.login).fill(login);
      await page.locator('input[name="password"]').fill(DEMO_PASSWORD);
      await page.getByRole('button', { name: words.submit }).click();
      const codeField = page.getByLabel(words.code);
      await page.waitForFunction(() => document.querySelector('input[name="invitationCode"]')?.getAttribute('aria-invalid') === 'true');
      expect(await codeField.getAttribute('aria-invalid')).toBe('true');

      await codeField.fill(DEMO_INVITATION.toLowerCase());
      await page.getByRole('button', { name: words.submit }).click();
      await page.waitForURL(`${server.url}/c/xinhua-lane`);
      await page.getByText(words.welcome).waitFor();
      // The header now shows who is signed in.
      await page.getByRole('button', { name: new RegExp(name) }).waitFor();
      expect(await seriousAxeViolations(page)).toEqual([]);
      expect(errors).toEqual([]);
    });
  }
});

describe('signing in and out', () => {
  it('says plainly when the password is wrong, shows the password on request, and returns to the page after signing in', async () => {
    const { page, errors } = await open('zh-CN');
    await page.goto(`${server.url}/c/xinhua-lane/concerns/Q29uY2VybjoxMQ==`);
    // A visitor's "second" leads to signing in, and back here.
    await page.getByRole('link', { name: '登录后附议' }).click();
    await page.waitForURL(/\/signin\?returnTo=/);

    await page.getByLabel('手机号或用户名').fill('resident');
    const password = page.locator('input[name="password"]');
    await password.fill('wrong-password');
    await page.getByLabel('显示密码').check();
    expect(await password.getAttribute('type')).toBe('text');
    await page.getByRole('button', { name: '登录', exact: true }).click();
    await page.getByRole('alert').filter({ hasText: '账号或密码不对，请再试一次。' }).waitFor();
    await screenshot(page, 'auth-signin-wrong-360-zh');

    await password.fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: '登录', exact: true }).click();
    await page.waitForURL(`${server.url}/c/xinhua-lane/concerns/Q29uY2VybjoxMQ==`);
    await page.getByRole('button', { name: '附议', exact: true }).waitFor();

    // Signing out from the header menu.
    await page.getByRole('button', { name: '账号菜单：王秀英' }).click();
    await page.getByRole('button', { name: '退出登录' }).click();
    await page.waitForURL(`${server.url}/`);
    await page.getByRole('link', { name: '登录' }).first().waitFor();
    await page.getByText('已退出登录。').waitFor();
    expect(errors).toEqual([]);
  });

  it("uses the account's language after signing in when the reader never chose one", async () => {
    const context = await openContext(browser, 'phone');
    contexts.push(context);
    const page = await context.newPage();
    await page.goto(`${server.url}/signin`);
    await page.getByLabel('手机号或用户名').fill('resident-08'); // Emily Chen, English
    await page.locator('input[name="password"]').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: '登录', exact: true }).click();
    await page.getByRole('heading', { name: 'Choose your community' }).waitFor();
    expect(await page.getAttribute('html', 'lang')).toBe('en');
  });
});
