import { chromium, type Browser } from 'playwright-core';

/**
 * Debian's Chromium, headless, with the background networking that this closed network refuses
 * turned off (the project never downloads a browser).
 */
export const launchChromium = (): Promise<Browser> =>
  chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
