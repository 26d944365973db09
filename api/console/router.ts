import fs from 'node:fs';
import path from 'node:path';
import type { Response, Router } from 'express';
import { projectRoot } from '../../lib/paths';
import { notFound } from '../problem';
import { routerFrom } from '../route-table/register';
import { consoleRoutes } from './routes';

/** Where `npm run build` puts the console (console/tsconfig.json, scripts/console-static.js). */
const CONSOLE_BUILD = path.join(projectRoot, 'dist', 'console');

/**
 * The console's only script is its own modules and openapi-fetch, all from this server; API data
 * is rendered as text, never as markup, and this policy forbids inline script and any other origin
 * besides. `blob:` carries previews of artifacts fetched with the key (images, PDF).
 */
const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' blob:",
  "connect-src 'self'",
  'frame-src blob:',
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

function secure(res: Response): void {
  res.set({
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
  });
}

/** The page at `/` and its assets under `/console/assets/`. */
export function consoleRouter(): Router {
  // The typed client's runtime: its ES module build has no imports of its own.
  const openapiFetch = path.join(path.dirname(require.resolve('openapi-fetch/package.json')), 'dist', 'index.mjs');
  return routerFrom(consoleRoutes, {
    getConsolePage(_req, res) {
      secure(res);
      res.set('Cache-Control', 'no-cache');
      res.sendFile(path.join(CONSOLE_BUILD, 'index.html'));
    },
    getConsoleAsset(_req, res, { params }) {
      const file = params.file === 'openapi-fetch.js' ? openapiFetch : path.join(CONSOLE_BUILD, params.file);
      if (!fs.existsSync(file)) throw notFound(`Console asset ${params.file}`);
      secure(res);
      // Revalidated each time: a new build must not run beside modules of the old one.
      res.set('Cache-Control', 'no-cache');
      res.type(path.extname(params.file)).sendFile(file);
    },
  });
}
