import { describe, expect, it } from 'vitest';
import { fill, messagesFor } from '../../src/panel/messages.ts';

describe('messages', () => {
  it('falls back to English for languages not translated yet', () => {
    expect(messagesFor('pl-PL').title).toBe('Invite a friend');
    expect(messagesFor(undefined).title).toBe('Invite a friend');
  });

  it('fills placeholders and leaves unknown ones visible', () => {
    expect(fill('{name} gives you {percent}% off', { name: 'Alice', percent: 10 })).toBe('Alice gives you 10% off');
    expect(fill('{missing}', {})).toBe('{missing}');
  });
});
