import { describe, expect, it } from 'vitest';
import { ENGLISH, fill, plural } from '../../src/panel/messages.ts';
import polish from '../../src/panel/lang/pl.ts';
import russian from '../../src/panel/lang/ru.ts';

describe('messages', () => {
  it('fills placeholders and leaves unknown ones visible', () => {
    expect(fill('{name} gives you {percent}% off', { name: 'Alice', percent: 10 })).toBe('Alice gives you 10% off');
    expect(fill('{missing}', {})).toBe('{missing}');
  });

  it('every language has every text, with the same placeholders', () => {
    const placeholders = (value: unknown): string[] => JSON.stringify(value).match(/\{\w+\}/g)?.sort() ?? [];
    for (const messages of [russian, polish]) {
      expect(Object.keys(messages).sort()).toEqual(Object.keys(ENGLISH).sort());
      for (const key of Object.keys(ENGLISH) as (keyof typeof ENGLISH)[]) {
        if (key === 'clicks' || key === 'friendsBought') continue;
        expect(placeholders(messages[key]), `${messages.lang} ${key}`).toEqual(placeholders(ENGLISH[key]));
      }
    }
  });
});

describe('plural forms', () => {
  it.each([
    [1, 'click'],
    [0, 'clicks'],
    [2, 'clicks'],
    [21, 'clicks'],
  ])('English: %i %s', (count, expected) => {
    expect(plural(ENGLISH.clicks, count, 'en')).toBe(expected);
  });

  it.each([
    [1, 'переход'],
    [21, 'переход'],
    [2, 'перехода'],
    [4, 'перехода'],
    [34, 'перехода'],
    [0, 'переходов'],
    [5, 'переходов'],
    [11, 'переходов'],
    [12, 'переходов'],
    [111, 'переходов'],
    [1.5, 'перехода'],
  ])('Russian (one, few, many): %s %s', (count, expected) => {
    expect(plural(russian.clicks, count, 'ru')).toBe(expected);
  });

  it.each([
    [1, 'kliknięcie'],
    [2, 'kliknięcia'],
    [24, 'kliknięcia'],
    [0, 'kliknięć'],
    [5, 'kliknięć'],
    [12, 'kliknięć'],
    [21, 'kliknięć'],
    [1.5, 'kliknięcia'],
  ])('Polish (one, few, many): %s %s', (count, expected) => {
    expect(plural(polish.clicks, count, 'pl')).toBe(expected);
  });

  it('Polish friends: one, few and many differ', () => {
    expect([1, 3, 5].map((count) => plural(polish.friendsBought, count, 'pl'))).toEqual([
      'znajomy kupił',
      'znajomi kupili',
      'znajomych kupiło',
    ]);
  });

  it('falls back to the general form for a form a text lacks or a language tag that cannot be parsed', () => {
    expect(plural({ other: 'visits' }, 1, 'en')).toBe('visits');
    expect(plural(ENGLISH.clicks, 1, 'not a language!')).toBe('clicks');
  });
});
