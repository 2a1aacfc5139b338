import { afterEach, describe, expect, it } from 'vitest';
import type { FriendOffer } from '../../../../shared/src/wire.ts';
import { FriendOfferCard } from '../../../src/panel/components/friend-offer-card.tsx';
import { ShareButtons } from '../../../src/panel/components/share-buttons.tsx';
import { ENGLISH, type Messages } from '../../../src/panel/messages.ts';
import RUSSIAN from '../../../src/panel/lang/ru.ts';
import { renderStyled } from '../../../src/panel/shadow-host.tsx';
import { aliceOffer, ambassadorView } from '../../fixtures.ts';

function mount(node: preact.ComponentChild): ShadowRoot {
  const host = document.createElement('div');
  document.body.append(host);
  const root = host.attachShadow({ mode: 'open' });
  renderStyled(node, root);
  return root;
}

const card = (offer: FriendOffer, t: Messages = ENGLISH) =>
  mount(<FriendOfferCard offer={offer} t={t} onDismiss={() => {}} />).querySelector('[data-testid="sarafan-offer"] p')?.textContent;

afterEach(() => {
  document.body.innerHTML = '';
});

describe('FriendOfferCard', () => {
  it.each([
    { name: 'a percentage', offer: aliceOffer, expected: 'Alice gives you 10% off' },
    { name: 'a flat amount', offer: { ...aliceOffer, discount: { type: 'flat', amount: 500, currency: 'EUR' } }, expected: 'Alice gives you €5.00 off' },
    {
      name: 'a minimum order',
      offer: { ...aliceOffer, discount: { type: 'flat', amount: 500, currency: 'EUR' }, minimumOrder: { amount: 3_000, currency: 'EUR' } },
      expected: 'Alice gives you €5.00 off on orders from €30.00',
    },
    {
      name: 'an end',
      offer: { ...aliceOffer, expiresAt: Date.UTC(2025, 11, 31, 12) },
      expected: `Alice gives you 10% off until ${new Date(Date.UTC(2025, 11, 31, 12)).toLocaleDateString('en')}`,
    },
  ] as const)('words $name', ({ offer, expected }) => {
    expect(card(offer as FriendOffer)).toBe(expected);
  });

  it('words a flat offer in Russian too', () => {
    const text = card({ ...aliceOffer, discount: { type: 'flat', amount: 50_000, currency: 'RUB' }, minimumOrder: { amount: 300_000, currency: 'RUB' } }, RUSSIAN);
    expect(text).toMatch(/^Alice дарит вам скидку 500,00\s₽ при заказе от 3\s000,00\s₽$/);
  });
});

describe('share texts of a flat offer', () => {
  it('say the amount off', () => {
    const ambassador = ambassadorView({ offer: { ambassadorName: 'Bob', couponCode: 'BOB42XY', discount: { type: 'flat', amount: 1_000, currency: 'USD' } } });
    const root = mount(<ShareButtons ambassador={ambassador} programName="Demo Shop" t={ENGLISH} />);
    const href = root.querySelector('[data-testid="sarafan-share-email"]')?.getAttribute('href') ?? '';
    expect(new URLSearchParams(href.slice('mailto:?'.length)).get('subject')).toBe('$10.00 off at Demo Shop');
  });
});
