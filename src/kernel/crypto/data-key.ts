import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import { settingsFromEnv } from '../../config.ts';
import { AppError } from '../errors.ts';

/**
 * SM4 encryption of personal data at rest (GB/T 39786: 重要数据存储机密性与完整性).
 *
 * Node 20's OpenSSL 3.0 has no sm4-gcm, so a value is sealed with SM4-CBC and authenticated
 * with HMAC-SM3 over the key id, the column and the ciphertext (encrypt-then-MAC): a wrong key,
 * a changed byte or a value moved to another column all fail the MAC instead of decrypting to
 * garbage. A sealed value reads `sm4:<key id>:<base64 iv‖ciphertext‖mac>`, so keys can rotate.
 *
 * The keyring lives outside the database: in FAZHI_DATA_KEY (the keyring JSON itself, e.g. from
 * a secrets store), or in the file FAZHI_DATA_KEY_FILE, by default keys/data-sm4.json under the
 * data directory, created 0600 on first use. Each key is 32 random bytes from which the SM4 key
 * and the MAC key are derived; `index` keys the SM3 HMAC blind indexes and does not rotate.
 */
export interface Keyring {
  current: string;
  keys: Record<string, string>;
  index: string;
}

export const SEALED_PREFIX = 'sm4:';

export const dataKeyFile = (env = process.env) => path.resolve(env.FAZHI_DATA_KEY_FILE || path.join(settingsFromEnv(env).dataDir, 'keys', 'data-sm4.json'));

const newKey = () => crypto.randomBytes(32).toString('hex');

function parseKeyring(text: string, where: string): Keyring {
  let ring: Keyring;
  try {
    ring = JSON.parse(text);
  } catch {
    throw new AppError(500, 'data_key', `数据密钥（${where}）格式有误：应为 {"current":"k1","keys":{"k1":"64位十六进制"},"index":"64位十六进制"}`);
  }
  const hex = /^[0-9a-f]{64}$/i;
  if (!ring || typeof ring.keys !== 'object' || !hex.test(ring.keys[ring.current] ?? '') || !hex.test(ring.index ?? '') || !Object.values(ring.keys).every((k) => hex.test(k))) {
    throw new AppError(500, 'data_key', `数据密钥（${where}）不完整：需要当前密钥编号 current、各编号的 64 位十六进制密钥 keys 和检索密钥 index`);
  }
  return ring;
}

export function writeKeyring(file: string, ring: Keyring) {
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, JSON.stringify(ring, null, 2) + '\n', { mode: 0o600 });
  fs.renameSync(tmp, file);
}

/** Where the keyring comes from: the environment wins over the file. */
export function keyringSource(env = process.env): { kind: 'env' | 'file'; where: string } {
  return env.FAZHI_DATA_KEY ? { kind: 'env', where: '环境变量 FAZHI_DATA_KEY' } : { kind: 'file', where: dataKeyFile(env) };
}

let cache: { source: string; ring: Keyring } | undefined;

/** The keyring; a key file is created (0600) on first use. */
export function loadKeyring(env = process.env): Keyring {
  const src = keyringSource(env);
  // The file's mtime is part of the cache key: a running server sees a rotation's new key at once.
  // One stat (not an exists check and a stat): every case page opens its parties through here.
  const id = src.kind === 'env' ? `env:${env.FAZHI_DATA_KEY}` : `file:${src.where}:${fs.statSync(src.where, { throwIfNoEntry: false })?.mtimeMs ?? 'new'}`;
  if (cache?.source === id) return cache.ring;
  let ring: Keyring;
  if (src.kind === 'env') ring = parseKeyring(env.FAZHI_DATA_KEY!, src.where);
  else {
    if (!fs.existsSync(src.where)) {
      try {
        fs.mkdirSync(path.dirname(src.where), { recursive: true, mode: 0o700 });
        fs.writeFileSync(src.where, JSON.stringify({ current: 'k1', keys: { k1: newKey() }, index: newKey() }, null, 2) + '\n', { mode: 0o600, flag: 'wx' });
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      }
    }
    ring = parseKeyring(fs.readFileSync(src.where, 'utf8'), src.where);
  }
  cache = { source: src.kind === 'env' ? id : `file:${src.where}:${fs.statSync(src.where).mtimeMs}`, ring };
  return ring;
}

/** Adds a new key and makes it current (key file only); returns its id. */
export function addDataKey(env = process.env): string {
  const src = keyringSource(env);
  if (src.kind === 'env') throw new AppError(400, 'bad_request', '数据密钥来自环境变量 FAZHI_DATA_KEY：请在其中加入新密钥并把 current 改为新编号，再运行 npx fazhi keys rotate');
  const ring = loadKeyring(env);
  let n = Object.keys(ring.keys).length + 1;
  while (ring.keys[`k${n}`]) n++;
  const id = `k${n}`;
  const next = { ...ring, current: id, keys: { ...ring.keys, [id]: newKey() } };
  writeKeyring(src.where, next);
  cache = undefined;
  return id;
}

const derive = (master: string, purpose: string) => crypto.createHmac('sm3', Buffer.from(master, 'hex')).update(purpose).digest();

/** Derived keys by master key: two HMACs per value add up over an import's thousands of parties. */
const derived = new Map<string, { enc: Buffer; mac: Buffer }>();

function keysFor(ring: Keyring, id: string) {
  const master = ring.keys[id];
  if (!master) {
    throw new AppError(500, 'data_key', `个人信息无法解密：缺少编号为「${id}」的数据密钥。请恢复包含该密钥的密钥文件（${keyringSource().where}）`);
  }
  let keys = derived.get(master);
  if (!keys) {
    keys = { enc: derive(master, 'fazhi sm4 enc').subarray(0, 16), mac: derive(master, 'fazhi hmac-sm3') };
    if (derived.size > 64) derived.clear(); // a handful of keys in practice; never unbounded
    derived.set(master, keys);
  }
  return keys;
}

const macOf = (key: Buffer, keyId: string, column: string, body: Buffer) =>
  crypto.createHmac('sm3', key).update(`${keyId}\u0000${column}\u0000`).update(body).digest();

/** Encrypts one value of a column with the current key. */
export function seal(column: string, plain: string, ring = loadKeyring()): string {
  const keyId = ring.current;
  const { enc, mac } = keysFor(ring, keyId);
  const iv = crypto.randomBytes(16);
  const cipher = crypto.createCipheriv('sm4-cbc', enc, iv);
  const body = Buffer.concat([iv, cipher.update(plain, 'utf8'), cipher.final()]);
  return `${SEALED_PREFIX}${keyId}:${Buffer.concat([body, macOf(mac, keyId, column, body)]).toString('base64')}`;
}

export const isSealed = (v: string | null | undefined): v is string => typeof v === 'string' && v.startsWith(SEALED_PREFIX);
export const keyIdOf = (sealed: string) => sealed.slice(SEALED_PREFIX.length, sealed.indexOf(':', SEALED_PREFIX.length));

/** Decrypts a sealed value; a plaintext value (written before encryption was turned on) comes back as is. */
export function unseal(column: string, value: string, ring = loadKeyring()): string {
  if (!isSealed(value)) return value;
  const keyId = keyIdOf(value);
  const { enc, mac } = keysFor(ring, keyId);
  const raw = Buffer.from(value.slice(SEALED_PREFIX.length + keyId.length + 1), 'base64');
  const body = raw.subarray(0, raw.length - 32);
  if (body.length < 32 || !crypto.timingSafeEqual(raw.subarray(raw.length - 32), macOf(mac, keyId, column, body))) {
    throw new AppError(500, 'data_key', `个人信息无法解密：数据密钥「${keyId}」与加密时所用的不符，或密文已被改动。请检查数据密钥（${keyringSource().where}）是否为本系统的原密钥`);
  }
  const decipher = crypto.createDecipheriv('sm4-cbc', enc, body.subarray(0, 16));
  return Buffer.concat([decipher.update(body.subarray(16)), decipher.final()]).toString('utf8');
}

/** Keyed SM3 HMAC of a normalised value: finds a party by exact ID number or phone without decrypting. */
export function blindIndex(column: string, value: string, ring = loadKeyring()): string {
  const normal = value.replace(/[\s-]/g, '').toUpperCase();
  return crypto.createHmac('sm3', Buffer.from(ring.index, 'hex')).update(`${column}\u0000${normal}`).digest('hex');
}
