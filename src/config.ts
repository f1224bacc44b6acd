import path from 'node:path';

/** Settings shared by the server and the CLI, read from the environment. */
export interface Settings {
  /** postgres://… selects PostgreSQL; otherwise the embedded PGlite database in dataDir. */
  databaseUrl?: string;
  dataDir: string;
  port: number;
  host: string;
  /** Set when served over HTTPS (directly or behind a proxy) so the session cookie is Secure. */
  secureCookies: boolean;
}

export function settingsFromEnv(env = process.env): Settings {
  return {
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir: path.resolve(env.DATA_DIR || 'data'),
    port: Number(env.PORT || 3000),
    host: env.HOST || '0.0.0.0',
    secureCookies: env.COOKIE_SECURE === '1' || env.COOKIE_SECURE === 'true',
  };
}
