export { createDatabase, dropDatabase, ensurePostgres, uniqueDatabaseName } from '../../scripts/local-postgres';
