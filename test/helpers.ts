import { describe } from 'node:test';
import { connect, migrate, resetSchema, type Connection } from '../src/kernel/db/connect.ts';
import { Kernel } from '../src/kernel/kernel.ts';
import { createRegistry } from '../src/institutions/index.ts';
import { createOrg } from '../src/kernel/orgs.ts';
import { createUser, actorById } from '../src/kernel/auth/sessions.ts';
import type { Actor } from '../src/kernel/auth/actor.ts';
import { AppError } from '../src/kernel/errors.ts';

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
  today: { value: string };
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
  const clock = { value: today };
  const k = await Kernel.open(conn, createRegistry(), { today: () => clock.value });
  const gov = await createOrg(k.db, { parentId: null, name: '测试区人民政府', shortName: '测试区', kind: 'government' });
  const justice = await createOrg(k.db, { parentId: gov.id, name: '测试区司法局', shortName: '区司法局', kind: 'department' });
  const education = await createOrg(k.db, { parentId: gov.id, name: '测试区教育体育局', shortName: '区教体局', kind: 'department' });
  const township = await createOrg(k.db, { parentId: gov.id, name: '城关街道办事处', shortName: '城关街道', kind: 'township' });
  const pw = 'Test@12345';
  const admin = await createUser(k.db, { orgId: justice.id, scopeOrgId: gov.id, username: 'admin', displayName: '管理员', role: 'admin', password: pw });
  const clerk = await createUser(k.db, { orgId: justice.id, username: 'clerk', displayName: '复议经办', role: 'clerk', password: pw });
  const edu = await createUser(k.db, { orgId: education.id, username: 'edu', displayName: '教体局经办', role: 'clerk', password: pw });
  const leader = await createUser(k.db, { orgId: gov.id, username: 'leader', displayName: '区领导', role: 'leader', password: pw });
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
