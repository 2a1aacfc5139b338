import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CopyButton } from '../../../src/panel/components/copy-button.tsx';
import { ENGLISH } from '../../../src/panel/messages.ts';
import { renderStyled } from '../../../src/panel/shadow-host.tsx';
import { byTestId } from '../../fixtures.ts';

const t = ENGLISH;

function mountButton(): HTMLButtonElement {
  const host = document.createElement('div');
  document.body.append(host);
  const root = host.attachShadow({ mode: 'open' });
  renderStyled(<CopyButton text="https://ref.example/r/BOB42XY" label="Copy link" t={t} testId="sarafan-copy-link" />, root);
  return byTestId<HTMLButtonElement>(root, 'sarafan-copy-link');
}

beforeEach(() => {
  document.body.innerHTML = '';
});

afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
  vi.useRealTimers();
  delete (document as { execCommand?: unknown }).execCommand;
});

describe('CopyButton', () => {
  it('copies with the clipboard API and says "Copied!" for two seconds', async () => {
    const writeText = vi.fn().mockResolvedValue(undefined);
    vi.stubGlobal('navigator', { ...navigator, clipboard: { writeText } });
    vi.useFakeTimers();
    const button = mountButton();
    expect(button.textContent).toBe('Copy link');

    button.click();
    await vi.waitFor(() => expect(button.textContent).toBe('Copied!'));
    expect(writeText).toHaveBeenCalledWith('https://ref.example/r/BOB42XY');

    await vi.advanceTimersByTimeAsync(2000);
    expect(button.textContent).toBe('Copy link');
  });

  it('falls back to a selected textarea where the clipboard API is refused', async () => {
    vi.stubGlobal('navigator', { ...navigator, clipboard: { writeText: vi.fn().mockRejectedValue(new Error('denied')) } });
    let copied = '';
    (document as { execCommand?: unknown }).execCommand = vi.fn(() => {
      const area = document.querySelector('textarea');
      copied = area ? area.value.slice(area.selectionStart, area.selectionEnd) : '';
      return true;
    });
    const button = mountButton();
    button.click();
    await vi.waitFor(() => expect(button.textContent).toBe('Copied!'));
    expect(copied).toBe('https://ref.example/r/BOB42XY');
    expect(document.querySelector('textarea')).toBeNull();
  });

  it('says so when nothing can copy', async () => {
    vi.stubGlobal('navigator', { ...navigator, clipboard: undefined });
    const button = mountButton();
    button.click();
    await vi.waitFor(() => expect(button.textContent).toBe('Copy failed'));
  });
});
