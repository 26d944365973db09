import { type DownloadKind, downloadPathPrefix } from '../../lib/signing/download-urls';
import { type RouteDeclaration, defineRoutes } from '../route-table/declare';
import { downloadContent, downloadIdParams, signedDownloadQuery } from './schemas';

const download = (kind: DownloadKind, summary: string) =>
  ({
    method: 'get',
    path: `${downloadPathPrefix(kind)}:id`,
    auth: 'signed',
    tag: 'Downloads',
    summary,
    description: `The signed URL a ${kind} carries as \`signed_url\` (15 minutes): no API key. \`ETag\` is the sha256; one byte range gets 206, an unsatisfiable one 416. Tampered or expired: 403. Content whose hash no longer matches is never served (500 \`${kind}_integrity_error\`).`,
    params: downloadIdParams,
    query: signedDownloadQuery,
    responses: {
      200: { description: 'The content, with its own Content-Type', schema: downloadContent, contentType: '*/*', headers: { ETag: 'The sha256, quoted' } },
      206: { description: 'The requested byte range', schema: downloadContent, contentType: '*/*', headers: { 'Content-Range': 'bytes start-end/size' } },
      416: { description: 'The range lies beyond the content (no body)', headers: { 'Content-Range': 'bytes */size' } },
    },
    problems: [400, 403, 404, 500],
  }) as const satisfies RouteDeclaration;

export const downloadRoutes = defineRoutes({
  downloadArtifact: download('artifact', "Download an artifact's content"),
  downloadFile: download('file', "Download an uploaded file's content"),
});
