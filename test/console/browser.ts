import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { projectRoot } from '../../lib/paths';

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** Where the tests leave the screenshots the README shows. */
export const SCREENSHOTS = path.join(projectRoot, 'docs', 'screenshots');

export interface ConsoleTab {
  context: BrowserContext;
  page: Page;
  /** Console errors and uncaught exceptions of the page so far. */
  errors: string[];
  /** Requests that tried to leave the machine (refused). */
  leftTheMachine: string[];
}

/**
 * A browser tab of its own (own session storage) at `width` px, with every non-loopback request
 * refused as on an offline machine, and its console errors collected.
 */
export async function openTab(browser: Browser, width: number): Promise<ConsoleTab> {
  const context = await browser.newContext({ viewport: { width, height: 900 }, acceptDownloads: true });
  const leftTheMachine: string[] = [];
  await context.route('**/*', (route) => {
    const url = new URL(route.request().url());
    // The browser's own resources (chrome://, its PDF viewer's chrome-extension://) are no network.
    if (LOOPBACK.has(url.hostname) || !['http:', 'https:', 'ws:', 'wss:'].includes(url.protocol)) return route.continue();
    leftTheMachine.push(url.href);
    return route.abort('internetdisconnected');
  });
  const page = await context.newPage();
  page.setDefaultTimeout(30_000);
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  return { context, page, errors, leftTheMachine };
}

/** Signs in on the console's page with `apiKey` (typed and submitted as a person would). */
export async function signIn(tab: ConsoleTab, baseUrl: string, apiKey: string): Promise<void> {
  await tab.page.goto(`${baseUrl}/`);
  await tab.page.getByLabel('API key').fill(apiKey);
  await tab.page.getByRole('button', { name: 'Sign in' }).click();
  await tab.page.getByRole('button', { name: 'Sign out' }).waitFor();
}

const CONTROL_ROLES = ['button', 'link', 'textbox', 'searchbox', 'checkbox', 'combobox', 'spinbutton', 'radio', 'slider', 'progressbar'];

/**
 * The controls of the page's accessibility tree that have no accessible name, as the aria
 * snapshot lists them (`- button` instead of `- button "Approve"`).
 */
export async function unnamedControls(page: Page): Promise<string[]> {
  const snapshot = await page.locator('body').ariaSnapshot();
  const unnamed = new RegExp(`^\\s*- (${CONTROL_ROLES.join('|')})(\\s*\\[[^\\]]*\\])*\\s*(:.*)?$`);
  return snapshot.split('\n').filter((line) => unnamed.test(line));
}
