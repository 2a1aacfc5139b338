import { describe, expect, it } from 'vitest';
import { chromiumPath } from './chromium.ts';

// The browser tests must fail, with advice, on a machine without Chromium; never skip silently.
describe('chromiumPath', () => {
  it('says how to install a browser when none is found', () => {
    expect(() => chromiumPath({}, ['/nonexistent/chromium'])).toThrow(/No Chromium found.*apt-get install -y chromium.*CHROME_PATH/);
  });

  it('refuses a CHROME_PATH that points nowhere, with the same advice', () => {
    expect(() => chromiumPath({ CHROME_PATH: '/nonexistent/chrome' })).toThrow(/CHROME_PATH is set.*apt-get install/);
  });

  it('takes CHROME_PATH when it exists', () => {
    expect(chromiumPath({ CHROME_PATH: process.execPath })).toBe(process.execPath);
  });
});
