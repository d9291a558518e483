// Signing in quickly for journeys that are not about signing in: the same mutation the form sends,
// from inside the page, so the browser context keeps the session cookie.
import type { BrowserContext, Page } from 'playwright-core';
import { DEMO_PASSWORD } from './server.ts';

export async function signInAs(page: Page, baseUrl: string, login: string, password = DEMO_PASSWORD): Promise<void> {
  if (!page.url().startsWith(baseUrl)) await page.goto(`${baseUrl}/404-warm-up`);
  const answer = await page.evaluate(
    async ({ login, password }) => {
      const response = await fetch('/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-yishi-csrf': '1' },
        body: JSON.stringify({
          query: 'mutation SignIn($input: LogInInput!) { logIn(input: $input) { __typename } }',
          variables: { input: { login, password } },
        }),
      });
      return (await response.json()) as { data?: { logIn?: { __typename?: string } } };
    },
    { login, password },
  );
  if (answer.data?.logIn?.__typename !== 'LogInSuccess') throw new Error(`Could not sign in as ${login}: ${JSON.stringify(answer)}`);
}

/** Sets the app's language before it starts, as a reader's earlier choice would. */
export async function useLanguage(context: BrowserContext, language: 'zh-CN' | 'en'): Promise<void> {
  await context.addInitScript((value) => {
    window.localStorage.setItem('yishi.language', value);
    window.localStorage.setItem('yishi.languageChosen', '1');
  }, language);
}

/** A GraphQL request as the page's signed-in user, for setting a scene or checking the server's view. */
export async function gql<Data = unknown>(page: Page, query: string, variables: Record<string, unknown> = {}): Promise<Data> {
  const answer = await page.evaluate(
    async ({ query, variables }) => {
      const response = await fetch('/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-yishi-csrf': '1' },
        body: JSON.stringify({ query, variables }),
      });
      return (await response.json()) as { data?: unknown; errors?: unknown };
    },
    { query, variables },
  );
  if (answer.errors) throw new Error(`GraphQL errors: ${JSON.stringify(answer.errors)}`);
  return answer.data as Data;
}
