import path from 'node:path';

/** Settings shared by the server and the CLI, read from the environment. */
export interface Settings {
  /** postgres://… selects PostgreSQL; otherwise the embedded PGlite database in dataDir. */
  databaseUrl?: string;
  dataDir: string;
  port: number;
  /** Listen address: 127.0.0.1 unless HOST says otherwise (HOST=0.0.0.0 for every interface). */
  host: string;
  /** Daily JSON log files (access, error, security), kept at least 180 days. */
  logDir: string;
  /** Days to keep log files; never fewer than 180. */
  logRetentionDays: number;
  /** Set when served over HTTPS (directly or behind a proxy) so the session cookie is Secure. */
  secureCookies: boolean;
  /** Behind a reverse proxy (TRUST_PROXY=1) the client address comes from X-Forwarded-For. */
  trustProxy: boolean;
  /** Per source address and minute (LOGIN_RATE_LIMIT, API_RATE_LIMIT). */
  loginRateLimit: number;
  apiRateLimit: number;
}

export function settingsFromEnv(env = process.env): Settings {
  const dataDir = path.resolve(env.DATA_DIR || 'data');
  return {
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir,
    port: Number(env.PORT || 3000),
    host: env.HOST || '127.0.0.1',
    // Beside the data directory, not inside it: the database directory holds only the database.
    logDir: path.resolve(env.LOG_DIR || path.join(path.dirname(dataDir), 'logs')),
    logRetentionDays: Number(env.LOG_RETENTION_DAYS) || 180,
    secureCookies: env.COOKIE_SECURE === '1' || env.COOKIE_SECURE === 'true',
    trustProxy: env.TRUST_PROXY === '1' || env.TRUST_PROXY === 'true',
    loginRateLimit: Number(env.LOGIN_RATE_LIMIT || 30),
    apiRateLimit: Number(env.API_RATE_LIMIT || 2000),
  };
}
