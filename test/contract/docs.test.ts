import type { Browser } from 'playwright-core';
import { launchChromium } from '../support/chromium';
import { type TestStack, startStack } from '../support/stack';

let stack: TestStack;
let browser: Browser;
beforeAll(async () => {
  [stack, browser] = await Promise.all([startStack({ worker: false }), launchChromium()]);
}, 600_000);
afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

describe('/docs', () => {
  it('renders every operation of the document in a real browser, with no request leaving the machine', async () => {
    const document = (await (await stack.request('/v1/openapi.json', { apiKey: null })).json()) as { paths: Record<string, Record<string, unknown>> };
    const operations = Object.values(document.paths).reduce((count, methods) => count + Object.keys(methods).length, 0);

    const context = await browser.newContext();
    const leftTheMachine: string[] = [];
    // Anything not on loopback is refused, as on an offline machine, and remembered.
    await context.route('**/*', (route) => {
      const url = new URL(route.request().url());
      if (LOOPBACK.has(url.hostname)) return route.continue();
      leftTheMachine.push(url.href);
      return route.abort('internetdisconnected');
    });
    const page = await context.newPage();
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));

    const response = await page.goto(`${stack.baseUrl}/docs`);
    expect(response?.status()).toBe(200);
    await page.locator('.opblock').nth(operations - 1).waitFor({ timeout: 30_000 });
    expect(await page.locator('.opblock').count()).toBe(operations);
    await expect(page.locator('.info .title').textContent()).resolves.toContain('Taskwright API');

    // A seed's curl example is there for POST /v1/tasks.
    await page.locator('#operations-Tasks-createTask .opblock-summary').click();
    await expect(page.locator('#operations-Tasks-createTask').textContent()).resolves.toContain('Tasks & Artifacts (seed 000): agent_id');

    expect(pageErrors).toEqual([]);
    expect(leftTheMachine).toEqual([]);
    await context.close();
  });

  it('serves only the docs assets it names', async () => {
    expect((await stack.request('/docs/assets/swagger-ui.css', { apiKey: null })).headers.get('content-type')).toContain('text/css');
    expect((await stack.request('/docs/assets/package.json', { apiKey: null })).status).toBe(400);
    expect((await stack.request('/docs/assets/..%2F..%2Fpackage.json', { apiKey: null })).status).toBe(400);
  });
});
