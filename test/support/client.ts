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
