import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/test-app.ts';
import { BOTS, BROWSERS } from '../helpers/user-agents.ts';

/**
 * Only people count. Real user agents of link-preview fetchers, crawlers and scripts go through
 * both ways in (the short link and the widget's click beacon) and must leave no counted click;
 * real browsers must be counted. Each case has its own IP and visitor id, so none is a repeat.
 */
describe('bots and browsers through GET /r/{code} and POST /v1/widget/clicks', () => {
  let t: TestApp;
  let code: string;
  let caseNumber = 0;
  beforeAll(async () => {
    t = await createTestApp();
    code = await t.ambassador('alice@example.com');
  });
  afterAll(async () => {
    await t.close();
  });

  const counted = () => t.count('clicks', 'counted = 1');
  const shortLink = (userAgent: string) =>
    t.inject({ method: 'GET', url: `/r/${code}`, headers: { 'user-agent': userAgent }, remoteAddress: `198.51.100.${++caseNumber}` });
  const beacon = (userAgent: string) =>
    t.widget('clicks', { programId: 'demo', code, visitorId: `visitor-${++caseNumber}` }, { 'user-agent': userAgent });

  describe.each(Object.entries(BOTS))('%s', (_name, userAgent) => {
    it('gets the preview page from the short link, not counted', async () => {
      const before = counted();
      const response = await shortLink(userAgent);
      expect(response.statusCode).toBe(200);
      expect(response.body).toContain('<meta property="og:description" content="Alice gives you 10% off at Sarafan demo shop">');
      expect(counted()).toBe(before);
    });

    it('gets counted: false from the click beacon, and nothing is stored', async () => {
      const before = t.count('clicks');
      const response = await beacon(userAgent);
      expect(response.statusCode).toBe(200);
      expect(response.json()).toMatchObject({ counted: false });
      expect(t.count('clicks')).toBe(before);
    });
  });

  describe.each(Object.entries(BROWSERS))('%s', (_name, userAgent) => {
    it('is redirected by the short link and counted', async () => {
      const before = counted();
      const response = await shortLink(userAgent);
      expect(response.statusCode).toBe(302);
      expect(new URL(String(response.headers.location)).searchParams.get('sarafan_click')).toBeTruthy();
      expect(counted()).toBe(before + 1);
    });

    it('is counted by the click beacon', async () => {
      const before = counted();
      const response = await beacon(userAgent);
      expect(response.json()).toMatchObject({ counted: true });
      expect(counted()).toBe(before + 1);
    });
  });
});
