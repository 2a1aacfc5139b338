import { afterEach, describe, expect, it, vi } from 'vitest';
import { ShareButtons } from '../../../src/panel/components/share-buttons.tsx';
import { ENGLISH } from '../../../src/panel/messages.ts';
import { renderStyled } from '../../../src/panel/shadow-host.tsx';
import { ambassadorView } from '../../fixtures.ts';

const t = ENGLISH;

function mountShare(): ShadowRoot {
  const host = document.createElement('div');
  document.body.append(host);
  const root = host.attachShadow({ mode: 'open' });
  renderStyled(<ShareButtons ambassador={ambassadorView()} programName="Demo Shop" t={t} />, root);
  return root;
}

afterEach(() => {
  document.body.innerHTML = '';
  vi.unstubAllGlobals();
});

describe('ShareButtons', () => {
  it('offers an e-mail draft with the link, and no native share where the browser has none', () => {
    vi.stubGlobal('navigator', { ...navigator, share: undefined });
    const root = mountShare();
    expect(root.querySelector('[data-testid="sarafan-share-native"]')).toBeNull();
    const email = root.querySelector<HTMLAnchorElement>('[data-testid="sarafan-share-email"]');
    expect(email?.tagName).toBe('A');
    const href = email?.getAttribute('href') ?? '';
    expect(href.startsWith('mailto:?subject=')).toBe(true);
    const query = new URLSearchParams(href.slice('mailto:?'.length));
    expect(query.get('subject')).toBe('10% off at Demo Shop');
    expect(query.get('body')).toContain('http://localhost:8787/r/BOB42XY');
    expect(query.get('body')).toContain('10% off your order');
  });

  it('uses the native share sheet where there is one', async () => {
    const share = vi.fn().mockResolvedValue(undefined);
    vi.stubGlobal('navigator', { ...navigator, share });
    const root = mountShare();
    root.querySelector<HTMLButtonElement>('[data-testid="sarafan-share-native"]')?.click();
    expect(share).toHaveBeenCalledWith({
      title: '10% off at Demo Shop',
      text: expect.stringContaining('Demo Shop'),
      url: 'http://localhost:8787/r/BOB42XY',
    });
  });

  it('treats a cancelled share sheet as nothing special', async () => {
    const share = vi.fn().mockRejectedValue(new DOMException('cancelled', 'AbortError'));
    vi.stubGlobal('navigator', { ...navigator, share });
    const unhandled = vi.fn();
    process.on('unhandledRejection', unhandled);
    mountShare().querySelector<HTMLButtonElement>('[data-testid="sarafan-share-native"]')?.click();
    await new Promise((resolve) => setTimeout(resolve, 10));
    process.off('unhandledRejection', unhandled);
    expect(share).toHaveBeenCalledTimes(1);
    expect(unhandled).not.toHaveBeenCalled();
  });
});
