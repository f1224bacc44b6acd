import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import { spawn, spawnSync } from 'node:child_process';
import { sql } from 'kysely';
import { connect, migrate, type Connection, type Database } from './db/connect.ts';
import { migrationProvider } from './db/migrations.ts';
import { canonicalJson } from './audit/audit.ts';
import { chainHeads } from './audit/checkpoints.ts';
import type { ChainHead } from './audit/audit.ts';
import { AppError } from './errors.ts';

/**
 * Backup and restore with each engine's own tool: PGlite's data-directory tarball
 * (dumpDataDir), pg_dump -Fc / pg_restore for PostgreSQL. A backup file is one header line,
 * a manifest line (engine, schema version, rows per table, the audit chain heads, a canonical
 * SM3 hash of every row, the SM3 of the dump) and then the dump bytes. Restore checks the dump
 * against the manifest before loading it and the loaded data against the manifest after.
 * The SM2 audit key and the SM4 data keys are NOT in the backup: they are kept apart on purpose.
 */
const MAGIC = 'FAZHI-BACKUP 1';

export interface Manifest {
  format: typeof MAGIC;
  engine: 'pglite' | 'postgres';
  createdAt: string;
  schemaVersion: string;
  counts: Record<string, number>;
  auditHeads: ChainHead[];
  /** SM3 over every row of every table in key order, canonical JSON. */
  dataHash: string;
  dumpBytes: number;
  dumpSm3: string;
}

export type DataSummary = Pick<Manifest, 'schemaVersion' | 'counts' | 'auditHeads' | 'dataHash'>;

async function tables(db: Database): Promise<{ name: string; key: string[] }[]> {
  const { rows } = await sql<{ name: string; key: string[] | null }>`
    SELECT c.relname AS name,
      (SELECT array_agg(a.attname::text ORDER BY array_position(i.indkey::int2[], a.attnum))
         FROM pg_index i JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = ANY(i.indkey)
        WHERE i.indrelid = c.oid AND i.indisprimary) AS key
    FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE n.nspname = 'public' AND c.relkind = 'r'
    ORDER BY c.relname`.execute(db);
  return rows.map((r) => ({ name: r.name, key: r.key ?? [] }));
}

const PAGE = 5000;

/** A table's rows in key order, a page at a time (keyset paging on a one-column key). */
async function* pages(db: Database, table: string, key: string[]): AsyncGenerator<Record<string, unknown>[]> {
  if (key.length === 1) {
    const k = sql.ref(key[0]);
    let last: unknown = null;
    for (;;) {
      const after = last === null ? sql`true` : sql`${k} > ${last}`;
      const { rows } = await sql<Record<string, unknown>>`SELECT * FROM ${sql.table(table)} WHERE ${after} ORDER BY ${k} LIMIT ${PAGE}`.execute(db);
      if (rows.length) yield rows;
      if (rows.length < PAGE) return;
      last = rows[rows.length - 1][key[0]];
    }
  }
  const order = key.length ? sql.join(key.map((c) => sql.ref(c))) : sql.raw('1');
  for (let offset = 0; ; offset += PAGE) {
    const { rows } = await sql<Record<string, unknown>>`SELECT * FROM ${sql.table(table)} ORDER BY ${order} LIMIT ${PAGE} OFFSET ${offset}`.execute(db);
    if (rows.length) yield rows;
    if (rows.length < PAGE) return;
  }
}

// The two engines' drivers return int8/numeric as strings or numbers: hash their text.
const normalise = (row: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(row).map(([k, v]) => [k, typeof v === 'bigint' || typeof v === 'number' ? String(v) : v]));

/** Rows per table, audit heads and a canonical hash of all data: what a restore must reproduce. */
export async function summariseData(db: Database): Promise<DataSummary> {
  const hash = crypto.createHash('sm3');
  const counts: Record<string, number> = {};
  // Migration bookkeeping (kysely_*) is not data: it differs after a move between engines.
  for (const t of (await tables(db)).filter((t) => !t.name.startsWith('kysely_'))) {
    let n = 0;
    for await (const rows of pages(db, t.name, t.key)) {
      for (const r of rows) hash.update(`${t.name}\u0000${canonicalJson(normalise(r))}\n`);
      n += rows.length;
    }
    counts[t.name] = n;
  }
  const migrations = Object.keys(await migrationProvider.getMigrations()).sort();
  const applied = await sql<{ name: string }>`SELECT name FROM kysely_migration ORDER BY name DESC LIMIT 1`.execute(db).catch(() => ({ rows: [] }));
  return {
    schemaVersion: applied.rows[0]?.name ?? migrations[0],
    counts,
    auditHeads: counts.audit_events === undefined ? [] : await chainHeads(db),
    dataHash: hash.digest('hex'),
  };
}

/** pg_dump/pg_restore: on PATH, or PostgreSQL 15's usual place. */
export function pgTool(name: 'pg_dump' | 'pg_restore'): string {
  for (const candidate of [name, `/usr/lib/postgresql/15/bin/${name}`]) {
    const r = spawnSync(candidate, ['--version'], { encoding: 'utf8' });
    if (r.status === 0) return candidate;
  }
  throw new AppError(503, 'tool_missing', `找不到 ${name}：PostgreSQL 的备份与恢复需要 PostgreSQL 客户端工具（15 或更高版本），请安装 postgresql-client 后重试`);
}

function run(cmd: string, args: string[], opts: { input?: string } = {}): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { stdio: [opts.input ? fs.openSync(opts.input, 'r') : 'ignore', 'ignore', 'pipe'] });
    let err = '';
    child.stderr?.on('data', (d) => (err += d));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve() : reject(new AppError(500, 'backup_failed', `${path.basename(cmd)} 执行失败（退出码 ${code}）：${err.trim().slice(0, 500)}`))));
  });
}

const sm3File = (file: string) => crypto.createHash('sm3').update(fs.readFileSync(file)).digest('hex');

function writeBackup(out: string, manifest: Manifest, dumpFile: string) {
  const tmp = `${out}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, `${MAGIC}\n${JSON.stringify(manifest)}\n`, { mode: 0o600 });
  fs.appendFileSync(tmp, fs.readFileSync(dumpFile));
  fs.renameSync(tmp, out);
}

/** Writes a backup of the open database to `out`. */
export async function backup(conn: Connection, out: string, databaseUrl?: string): Promise<Manifest> {
  const dumpFile = `${out}.${process.pid}.dump`;
  try {
    let summary: DataSummary;
    if (conn.engine === 'pglite') {
      summary = await summariseData(conn.db);
      // PGlite serves one query at a time, so nothing changes between the summary and the dump.
      const tarball = await conn.pglite!.dumpDataDir('gzip');
      fs.writeFileSync(dumpFile, Buffer.from(await tarball.arrayBuffer()), { mode: 0o600 });
    } else {
      const pgDump = pgTool('pg_dump');
      // pg_dump reads the snapshot the summary was taken in, so both describe the same data.
      summary = await conn.db
        .transaction()
        .setIsolationLevel('repeatable read')
        .execute(async (trx) => {
          const { rows } = await sql<{ id: string }>`SELECT pg_export_snapshot() AS id`.execute(trx);
          const dumped = run(pgDump, ['-Fc', '--no-owner', '--no-privileges', `--snapshot=${rows[0].id}`, '-f', dumpFile, '-d', databaseUrl!]);
          const s = await summariseData(trx);
          await dumped;
          return s;
        });
    }
    const manifest: Manifest = { format: MAGIC, engine: conn.engine, createdAt: new Date().toISOString(), ...summary, dumpBytes: fs.statSync(dumpFile).size, dumpSm3: sm3File(dumpFile) };
    writeBackup(out, manifest, dumpFile);
    return manifest;
  } finally {
    fs.rmSync(dumpFile, { force: true });
  }
}

/** Reads a backup's manifest and checks its dump is whole; returns the dump as a separate temp file. */
export function openBackup(file: string): { manifest: Manifest; dumpFile: string } {
  let data: Buffer;
  try {
    data = fs.readFileSync(file);
  } catch {
    throw new AppError(400, 'bad_request', `无法读取备份文件 ${file}`);
  }
  const first = data.indexOf(10);
  const second = first < 0 ? -1 : data.indexOf(10, first + 1);
  if (first < 0 || second < 0 || data.subarray(0, first).toString() !== MAGIC) throw new AppError(400, 'bad_request', `${file} 不是 fazhi 备份文件（应由 npx fazhi backup 生成）`);
  const manifest = JSON.parse(data.subarray(first + 1, second).toString()) as Manifest;
  const dump = data.subarray(second + 1);
  if (dump.length !== manifest.dumpBytes || crypto.createHash('sm3').update(dump).digest('hex') !== manifest.dumpSm3) {
    throw new AppError(400, 'bad_request', `备份文件 ${file} 已损坏或不完整：数据部分与清单记载的长度或 SM3 不符`);
  }
  const dumpFile = `${file}.${process.pid}.dump`;
  fs.writeFileSync(dumpFile, dump, { mode: 0o600 });
  return { manifest, dumpFile };
}

/** The differences between what the manifest promised and what the restored database holds. */
export function compareWithManifest(m: Manifest, got: DataSummary): string[] {
  const problems: string[] = [];
  for (const [t, n] of Object.entries(m.counts)) if (got.counts[t] !== n) problems.push(`表 ${t}：备份时 ${n} 行，恢复后 ${got.counts[t] ?? 0} 行`);
  if (canonicalJson(m.auditHeads) !== canonicalJson(got.auditHeads)) problems.push('审计链链头与备份时不同');
  if (m.dataHash !== got.dataHash) problems.push('数据的规范哈希与备份时不同');
  return problems;
}

export interface RestoreTarget {
  databaseUrl?: string;
  dataDir: string;
}

/** Loads a backup into an empty database of the same engine and checks it against the manifest. */
export async function restore(file: string, target: RestoreTarget): Promise<{ manifest: Manifest; conn: Connection; problems: string[] }> {
  const { manifest, dumpFile } = openBackup(file);
  try {
    const engine = target.databaseUrl ? 'postgres' : 'pglite';
    if (manifest.engine === 'pglite' && engine === 'postgres') return await moveToPostgres(manifest, dumpFile, target.databaseUrl!);
    if (manifest.engine !== engine) {
      throw new AppError(400, 'bad_request', 'PostgreSQL 的备份只能恢复到 PostgreSQL：请设置 DATABASE_URL=postgres://… 指向一个空数据库');
    }
    let conn: Connection;
    if (engine === 'pglite') {
      // keys/ may already be there: the keys are restored separately, by hand, before the data.
      if (fs.existsSync(target.dataDir) && fs.readdirSync(target.dataDir).some((f) => f !== 'keys')) {
        throw new AppError(409, 'not_empty', `数据目录 ${target.dataDir} 已有数据。为免覆盖，请先停止服务并把它移走（或让 DATA_DIR 指向一个新的空目录），再恢复`);
      }
      fs.mkdirSync(target.dataDir, { recursive: true, mode: 0o700 });
      conn = await connect({ dataDir: target.dataDir, loadDataDir: new Blob([fs.readFileSync(dumpFile)]) });
    } else {
      const pgRestore = pgTool('pg_restore');
      conn = await emptyPostgres(target.databaseUrl!);
      await run(pgRestore, ['--no-owner', '--no-privileges', '--exit-on-error', '-d', target.databaseUrl!, dumpFile]);
    }
    const problems = compareWithManifest(manifest, await summariseData(conn.db));
    return { manifest, conn, problems };
  } finally {
    fs.rmSync(dumpFile, { force: true });
  }
}

async function emptyPostgres(databaseUrl: string): Promise<Connection> {
  const conn = await connect({ databaseUrl });
  const { rows } = await sql<{ n: number }>`SELECT count(*)::int AS n FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public' AND c.relkind = 'r'`.execute(conn.db);
  if (rows[0].n > 0) {
    await conn.close();
    throw new AppError(409, 'not_empty', `目标数据库已有 ${rows[0].n} 张表。为免覆盖，请恢复到一个新建的空数据库（createdb 新库名，再把 DATABASE_URL 指向它）`);
  }
  return conn;
}

/** Tables in an order where every foreign key points to a table already filled. */
async function tablesByDependency(db: Database): Promise<string[]> {
  const { rows } = await sql<{ child: string; parent: string }>`
    SELECT c.conrelid::regclass::text AS child, c.confrelid::regclass::text AS parent
    FROM pg_constraint c JOIN pg_namespace n ON n.oid = c.connamespace
    WHERE c.contype = 'f' AND n.nspname = 'public'`.execute(db);
  const names = (await tables(db)).map((t) => t.name).filter((n) => !n.startsWith('kysely_'));
  const done: string[] = [];
  while (done.length < names.length) {
    const ready = names.filter((n) => !done.includes(n) && rows.every((r) => r.child !== n || r.parent === n || done.includes(r.parent)));
    if (ready.length === 0) throw new Error('表之间的外键存在环，无法确定复制顺序');
    done.push(...ready);
  }
  return done;
}

/**
 * Moving off PGlite: the PGlite backup is opened in memory, brought to this version's schema,
 * and copied row by row (ids kept) into an empty PostgreSQL database that has the same schema;
 * then both sides' canonical data hashes must agree.
 */
async function moveToPostgres(manifest: Manifest, dumpFile: string, databaseUrl: string) {
  const source = await connect({ dataDir: 'memory://', loadDataDir: new Blob([fs.readFileSync(dumpFile)]) });
  const target = await emptyPostgres(databaseUrl).catch(async (e) => {
    await source.close();
    throw e;
  });
  try {
    const problems = compareWithManifest(manifest, await summariseData(source.db));
    if (problems.length) return { manifest, conn: target, problems };
    await migrate(source.db);
    await migrate(target.db);
    const jsonColumns = await sql<{ table_name: string; column_name: string }>`
      SELECT table_name, column_name FROM information_schema.columns
      WHERE table_schema = 'public' AND data_type IN ('json', 'jsonb')`.execute(source.db);
    const isJson = new Set(jsonColumns.rows.map((r) => `${r.table_name}.${r.column_name}`));
    const serials = await sql<{ table_name: string; column_name: string }>`
      SELECT table_name, column_name FROM information_schema.columns
      WHERE table_schema = 'public' AND column_default LIKE 'nextval(%'`.execute(source.db);
    const keys = new Map((await tables(source.db)).map((t) => [t.name, t.key]));
    await target.db.transaction().execute(async (trx) => {
      for (const table of await tablesByDependency(source.db)) {
        // The rows are copied as they were: triggers that derive rows (rollup work lists) stay off meanwhile.
        await sql`ALTER TABLE ${sql.table(table)} DISABLE TRIGGER USER`.execute(trx);
        for await (const rows of pages(source.db, table, keys.get(table)!)) {
          // jsonb goes over the wire as JSON text (the pg driver would turn a JS array into a PostgreSQL array).
          const values = rows.map((r) => Object.fromEntries(Object.entries(r).map(([c, v]) => [c, isJson.has(`${table}.${c}`) && v !== null ? JSON.stringify(v) : v])));
          for (let i = 0; i < values.length; i += 1000) await trx.insertInto(table as any).values(values.slice(i, i + 1000) as any).execute();
        }
        await sql`ALTER TABLE ${sql.table(table)} ENABLE TRIGGER USER`.execute(trx);
        // Serial columns continue after the copied ids.
        for (const { column_name } of serials.rows.filter((c) => c.table_name === table)) {
          await sql`SELECT setval(pg_get_serial_sequence(${table}, ${column_name}), (SELECT coalesce(max(${sql.ref(column_name)}), 0) + 1 FROM ${sql.table(table)}), false)`.execute(trx);
        }
      }
    });
    const [from, to] = [await summariseData(source.db), await summariseData(target.db)];
    const moved = compareWithManifest({ ...manifest, counts: from.counts, auditHeads: from.auditHeads, dataHash: from.dataHash }, to);
    return { manifest, conn: target, problems: moved };
  } finally {
    await source.close();
  }
}
