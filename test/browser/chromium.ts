import { chromium, type Browser, type BrowserContextOptions, type Locator, type Page } from 'playwright-core';

/**
 * Debian's Chromium, headless, with the background networking that this closed network refuses
 * turned off (the project never downloads a browser).
 */
export const launchChromium = (): Promise<Browser> =>
  chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });

/**
 * Waits until `check` returns something truthy, for what the page cannot show (a row reaching the
 * database after the page left); a fixed sleep would fail on a loaded machine.
 */
export async function until<T>(check: () => Promise<T>, what: string, ms = 20_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > end) throw new Error(`等待超时：${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Waits for a step's dialog to close after its confirm button; if it stays open, says what it shows (a validation message, a refusal). */
export async function closed(dialog: Locator): Promise<void> {
  try {
    await dialog.waitFor({ state: 'hidden', timeout: 30_000 });
  } catch {
    throw new Error(`对话框未关闭，显示：${await dialog.innerText().catch(() => '（无法读取）')}`);
  }
}

/**
 * A new browser context signed in through the login form. By default it waits until the console
 * shows the user (`me`); `signedIn: false` returns right after the click, for a login that is
 * meant to stop at a further step. `watch` sees the page before it loads (to collect its errors).
 */
export async function signIn(
  browser: Browser,
  base: string,
  username: string,
  password: string,
  opts: { context?: BrowserContextOptions; signedIn?: boolean; watch?: (p: Page) => void } = {},
): Promise<Page> {
  const p = await (await browser.newContext({ viewport: { width: 1440, height: 1000 }, ...opts.context })).newPage();
  opts.watch?.(p);
  await p.goto(base);
  await p.getByLabel('用户名').fill(username);
  await p.getByLabel('密码').fill(password);
  await p.getByRole('button', { name: /登\s*录/ }).click();
  if (opts.signedIn !== false) await p.getByTestId('me').waitFor();
  return p;
}
