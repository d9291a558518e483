// The admin screens against the real server with demo data: inviting someone who then registers with
// the link, changing their role, changing a category's answer deadline and seeing a new concern take
// it, who may enter at all, and axe on every section.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { collectPageErrors, launchBrowser, openContext, screenshot, seriousAxeViolations, type ViewportName } from './support/browser.ts';
import { gql, signInAs, useLanguage } from './support/session.ts';
import { DEMO_PASSWORD, startServer, type TestServer } from './support/server.ts';

let server: TestServer;
let browser: Browser;
const contexts: BrowserContext[] = [];
const ADMIN = '/c/xinhua-lane/admin';

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

async function open(as: string | null, language: Language = 'zh-CN', viewport: ViewportName = 'phone') {
  const context = await openContext(browser, viewport);
  contexts.push(context);
  await useLanguage(context, language);
  const page = await context.newPage();
  page.setDefaultTimeout(20_000);
  const errors = collectPageErrors(page);
  if (as) await signInAs(page, server.url, as);
  return { page, errors };
}

async function openTab(page: Page, name: string) {
  await page.getByRole('tab', { name }).click();
  await page.waitForFunction((tab) => [...document.querySelectorAll('[role="tab"][aria-selected="true"]')].some((element) => element.textContent === tab), name);
}

const words = {
  'zh-CN': {
    title: '社区管理',
    invitationsTab: '邀请码',
    maxUses: '可以用几次',
    create: '创建邀请码',
    created: '邀请码已创建',
    code: '邀请码',
    link: '注册链接',
    done: '我已保存好',
    name: '你的称呼',
    login: '手机号或用户名',
    register: '注册并加入社区',
    search: '搜索成员',
    changeRoleOf: (name: string) => `更改角色：${name}`,
    newRole: '新角色',
    cadre: '社区干部',
    confirm: '确认更改',
    changed: (name: string) => `${name} 现在是社区干部。`,
  },
  en: {
    title: 'Community admin',
    invitationsTab: 'Invitations',
    maxUses: 'How many times it can be used',
    create: 'Create invitation code',
    created: 'Invitation code created',
    code: 'Invitation code',
    link: 'Registration link',
    done: 'I have saved it',
    name: 'Your name',
    login: 'Phone number or user name',
    register: 'Register and join',
    search: 'Search members',
    changeRoleOf: (name: string) => `Change role: ${name}`,
    newRole: 'New role',
    cadre: 'Cadre',
    confirm: 'Change role',
    changed: (name: string) => `${name} is now: Cadre.`,
  },
} as const;

describe('inviting and managing members', () => {
  for (const language of ['zh-CN', 'en'] as const) {
    it(`an admin invites someone, they register with the link, and the admin makes them a cadre (${language})`, async () => {
      const w = words[language];
      const admin = await open('admin', language);
      await admin.page.goto(server.url + ADMIN);
      await admin.page.getByRole('heading', { level: 1, name: w.title }).waitFor();
      await openTab(admin.page, w.invitationsTab);

      await admin.page.getByLabel(w.maxUses).fill('2');
      await admin.page.getByRole('button', { name: w.create }).click();
      const dialog = admin.page.getByRole('dialog', { name: w.created });
      await dialog.waitFor();
      const code = await dialog.getByLabel(w.code, { exact: true }).inputValue();
      const link = await dialog.getByLabel(w.link).inputValue();
      expect(code).toMatch(/\S{6,}/);
      expect(link).toBe(`${server.url}/register?${new URLSearchParams({ code })}`);
      await screenshot(admin.page, `admin-invitation-created-360-${language}`);
      await dialog.getByRole('button', { name: w.done }).click();
      // The list shows the new code by its first characters, never the whole code again.
      await admin.page.getByText(code.slice(0, 5), { exact: false }).first().waitFor();
      expect(await admin.page.getByText(code, { exact: true }).count()).toBe(0);

      // The newcomer opens the link: the code is already filled in.
      const newcomer = await open(null, language);
      await newcomer.page.goto(link);
      const name = language === 'en' ? `Mr Gao ${Date.now() % 10000}` : `高师傅${Date.now() % 10000}`;
      const login = `e2e-admin-${language}-${Date.now()}`;
      expect(await newcomer.page.locator('input[name="invitationCode"]').inputValue()).toBe(code);
      await newcomer.page.getByLabel(w.name).fill(name);
      await newcomer.page.getByLabel(w.login).fill(login);
      await newcomer.page.locator('input[name="password"]').fill(DEMO_PASSWORD);
      await newcomer.page.getByRole('button', { name: w.register }).click();
      await newcomer.page.waitForURL(`${server.url}/c/xinhua-lane`);

      // Back in the admin's browser: find the newcomer and make them a cadre.
      await admin.page.getByRole('tab', { name: language === 'en' ? 'Members' : '成员' }).click();
      await admin.page.getByLabel(w.search).fill(login);
      const changeRole = admin.page.getByRole('button', { name: w.changeRoleOf(name) });
      await changeRole.waitFor();
      await changeRole.click();
      await admin.page.getByLabel(w.newRole).selectOption('CADRE');
      await screenshot(admin.page, `admin-change-role-360-${language}`);
      await admin.page.getByRole('dialog').getByRole('button', { name: w.confirm, exact: true }).click();
      await admin.page.getByText(w.changed(name)).waitFor();
      expect(await admin.page.getByRole('listitem').filter({ hasText: name }).getByText(w.cadre, { exact: true }).count()).toBe(1);
      // Focus went back to the button that opened the dialog.
      expect(await admin.page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe(w.changeRoleOf(name));

      // The server agrees: the newcomer now holds the cadre's rights.
      const me = await gql<{ me: { memberships: { role: string; community: { slug: string } }[] } }>(
        newcomer.page,
        '{ me { memberships { role community { slug } } } }',
      );
      expect(me.me.memberships).toEqual([{ role: 'CADRE', community: { slug: 'xinhua-lane' } }]);
      expect(admin.errors).toEqual([]);
      expect(newcomer.errors).toEqual([]);
    });
  }

  it('refuses an admin changing their own role, in words', async () => {
    const { page } = await open('admin');
    await page.goto(server.url + ADMIN);
    await page.getByLabel('搜索成员').fill('赵敏');
    await page.getByText('你不能更改自己的角色或资格', { exact: false }).waitFor();
    expect(await page.getByRole('button', { name: '更改角色：赵敏' }).count()).toBe(0);
    // Even a request made by hand is refused by the server, with a reason the page can word.
    const me = await gql<{ me: { memberships: { id: string }[] } }>(page, '{ me { memberships { id } } }');
    const answer = await gql<{ changeMemberRole: { __typename: string; reason?: string } }>(
      page,
      'mutation C($id: ID!) { changeMemberRole(membershipId: $id, role: RESIDENT) { __typename ... on ForbiddenError { reason } } }',
      { id: me.me.memberships[0]?.id },
    );
    expect(answer.changeMemberRole).toEqual({ __typename: 'ForbiddenError', reason: 'OWN_ROLE' });
  });
});

describe('community settings', () => {
  it("changes a category's answer deadline, and a newly reported concern takes it", async () => {
    const { page, errors } = await open('admin');
    await page.goto(`${server.url}${ADMIN}?tab=settings`);
    const safety = page.getByRole('form', { name: '安全' });
    await safety.waitFor();

    // Too long: the sentence appears beside the deadline, and nothing is saved.
    await safety.getByLabel('天').fill('61');
    await safety.getByRole('button', { name: '保存：“安全”的答复期限' }).click();
    await safety.getByText('不能大于 1440。').waitFor();
    expect(await safety.getByLabel('天').getAttribute('aria-invalid')).toBe('true');

    await safety.getByLabel('天').fill('2');
    await safety.getByLabel('小时').fill('6');
    await safety.getByRole('button', { name: '保存：“安全”的答复期限' }).click();
    await page.getByText('“安全”的答复期限已改为 2 天 6 小时。').waitFor();
    await safety.getByText('现在：2 天 6 小时').waitFor();
    await screenshot(page, 'admin-settings-360-zh');

    // A resident reports a safety concern: its deadline is 54 hours after it was reported.
    const resident = await open('resident-05');
    const community = await gql<{ community: { id: string; categories: { id: string; key: string; echoHours: number }[] } }>(
      resident.page,
      '{ community(slug: "xinhua-lane") { id categories { id key echoHours } } }',
    );
    const category = community.community.categories.find((entry) => entry.key === 'safety');
    expect(category?.echoHours).toBe(54);
    const reported = await gql<{ reportConcern: { __typename: string; data: { id: string; createdAt: string; deadlineAt: string } } }>(
      resident.page,
      `mutation R($input: ReportConcernInput!) {
        reportConcern(input: $input) { __typename ... on ReportConcernSuccess { data { id createdAt deadlineAt } } }
      }`,
      {
        input: {
          communityId: community.community.id,
          categoryId: category?.id,
          title: '楼道灯坏了，晚上很黑',
          body: '5 号楼 2 单元的楼道灯坏了一个星期，老人晚上上下楼不安全。',
          place: '5号楼2单元',
        },
      },
    );
    expect(reported.reportConcern.__typename).toBe('ReportConcernSuccess');
    const { createdAt, deadlineAt } = reported.reportConcern.data;
    expect(new Date(deadlineAt).getTime() - new Date(createdAt).getTime()).toBe(54 * 60 * 60 * 1000);
    expect(errors).toEqual([]);
  });

  it('puts a threshold below half beside its field, and saves the dissatisfaction threshold from the slider', async () => {
    const { page, errors } = await open('admin', 'en');
    await page.goto(`${server.url}${ADMIN}?tab=settings`);
    const threshold = page.getByLabel('Adoption threshold (percent of support + oppose)');
    await threshold.fill('40');
    await page.getByRole('button', { name: 'Save settings' }).click();
    await page.getByText('Must be at least 50.').waitFor();
    expect(await threshold.getAttribute('aria-invalid')).toBe('true');
    await threshold.fill('60');

    const slider = page.getByLabel('Adjust the dissatisfaction threshold with a slider');
    await slider.focus();
    const before = Number(await slider.inputValue());
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    expect(await page.getByLabel('Dissatisfaction threshold for reopening').inputValue()).toBe(String(before + 2));
    await page.getByRole('button', { name: 'Save settings' }).click();
    await page.getByText('Settings saved.').waitFor();
    const saved = await gql<{ community: { settings: { thresholdPercent: number; dissatisfactionPercent: number } } }>(
      page,
      '{ community(slug: "xinhua-lane") { settings { thresholdPercent dissatisfactionPercent } } }',
    );
    expect(saved.community.settings).toEqual({ thresholdPercent: 60, dissatisfactionPercent: before + 2 });
    expect(errors).toEqual([]);
  });
});

describe('API tokens', () => {
  /** A request as a third party would send it: no cookie, only the token. */
  async function asThirdParty(page: Page, secret: string, communityId: string) {
    return page.evaluate(
      async ({ secret, communityId }) => {
        const response = await fetch('/graphql', {
          method: 'POST',
          credentials: 'omit',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${secret}` },
          body: JSON.stringify({ query: 'query ($id: ID!) { concerns(communityId: $id, first: 3) { edges { node { title } } } }', variables: { id: communityId } }),
        });
        const body = (await response.json()) as { data?: { concerns?: { edges: unknown[] } }; errors?: { extensions?: { code?: string } }[] };
        return { status: response.status, count: body.data?.concerns?.edges.length ?? null, code: body.errors?.[0]?.extensions?.code ?? null };
      },
      { secret, communityId },
    );
  }

  for (const language of ['zh-CN', 'en'] as const) {
    it(`creates a token whose secret is shown once and works, then revokes it and it is refused (${language})`, async () => {
      const w = {
        'zh-CN': { tab: '接口令牌', name: '令牌名称', board: /^诉求公示栏/, create: '创建令牌', required: '这一项不能空着。', created: '令牌已创建', secret: '令牌密钥', done: '我已保存好', revoke: (name: string) => `作废：令牌“${name}”`, confirm: '确认作废', revoked: (name: string) => `令牌“${name}”已作废。` },
        en: { tab: 'API tokens', name: 'Token name', board: /^Concern board/, create: 'Create token', required: 'Please fill this in.', created: 'Token created', secret: 'Token secret', done: 'I have saved it', revoke: (name: string) => `Revoke: the token “${name}”`, confirm: 'Revoke', revoked: (name: string) => `The token “${name}” is revoked.` },
      }[language];
      const { page, errors } = await open('admin', language);
      await page.goto(`${server.url}${ADMIN}?tab=tokens`);
      await page.getByRole('tab', { name: w.tab, selected: true }).waitFor();

      // Nothing filled in: the name and the scopes both say what is missing.
      await page.getByRole('button', { name: w.create }).click();
      await page.getByText(w.required).first().waitFor();
      expect(await page.getByText(w.required).count()).toBe(2);
      expect(await page.getByLabel(w.name).getAttribute('aria-invalid')).toBe('true');

      const name = language === 'en' ? `Newspaper ${Date.now() % 10000}` : `街道数据大屏${Date.now() % 10000}`;
      await page.getByLabel(w.name).fill(name);
      await page.getByLabel(w.board).check();
      await page.getByRole('button', { name: w.create }).click();
      const dialog = page.getByRole('dialog', { name: w.created });
      await dialog.waitFor();
      const secret = await dialog.getByLabel(w.secret).inputValue();
      expect(secret).toMatch(/^ysk_/);
      await screenshot(page, `admin-token-secret-360-${language}`);
      await dialog.getByRole('button', { name: w.done }).click();

      // Listed by name and prefix; the secret itself is nowhere on the page any more.
      const row = page.getByRole('listitem').filter({ hasText: name });
      await row.waitFor();
      expect(await page.content()).not.toContain(secret);

      const { community } = await gql<{ community: { id: string } }>(page, '{ community(slug: "xinhua-lane") { id } }');
      const working = await asThirdParty(page, secret, community.id);
      expect(working).toMatchObject({ status: 200, code: null });
      expect(working.count).toBeGreaterThan(0);

      await row.getByRole('button', { name: w.revoke(name) }).click();
      await page.getByRole('dialog').getByRole('button', { name: w.confirm }).click();
      await page.getByText(w.revoked(name)).waitFor();
      expect(await row.getByRole('button').count()).toBe(0);
      // Checked before the refused request below, whose 401 Chromium logs as a console error.
      expect(errors).toEqual([]);
      expect(await asThirdParty(page, secret, community.id)).toEqual({ status: 401, count: null, code: 'UNAUTHENTICATED' });
    });
  }
});

describe('who may enter', () => {
  it('refuses a resident, and shows the admin entry only to admins', async () => {
    const resident = await open('resident');
    await resident.page.goto(server.url + ADMIN);
    await resident.page.getByRole('heading', { name: '只有社区管理员才能进入' }).waitFor();
    expect(await resident.page.getByRole('tab').count()).toBe(0);
    const residentNav = resident.page.getByRole('navigation', { name: '社区栏目' });
    await residentNav.getByRole('link', { name: '诉求' }).waitFor();
    expect(await residentNav.getByRole('link', { name: '管理' }).count()).toBe(0);
    await screenshot(resident.page, 'admin-refused-360-zh');

    const admin = await open('admin');
    await admin.page.goto(`${server.url}/c/xinhua-lane`);
    await admin.page.getByRole('navigation', { name: '社区栏目' }).getByRole('link', { name: '管理' }).click();
    await admin.page.getByRole('tab', { name: '成员' }).waitFor();
    expect(new URL(admin.page.url()).pathname).toBe(ADMIN);
  });

  it('has no serious or critical axe violations in any section', async () => {
    const { page } = await open('admin');
    for (const [tab, ready] of [
      ['成员', /^更改角色：/],
      ['邀请码', /^作废：/],
      ['设置', /^保存：/],
      ['接口令牌', /^创建令牌$/],
    ] as const) {
      await page.goto(server.url + ADMIN);
      await openTab(page, tab);
      await page.getByRole('button', { name: ready }).first().waitFor();
      expect(await seriousAxeViolations(page), tab).toEqual([]);
      await screenshot(page, `admin-${tab}-360-zh`);
    }
  });
});
