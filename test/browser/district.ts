import type { Browser } from 'playwright-core';
import { launchChromium } from './chromium.ts';
import { connect, migrate } from '../../src/kernel/db/connect.ts';
import { Kernel } from '../../src/kernel/kernel.ts';
import { createRegistry } from '../../src/institutions/index.ts';
import { buildApp, type App } from '../../src/server/app.ts';
import { buildWebIfNeeded, WEB_DIST } from '../../src/server/web.ts';

/** The start of every browser test: the console built, and a kernel on an empty in-memory database whose today is `asOf`. */
export async function kernelAsOf(asOf: string): Promise<Kernel> {
  await buildWebIfNeeded();
  const conn = await connect({ dataDir: 'memory://' });
  await migrate(conn.db);
  return Kernel.open(conn, createRegistry(), { today: () => asOf });
}

/** The console and API served on a free local port, and Chromium to drive them. */
export async function serveConsole(k: Kernel): Promise<{ app: App; base: string; browser: Browser }> {
  const app = await buildApp(k, { webRoot: WEB_DIST });
  const base = await app.listen({ port: 0, host: '127.0.0.1' });
  return { app, base, browser: await launchChromium() };
}
