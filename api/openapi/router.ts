import path from 'node:path';
import type { Router } from 'express';
import { routerFrom } from '../route-table/register';
import { taskwrightOpenApiDocument } from './document';
import { openApiRoutes } from './routes';

const DOCS_PAGE = `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>Taskwright API</title>
  <link rel="stylesheet" href="/docs/assets/swagger-ui.css">
</head>
<body>
  <div id="docs"></div>
  <script src="/docs/assets/swagger-ui-bundle.js"></script>
  <script>
    // validatorUrl null: the default sends the document to validator.swagger.io.
    window.ui = SwaggerUIBundle({ url: '/v1/openapi.json', dom_id: '#docs', validatorUrl: null, deepLinking: true });
  </script>
</body>
</html>
`;

/** `/v1/openapi.json` and the docs page at `/docs`, from local assets only. */
export function openApiRouter(): Router {
  const document = taskwrightOpenApiDocument();
  const assets = path.dirname(require.resolve('swagger-ui-dist/package.json'));
  return routerFrom(openApiRoutes, {
    getOpenApiDocument(_req, res) {
      res.json(document);
    },
    getDocsPage(_req, res) {
      res.type('html').send(DOCS_PAGE);
    },
    getDocsAsset(_req, res, { params }) {
      res.sendFile(path.join(assets, params.file), { maxAge: '1h' });
    },
  });
}
