import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { NodeResult, Result, RunOptions } from 'axe-core';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import type { Messages } from '../../apps/web/src/i18n/messages.en.js';
import { ROOT } from '../support/processes.js';
import { startTestApp, type TestApp, type TestAppOptions } from '../support/test-app.js';

/** Debian's chromium (.ci/run installs it); Playwright's own browser download cannot work here. */
export const CHROMIUM = process.env.SILLOK_CHROMIUM ?? '/usr/bin/chromium';
export const ARTIFACTS = join(ROOT, 'test-artifacts', 'web');

/** The whole app on its own database, listening on a free port, serving the built web client. */
export async function startWebApp(options: TestAppOptions = {}): Promise<{ t: TestApp; baseUrl: string }> {
  if (!existsSync(join(ROOT, 'dist', 'web', 'index.html')))
    throw new Error('build the web client first: npm run build');
  const t = await startTestApp(options);
  await t.app.listen(0);
  const { port } = t.app.getHttpServer().address() as AddressInfo;
  // localhost, not 127.0.0.1: Chromium keeps Secure cookies from http://localhost (a secure context).
  return { t, baseUrl: `http://localhost:${port}` };
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
}

export async function newContext(
  browser: Browser,
  baseUrl: string,
  locale: 'ko' | 'en' | 'ja',
): Promise<BrowserContext> {
  const context = await browser.newContext({
    baseURL: baseUrl,
    locale,
    viewport: { width: 1280, height: 900 },
    acceptDownloads: true,
  });
  // The language choice the client remembers; the only thing it keeps in localStorage.
  await context.addInitScript(`localStorage.setItem('sillok.locale', ${JSON.stringify(locale)})`);
  return context;
}

/** axe-core's browser build, read once per file: it runs in the page, never in Node. */
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const AXE_OPTIONS: RunOptions = {
  runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
  resultTypes: ['violations'],
};

/**
 * axe-core on the current screen: the serious and critical violations (the suite wants none).
 * It runs `axe.run` in the page, injected once per document. @axe-core/playwright's AxeBuilder
 * injects the 600 kB script twice per call and finishes in a new blank page, which cost each
 * check about 5 s here (the screens have no frames, which is what that extra work is for).
 */
export async function seriousViolations(page: Page): Promise<string[]> {
  if (!(await page.evaluate('typeof window.axe === "object"'))) await page.evaluate(AXE_SOURCE);
  // A string for page.evaluate: this file compiles without the DOM library.
  const violations = (await page.evaluate(
    `axe.run(document, ${JSON.stringify(AXE_OPTIONS)}).then((result) => result.violations)`,
  )) as Result[];
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.map((n: NodeResult) => n.target.join(' ')).join(', ')}`);
}

/** A full-page PNG under test-artifacts/web/ (git-ignored), named screen-locale. */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(ARTIFACTS, { recursive: true });
  const path = join(ARTIFACTS, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}

/**
 * Selects an occurrence of `text` inside the element (the first unless `occurrence` says which,
 * from 0), as a user's mouse drag would.
 * (A string for page.evaluate: this file compiles without the DOM library.)
 */
export async function selectText(page: Page, selector: string, text: string, occurrence = 0): Promise<void> {
  await page.evaluate(`(() => {
    const container = document.querySelector(${JSON.stringify(selector)});
    const wanted = ${JSON.stringify(text)};
    let start = container.textContent.indexOf(wanted);
    for (let n = 0; n < ${occurrence} && start >= 0; n++) start = container.textContent.indexOf(wanted, start + 1);
    if (start < 0) throw new Error('no ' + wanted);
    const end = start + wanted.length;
    const range = document.createRange();
    const walker = document.createTreeWalker(container, NodeFilter.SHOW_TEXT);
    let offset = 0;
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const length = node.textContent.length;
      if (start >= offset && start <= offset + length) range.setStart(node, start - offset);
      if (end >= offset && end <= offset + length) { range.setEnd(node, end - offset); break; }
      offset += length;
    }
    const selection = window.getSelection();
    selection.removeAllRanges();
    selection.addRange(range);
  })()`);
}

/** Signs a user in on the login screen (in the page's language) and waits for the main navigation. */
export async function signIn(
  page: Page,
  messages: Pick<Messages, 'login' | 'nav'>,
  user: { email: string; password: string },
): Promise<void> {
  await page.goto('/app');
  await page.getByLabel(messages.login.email).fill(user.email);
  await page.getByLabel(messages.login.password).fill(user.password);
  await page.getByRole('button', { name: messages.login.submit }).click();
  await page.getByRole('navigation', { name: messages.nav.main }).waitFor();
}
