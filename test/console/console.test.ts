import fs from 'node:fs';
import path from 'node:path';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import type { Browser, Page } from 'playwright-core';
import { newId } from '../../lib/ids';
import { artifactContentKey } from '../../lib/storage/content-store';
import { launchChromium } from '../support/chromium';
import { eventually } from '../support/eventually';
import { type TestStack, startStack, waitForTask } from '../support/stack';
import { WebhookReceiver } from '../support/webhook-receiver';
import { type ConsoleTab, SCREENSHOTS, openTab, signIn, unnamedControls } from './browser';

let stack: TestStack;
let browser: Browser;
const tabs: ConsoleTab[] = [];

beforeAll(async () => {
  // Event streams end every few seconds, so every live update below also crosses reconnections
  // that resume with Last-Event-ID.
  // A database of its own: its webhook dispatcher may deliver to the loopback receiver below.
  const env = { SSE_MAX_STREAM_MS: '3000', OUTBOUND_ALLOW_PRIVATE_NETWORKS: 'true' };
  [stack, browser] = await Promise.all([startStack({ env, ownDatabase: true }), launchChromium()]);
}, 600_000);
afterAll(async () => {
  for (const tab of tabs) await tab.context.close();
  await browser?.close();
  await stack?.stop();
});

const newTab = async (width: number) => {
  const tab = await openTab(browser, width);
  tabs.push(tab);
  return tab;
};

const createTask = async (input: Record<string, unknown>, title: string) => {
  const response = await stack.request('/v1/tasks', { method: 'POST', json: { agent: 'echo', input, title } });
  expect(response.status).toBe(202);
  return ((await response.json()) as { task_id: string }).task_id;
};

const screenshot = (page: Page, name: string) => page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: true });

/** The approval card (an article named by its title) of the inbox. */
const approvalCard = (page: Page, title: string) => page.getByRole('article', { name: title });

describe('the console at /', () => {
  it('is served with a strict Content-Security-Policy, its assets from this server only, its routes in the OpenAPI document', async () => {
    const page = await stack.request('/', { apiKey: null });
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toContain('text/html');
    const policy = page.headers.get('content-security-policy')!;
    expect(policy).toContain("script-src 'self'");
    expect(policy).not.toContain('unsafe-inline');
    expect(policy).toContain("default-src 'none'");
    const main = await stack.request('/console/assets/main.js', { apiKey: null });
    expect(main.headers.get('content-type')).toContain('javascript');
    expect((await stack.request('/console/assets/openapi-fetch.js', { apiKey: null })).status).toBe(200);
    expect((await stack.request('/console/assets/missing.js', { apiKey: null })).status).toBe(404);
    expect((await stack.request('/console/assets/..%2Fserver.js', { apiKey: null })).status).toBe(400);
    // Declared in the route table like every route, so the document lists them.
    const document = (await (await stack.request('/v1/openapi.json', { apiKey: null })).json()) as { paths: Record<string, Record<string, { operationId: string }>> };
    expect(document.paths['/']?.get?.operationId).toBe('getConsolePage');
    expect(document.paths['/console/assets/{file}']?.get?.operationId).toBe('getConsoleAsset');
    expect(document.paths['/v1/me']?.get?.operationId).toBe('getMe');
  });

  it('refuses a bad key and a revoked key with a clear message, also when revoked while signed in', async () => {
    const tab = await newTab(1280);
    await tab.page.goto(`${stack.baseUrl}/`);
    await tab.page.getByLabel('API key').fill('tw_this_is_not_a_key_of_anyone_at_all');
    await tab.page.getByRole('button', { name: 'Sign in' }).click();
    await expect(tab.page.getByRole('alert').textContent()).resolves.toMatch(/not accepted: Invalid API key/);

    const issued = await stack.request('/v1/api-keys', { method: 'POST', json: { name: 'soon revoked', role: 'member' } });
    const { id, key } = (await issued.json()) as { id: string; key: string };
    expect((await stack.request(`/v1/api-keys/${id}`, { method: 'DELETE' })).status).toBe(200);
    await tab.page.getByLabel('API key').fill(key);
    await tab.page.getByRole('button', { name: 'Sign in' }).click();
    await tab.page.getByRole('alert').filter({ hasText: 'revoked' }).waitFor();
    await expect(tab.page.getByRole('alert').textContent()).resolves.toMatch(/not accepted: This API key has been revoked/);

    // A key revoked while a person is signed in with it: back to the sign-in form, saying why.
    const another = await stack.request('/v1/api-keys', { method: 'POST', json: { name: 'revoked while in use', role: 'member' } });
    const inUse = (await another.json()) as { id: string; key: string };
    await signIn(tab, stack.baseUrl, inUse.key);
    expect((await stack.request(`/v1/api-keys/${inUse.id}`, { method: 'DELETE' })).status).toBe(200);
    await tab.page.getByRole('link', { name: 'Tasks', exact: true }).click();
    await tab.page.getByRole('alert').filter({ hasText: 'no longer accepts this key' }).waitFor();
    await tab.page.getByLabel('API key').waitFor();
    expect(await tab.page.evaluate(() => (globalThis as unknown as { sessionStorage: { length: number } }).sessionStorage.length)).toBe(0);
    // Chromium logs each 401 answer as a console error; nothing else may appear.
    expect(tab.errors.filter((error) => !error.includes('401'))).toEqual([]);
  });

  it('runs an echo task from its agent card, approves it live from the inbox, and shows it complete with its artifacts', async () => {
    // The approver's inbox is open in one tab before the task exists; the operator runs it in another.
    const inbox = await newTab(1280);
    await signIn(inbox, stack.baseUrl, stack.admin.apiKey);
    await expect(inbox.page.locator('header .tenant').textContent()).resolves.toBe('test tenant');
    await expect(inbox.page.locator('header .key').textContent()).resolves.toBe('test admin · admin');
    await inbox.page.getByRole('heading', { name: 'Approvals', level: 1 }).waitFor();
    await inbox.page.evaluate(() => ((globalThis as unknown as { notReloaded: boolean }).notReloaded = true));

    const operator = await newTab(1280);
    const resumedFrom: string[] = [];
    operator.page.on('request', (request) => {
      const lastEventId = request.headers()['last-event-id'];
      if (request.url().includes('/v1/events/stream') && lastEventId) resumedFrom.push(lastEventId);
    });
    await signIn(operator, stack.baseUrl, stack.admin.apiKey);
    await operator.page.getByRole('link', { name: 'Agents' }).click();
    await operator.page.getByRole('button', { name: 'Run task echo of Echo' }).click();
    const dialog = operator.page.getByRole('dialog', { name: 'Run echo' });
    await dialog.getByLabel('Title (optional)').fill('Publish the launch note');
    await dialog.getByLabel('message').fill('ship it');
    await dialog.getByLabel('require_approval').check();
    await dialog.getByLabel('Include emit_file').check();
    await dialog.getByLabel('display_name').fill('notes.bin');
    await dialog.getByLabel('size_bytes').fill('64');
    await dialog.getByRole('button', { name: 'Start task' }).click();
    await operator.page.waitForURL(/#\/tasks\/task_/);
    const taskId = decodeURIComponent(operator.page.url().split('#/tasks/')[1]!);
    await operator.page.getByRole('heading', { name: 'Publish the launch note', level: 1 }).waitFor();
    // What "Run task" sent: the dashboard trigger and the form's input.
    const created = await waitForTask(stack, taskId, (task) => task.status === 'awaiting_approval');
    expect(created).toMatchObject({ trigger: { type: 'dashboard' }, input: { message: 'ship it', require_approval: true, emit_file: { display_name: 'notes.bin', size_bytes: 64, mime_type: 'application/octet-stream' } } });

    // The approval arrives in the open inbox without a reload, with the artifact to approve as a JSON tree.
    const card = approvalCard(inbox.page, 'Publish the echo');
    await card.waitFor();
    await card.getByRole('link', { name: 'Publish the launch note' }).waitFor();
    await expect(card.getByRole('group', { name: 'Data of echo.json' }).textContent()).resolves.toContain('"ship it"');
    expect(await inbox.page.evaluate(() => (globalThis as unknown as { notReloaded?: boolean }).notReloaded)).toBe(true);
    await screenshot(inbox.page, 'inbox-1280');
    expect(await unnamedControls(inbox.page)).toEqual([]);

    // Approve with a comment, by keyboard: the comment field, then the Approve button.
    await card.getByLabel('Comment (optional)').fill('Looks good');
    await card.getByRole('button', { name: 'Approve' }).focus();
    await inbox.page.keyboard.press('Enter');
    await card.waitFor({ state: 'detached' });
    await inbox.page.getByText('Nothing is waiting for a decision.').waitFor();

    // The task page, open all along, turns complete live; its artifacts download.
    await operator.page.locator('.task-summary .badge', { hasText: 'complete' }).waitFor();
    await operator.page.getByText('Approval approved by api-key:test admin: “Looks good”').waitFor();
    await expect(operator.page.getByRole('progressbar', { name: 'Progress' }).getAttribute('value')).resolves.toBe('1');
    const [jsonDownload] = await Promise.all([operator.page.waitForEvent('download'), operator.page.getByRole('button', { name: 'Download echo.json' }).click()]);
    expect(JSON.parse(fs.readFileSync((await jsonDownload.path())!, 'utf8'))).toMatchObject({ message: 'ship it' });
    const [fileDownload] = await Promise.all([operator.page.waitForEvent('download'), operator.page.getByRole('link', { name: 'Download notes.bin' }).click()]);
    expect(fs.statSync((await fileDownload.path())!).size).toBe(64);
    await expect(operator.page.getByRole('button', { name: 'Cancel task' }).isDisabled()).resolves.toBe(true);
    await expect(operator.page.getByRole('button', { name: 'Stop', exact: true }).isDisabled()).resolves.toBe(true);
    await expect(operator.page.getByRole('link', { name: 'Open the run in the Temporal Web UI' }).getAttribute('href')).resolves.toContain(taskId);
    // The task page's stream was ended by the server (SSE_MAX_STREAM_MS) and resumed where it was.
    await eventually(() => (resumedFrom.length > 0 ? resumedFrom : undefined), 'a stream resumed with Last-Event-ID', 10_000);
    expect(resumedFrom.every((seq) => /^\d+$/.test(seq))).toBe(true);
    await screenshot(operator.page, 'task-1280');
    expect(await unnamedControls(operator.page)).toEqual([]);

    // The tasks list shows it, found by its title's words.
    await operator.page.getByRole('link', { name: 'Tasks', exact: true }).click();
    await operator.page.getByLabel('Search').fill('launch');
    await operator.page.getByRole('button', { name: 'Search', exact: true }).click();
    await operator.page.getByRole('row').filter({ hasText: taskId }).getByText('complete').waitFor();
    expect(await unnamedControls(operator.page)).toEqual([]);

    expect(inbox.errors).toEqual([]);
    expect(operator.errors).toEqual([]);
    expect([...inbox.leftTheMachine, ...operator.leftTheMachine]).toEqual([]);
  });

  it('at 390 px: an email draft shows as an email, a denial fails its task live', async () => {
    const tab = await newTab(390);
    await signIn(tab, stack.baseUrl, stack.admin.apiKey);
    const draftTask = await createTask({ emit_draft: { to: 'alex.kim@acme.com', subject: 'AI readiness tooling for ACME', body: 'Hi Alex,\n\nCongratulations on the Series B.\n\nSam' } }, 'Outreach to ACME');
    const deniedTask = await createTask({ message: 'not this one', require_approval: true }, 'A note nobody wants');

    const email = tab.page.getByRole('article', { name: 'Email draft to alex.kim@acme.com' });
    await email.waitFor();
    await expect(email.textContent()).resolves.toContain('AI readiness tooling for ACME');
    const card = approvalCard(tab.page, 'Publish the echo');
    await card.getByRole('link', { name: 'A note nobody wants' }).waitFor();
    await screenshot(tab.page, 'inbox-390');
    expect(await unnamedControls(tab.page)).toEqual([]);

    await tab.page.getByRole('link', { name: 'A note nobody wants' }).click();
    await tab.page.getByRole('heading', { name: 'A note nobody wants', level: 1 }).waitFor();
    await tab.page.getByText('Waiting for approval: Publish the echo.').waitFor();
    // A second tab decides; this one follows the task.
    const approver = await newTab(1280);
    await signIn(approver, stack.baseUrl, stack.admin.apiKey);
    const deny = approvalCard(approver.page, 'Publish the echo');
    await deny.getByRole('link', { name: 'A note nobody wants' }).waitFor();
    await deny.getByLabel('Comment (optional)').fill('Not now');
    await deny.getByRole('button', { name: 'Deny' }).click();
    await deny.waitFor({ state: 'detached' });

    await tab.page.locator('.task-summary .badge', { hasText: 'failed' }).waitFor();
    await tab.page.getByText('Failed: approval_denied').waitFor();
    await expect(tab.page.getByRole('button', { name: 'Cancel task' }).isDisabled()).resolves.toBe(true);
    await screenshot(tab.page, 'task-390');
    expect(await unnamedControls(tab.page)).toEqual([]);
    expect((await waitForTask(stack, deniedTask, (task) => task.status === 'failed')).error).toMatchObject({ code: 'approval_denied' });
    expect((await waitForTask(stack, draftTask, () => true)).status).toBe('awaiting_approval');

    expect(tab.errors).toEqual([]);
    expect(approver.errors).toEqual([]);
  });

  it("shows the server's 409 plainly when the task moved on before a command reached it", async () => {
    const taskId = await createTask({ ask_clarification: 'Which colour?' }, 'A question');
    await waitForTask(stack, taskId, (task) => task.status === 'needs_clarification');
    const tab = await newTab(1280);
    await signIn(tab, stack.baseUrl, stack.admin.apiKey);
    // This tab hears nothing live, so its page still offers the answer when the task has moved on.
    await tab.page.route('**/v1/events/stream**', (route) => route.abort());
    await tab.page.goto(`${stack.baseUrl}/#/tasks/${taskId}`);
    await tab.page.getByText('The agent asks: Which colour?').waitFor();
    expect((await stack.request(`/v1/tasks/${taskId}/process`, { method: 'POST', json: { message: 'blue' } })).status).toBe(200);
    await waitForTask(stack, taskId, (task) => task.status === 'complete');

    await tab.page.getByLabel('Your answer').fill('red');
    await tab.page.getByRole('button', { name: 'Answer' }).click();
    await expect(tab.page.getByRole('alert').textContent()).resolves.toBe(`Not possible now: Cannot process task ${taskId}: it is complete.`);
    // The page then shows the task as it is: complete, with nothing left to answer.
    await tab.page.locator('.task-summary .badge', { hasText: 'complete' }).waitFor();
    await expect(tab.page.getByRole('button', { name: 'Process', exact: true }).isDisabled()).resolves.toBe(true);
    // Chromium logs the 409 answer (and any refused stream); nothing else may appear.
    expect(tab.errors.filter((error) => !/409 \(Conflict\)|net::ERR_FAILED/.test(error))).toEqual([]);
  });

  it('answers a clarification with a message and a file, then stops, resumes and cancels a task, gives feedback and assigns people', async () => {
    const tab = await newTab(1280);
    await signIn(tab, stack.baseUrl, stack.admin.apiKey);
    const { page } = tab;
    const status = page.locator('.task-summary .badge');

    const asking = await createTask({ ask_clarification: 'Which colour?' }, 'Paint the shed');
    await page.goto(`${stack.baseUrl}/#/tasks/${asking}`);
    await page.getByText('The agent asks: Which colour?').waitFor();
    await page.getByLabel('Your answer').fill('blue');
    await page.getByLabel('Files (optional)').setInputFiles({ name: 'swatch.txt', mimeType: 'text/plain', buffer: Buffer.from('RAL 5015') });
    await page.getByRole('button', { name: 'Answer' }).click();
    await status.filter({ hasText: 'complete' }).waitFor();
    const answered = await waitForTask(stack, asking, (task) => task.status === 'complete');
    expect(answered.output).toMatchObject({ clarification: 'blue' });
    expect(answered.activities).toContainEqual(expect.objectContaining({ type: 'message', text: 'blue', files: [expect.objectContaining({ name: 'swatch.txt', mime_type: 'text/plain' })] }));

    await page.getByRole('button', { name: 'Like', exact: true }).click();
    await page.getByRole('button', { name: 'Like', exact: true, pressed: true }).waitFor();
    await page.getByLabel('Assignees (emails, comma-separated)').fill('bo@example.com, cy@example.com');
    await page.getByRole('button', { name: 'Save assignees' }).click();
    await page.locator('.facts').getByText('bo@example.com, cy@example.com').waitFor();
    expect(await waitForTask(stack, asking, (task) => (task as { feedback?: string }).feedback === 'like')).toMatchObject({ assigned_users: ['bo@example.com', 'cy@example.com'] });

    const working = await createTask({ sleep_ms: 600_000 }, 'Long work');
    await page.goto(`${stack.baseUrl}/#/tasks/${working}`);
    await status.filter({ hasText: 'running' }).waitFor();
    await page.getByRole('button', { name: 'Stop', exact: true }).click();
    await status.filter({ hasText: 'on hold' }).waitFor();
    await expect(page.getByRole('button', { name: 'Stop', exact: true }).isDisabled()).resolves.toBe(true);
    await page.getByLabel('Message').fill('carry on');
    await page.getByRole('button', { name: 'Process', exact: true }).click();
    await status.filter({ hasText: 'running' }).waitFor();
    page.once('dialog', (dialog) => void dialog.accept());
    await page.getByRole('button', { name: 'Cancel task' }).click();
    await status.filter({ hasText: 'cancelled' }).waitFor();
    await expect(page.getByRole('button', { name: 'Process', exact: true }).isDisabled()).resolves.toBe(true);
    expect(tab.errors).toEqual([]);
  });

  it('previews text, JSON, Markdown (its HTML shown as text, never run), images and PDF files', async () => {
    const { tenantId } = stack.admin;
    const task = await stack.db.task.create({ data: { id: newId('task'), tenantId, agent: 'echo', taskType: 'echo', input: {}, status: 'complete', title: 'Files to preview' } });
    const pdf = await PDFDocument.create();
    pdf.addPage([300, 200]).drawText('Quarterly report', { x: 20, y: 150, size: 18, font: await pdf.embedFont(StandardFonts.Helvetica) });
    // A 1×1 PNG.
    const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');
    const files: [string, string, Buffer][] = [
      ['notes.txt', 'text/plain', Buffer.from('Plain notes\nsecond line')],
      ['answer.json', 'application/json', Buffer.from('{"answer": 42, "items": ["a", "b"]}')],
      ['readme.md', 'text/markdown', Buffer.from('# Release notes\n\n<img src=x onerror="window.pwned = true"> **bold** and [a link](javascript:alert(1))\n\n- one\n- two')],
      ['pixel.png', 'image/png', png],
      ['report.pdf', 'application/pdf', Buffer.from(await pdf.save())],
    ];
    for (const [displayName, mimeType, content] of files) {
      const id = newId('art');
      const storagePath = artifactContentKey(tenantId, task.id, id, { executionId: 'exec_seeded', attempt: 1 });
      const stored = await stack.storage.put(storagePath, content);
      await stack.db.artifact.create({
        data: { id, tenantId, taskId: task.id, workflowId: task.id, runId: 'seeded', type: 'preview.sample', displayName, mimeType, sizeBytes: stored.sizeBytes, sha256: stored.sha256, storagePath },
      });
    }

    const tab = await newTab(1280);
    await signIn(tab, stack.baseUrl, stack.admin.apiKey);
    await tab.page.goto(`${stack.baseUrl}/#/tasks/${task.id}`);
    const { page } = tab;
    await expect(page.getByLabel('Preview of notes.txt').textContent()).resolves.toBe('Plain notes\nsecond line');
    await expect(page.getByRole('group', { name: 'Preview of answer.json' }).textContent()).resolves.toContain('answer: 42');
    const markdown = page.getByRole('group', { name: 'Preview of readme.md' });
    await markdown.getByRole('heading', { name: 'Release notes' }).waitFor();
    await expect(markdown.textContent()).resolves.toContain('<img src=x onerror="window.pwned = true">');
    expect(await markdown.locator('img').count()).toBe(0);
    expect(await markdown.getByRole('link').count()).toBe(0);
    await expect(markdown.getByRole('listitem').count()).resolves.toBe(2);
    const image = page.getByRole('img', { name: 'Preview of pixel.png' });
    await image.waitFor();
    await expect(image.evaluate((element) => (element as unknown as { naturalWidth: number }).naturalWidth)).resolves.toBe(1);
    await expect(page.locator('iframe[title="Preview of report.pdf"]').getAttribute('src')).resolves.toMatch(/^blob:/);
    for (const [displayName] of files) await page.getByRole('link', { name: `Download ${displayName}` }).waitFor();
    expect(await page.evaluate(() => (globalThis as unknown as { pwned?: boolean }).pwned)).toBeUndefined();
    expect(tab.leftTheMachine).toEqual([]);
    expect(tab.errors).toEqual([]);
  });

  it('subscribes a webhook, shows its deliveries with their attempts and redelivers one; pauses a schedule', async () => {
    const receiver = await WebhookReceiver.start();
    try {
      const tab = await newTab(1280);
      await signIn(tab, stack.baseUrl, stack.admin.apiKey);
      await tab.page.getByRole('link', { name: 'Webhooks' }).click();
      await tab.page.getByLabel('Receiver URL').fill(receiver.url);
      await tab.page.getByLabel('Signing secret').fill('a-secret-of-some-length');
      await tab.page.getByLabel('task.created').check();
      await tab.page.getByRole('button', { name: 'Subscribe' }).click();
      await tab.page.getByRole('heading', { name: receiver.url }).waitFor();

      const taskId = await createTask({ message: 'for the receiver' }, 'Delivered');
      await eventually(() => (receiver.received.length > 0 ? true : undefined), 'the first delivery');
      await tab.page.getByRole('button', { name: `Show deliveries of ${receiver.url}` }).click();
      const row = tab.page.getByRole('row').filter({ hasText: 'task.created' });
      await row.getByText('succeeded').waitFor();
      await expect(row.getByRole('listitem').textContent()).resolves.toMatch(/· 200 · \d+ ms/);
      await row.getByRole('button', { name: /^Redeliver task\.created/ }).click();
      await tab.page.getByRole('status').filter({ hasText: 'Redelivery of task.created queued.' }).waitFor();
      await eventually(() => (receiver.received.length === 2 ? true : undefined), 'the redelivery');
      const eventIds = receiver.received.map((delivery) => delivery.headers['x-ariftly-event-id']);
      expect(eventIds[0]).toBe(eventIds[1]);
      expect(JSON.parse(receiver.received[1]!.body)).toMatchObject({ type: 'task.created', task_id: taskId });

      const schedule = await stack.request('/v1/schedules', { method: 'POST', json: { agent: 'echo', input: { message: 'tick' }, interval_seconds: 86_400, title: 'Daily echo' } });
      expect(schedule.status).toBe(201);
      await tab.page.getByRole('link', { name: 'Schedules' }).click();
      await tab.page.getByRole('button', { name: 'Pause Daily echo' }).click();
      await tab.page.getByRole('button', { name: 'Resume Daily echo' }).waitFor();
      expect(await unnamedControls(tab.page)).toEqual([]);
      expect(tab.errors).toEqual([]);
    } finally {
      await receiver.close();
    }
  });

  it("filters tasks by `mine` (the key's user's tasks) and by status", async () => {
    const issued = await stack.request('/v1/api-keys', { method: 'POST', json: { name: 'ana', role: 'member', user_email: 'ana@example.com' } });
    const { key } = (await issued.json()) as { key: string };
    const created = await stack.request('/v1/tasks', { method: 'POST', apiKey: key, json: { agent: 'echo', input: { message: 'mine' }, title: "Ana's task" } });
    const { task_id: anasTask } = (await created.json()) as { task_id: string };
    const tab = await newTab(390);
    await signIn(tab, stack.baseUrl, key);
    await tab.page.getByRole('link', { name: 'Tasks', exact: true }).click();
    const rows = tab.page.locator('table.tasks tbody tr');
    await rows.nth(1).waitFor();
    await tab.page.getByLabel('Only mine').check();
    await eventually(async () => ((await rows.count()) === 1 && (await rows.first().textContent())?.includes(anasTask) ? true : undefined), 'only her task listed');
    await tab.page.getByLabel('Only mine').uncheck();
    await tab.page.getByLabel('Status').selectOption('failed');
    await eventually(async () => ((await rows.count()) > 0 && (await rows.filter({ hasNotText: 'failed' }).count()) === 0 ? true : undefined), 'only failed tasks listed');
    expect(tab.errors).toEqual([]);
  });

  it('an approver key decides approvals in the inbox, but starts nothing and sees no webhooks', async () => {
    const issued = await stack.request('/v1/api-keys', { method: 'POST', json: { name: 'inbox of Dee', role: 'approver', user_email: 'dee@example.com' } });
    const { key } = (await issued.json()) as { key: string };
    const taskId = await createTask({ message: 'for Dee', require_approval: true }, 'For an approver');
    const tab = await newTab(390);
    await signIn(tab, stack.baseUrl, key);
    await expect(tab.page.locator('header .key').textContent()).resolves.toBe('inbox of Dee · approver');
    expect(await tab.page.getByRole('link', { name: 'Webhooks' }).count()).toBe(0);
    const card = approvalCard(tab.page, 'Publish the echo').filter({ hasText: 'For an approver' });
    await card.getByRole('button', { name: 'Approve' }).click();
    await card.waitFor({ state: 'detached' });
    expect((await waitForTask(stack, taskId, (task) => task.status === 'complete')).activities).toContainEqual(
      expect.objectContaining({ type: 'approval_resolved', decision: 'approved', by: 'dee@example.com' }),
    );
    await tab.page.getByRole('link', { name: 'Agents' }).click();
    await expect(tab.page.getByRole('button', { name: 'Run task echo of Echo' }).isDisabled()).resolves.toBe(true);
    await tab.page.getByText('This key has the approver role').waitFor();
    expect(tab.errors).toEqual([]);
  });

  it('every page renders without console errors, every control named', async () => {
    const tab = await newTab(1280);
    await signIn(tab, stack.baseUrl, stack.admin.apiKey);
    // Each page, once it shows what it loaded.
    const pages: [string, (page: Page) => Promise<void>][] = [
      ['Approvals', (page) => page.getByRole('list', { name: 'Pending approvals' }).waitFor({ state: 'attached' })],
      ['Tasks', (page) => page.getByRole('row').nth(1).waitFor()],
      ['Agents', (page) => page.getByRole('button', { name: 'Run task echo of Echo' }).waitFor()],
      ['Schedules', (page) => page.getByRole('article', { name: 'Daily echo' }).waitFor()],
      ['Webhooks', (page) => page.getByRole('button', { name: /^Show deliveries of/ }).waitFor()],
    ];
    for (const [name, loaded] of pages) {
      await tab.page.getByRole('link', { name, exact: true }).click();
      await tab.page.getByRole('heading', { name, level: 1 }).waitFor();
      await loaded(tab.page);
      expect({ page: name, unnamed: await unnamedControls(tab.page) }).toEqual({ page: name, unnamed: [] });
    }
    await tab.page.getByRole('button', { name: 'Sign out' }).click();
    await tab.page.getByLabel('API key').waitFor();
    expect(await tab.page.evaluate(() => (globalThis as unknown as { sessionStorage: { length: number } }).sessionStorage.length)).toBe(0);
    expect(tab.errors).toEqual([]);
  });
});
