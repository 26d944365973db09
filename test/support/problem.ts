/** An application/problem+json body as the API sends it. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  code: string;
  detail: string;
  instance: string;
  request_id: string;
  errors?: { field: string; in: string; message: string }[];
}

/** Asserts a problem+json answer with this status (and code, and extension members) and returns it. */
export async function expectProblem(
  response: Response,
  status: number,
  code?: string,
  extensions: Record<string, unknown> = {},
): Promise<Problem & Record<string, unknown>> {
  expect(response.status).toBe(status);
  expect(response.headers.get('content-type')).toContain('application/problem+json');
  const problem = (await response.json()) as Problem & Record<string, unknown>;
  expect(problem).toMatchObject({ type: 'about:blank', status, title: expect.any(String), detail: expect.any(String), ...extensions });
  if (code) expect(problem.code).toBe(code);
  // The problem names the request it answers, as the header does.
  expect(problem.request_id).toBe(response.headers.get('x-request-id'));
  return problem;
}
