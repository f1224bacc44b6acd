import { sql } from 'kysely';
import nodemailer from 'nodemailer';
import type { Kernel } from '../kernel/kernel.ts';
import { CHANNELS, type Channel } from './notify.ts';

/**
 * Outbound sends behind one interface: SMS through the district's HTTP SMS gateway, a
 * 企业微信/钉钉 group robot (both take {"msgtype":"text","text":{"content":…}}), and e-mail over
 * SMTP. Each queued send in `outbound_jobs` is tried, its outcome kept, and a failure retried
 * after 1, 2, 4, 8 minutes before it is marked failed.
 *
 * Jobs are claimed with FOR UPDATE SKIP LOCKED, so on PostgreSQL several server processes can
 * deliver side by side. PGlite is one embedded connection: there the sends run in the one
 * server process, one batch at a time, and queue up while it is stopped (nothing is lost).
 */
export interface ChannelConfig {
  /** POST {phone, text} as JSON; a 2xx answer is success. */
  smsUrl?: string;
  smsToken?: string;
  /** Group robot webhook (企业微信 or 钉钉). */
  robotUrl?: string;
  smtp?: { host: string; port: number; from: string; user?: string; pass?: string; secure?: boolean };
  /** Link base for messages (https://fazhi.example.gov.cn). */
  consoleUrl?: string;
}

export function channelConfigFromEnv(env = process.env): ChannelConfig {
  return {
    smsUrl: env.FAZHI_SMS_URL || undefined,
    smsToken: env.FAZHI_SMS_TOKEN || undefined,
    robotUrl: env.FAZHI_ROBOT_WEBHOOK || undefined,
    smtp: env.FAZHI_SMTP_HOST
      ? { host: env.FAZHI_SMTP_HOST, port: Number(env.FAZHI_SMTP_PORT || 25), from: env.FAZHI_SMTP_FROM || 'fazhi@localhost', user: env.FAZHI_SMTP_USER || undefined, pass: env.FAZHI_SMTP_PASS || undefined, secure: env.FAZHI_SMTP_SECURE === '1' }
      : undefined,
    consoleUrl: env.FAZHI_CONSOLE_URL || undefined,
  };
}

export const MAX_ATTEMPTS = 5;

interface Payload {
  title: string;
  body: string;
  link: string | null;
}

async function postJson(url: string, body: unknown, headers: Record<string, string> = {}) {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body), signal: AbortSignal.timeout(10_000) });
  const text = await res.text();
  if (!res.ok) throw new Error(`HTTP ${res.status}：${text.slice(0, 200)}`);
  // Both robots answer 200 with errcode ≠ 0 when they refuse a message.
  const parsed = text ? (() => { try { return JSON.parse(text); } catch { return null; } })() : null;
  if (parsed && typeof parsed.errcode === 'number' && parsed.errcode !== 0) throw new Error(`机器人拒收：${parsed.errmsg ?? parsed.errcode}`);
}

/** Sends one message; throws with a readable reason on failure. */
export async function send(config: ChannelConfig, channel: Channel, target: string, p: Payload): Promise<void> {
  const link = p.link && config.consoleUrl ? `${config.consoleUrl}${p.link}` : null;
  const text = [p.title, p.body, link].filter(Boolean).join('\n');
  if (channel === 'sms') {
    if (!config.smsUrl) throw new Error('未配置短信网关（FAZHI_SMS_URL）');
    return postJson(config.smsUrl, { phone: target, text: `【法治政府建设】${p.title}${p.body ? `：${p.body}` : ''}` }, config.smsToken ? { authorization: `Bearer ${config.smsToken}` } : {});
  }
  if (channel === 'robot') {
    if (!config.robotUrl) throw new Error('未配置工作群机器人（FAZHI_ROBOT_WEBHOOK）');
    return postJson(config.robotUrl, { msgtype: 'text', text: { content: text } });
  }
  if (!config.smtp) throw new Error('未配置邮件服务器（FAZHI_SMTP_HOST）');
  const s = config.smtp;
  const transport = nodemailer.createTransport({ host: s.host, port: s.port, secure: s.secure ?? false, ignoreTLS: !s.secure && !s.user, auth: s.user ? { user: s.user, pass: s.pass ?? '' } : undefined, connectionTimeout: 10_000 });
  await transport.sendMail({ from: s.from, to: target, subject: p.title, text });
}

/** Delivers the sends that are due; returns how many were sent and how many failed this round. */
export async function deliverDue(k: Kernel, config: ChannelConfig, now = new Date(), batch = 20): Promise<{ sent: number; failed: number }> {
  let sent = 0;
  let failed = 0;
  await k.db.transaction().execute(async (trx) => {
    const jobs = await trx
      .selectFrom('outbound_jobs')
      .selectAll()
      .where('state', '=', 'queued')
      .where('run_at', '<=', now)
      .orderBy('id')
      .limit(batch)
      .forUpdate()
      .skipLocked()
      .execute();
    for (const job of jobs) {
      const attempts = job.attempts + 1;
      try {
        await send(config, job.channel as Channel, job.target, job.payload as Payload);
        await trx.updateTable('outbound_jobs').set({ state: 'sent', attempts, done_at: now, last_error: null }).where('id', '=', job.id).execute();
        sent++;
      } catch (e) {
        const reason = `${CHANNELS[job.channel as Channel] ?? job.channel}发送失败：${e instanceof Error ? e.message : String(e)}`;
        const giveUp = attempts >= MAX_ATTEMPTS;
        await trx
          .updateTable('outbound_jobs')
          .set({ attempts, last_error: reason, state: giveUp ? 'failed' : 'queued', done_at: giveUp ? now : null, run_at: new Date(now.getTime() + 2 ** (attempts - 1) * 60_000) })
          .where('id', '=', job.id)
          .execute();
        failed++;
      }
    }
  });
  return { sent, failed };
}

/** The send log for the admin: latest first, with outcome and reason. */
export async function outboundLog(k: Kernel, limit: number) {
  const rows = await k.db.selectFrom('outbound_jobs').selectAll().orderBy('id', 'desc').limit(limit).execute();
  const [{ queued }] = await k.db.selectFrom('outbound_jobs').select(sql<number>`count(*) filter (where state = 'queued')::int`.as('queued')).execute();
  return {
    queued,
    items: rows.map((j) => ({ id: Number(j.id), channel: j.channel, channelLabel: CHANNELS[j.channel as Channel] ?? j.channel, state: j.state, attempts: j.attempts, lastError: j.last_error, runAt: j.run_at, doneAt: j.done_at, title: (j.payload as Payload).title })),
  };
}
