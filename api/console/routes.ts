import { z } from 'zod';
import { defineRoutes } from '../route-table/declare';

const tag = 'Console';

/** A file name of the console's build: modules (`.js`) and its style sheet, no directories. */
export const CONSOLE_ASSET_NAME = /^[a-z][a-z0-9-]*\.(js|css)$/;

export const consoleRoutes = defineRoutes({
  getConsolePage: {
    method: 'get',
    path: '/',
    auth: 'none',
    tag,
    summary: 'The web console for approvers and operators (a single page; sign in with an API key)',
    description:
      'Served by the API process from its own build (no CDN: works offline). The page itself needs no key; it keeps the key the person signs in with in the browser session and calls `/v1` with it.',
    responses: { 200: { description: 'The page', schema: z.string(), contentType: 'text/html' } },
    problems: [],
  },
  getConsoleAsset: {
    method: 'get',
    path: '/console/assets/:file',
    auth: 'none',
    tag,
    summary: "A module or the style sheet of the console's build",
    params: z.object({ file: z.string().regex(CONSOLE_ASSET_NAME, 'A file of the console build, e.g. main.js').meta({ description: 'e.g. `main.js`, `console.css`', example: 'main.js' }) }),
    responses: {
      200: { description: 'The asset (`text/javascript` or `text/css`)', schema: z.string(), contentType: '*/*' },
    },
    problems: [400, 404],
  },
});
