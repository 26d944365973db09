/** What an input_map value looks like: a path into the artifact or into its task. */
export const INPUT_MAP_PATH = /^\$\.(artifact|task)(\.[A-Za-z0-9_-]+)+$/;

/** The artifact and task a trigger's paths point into, as the API presents them. */
export interface TriggerSources {
  artifact: Record<string, unknown>;
  task: Record<string, unknown>;
}

/**
 * The input a trigger starts its task with: its fixed `input`, and each `input_map` field set to
 * the value its path names (absent when the path leads nowhere, so the manifest can say so).
 */
export function mapTriggerInput(input: Record<string, unknown>, inputMap: Record<string, string>, sources: TriggerSources): Record<string, unknown> {
  const mapped = { ...input };
  for (const [field, path] of Object.entries(inputMap)) {
    const value = resolvePath(sources, path);
    if (value === undefined) delete mapped[field];
    else mapped[field] = value;
  }
  return mapped;
}

function resolvePath(sources: TriggerSources, path: string): unknown {
  const [root, ...steps] = path.slice(2).split('.');
  let value: unknown = sources[root as keyof TriggerSources];
  for (const step of steps) {
    if (value === null || typeof value !== 'object' || !Object.hasOwn(value, step)) return undefined;
    value = (value as Record<string, unknown>)[step];
  }
  return value;
}
