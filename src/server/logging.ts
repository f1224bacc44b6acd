import fs from 'node:fs';
import path from 'node:path';
import pino, { type Logger } from 'pino';
import type { FastifyRequest } from 'fastify';

/** 网络安全法 art. 21: network logs are kept for no less than six months. */
export const MIN_RETENTION_DAYS = 180;
const FILE = /^fazhi-(\d{4}-\d{2}-\d{2})\.log$/;

const chinaDay = (now = Date.now()) => new Date(now + 8 * 3600_000).toISOString().slice(0, 10);

/**
 * One JSON log file per day (China time) in `dir`, created 0600; files older than the retention are
 * deleted when a new day starts. Writes go through pino's own asynchronous file destination.
 */
export class DailyLogFile {
  private day = '';
  private dest: ReturnType<typeof pino.destination> | null = null;

  constructor(
    readonly dir: string,
    readonly retentionDays = MIN_RETENTION_DAYS,
    private readonly now = () => Date.now(),
    private readonly sync = false,
  ) {
    fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  }

  fileFor(day: string) {
    return path.join(this.dir, `fazhi-${day}.log`);
  }

  write(line: string) {
    const day = chinaDay(this.now());
    if (day !== this.day) this.rotate(day);
    this.dest!.write(line);
  }

  private rotate(day: string) {
    this.dest?.end();
    this.day = day;
    this.dest = pino.destination({ dest: this.fileFor(day), sync: this.sync, mkdir: true, mode: 0o600 });
    this.prune(day);
  }

  /** Deletes day files older than the retention period; returns their names. */
  prune(today = chinaDay(this.now())): string[] {
    const cutoff = chinaDay(Date.parse(`${today}T00:00:00Z`) - this.retentionDays * 86_400_000);
    const removed: string[] = [];
    for (const name of fs.readdirSync(this.dir)) {
      const m = FILE.exec(name);
      if (m && m[1] < cutoff) {
        fs.rmSync(path.join(this.dir, name), { force: true });
        removed.push(name);
      }
    }
    return removed;
  }

  flushSync() {
    this.dest?.flushSync();
  }
}

/** Never in a log: session cookies, authorization headers, passwords. */
const REDACT = [
  'req.headers.cookie',
  'req.headers.authorization',
  'res.headers["set-cookie"]',
  'password',
  '*.password',
  'body.password',
];

export interface LogTarget {
  /** Directory for daily files; without it, JSON lines go to stdout. */
  dir?: string;
  retentionDays?: number;
  level?: string;
}

export function createLogger(target: LogTarget): { logger: Logger; file?: DailyLogFile } {
  const file = target.dir ? new DailyLogFile(target.dir, Math.max(MIN_RETENTION_DAYS, target.retentionDays ?? MIN_RETENTION_DAYS)) : undefined;
  const logger = pino(
    {
      level: target.level ?? 'info',
      base: { app: 'fazhi' },
      timestamp: pino.stdTimeFunctions.isoTime,
      redact: { paths: REDACT, censor: '[已隐去]' },
    },
    file ?? pino.destination(1),
  );
  return { logger, file };
}

export type SecurityEvent = 'unauthenticated' | 'permission_denied' | 'rate_limited' | 'upload_refused' | (string & {});

/**
 * A security event (等保 安全审计): one shape for every kind, so they can be filtered with `"log":"security"`.
 * Carries who, from where and what was refused; never the request body.
 */
export function securityEvent(req: FastifyRequest, event: SecurityEvent, details: { status?: number; reason?: string; [k: string]: unknown } = {}) {
  req.log.warn(
    {
      log: 'security',
      event,
      reqId: req.id,
      method: req.method,
      path: req.url.split('?')[0],
      ip: req.ip,
      userId: req.actor?.id ?? null,
      username: req.actor?.username ?? null,
      ...details,
    },
    `安全事件：${event}`,
  );
}

/**
 * A change to accounts, roles, duties or policy that succeeded: the security log keeps it beside
 * the audit trail (info level; refusals are warnings through securityEvent).
 */
export function securityChange(req: FastifyRequest, event: string, details: Record<string, unknown> = {}) {
  req.log.info(
    { log: 'security', event, reqId: req.id, method: req.method, path: req.url.split('?')[0], ip: req.ip, userId: req.actor?.id ?? null, username: req.actor?.username ?? null, ...details },
    `安全变更：${event}`,
  );
}
