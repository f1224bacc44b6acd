import { sql } from 'kysely';
import type { Database } from '../kernel/db/connect.ts';
import type { Kernel } from '../kernel/kernel.ts';
import type { Actor } from '../kernel/auth/actor.ts';
import { appendAudit } from '../kernel/audit/audit.ts';
import { badRequest } from '../kernel/errors.ts';

/**
 * One way to tell people something: an in-app message always (unless they muted the kind),
 * and, for those who chose it, an outbound send queued in `outbound_jobs` (see channels.ts).
 */
export const NOTIFICATION_KINDS = {
  todo: '新待办',
  supervision: '督办',
  urge: '催报',
  returned: '报告被退回',
  warning: '超期预警',
  security: '安全事件',
} as const;
export type NotificationKind = keyof typeof NOTIFICATION_KINDS;
export const CHANNELS = { sms: '短信', robot: '工作群机器人', email: '电子邮件' } as const;
export type Channel = keyof typeof CHANNELS;

export interface Message {
  kind: NotificationKind;
  title: string;
  body?: string;
  /** Console path where the step is taken (/cases/12, /reports/3). */
  link?: string;
  /** One message per person and event: sending the same dedupe key again does nothing. */
  dedupe?: string;
  by?: number | null;
}

/** Minutes since midnight in China time (quiet hours are local). */
const chinaMinutes = (now: Date) => ((now.getUTCHours() + 8) % 24) * 60 + now.getUTCMinutes();
const toMinutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/** When an outbound send may go: now, or at the end of the person's quiet hours. */
export function releaseTime(pref: { quiet_from: string | null; quiet_to: string | null } | undefined, now = new Date()): Date {
  if (!pref?.quiet_from || !pref.quiet_to) return now;
  const m = chinaMinutes(now);
  const from = toMinutes(pref.quiet_from);
  const to = toMinutes(pref.quiet_to);
  const quiet = from <= to ? m >= from && m < to : m >= from || m < to;
  if (!quiet) return now;
  const wait = (to - m + 24 * 60) % (24 * 60);
  return new Date(now.getTime() + wait * 60_000);
}

/** Sends a message to people; returns the ids of users who got a new in-app message. */
export async function notify(db: Database, userIds: number[], msg: Message, now = new Date()): Promise<number[]> {
  const ids = [...new Set(userIds)];
  if (!ids.length) return [];
  const prefs = await db.selectFrom('notification_prefs').selectAll().where('user_id', 'in', ids).execute();
  const byUser = new Map(prefs.map((p) => [p.user_id, p]));
  const delivered: number[] = [];
  for (const userId of ids) {
    const pref = byUser.get(userId);
    if (pref?.muted?.includes(msg.kind)) continue;
    const row = await db
      .insertInto('notifications')
      .values({ user_id: userId, kind: msg.kind, title: msg.title, body: msg.body ?? '', link: msg.link ?? null, dedupe: msg.dedupe ?? null, created_by: msg.by ?? null })
      .onConflict((oc) => oc.columns(['user_id', 'dedupe']).doNothing())
      .returning('id')
      .executeTakeFirst();
    if (!row) continue;
    delivered.push(userId);
    const runAt = releaseTime(pref, now);
    for (const channel of (pref?.channels ?? []) as Channel[]) {
      const target = channel === 'sms' ? pref?.phone : channel === 'email' ? pref?.email : 'robot';
      if (!target) continue;
      await db
        .insertInto('outbound_jobs')
        .values({ notification_id: row.id, channel, target, payload: JSON.stringify({ title: msg.title, body: msg.body ?? '', link: msg.link ?? null }), run_at: runAt })
        .execute();
    }
  }
  return delivered;
}

/** Users who do the paperwork of an org (its clerks; its admins if it has no clerk). */
export async function clerksOf(db: Database, orgId: number): Promise<number[]> {
  const rows = await db.selectFrom('users').select(['id', 'role']).where('org_id', '=', orgId).where('active', '=', true).where('role', 'in', ['clerk', 'admin']).execute();
  const clerks = rows.filter((r) => r.role === 'clerk');
  return (clerks.length ? clerks : rows).map((r) => r.id);
}

/** Leaders of the org or, failing that, of the nearest org above it. */
export async function leadersOf(db: Database, orgPath: string): Promise<number[]> {
  const ids = orgPath.split('/').filter(Boolean).map(Number).reverse();
  for (const orgId of ids) {
    const rows = await db.selectFrom('users').select('id').where('org_id', '=', orgId).where('role', '=', 'leader').where('active', '=', true).execute();
    if (rows.length) return rows.map((r) => r.id);
  }
  return [];
}

export async function listNotifications(k: Kernel, actor: Actor, opts: { unreadOnly?: boolean; limit: number }) {
  let q = k.db.selectFrom('notifications').selectAll().where('user_id', '=', actor.id);
  if (opts.unreadOnly) q = q.where('read_at', 'is', null);
  const items = await q.orderBy('id', 'desc').limit(opts.limit).execute();
  const [{ unread }] = await k.db.selectFrom('notifications').select(sql<number>`count(*)::int`.as('unread')).where('user_id', '=', actor.id).where('read_at', 'is', null).execute();
  return {
    unread,
    items: items.map((n) => ({ id: n.id, kind: n.kind, kindLabel: NOTIFICATION_KINDS[n.kind as NotificationKind] ?? n.kind, title: n.title, body: n.body, link: n.link, createdAt: n.created_at, read: n.read_at !== null })),
  };
}

/** Marks the person's messages read (all of them when no ids are given). */
export async function markRead(k: Kernel, actor: Actor, ids?: number[]): Promise<number> {
  let q = k.db.updateTable('notifications').set({ read_at: new Date() }).where('user_id', '=', actor.id).where('read_at', 'is', null);
  if (ids?.length) q = q.where('id', 'in', ids);
  const r = await q.executeTakeFirst();
  return Number(r.numUpdatedRows);
}

export interface Preferences {
  muted: NotificationKind[];
  channels: Channel[];
  quietFrom: string | null;
  quietTo: string | null;
  phone: string | null;
  email: string | null;
}

export async function getPreferences(k: Kernel, actor: Actor): Promise<Preferences> {
  const p = await k.db.selectFrom('notification_prefs').selectAll().where('user_id', '=', actor.id).executeTakeFirst();
  return { muted: (p?.muted ?? []) as NotificationKind[], channels: (p?.channels ?? []) as Channel[], quietFrom: p?.quiet_from ?? null, quietTo: p?.quiet_to ?? null, phone: p?.phone ?? null, email: p?.email ?? null };
}

export async function setPreferences(k: Kernel, actor: Actor, prefs: Preferences): Promise<Preferences> {
  if (prefs.channels.includes('sms') && !prefs.phone) throw badRequest('选择短信提醒时请填写接收短信的手机号');
  if (prefs.channels.includes('email') && !prefs.email) throw badRequest('选择邮件提醒时请填写电子邮箱');
  if ((prefs.quietFrom === null) !== (prefs.quietTo === null)) throw badRequest('免打扰时段请同时填写开始和结束时间');
  const row = { muted: JSON.stringify(prefs.muted), channels: JSON.stringify(prefs.channels), quiet_from: prefs.quietFrom, quiet_to: prefs.quietTo, phone: prefs.phone, email: prefs.email };
  await k.db.transaction().execute(async (trx) => {
    await trx.insertInto('notification_prefs').values({ user_id: actor.id, ...row }).onConflict((oc) => oc.column('user_id').doUpdateSet(row)).execute();
    // The trail keeps that contact details changed, not the details themselves.
    await appendAudit(trx, { actorId: actor.id, action: 'notification.preferences', entity: 'user', entityId: actor.id, after: { muted: prefs.muted, channels: prefs.channels, quietFrom: prefs.quietFrom, quietTo: prefs.quietTo } });
  });
  return getPreferences(k, actor);
}


/**
 * Messages of the reporting cycle: 送审 tells the unit's leaders a report waits for approval;
 * 退回 tells whoever sent it for review, with the reason.
 */
export async function reportStepMessage(db: Database, report: { id: number; title: string }, orgPath: string, action: string, by: number, comment?: string) {
  if (action === 'send_review') {
    await notify(db, await leadersOf(db, orgPath), { kind: 'todo', title: `待审批：${report.title}`, link: `/reports/${report.id}`, by });
  }
  if (action === 'return') {
    const sender = await db
      .selectFrom('audit_events')
      .select('actor_id')
      .where('entity', '=', 'report')
      .where('entity_id', '=', String(report.id))
      .where('action', '=', 'report.send_review')
      .orderBy('id', 'desc')
      .limit(1)
      .executeTakeFirst();
    if (sender?.actor_id) await notify(db, [sender.actor_id], { kind: 'returned', title: `报告被退回：${report.title}`, body: `退回意见：${comment ?? ''}`, link: `/reports/${report.id}`, by });
  }
}
