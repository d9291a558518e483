// Debian's Chromium driven by playwright-core, for browser tests on machines without internet.
// Never run `npx playwright install`: it downloads a browser, and fails here.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { screenshotDir } from './paths.ts';

export const CHROMIUM_PATH = process.env.YISHI_CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * Flags that work on these machines. Without the background-networking ones, the closed network
 * refuses Chromium's own connections many at a time. Each launch also gets a fresh, temporary
 * --user-data-dir: Playwright adds it itself (and refuses one passed here), then deletes it on close.
 */
export const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export const VIEWPORTS = {
  /** The phones most residents have. */
  phone: { width: 360, height: 740 },
  desktop: { width: 1280, height: 800 },
} as const;
export type ViewportName = keyof typeof VIEWPORTS;

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_FLAGS });
}

export interface ContextOptions {
  /** The browser's own language; the app still starts in Chinese unless told otherwise. */
  locale?: string;
  reducedMotion?: 'reduce' | 'no-preference';
}

/** A new, empty profile (no cookies, no localStorage) at the given size. */
export function openContext(browser: Browser, viewport: ViewportName, options: ContextOptions = {}): Promise<BrowserContext> {
  const phone = viewport === 'phone';
  return browser.newContext({
    viewport: VIEWPORTS[viewport],
    deviceScaleFactor: phone ? 2 : 1,
    isMobile: phone,
    hasTouch: phone,
    locale: options.locale ?? 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    reducedMotion: options.reducedMotion ?? 'reduce',
  });
}

/** Saves test-artifacts/screenshots/<name>.png (repository root) and returns its path. */
export async function screenshot(page: Page, name: string, options: { fullPage?: boolean } = {}): Promise<string> {
  mkdirSync(screenshotDir, { recursive: true });
  const path = join(screenshotDir, `${name}.png`);
  await page.screenshot({ path, fullPage: options.fullPage ?? true, animations: 'disabled' });
  return path;
}

export interface AxeProblem {
  id: string;
  impact: string;
  help: string;
  targets: string[];
}

/** axe-core's WCAG 2.x A/AA rules on the page as it is now; only serious and critical violations. */
export async function seriousAxeViolations(page: Page, options: { exclude?: string[] } = {}): Promise<AxeProblem[]> {
  let builder = new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']);
  for (const selector of options.exclude ?? []) builder = builder.exclude(selector);
  const results = await builder.analyze();
  return results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => ({
      id: violation.id,
      impact: violation.impact ?? 'unknown',
      help: violation.help,
      targets: violation.nodes.map((node) => node.target.join(' ')),
    }));
}

/**
 * Uncaught exceptions and console errors in the page, except failed requests to the API: the test
 * server has none, and the app is expected to cope.
 */
export function collectPageErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() !== 'error') return;
    const text = message.text();
    if (/Failed to load resource: the server responded with a status of 503/.test(text)) return;
    errors.push(`console: ${text}`);
  });
  return errors;
}
