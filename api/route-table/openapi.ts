import { OpenAPIRegistry, OpenApiGeneratorV31, type ResponseConfig, type RouteConfig, type ZodContentObject } from '@asteasolutions/zod-to-openapi';
import { problemDocument } from '../problem';
import type { ProblemStatus, RouteAuth, RouteDeclaration } from './declare';

const PROBLEM_DESCRIPTIONS: Record<ProblemStatus, string> = {
  400: 'Invalid request: `errors[]` names each offending field',
  401: 'Missing, malformed, unknown or revoked API key',
  403: 'Not allowed: a member key where an admin key is needed, an approver key anywhere but reads and approval decisions, or a signed URL that is invalid or expired',
  404: 'No such resource in this tenant',
  405: 'Method not allowed on this path (`Allow` lists the methods)',
  409: 'Conflict with the current state; `current_status` says what it is',
  413: 'The body is larger than the limit',
  415: 'The body is of a type this route does not take',
  429: 'Too many requests (rate limits, per-tenant limits); `Retry-After` says when to try again',
  500: 'The server failed; the `request_id` finds it in the logs',
  503: 'Temporal is unreachable or no worker answered in time; `Retry-After` says when to try again',
};

const CALLBACK_REFUSED = "Missing or wrong callback token, or its execution has ended (completed, failed, cancelled, stopped or dispatched again)";

const AUTH_NOTES: Record<RouteAuth, string> = {
  none: 'No authentication.',
  signed: 'No API key: the signature in the URL is the authorization.',
  key: 'Any API key of the tenant.',
  key_or_relay:
    "Any API key of the tenant, or a relay's signature instead: `X-Taskwright-Signature: sha256=<hex HMAC-SHA256 of the raw body with the channel's secret>` and the tenant's ID in `X-Taskwright-Tenant`.",
  admin: 'An admin API key.',
  operator: "An admin API key of the operator tenant (the dev key's tenant).",
  callback: "No API key: the execution's callback token (`callback_token` in the dispatch to the registered agent) as the bearer token, valid while that execution runs.",
};

/** Express path syntax to OpenAPI's: `/v1/tasks/:id` → `/v1/tasks/{id}`. */
export const openApiPath = (path: string) => path.replace(/:(\w+)/g, '{$1}');

/**
 * The problems a route can answer whatever it declares: every input can be malformed (a 400, also
 * for a NUL or bad percent-encoding in the path), every key-holder's call can lack a key (401) or
 * be rate limited (429), admin-only, signed and (for an approver key) writing ones can be refused
 * (403), and a JSON body can be too large or not JSON.
 */
function impliedProblems(route: RouteDeclaration): ProblemStatus[] {
  const implied: ProblemStatus[] = [];
  if (route.params || route.query || route.body) implied.push(400);
  // Key-holders' calls are rate limited (and so are failed authentications).
  if (route.auth === 'key' || route.auth === 'key_or_relay' || route.auth === 'admin' || route.auth === 'operator') implied.push(401, 429);
  // A callback token that is missing, wrong, or of an execution that ended.
  if (route.auth === 'callback') implied.push(401);
  // An approver key may only read, and decide approvals.
  const keyHolders = route.auth === 'key' || route.auth === 'key_or_relay';
  if (route.auth === 'admin' || route.auth === 'operator' || route.auth === 'signed' || (keyHolders && route.method !== 'get')) implied.push(403);
  if (route.body && 'schema' in route.body) implied.push(413, 415);
  return implied;
}

function requestBody(route: RouteDeclaration): RouteConfig['request'] {
  const { body } = route;
  if (!body) return undefined;
  if ('upload' in body) {
    const content: ZodContentObject = {
      'multipart/form-data': {
        schema: {
          type: 'object',
          properties: { file: { type: 'string', format: 'binary' }, purpose: { type: 'string' } },
          required: ['file'],
        },
      },
      'application/octet-stream': { schema: { type: 'string', format: 'binary' } },
      ...(body.json && { 'application/json': { schema: body.json } }),
    };
    return { body: { description: body.description, required: true, content } };
  }
  const withBodies = (route.examples ?? []).filter((example) => example.body !== undefined);
  const examples = Object.fromEntries(
    withBodies.map((example, index) => [`example${index + 1}`, { summary: example.summary, description: '```sh\n' + example.curl + '\n```', value: example.body }]),
  );
  const content: ZodContentObject = {};
  for (const type of body.contentTypes ?? ['application/json']) {
    content[type] = { schema: body.schema, ...(withBodies.length > 0 && { examples }) };
  }
  return { body: { required: body.required ?? false, content } };
}

function responses(route: RouteDeclaration): Record<string, ResponseConfig> {
  const answers: Record<string, ResponseConfig> = {};
  for (const [status, response] of Object.entries(route.responses)) {
    if (!response) continue;
    answers[status] = {
      description: response.description,
      ...(response.headers && {
        headers: Object.fromEntries(Object.entries(response.headers).map(([name, description]) => [name, { description, schema: { type: 'string' } }])),
      }),
      ...(response.schema && { content: { [response.contentType ?? 'application/json']: { schema: response.schema } } }),
    };
  }
  for (const status of new Set([...route.problems, ...impliedProblems(route)])) {
    if (answers[status]) continue;
    const description = status === 401 && route.auth === 'callback' ? CALLBACK_REFUSED : PROBLEM_DESCRIPTIONS[status];
    answers[status] = { description, content: { 'application/problem+json': { schema: problemDocument } } };
  }
  return answers;
}

function describe(route: RouteDeclaration): string {
  const curls = (route.examples ?? []).map((example) => `${example.summary}:\n\n\`\`\`sh\n${example.curl}\n\`\`\``);
  return [route.description, `**Auth:** ${AUTH_NOTES[route.auth]}`, ...curls].filter((part) => part !== undefined).join('\n\n');
}

export interface DocumentInfo {
  version: string;
}

/**
 * The OpenAPI 3.1 document of a route table: one operation per declaration, named by its key. No
 * `servers`: clients call the server that served them the document.
 */
export function openApiDocument(table: Record<string, RouteDeclaration>, info: DocumentInfo) {
  const registry = new OpenAPIRegistry();
  const bearer = registry.registerComponent('securitySchemes', 'apiKey', {
    type: 'http',
    scheme: 'bearer',
    description: 'An API key (`tw_…`): `Authorization: Bearer <api key>`',
  });
  const callbackToken = registry.registerComponent('securitySchemes', 'callbackToken', {
    type: 'http',
    scheme: 'bearer',
    description:
      "A registered agent's callback token for one execution (`callback_token` in the dispatch), not an API key: `Authorization: Bearer <callback_token>`. It opens only that execution's callbacks, and only while the execution runs.",
  });
  const relay = registry.registerComponent('securitySchemes', 'relaySignature', {
    type: 'apiKey',
    in: 'header',
    name: 'X-Taskwright-Signature',
    description:
      "Inbound channel messages only: `sha256=<hex HMAC-SHA256 of the raw body>` keyed with the channel's secret (`PUT /v1/channels/{channel}`), the tenant's ID in `X-Taskwright-Tenant`",
  });
  for (const [operationId, route] of Object.entries(table)) {
    const authenticated = route.auth === 'key' || route.auth === 'admin' || route.auth === 'operator';
    registry.registerPath({
      operationId,
      method: route.method,
      path: openApiPath(route.path),
      tags: [route.tag],
      summary: route.summary,
      description: describe(route),
      // key_or_relay: either requirement is enough.
      security:
        route.auth === 'key_or_relay'
          ? [{ [bearer.name]: [] }, { [relay.name]: [] }]
          : authenticated
            ? [{ [bearer.name]: [] }]
            : route.auth === 'callback'
              ? [{ [callbackToken.name]: [] }]
              : [],
      ...(route.examples && { 'x-codeSamples': route.examples.map((example) => ({ lang: 'Shell', label: example.summary, source: example.curl })) }),
      request: {
        params: route.params,
        query: route.query,
        ...requestBody(route),
      },
      responses: responses(route),
    });
  }
  return new OpenApiGeneratorV31(registry.definitions).generateDocument({
    openapi: '3.1.0',
    info: {
      title: 'Taskwright API',
      version: info.version,
      description:
        'Durable orchestration for AI-agent work: tasks run as Temporal workflows, emit typed artifacts, wait for approvals, and record every change as an event. Errors are `application/problem+json`; every response carries `X-Request-Id`.',
    },
  });
}
