import fs from 'node:fs';
import { Kysely, PGliteDialect, PostgresDialect, sql } from 'kysely';
import { Migrator } from 'kysely/migration';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import type { DB } from './schema.ts';
import { migrationProvider } from './migrations.ts';

export type Database = Kysely<DB>;
export type DbEngine = 'pglite' | 'postgres';

export interface Connection {
  db: Database;
  engine: DbEngine;
  close(): Promise<void>;
}

const DATE_OID = 1082;

/**
 * Opens the embedded PGlite database (dataDir, or in memory when dataDir is 'memory://')
 * or a PostgreSQL server when a postgres:// URL is given. Dates come back as 'YYYY-MM-DD' strings.
 */
export async function connect(opts: { databaseUrl?: string; dataDir?: string }): Promise<Connection> {
  if (opts.databaseUrl) {
    const pool = new pg.Pool({
      connectionString: opts.databaseUrl,
      max: 10,
      types: { getTypeParser: ((oid: number, format?: any) => (oid === DATE_OID ? (v: string) => v : pg.types.getTypeParser(oid, format))) as any },
    });
    const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
    return { db, engine: 'postgres', close: () => db.destroy() };
  }
  const dataDir = opts.dataDir ?? 'memory://';
  if (!dataDir.startsWith('memory://')) fs.mkdirSync(dataDir, { recursive: true });
  const pglite = await PGlite.create(dataDir, { parsers: { [DATE_OID]: (v: string) => v } });
  const db = new Kysely<DB>({ dialect: new PGliteDialect({ pglite }) });
  return { db, engine: 'pglite', close: () => db.destroy() };
}

export async function migrate(db: Database): Promise<void> {
  const migrator = new Migrator({ db, provider: migrationProvider });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error');
    throw new Error(`数据库迁移失败${failed ? `（${failed.migrationName}）` : ''}：${(error as Error).message ?? error}`);
  }
}

/** Drops every fazhi table: for tests on a shared PostgreSQL only. */
export async function resetSchema(db: Database): Promise<void> {
  await sql.raw('DROP SCHEMA public CASCADE; CREATE SCHEMA public;').execute(db);
}
