// GraphiQL is static UI: it holds no data and no credentials, and every query it sends is an ordinary
// request that needs a token (typed into its Headers pane) or, on our own origin, the session cookie and
// the CSRF header. So it is served wherever GRAPHIQL is on: by default outside production only.
import { afterEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../test-support/harness.js';

describe('GraphiQL', () => {
  let t: TestApp | undefined;
  afterEach(async () => {
    await t?.close();
    t = undefined;
  });

  const page = async (env: Record<string, string>) => {
    t = await createTestApp({ env });
    const response = await t.app.yoga.fetch('http://localhost/graphql', { headers: { accept: 'text/html' } });
    return { status: response.status, type: response.headers.get('content-type') ?? '', text: await response.text() };
  };

  it('is served to a browser in development, carrying no credentials', async () => {
    const answer = await page({ NODE_ENV: 'development' });
    expect(answer.status).toBe(200);
    expect(answer.type).toMatch(/^text\/html/);
    expect(answer.text).toContain('Yishi GraphQL');
    // Cookie requests from the page send the CSRF header; nothing secret is in the page.
    expect(answer.text).toContain('x-yishi-csrf');
    expect(answer.text).not.toMatch(/ysk_|Bearer /);
  });

  it('is not served in production unless GRAPHIQL=true', async () => {
    const hidden = await page({ NODE_ENV: 'production' });
    expect(hidden.type).not.toMatch(/text\/html/);
    expect(hidden.status).toBeGreaterThanOrEqual(400);
    await t!.close();
    t = undefined;

    const shown = await page({ NODE_ENV: 'production', GRAPHIQL: 'true' });
    expect(shown.status).toBe(200);
    expect(shown.type).toMatch(/^text\/html/);
  });

  it('can be turned off in development', async () => {
    const answer = await page({ NODE_ENV: 'development', GRAPHIQL: 'false' });
    expect(answer.type).not.toMatch(/text\/html/);
  });
});
