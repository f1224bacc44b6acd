import fs from 'node:fs';
import { CompiledQuery, Kysely, Migrator, PostgresDialect, sql, type Compilable } from 'kysely';
import { PGlite } from '@electric-sql/pglite';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { DB } from './schema.ts';
import { migrationProvider } from './migrations.ts';
import { PgliteDialect } from './pglite-dialect.ts';
import { lockDataDir, restrictPermissions } from './datadir.ts';

export type Database = Kysely<DB>;
export type DbEngine = 'pglite' | 'postgres';

export interface Connection {
  db: Database;
  engine: DbEngine;
  close(): Promise<void>;
  /** The embedded database itself (PGlite only): for backups of its data directory. */
  pglite?: PGlite;
  /** PostgreSQL only: COPY text rows into a table on the connection running trx (bulk imports). */
  copyIn?: (trx: Database, copySql: string, text: string) => Promise<void>;
}

const DATE_OID = 1082;
/** timestamp without time zone: only hour clocks' instants, China wall-clock time, read as 'YYYY-MM-DD HH:mm'. */
const TIMESTAMP_OID = 1114;
const asMinute = (v: string) => v.slice(0, 16);

/** Statement texts that run on nearly every request, by the name each connection prepares them under. */
const namedStatements = new Map<string, string>();

/**
 * On PostgreSQL, a statement with this exact text is prepared once per connection under `name`
 * and its plan reused: the session query that starts every request cost more to plan than to run.
 */
export function prepareByName(name: string, text: string) {
  namedStatements.set(text, name);
}

/**
 * A read with one parameter (a record's id) on a busy path, built by the query builder once per
 * database instead of on every call, and prepared under `name` (prepareByName). Building and
 * planning the case page's query cost more than running it. The returned function runs it on
 * `db` (the database or a transaction of it) with `value` in the parameter's place.
 */
export function builtOnce<Row>(name: string, build: (db: Database, slot: number) => Compilable<Row>) {
  // Stands for the value while the query is built; swapped for the real one at each run.
  const slot = `\u0000${name}` as unknown as number;
  const built = new WeakMap<Database, CompiledQuery<Row>>();
  return async (home: Database, db: Database, value: number): Promise<Row | undefined> => {
    let q = built.get(home);
    if (!q) {
      q = build(home, slot).compile();
      if (q.parameters.filter((p) => p === slot).length !== 1) throw new Error(`builtOnce(${name}): the query must take its value exactly once`);
      built.set(home, q);
      prepareByName(name, q.sql);
    }
    return (await db.executeQuery<Row>(CompiledQuery.raw(q.sql, q.parameters.map((p) => (p === slot ? value : p))))).rows[0];
  };
}

/**
 * Opens the embedded PGlite database (dataDir, or in memory when dataDir is 'memory://')
 * or a PostgreSQL server when a postgres:// URL is given. Dates come back as 'YYYY-MM-DD' strings.
 */
export async function connect(opts: { databaseUrl?: string; dataDir?: string; poolSize?: number; loadDataDir?: Blob }): Promise<Connection> {
  if (opts.databaseUrl) {
    const pool = new pg.Pool({
      connectionString: opts.databaseUrl,
      max: opts.poolSize ?? 10,
      types: { getTypeParser: ((oid: number, format?: any) => (oid === DATE_OID ? (v: string) => v : oid === TIMESTAMP_OID ? asMinute : pg.types.getTypeParser(oid, format))) as any },
    });
    // Kysely hides the pool client behind a transaction; the backend pid finds it again for COPY.
    const clients = new Map<number, pg.PoolClient>();
    pool.on('connect', (client: any) => {
      clients.set(client.processID, client);
      const query = client.query.bind(client);
      client.query = (text: unknown, ...rest: any[]) =>
        typeof text === 'string' && namedStatements.has(text) ? query({ name: namedStatements.get(text), text, values: rest[0] }) : query(text, ...rest);
    });
    pool.on('remove', (client: any) => clients.delete(client.processID));
    const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
    // A transaction keeps its connection: found once, not by a round trip before every COPY.
    const clientOf = new WeakMap<Database, pg.PoolClient>();
    const copyIn = async (trx: Database, copySql: string, text: string) => {
      let client = clientOf.get(trx);
      if (!client || clients.get((client as any).processID) !== client) {
        const { rows } = await sql<{ pid: number }>`SELECT pg_backend_pid() AS pid`.execute(trx);
        client = clients.get(rows[0].pid);
        if (!client) throw new Error('COPY: connection not found');
        if (trx.isTransaction) clientOf.set(trx, client); // outside a transaction the pool may hand out another connection
      }
      await pipeline(Readable.from([Buffer.from(text)]), client.query(copyFrom(copySql)));
    };
    return { db, engine: 'postgres', close: () => db.destroy(), copyIn };
  }
  const dataDir = opts.dataDir ?? 'memory://';
  if (dataDir.startsWith('memory://')) {
    const pglite = await PGlite.create(dataDir, { parsers: { [DATE_OID]: (v: string) => v, [TIMESTAMP_OID]: asMinute }, loadDataDir: opts.loadDataDir });
    const db = new Kysely<DB>({ dialect: new PgliteDialect(pglite) });
    return { db, engine: 'pglite', close: () => db.destroy(), pglite };
  }
  fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const unlock = lockDataDir(dataDir);
  try {
    const pglite = await PGlite.create(dataDir, { parsers: { [DATE_OID]: (v: string) => v, [TIMESTAMP_OID]: asMinute }, loadDataDir: opts.loadDataDir });
    restrictPermissions(dataDir);
    const db = new Kysely<DB>({ dialect: new PgliteDialect(pglite) });
    return {
      db,
      engine: 'pglite',
      pglite,
      close: async () => {
        await db.destroy();
        restrictPermissions(dataDir);
        unlock();
      },
    };
  } catch (e) {
    unlock();
    throw e;
  }
}

export async function migrate(db: Database): Promise<void> {
  const migrator = new Migrator({ db, provider: migrationProvider });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error');
    throw new Error(`数据库迁移失败${failed ? `（${failed.migrationName}）` : ''}：${(error as Error).message ?? error}`);
  }
  await analyzeOrgs(db);
}

/**
 * Every scoped query joins the org tree, and a district has fewer orgs than autovacuum's 50-row
 * threshold, so PostgreSQL would never gather statistics on it: the planner then guessed 2 orgs
 * under a scope instead of 48 and sorted a whole district's cases to show one page of the list.
 * Cheap (one page of rows); run after migrations and whenever an org is added.
 */
export async function analyzeOrgs(db: Database): Promise<void> {
  await sql`ANALYZE orgs`.execute(db);
}

/** Drops every fazhi table: for tests on a shared PostgreSQL only. */
export async function resetSchema(db: Database): Promise<void> {
  await sql.raw('DROP SCHEMA public CASCADE; CREATE SCHEMA public;').execute(db);
}
