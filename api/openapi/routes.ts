import { z } from 'zod';
import { defineRoutes } from '../route-table/declare';

const tag = 'Documentation';

/** The files of swagger-ui-dist the docs page loads, all from this server. */
export const DOCS_ASSETS = ['swagger-ui.css', 'swagger-ui-bundle.js'] as const;

export const openApiRoutes = defineRoutes({
  getOpenApiDocument: {
    method: 'get',
    path: '/v1/openapi.json',
    auth: 'none',
    tag,
    summary: 'This document: OpenAPI 3.1, generated from the route table the server runs',
    responses: { 200: { description: 'The OpenAPI document', schema: z.record(z.string(), z.unknown()) } },
    problems: [],
  },
  getDocsPage: {
    method: 'get',
    path: '/docs',
    auth: 'none',
    tag,
    summary: 'The API docs page (Swagger UI, served from this server: works offline)',
    responses: { 200: { description: 'The page', schema: z.string(), contentType: 'text/html' } },
    problems: [],
  },
  getDocsAsset: {
    method: 'get',
    path: '/docs/assets/:file',
    auth: 'none',
    tag,
    summary: "A script or style sheet of the docs page",
    params: z.object({ file: z.enum(DOCS_ASSETS) }),
    responses: {
      200: { description: 'The asset (`text/css` or `text/javascript`)', schema: z.string(), contentType: '*/*' },
    },
    problems: [400],
  },
});
