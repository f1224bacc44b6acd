import { describe } from 'node:test';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { connect, migrate, resetSchema, type Connection } from '../src/kernel/db/connect.ts';
import { Kernel } from '../src/kernel/kernel.ts';
import { createRegistry } from '../src/institutions/index.ts';
import { createOrg } from '../src/kernel/orgs.ts';
import { createUser, actorById } from '../src/kernel/auth/sessions.ts';
import type { Actor } from '../src/kernel/auth/actor.ts';
import { AppError } from '../src/kernel/errors.ts';
import { setDuties, type DutyInput } from '../src/kernel/auth/permissions.ts';
import { clerkDuties } from '../src/demo/duties.ts';
import type { Org } from '../src/kernel/orgs.ts';

// Keys live outside the database; tests keep theirs in a scratch directory, never in ./data.
const keyDir = fs.mkdtempSync(path.join(os.tmpdir(), 'fazhi-test-keys-'));
process.env.FAZHI_DATA_KEY_FILE ??= path.join(keyDir, 'data-sm4.json');
process.env.FAZHI_AUDIT_KEY ??= path.join(keyDir, 'audit-sm2.pem');

export interface TestDb {
  engine: 'pglite' | 'postgres';
  open(): Promise<Connection>;
}

/** PGlite always; PostgreSQL as well when TEST_DATABASE_URL is set (CI sets it). */
export function databases(): TestDb[] {
  const out: TestDb[] = [{ engine: 'pglite', open: () => connect({ dataDir: 'memory://' }) }];
  const url = process.env.TEST_DATABASE_URL;
  if (url) {
    out.push({
      engine: 'postgres',
      open: async () => {
        const c = await connect({ databaseUrl: url });
        await resetSchema(c.db);
        return c;
      },
    });
  }
  return out;
}

/** Runs a suite once per database. */
export function eachDatabase(name: string, fn: (tdb: TestDb) => void) {
  for (const tdb of databases()) describe(`${name} [${tdb.engine}]`, () => fn(tdb));
}

export interface World {
  k: Kernel;
  conn: Connection;
  /** The day the kernel sees; `at` ('HH:mm', default 00:00) is the time hour clocks are read at. */
  today: { value: string; at?: string };
  district: number;
  justice: number;
  education: number;
  township: number;
  admin: Actor;
  clerk: Actor;
  eduClerk: Actor;
  leader: Actor;
}

/** A small district: government → 司法局, 教体局, a 街道; an admin, two clerks, a leader. */
export async function makeWorld(tdb: TestDb, today = '2025-06-16'): Promise<World> {
  const conn = await tdb.open();
  await migrate(conn.db);
  const clock: { value: string; at?: string } = { value: today };
  const k = await Kernel.open(conn, createRegistry(), { today: () => clock.value, now: () => `${clock.value} ${clock.at ?? '00:00'}` });
  const gov = await createOrg(k.db, { parentId: null, name: '测试区人民政府', shortName: '测试区', kind: 'government' });
  const justice = await createOrg(k.db, { parentId: gov.id, name: '测试区司法局', shortName: '区司法局', kind: 'department' });
  const education = await createOrg(k.db, { parentId: gov.id, name: '测试区教育体育局', shortName: '区教体局', kind: 'department' });
  const township = await createOrg(k.db, { parentId: gov.id, name: '城关街道办事处', shortName: '城关街道', kind: 'township' });
  const pw = 'Test@12345';
  const admin = await createUser(k.db, { orgId: justice.id, scopeOrgId: gov.id, username: 'admin', displayName: '管理员', role: 'admin', password: pw });
  const clerk = await createUser(k.db, { orgId: justice.id, username: 'clerk', displayName: '复议经办', role: 'clerk', password: pw });
  const edu = await createUser(k.db, { orgId: education.id, username: 'edu', displayName: '教体局经办', role: 'clerk', password: pw });
  const leader = await createUser(k.db, { orgId: gov.id, username: 'leader', displayName: '区领导', role: 'leader', password: pw });
  // The 司法局 clerk handles the bureau's institutions, the 教体局 clerk its own; the admin is
  // the 依法治区办 of this small world and may take any step in the 司法局 and any capability.
  const guided = ['mediation', 'dispute_screening'].map((t): DutyInput => ({ orgId: justice.id, subunits: true, subject: `case:${t}`, actions: ['*'] }));
  await assignDuties(k, clerk, [...clerkDuties(justice, { enforcer: true, petitions: true, justice: true }), ...guided]);
  await assignDuties(k, edu, clerkDuties(education, { enforcer: true, petitions: false, justice: false }));
  await assignDuties(k, admin, adminDuties(gov, justice, k));
  return {
    k,
    conn,
    today: clock,
    district: gov.id,
    justice: justice.id,
    education: education.id,
    township: township.id,
    admin: (await actorById(k.db, admin))!,
    clerk: (await actorById(k.db, clerk))!,
    eduClerk: (await actorById(k.db, edu))!,
    leader: (await actorById(k.db, leader))!,
  };
}

export const caseActions = (k: Kernel) => Object.fromEntries(k.types.all().map((t) => [t.key, t.actions.map((a) => a.key)]));

export async function assignDuties(k: Kernel, userId: number, duties: DutyInput[]) {
  await setDuties(k.db, null, userId, duties, caseActions(k));
}

function adminDuties(gov: Org, justice: Org, k: Kernel): DutyInput[] {
  const all = (orgId: number, subject: string): DutyInput => ({ orgId, subunits: true, subject, actions: ['*'] });
  return [
    ...k.types.all().map((t) => all(justice.id, `case:${t.key}`)),
    all(gov.id, 'case:hotline'),
    { orgId: gov.id, subunits: false, subject: 'case:major_decision', actions: ['*'] },
    { orgId: gov.id, subunits: true, subject: 'case:supervision', actions: ['intake', 'close', 'press'] },
    { orgId: gov.id, subunits: true, subject: 'case:enforcement', actions: ['legal_review'] },
    ...['reports', 'registers', 'draws', 'targets', 'sampling'].map((s) => all(gov.id, s)),
  ];
}

export const applicant = {
  role: 'applicant',
  name: '张三丰',
  idNumber: '110101199003071234',
  phone: '13812345678',
  address: '测试区城关街道幸福路88号3单元',
};

export const reconsiderationIntake = (receivedOn: string) => ({
  receivedOn,
  channel: 'in_person',
  respondent: '测试区市场监督管理局',
  category: 'penalty',
  actUnderReview: '行政处罚决定',
  parties: [applicant],
});

export const disclosureIntake = (receivedOn: string) => ({
  receivedOn,
  channel: 'online',
  applicantType: 'person',
  content: '2024年本区中小学校舍改造项目的招标文件',
  parties: [applicant],
});

/** Expects the promise to reject with an AppError of this status whose message matches. */
export async function rejects(p: Promise<unknown>, status: number, message?: RegExp) {
  try {
    await p;
  } catch (e) {
    if (!(e instanceof AppError)) throw e;
    if (e.status !== status) throw new Error(`expected status ${status}, got ${e.status}: ${e.message}`);
    if (message && !message.test(e.message)) throw new Error(`message ${JSON.stringify(e.message)} does not match ${message}`);
    return e;
  }
  throw new Error(`expected rejection with ${status}`);
}

/** Waits (bounded) until the day's log file holds a line that passes `match`; pino writes asynchronously. */
export async function logLine(dir: string, match: (l: any) => boolean) {
  for (let i = 0; i < 100; i++) {
    for (const f of fs.existsSync(dir) ? fs.readdirSync(dir) : []) {
      for (const line of fs.readFileSync(path.join(dir, f), 'utf8').split('\n').filter(Boolean)) {
        const l = JSON.parse(line);
        if (match(l)) return l;
      }
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  return null;
}
