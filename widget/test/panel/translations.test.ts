import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ENGLISH } from '../../src/panel/messages.ts';
import { withTexts } from '../../src/panel/extras/page-texts.ts';
import { messagesFor, pageLanguage } from '../../src/panel/translations.ts';

let warn: ReturnType<typeof vi.spyOn>;

beforeEach(() => {
  warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
});

afterEach(() => {
  document.documentElement.lang = '';
  vi.restoreAllMocks();
});

describe('pageLanguage', () => {
  it('takes data-lang, then <html lang>, then the browser', () => {
    document.documentElement.lang = 'pl';
    expect(pageLanguage('ru-RU')).toBe('ru-RU');
    expect(pageLanguage(undefined)).toBe('pl');
    document.documentElement.lang = '';
    vi.spyOn(navigator, 'language', 'get').mockReturnValue('ru-UA');
    expect(pageLanguage(undefined)).toBe('ru-UA');
  });
});

describe('messagesFor', () => {
  it('loads Russian and Polish by their primary subtag, in any case', async () => {
    expect((await messagesFor('ru')).title).toBe('Пригласите друга');
    expect((await messagesFor('RU-by')).lang).toBe('ru');
    expect((await messagesFor('pl-PL')).title).toBe('Poleć znajomemu');
  });

  it('gives English for English and for languages it does not have', async () => {
    expect(await messagesFor('en-GB')).toBe(ENGLISH);
    expect(await messagesFor('de')).toBe(ENGLISH);
    expect(await messagesFor('')).toBe(ENGLISH);
    expect(warn).not.toHaveBeenCalled();
  });
});

describe('withTexts (data-texts)', () => {
  it('replaces single texts and merges groups and plural forms', () => {
    const t = withTexts(
      ENGLISH,
      JSON.stringify({ title: 'Give 10%, get 10%', status: { pending: 'Waiting' }, clicks: { one: 'visit', other: 'visits' } }),
    );
    expect(t.title).toBe('Give 10%, get 10%');
    expect(t.status).toEqual({ ...ENGLISH.status, pending: 'Waiting' });
    expect(t.clicks).toEqual({ one: 'visit', other: 'visits' });
    expect(t.copyLink).toBe('Copy link');
    expect(ENGLISH.title).toBe('Invite a friend');
    expect(warn).not.toHaveBeenCalled();
  });

  it('keeps the texts as they are without overrides', () => {
    expect(withTexts(ENGLISH, undefined)).toEqual(ENGLISH);
    expect(withTexts(ENGLISH, '')).toEqual(ENGLISH);
  });

  it('warns about JSON it cannot parse, and keeps the built-in texts', () => {
    expect(withTexts(ENGLISH, '{title: oops')).toEqual(ENGLISH);
    expect(warn).toHaveBeenCalledTimes(1);
    expect(String(warn.mock.calls[0]?.[0])).toMatch(/^\[sarafan\] /);
  });

  it('leaves out unknown keys and values of the wrong type, with a warning each', () => {
    const t = withTexts(ENGLISH, JSON.stringify({ titel: 'x', close: 5, status: 'Paid', reason: { own_purchase: 1 }, dismiss: 'Hide' }));
    expect(t).toEqual({ ...ENGLISH, dismiss: 'Hide' });
    expect(warn.mock.calls.map((call: unknown[]) => call[0])).toEqual([
      '[sarafan] bad text titel',
      '[sarafan] bad text close',
      '[sarafan] bad text status',
      '[sarafan] bad text reason',
    ]);
  });
});
