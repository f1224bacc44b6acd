import fs from 'node:fs';
import path from 'node:path';
import crypto, { type KeyObject } from 'node:crypto';
import { sql } from 'kysely';
import type { Database } from '../db/connect.ts';
import type { Kernel } from '../kernel.ts';
import { AppError } from '../errors.ts';
import { settingsFromEnv } from '../../config.ts';
import { appendAudit, canonicalJson, sm3, verifyChain, type ChainHead, type ChainReport, type SignedHeads } from './audit.ts';

/**
 * Signed checkpoints of the audit chains. The heads of every chain (last event id, its hash and
 * the chain's length) are signed with an SM2 key (GB/T 32918, SM3 digest) kept in a file outside
 * the database, and published on the portal and in the log. Whoever can rewrite the database but
 * not read the key file can re-seal a chain or cut off its tail, but can no longer make it match
 * a published checkpoint.
 *
 * Signing uses node:crypto: Node 20's OpenSSL 3 signs and verifies SM2 with SM3 and the default
 * signer id 1234567812345678. OpenSSL treats a key as SM2 only when it is loaded from PEM/DER
 * (a key object fresh from generateKeyPairSync signs plain ECDSA on the SM2 curve), so keys are
 * always written to their file first and read back from it.
 */
export const SIGNATURE_ALGORITHM = 'SM2 签名（GB/T 32918.2，摘要 SM3，签名者标识 1234567812345678），签名值为 DER 编码的 Base64';

export interface Checkpoint {
  seq: number;
  at: string;
  total: number;
  heads: ChainHead[];
  prevDigest: string;
  digest: string;
  keyId: string;
  signature: string;
}

export interface AuditKey {
  file: string;
  publicKey: KeyObject;
  publicPem: string;
  /** SM3 of the DER public key: which key signed a checkpoint. */
  keyId: string;
  privateKey?: KeyObject;
}

/** FAZHI_AUDIT_KEY, or keys/audit-sm2.pem under the data directory. */
export const auditKeyFile = (env = process.env) => path.resolve(env.FAZHI_AUDIT_KEY || path.join(settingsFromEnv(env).dataDir, 'keys', 'audit-sm2.pem'));
const publicKeyFile = (file: string) => file.replace(/(\.pem)?$/, '.pub.pem');
/** A copy of every checkpoint kept beside the key: if checkpoints are deleted from the database, this still has them. */
export const checkpointLogFile = (file: string) => path.join(path.dirname(file), 'audit-checkpoints.jsonl');

// The curve's OID 1.2.156.10197.1.301 in DER: node reports no key type for keys OpenSSL loads as SM2.
const SM2_OID = Buffer.from('06082a811ccf5501822d', 'hex');
const isSm2 = (publicKey: KeyObject) => publicKey.export({ type: 'spki', format: 'der' }).includes(SM2_OID);

function describeKey(file: string, publicKey: KeyObject, privateKey?: KeyObject): AuditKey {
  const der = publicKey.export({ type: 'spki', format: 'der' });
  return { file, publicKey, privateKey, publicPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(), keyId: sm3(der) };
}

/** The signing key; created (0600, in a 0700 directory) on first use. */
export function loadSigningKey(file = auditKeyFile()): AuditKey {
  if (!fs.existsSync(file)) {
    fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
    const { privateKey } = crypto.generateKeyPairSync('ec', { namedCurve: 'SM2' });
    try {
      fs.writeFileSync(file, privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600, flag: 'wx' });
    } catch (e) {
      // Another process created it first: use theirs.
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    }
  }
  let privateKey: KeyObject;
  try {
    privateKey = crypto.createPrivateKey(fs.readFileSync(file));
  } catch (e) {
    throw new Error(`无法读取审计签名密钥 ${file}：${(e as Error).message}`);
  }
  const key = describeKey(file, crypto.createPublicKey(privateKey), privateKey);
  if (!isSm2(key.publicKey)) throw new Error(`审计签名密钥 ${file} 不是 SM2 密钥`);
  const pub = publicKeyFile(file);
  if (!fs.existsSync(pub)) fs.writeFileSync(pub, key.publicPem, { mode: 0o644 });
  return key;
}

/** The key to verify with: the public key file is enough (a verifier need not hold the private key). */
export function loadVerifyKey(file = auditKeyFile()): AuditKey {
  const pub = publicKeyFile(file);
  if (fs.existsSync(pub)) return describeKey(file, crypto.createPublicKey(fs.readFileSync(pub)));
  return loadSigningKey(file);
}

const payloadOf = (c: Omit<Checkpoint, 'digest' | 'signature' | 'keyId'>) =>
  canonicalJson({ seq: c.seq, at: c.at, total: c.total, heads: c.heads, prevDigest: c.prevDigest });

const CHECKPOINT_LOCK = 731_002;

/**
 * The head of every chain. One statement, one snapshot: a chain's committed rows are always a
 * prefix of it, because the next row of a chain is written only after the transaction holding
 * its head commits.
 */
export async function chainHeads(db: Database): Promise<ChainHead[]> {
  const { rows } = await sql<{ chain: number; id: string; hash: string; n: string }>`
    SELECT a.chain, a.id, a.hash, c.n
    FROM (SELECT chain, max(id) AS id, count(*) AS n FROM audit_events GROUP BY chain) c
    JOIN audit_events a ON a.id = c.id
    ORDER BY a.chain`.execute(db);
  return rows.map((r) => ({ chain: Number(r.chain), id: String(r.id), hash: r.hash, count: Number(r.n) }));
}

/** Signs the current head of every chain; appends the checkpoint to the database and to the log file beside the key. */
export async function createCheckpoint(k: Kernel, actorId: number | null = null, keyFile = auditKeyFile()): Promise<Checkpoint> {
  const key = loadSigningKey(keyFile);
  const cp = await k.db.transaction().execute(async (trx) => {
    await sql`SELECT pg_advisory_xact_lock(${CHECKPOINT_LOCK})`.execute(trx);
    const last = await trx.selectFrom('audit_checkpoints').select(['seq', 'digest']).orderBy('seq', 'desc').limit(1).executeTakeFirst();
    const heads = await chainHeads(trx);
    const body = { seq: (last?.seq ?? 0) + 1, at: new Date().toISOString(), total: heads.reduce((s, h) => s + h.count, 0), heads, prevDigest: last?.digest ?? '' };
    const payload = payloadOf(body);
    const cp: Checkpoint = {
      ...body,
      digest: sm3(payload),
      keyId: key.keyId,
      signature: crypto.sign('SM3', Buffer.from(payload), key.privateKey!).toString('base64'),
    };
    await trx
      .insertInto('audit_checkpoints')
      .values({ seq: cp.seq, at: new Date(cp.at), total: String(cp.total), heads: JSON.stringify(cp.heads), prev_digest: cp.prevDigest, digest: cp.digest, key_id: cp.keyId, signature: cp.signature })
      .execute();
    await appendAudit(trx, { actorId, action: 'audit.checkpoint', entity: 'audit_checkpoint', entityId: cp.seq, after: { total: cp.total, digest: cp.digest } });
    return cp;
  });
  fs.appendFileSync(checkpointLogFile(keyFile), JSON.stringify(cp) + '\n', { mode: 0o600 });
  return cp;
}

export async function listCheckpoints(db: Database): Promise<Checkpoint[]> {
  const rows = await db.selectFrom('audit_checkpoints').selectAll().orderBy('seq').execute();
  return rows.map((r) => ({
    seq: r.seq,
    at: new Date(r.at).toISOString(),
    total: Number(r.total),
    heads: r.heads as ChainHead[],
    prevDigest: r.prev_digest,
    digest: r.digest,
    keyId: r.key_id,
    signature: r.signature,
  }));
}

/** What the portal publishes: the checkpoints and the key that verifies them. */
export async function publishedCheckpoints(db: Database, keyFile = auditKeyFile()) {
  const key = loadVerifyKey(keyFile);
  return { algorithm: SIGNATURE_ALGORITHM, publicKey: key.publicPem, keyId: key.keyId, checkpoints: await listCheckpoints(db) };
}

function signatureProblem(cp: Checkpoint, key: AuditKey): string | undefined {
  if (cp.keyId !== key.keyId) return `第 ${cp.seq} 号检查点不是由本系统的审计签名密钥签署的`;
  const payload = payloadOf(cp);
  if (sm3(payload) !== cp.digest) return `第 ${cp.seq} 号检查点的内容与其摘要不符（检查点被改动）`;
  let ok = false;
  try {
    ok = crypto.verify('SM3', Buffer.from(payload), key.publicKey, Buffer.from(cp.signature, 'base64'));
  } catch {
    ok = false;
  }
  return ok ? undefined : `第 ${cp.seq} 号检查点的 SM2 签名无效（检查点被伪造或改动）`;
}

const readLog = (file: string): Checkpoint[] => (fs.existsSync(file) ? readLines(fs.readFileSync(file, 'utf8')) : []);

function readLines(text: string): Checkpoint[] {
  return text
    .split('\n')
    .filter((l) => l.trim())
    .flatMap((l) => {
      try {
        const cp = JSON.parse(l);
        return typeof cp?.seq === 'number' && typeof cp.signature === 'string' ? [cp as Checkpoint] : [];
      } catch {
        return [];
      }
    });
}

/** Checkpoints saved from the portal (/api/public/audit-checkpoints), or one per line as logged. */
export function readPublishedCheckpoints(file: string): Checkpoint[] {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    throw new AppError(400, 'bad_request', `无法读取检查点副本 ${file}`);
  }
  try {
    const doc = JSON.parse(text);
    if (Array.isArray(doc?.checkpoints)) return doc.checkpoints;
  } catch {
    // Not one JSON document: the JSON-lines log.
  }
  const lines = readLines(text);
  if (lines.length === 0) throw new AppError(400, 'bad_request', `${file} 不是审计检查点副本（应为门户 /api/public/audit-checkpoints 保存的 JSON）`);
  return lines;
}

export interface AuditVerification extends ChainReport {
  /** Signed checkpoints the chains were compared with. */
  checkpoints: number;
  /** Problems with the checkpoints themselves (missing, altered, badly signed). */
  problems: string[];
}

/**
 * Verifies the chains against every validly signed checkpoint: those in the database, the copy
 * logged beside the key, and any copies given (e.g. saved from the portal). A checkpoint missing
 * from the database or different from a copy is itself reported.
 */
export async function verifyAudit(k: Kernel, opts: { keyFile?: string; copies?: Checkpoint[]; onProgress?: (checked: number) => void } = {}): Promise<AuditVerification> {
  const keyFile = opts.keyFile ?? auditKeyFile();
  const inDb = await listCheckpoints(k.db);
  const problems: string[] = [];
  const hasKey = fs.existsSync(keyFile) || fs.existsSync(publicKeyFile(keyFile));
  if (!hasKey) {
    if (inDb.length) problems.push(`找不到审计签名公钥（${publicKeyFile(keyFile)}），无法核对 ${inDb.length} 个检查点；请设置 FAZHI_AUDIT_KEY`);
    const chain = await verifyChain(k.db, opts.onProgress);
    return { ...chain, ok: chain.ok && problems.length === 0, checkpoints: 0, problems };
  }
  const key = loadVerifyKey(keyFile);
  const valid = new Map<number, Checkpoint>();
  for (const cp of inDb) {
    const p = signatureProblem(cp, key);
    if (p) problems.push(p);
    else valid.set(cp.seq, cp);
  }
  for (const [i, cp] of inDb.entries()) {
    const expectedPrev = i === 0 ? '' : inDb[i - 1].digest;
    if (cp.seq !== i + 1 || cp.prevDigest !== expectedPrev) {
      problems.push(`检查点序列不连续：第 ${i + 1} 号检查点缺失或被改动`);
      break;
    }
  }
  for (const copy of [...readLog(checkpointLogFile(keyFile)), ...(opts.copies ?? [])]) {
    if (signatureProblem(copy, key)) continue;
    const mine = inDb.find((c) => c.seq === copy.seq);
    if (!mine) problems.push(`第 ${copy.seq} 号检查点已签名发布，但数据库中没有（被删除）`);
    else if (mine.digest !== copy.digest) problems.push(`第 ${copy.seq} 号检查点与已发布的副本不同`);
    if (!valid.has(copy.seq) || valid.get(copy.seq)!.digest !== copy.digest) valid.set(copy.seq, copy);
  }
  const signed: SignedHeads[] = [...valid.values()].map((c) => ({ seq: c.seq, heads: c.heads }));
  const chain = await verifyChain(k.db, opts.onProgress, signed);
  return { ...chain, ok: chain.ok && problems.length === 0, checkpoints: valid.size, problems: [...new Set(problems)] };
}

const DAY_MS = 24 * 3600_000;

/** Signs a checkpoint when the last one is a day old (or there is none), checking every hour. */
export function startCheckpointTimer(k: Kernel, log: (line: string) => void = console.log): NodeJS.Timeout {
  const tick = async () => {
    const last = await k.db.selectFrom('audit_checkpoints').select('at').orderBy('seq', 'desc').limit(1).executeTakeFirst();
    if (last && Date.now() - new Date(last.at).getTime() < DAY_MS) return;
    const cp = await createCheckpoint(k);
    log(`审计检查点 ${JSON.stringify({ seq: cp.seq, at: cp.at, total: cp.total, digest: cp.digest, keyId: cp.keyId, signature: cp.signature })}`);
  };
  const run = () => void tick().catch((e) => console.error('审计检查点失败：', e));
  run();
  return setInterval(run, 3600_000).unref();
}
