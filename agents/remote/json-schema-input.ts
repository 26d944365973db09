import Ajv2020, { type ErrorObject } from 'ajv/dist/2020';
import { z } from 'zod';
import type { JsonObject } from '../sdk';

// One instance for every registered schema: Ajv caches compiled validators by schema.
// `strict: false`: schemas written for other tools carry keywords (e.g. `examples`-like
// extensions) Ajv does not know; they are ignored, not refused.
const ajv = new Ajv2020({ allErrors: true, strict: false });

/** Why a registered `input_schema` cannot be used, or undefined when Ajv compiles it. */
export function jsonSchemaProblem(schema: JsonObject): string | undefined {
  try {
    ajv.compile(schema);
    return undefined;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

/**
 * A task input validated against a registered agent's JSON Schema, as a zod schema, so a bad
 * input answers the same 400 (each offending field under `input.`) as a built-in agent's.
 */
export function jsonSchemaInput(schema: JsonObject): z.ZodType<JsonObject> {
  const validate = ajv.compile(schema);
  return z.record(z.string(), z.unknown()).superRefine((value, context) => {
    if (validate(value)) return;
    for (const error of validate.errors ?? []) context.addIssue({ code: 'custom', path: issuePath(error), message: issueMessage(error) });
  });
}

// `/a/0/b` → ['a', 0, 'b']; a missing property is named by itself, not by its parent object.
function issuePath(error: ErrorObject): (string | number)[] {
  const path = error.instancePath
    .split('/')
    .slice(1)
    .map((segment) => segment.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((segment) => (/^\d+$/.test(segment) ? Number(segment) : segment));
  if (error.keyword === 'required') path.push(String((error.params as { missingProperty: string }).missingProperty));
  if (error.keyword === 'additionalProperties') path.push(String((error.params as { additionalProperty: string }).additionalProperty));
  return path;
}

function issueMessage(error: ErrorObject): string {
  if (error.keyword === 'required') return 'Required';
  if (error.keyword === 'additionalProperties') return 'Unknown field';
  if (error.keyword === 'enum') return `Expected one of ${(error.params as { allowedValues: unknown[] }).allowedValues.map((value) => JSON.stringify(value)).join(', ')}`;
  return `Must ${error.message ?? 'match the schema'}`;
}
