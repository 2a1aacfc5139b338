import { afterEach, describe, expect, it } from 'vitest';
import { testShop, type TestShop } from '../support/test-shop.ts';

describe('consent banner (DEMO_SHOP_CONSENT_REQUIRED)', () => {
  let shop: TestShop;
  afterEach(() => shop.close());

  it('embeds Sarafan with data-consent="required" and asks until the visitor answers', async () => {
    shop = testShop({ consentRequired: true });
    const page = (await shop.get('/')).body;
    expect(page).toContain('<script async src="/sarafan/widget.js" data-program="demo" data-consent="required" data-launcher="bottom-right"></script>');
    expect(page).toContain('data-testid="consent-banner"');
    expect(page).toContain('data-testid="consent-accept"');
    // No answer yet: nothing is passed on to Sarafan.
    expect(page).not.toContain('sarafan("consent"');
  });

  it('passes a given answer on to Sarafan on every page, first, and shows no banner', async () => {
    shop = testShop({ consentRequired: true });
    shop.jar.update(['shop_consent=yes; Path=/']);
    const yes = (await shop.get('/')).body;
    expect(yes).toContain('<script>sarafan("consent",true);</script>');
    expect(yes).not.toContain('data-testid="consent-banner"');

    shop.jar.update(['shop_consent=no; Path=/']);
    expect((await shop.get('/cart')).body).toContain('sarafan("consent",false);');
  });
});
