import { Prisma } from './client';

/** Indexes that only the migrations define, because schema.prisma cannot express them. */
export const MIGRATION_ONLY_INDEXES = ['tasks_search_idx'];

/**
 * Matches tasks whose title or description contains the words of `search` (web-search syntax:
 * "quoted phrases", `or`, `-excluded`). The expression is exactly the one `tasks_search_idx`
 * indexes, so PostgreSQL answers from the index.
 */
export function taskSearchCondition(search: string): Prisma.Sql {
  return Prisma.sql`to_tsvector('english'::regconfig, coalesce("title", '') || ' ' || coalesce("description", '')) @@ websearch_to_tsquery('english'::regconfig, ${search})`;
}
