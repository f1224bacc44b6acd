import { chromium, type Browser, type Locator } from 'playwright-core';

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
