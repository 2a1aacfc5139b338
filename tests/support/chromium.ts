import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable'];
const HOW_TO_INSTALL =
  'Install one (Debian/Ubuntu: `sudo apt-get install -y chromium`) or set CHROME_PATH to a Chrome or Chromium executable.';

/**
 * The system's Chromium: `CHROME_PATH` when set, else the usual Debian/Ubuntu locations.
 * Browser tests fail loudly when there is none; a silent skip would hide a broken widget.
 */
export function chromiumPath(env: Record<string, string | undefined> = process.env, candidates = CANDIDATES): string {
  const fromEnv = env.CHROME_PATH;
  if (fromEnv) {
    if (!existsSync(fromEnv)) throw new Error(`CHROME_PATH is set to ${fromEnv}, but there is no file there. ${HOW_TO_INSTALL}`);
    return fromEnv;
  }
  const found = candidates.find((path) => existsSync(path));
  if (!found) throw new Error(`No Chromium found for the browser tests. ${HOW_TO_INSTALL}`);
  return found;
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath(),
    headless: true,
    // No sandbox because CI runs as root; the rest keeps Chromium off the network it cannot reach.
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/**
 * The user agent of a person's Chrome of the same version. Headless Chromium announces itself as
 * `HeadlessChrome`, which the tracking server rightly takes for a bot and does not count; the
 * browser tests play people.
 */
export function personUserAgent(browser: Browser): string {
  const major = browser.version().split('.')[0];
  return `Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/${major}.0.0.0 Safari/537.36`;
}
