import { defineRoutes } from '../route-table/declare';
import { fileBody, fileDeleted, fileIdParams, filePage, listFilesQuery, uploadFileQuery } from './schemas';

const tag = 'Files';

export const fileRoutes = defineRoutes({
  uploadFile: {
    method: 'post',
    path: '/v1/files',
    auth: 'key',
    tag,
    summary: 'Upload a file for tasks to use',
    description:
      'Streamed into the content store, never held whole. A file larger than `FILE_MAX_BYTES` is a 413 and nothing of it is kept.',
    query: uploadFileQuery,
    body: {
      upload: true,
      description:
        '`multipart/form-data` with the file in the field `file` and an optional `purpose`; or the raw bytes with `?name=` and the file’s own `Content-Type`.',
    },
    responses: { 201: { description: 'The stored file', schema: fileBody } },
    problems: [400, 401, 413],
    examples: [
      {
        summary: 'A multipart upload',
        curl: 'curl -X POST $BASE/v1/files -H "Authorization: Bearer $KEY" -F file=@evidence.zip -F purpose=evidence',
      },
      {
        summary: 'Raw bytes',
        curl: 'curl -X POST "$BASE/v1/files?name=policy.pdf&purpose=evidence" -H "Authorization: Bearer $KEY" -H "Content-Type: application/pdf" --data-binary @policy.pdf',
      },
    ],
  },
  listFiles: {
    method: 'get',
    path: '/v1/files',
    auth: 'key',
    tag,
    summary: "The tenant's files, newest first",
    query: listFilesQuery,
    responses: { 200: { description: 'One page of files', schema: filePage } },
    problems: [400, 401],
  },
  getFile: {
    method: 'get',
    path: '/v1/files/:id',
    auth: 'key',
    tag,
    summary: 'Read a file, with a fresh signed URL',
    params: fileIdParams,
    responses: { 200: { description: 'The file', schema: fileBody } },
    problems: [401, 404],
  },
  deleteFile: {
    method: 'delete',
    path: '/v1/files/:id',
    auth: 'key',
    tag,
    summary: 'Delete a file; tasks that name it find it gone',
    params: fileIdParams,
    responses: { 200: { description: 'Deleted', schema: fileDeleted } },
    problems: [401, 404],
  },
});
