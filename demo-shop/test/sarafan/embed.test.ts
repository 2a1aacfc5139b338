import { describe, expect, it } from 'vitest';
import { sarafanEmbed } from '../../src/sarafan/embed.ts';

describe('sarafanEmbed', () => {
  it('is the documented stub plus the async loader', () => {
    const out = sarafanEmbed({ serverUrl: 'http://localhost:8787', programId: 'demo' }).toString();
    expect(out).toContain(
      '<script>window.sarafan=window.sarafan||function(){(sarafan.q=sarafan.q||[]).push(arguments)};</script>',
    );
    expect(out).toContain('<script async src="http://localhost:8787/widget.js" data-program="demo"></script>');
    // The stub must come first so that queued commands exist before anything calls them.
    expect(out.indexOf('window.sarafan=')).toBeLessThan(out.indexOf('widget.js'));
  });

  it('queues commands as JSON that cannot break out of the script', () => {
    const out = sarafanEmbed({
      serverUrl: 'http://localhost:8787',
      programId: 'demo',
      commands: [
        ['identify', { email: 'a@b.co', name: '</script><script>alert(1)</script>', customerId: '1', timestamp: 5, signature: 'ab' }],
        ['purchase', { orderId: 'DS-1', amount: 100, currency: 'EUR' }],
      ],
    }).toString();
    expect(out).not.toContain('</script><script>alert(1)');
    expect(out).toContain('sarafan("identify",{"email":"a@b.co","name":"\\u003c/script>\\u003cscript>alert(1)\\u003c/script>"');
    expect(out).toContain('sarafan("purchase",{"orderId":"DS-1","amount":100,"currency":"EUR"});');
  });

  it('escapes the configured URLs into the attribute', () => {
    const out = sarafanEmbed({ serverUrl: 'http://x"><script>', programId: 'd"' }).toString();
    expect(out).toContain('src="http://x&quot;&gt;&lt;script&gt;/widget.js" data-program="d&quot;"');
  });
});
