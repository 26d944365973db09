import { type Schemas, type TaskwrightClient, createTaskwrightClient } from '../../client';

/** The typed client against a test API process, with this key (the stack's admin key by default). */
export function typedClient(api: { baseUrl: string; admin?: { apiKey: string } }, apiKey = api.admin?.apiKey): TaskwrightClient {
  return createTaskwrightClient({ baseUrl: api.baseUrl, apiKey });
}

/** Polls GET /v1/tasks/{id} until `done` holds; the task as it then is. */
export async function waitForTaskRecord(
  api: TaskwrightClient,
  taskId: string,
  done: (task: Schemas['Task']) => boolean,
  timeoutMs = 30_000,
): Promise<Schemas['Task']> {
  const deadline = Date.now() + timeoutMs;
  let last: Schemas['Task'] | undefined;
  while (Date.now() < deadline) {
    const { data, error } = await api.GET('/v1/tasks/{id}', { params: { path: { id: taskId } } });
    if (error) throw new Error(`GET /v1/tasks/${taskId}: ${JSON.stringify(error)}`);
    last = data;
    if (done(last)) return last;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`Task ${taskId} did not reach the expected state; last seen: ${JSON.stringify(last)}`);
}

/** Asserts that a typed client's call was answered with this problem (status, code, members); returns it. */
export function expectProblemAnswer(
  answer: { response: Response; error?: unknown },
  status: number,
  code: string,
  extensions: Record<string, unknown> = {},
): Schemas['Problem'] {
  expect(answer.response.status).toBe(status);
  expect(answer.response.headers.get('content-type')).toContain('application/problem+json');
  const problem = answer.error as Schemas['Problem'];
  expect(problem).toMatchObject({ type: 'about:blank', status, code, title: expect.any(String), detail: expect.any(String), ...extensions });
  expect(problem.request_id).toBe(answer.response.headers.get('x-request-id'));
  return problem;
}
