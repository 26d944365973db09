import fs from 'node:fs';
import path from 'node:path';
import type { HistoryAndWorkflowId } from '@temporalio/client';
import { temporal } from '@temporalio/proto';

type History = temporal.api.history.v1.IHistory;
const HistoryMessage = temporal.api.history.v1.History;

/** Recorded workflow histories: one JSON file per workflow run. */
export const HISTORIES_DIR = __dirname;

// Stored in protobufjs's object form (int64 as strings, enums by name, bytes as base64), which
// round-trips exactly. Not the proto3 JSON of `temporal workflow show --output json`: the SDK's
// converters for that (historyToJSON/historyFromJSON) fail here, on the two protobufjs majors
// @temporalio/common and its proto-json serializer load.
export function historyToStored(history: History): string {
  return `${JSON.stringify(HistoryMessage.toObject(HistoryMessage.fromObject(history), { longs: String, enums: String, bytes: String }), null, 1)}\n`;
}

export function recordedHistories(): (HistoryAndWorkflowId & { file: string; history: History })[] {
  return fs
    .readdirSync(HISTORIES_DIR)
    .filter((file) => file.endsWith('.json'))
    .sort()
    .map((file) => ({
      file,
      workflowId: path.basename(file, '.json'),
      history: HistoryMessage.fromObject(JSON.parse(fs.readFileSync(path.join(HISTORIES_DIR, file), 'utf8'))),
    }));
}
