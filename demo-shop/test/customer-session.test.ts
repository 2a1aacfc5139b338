import { describe, expect, it } from 'vitest';
import { CustomerSessions, SESSION_MAX_AGE_MS } from '../src/customer-session.ts';

const SECRET = 'a-secret-for-the-tests-only';

describe('CustomerSessions', () => {
  const clock = { now: 1_700_000_000_000 };
  const sessions = new CustomerSessions(SECRET, () => clock.now);

  it('verifies what it issued', () => {
    expect(sessions.verify(sessions.issue(42))).toBe(42);
  });

  it('refuses an edited customer id or timestamp', () => {
    const value = sessions.issue(42);
    const [, issuedAt, mac] = value.split('.');
    expect(sessions.verify(`43.${issuedAt}.${mac}`)).toBeNull();
    expect(sessions.verify(`42.${Number(issuedAt) + 1}.${mac}`)).toBeNull();
    expect(sessions.verify(`${value.slice(0, -1)}${value.endsWith('A') ? 'B' : 'A'}`)).toBeNull();
  });

  it('refuses a cookie signed with another secret', () => {
    const other = new CustomerSessions('another-secret-entirely', () => clock.now);
    expect(sessions.verify(other.issue(42))).toBeNull();
  });

  it('refuses malformed values', () => {
    for (const value of [undefined, '', '42', '42.1.2', 'x.y.z', `42.1.${'a'.repeat(43)}.extra`]) {
      expect(sessions.verify(value)).toBeNull();
    }
  });

  it('expires', () => {
    const value = sessions.issue(7);
    clock.now += SESSION_MAX_AGE_MS + 1;
    expect(sessions.verify(value)).toBeNull();
  });

  it('refuses a cookie issued in the future', () => {
    const future = new CustomerSessions(SECRET, () => clock.now + 10 * 60_000);
    expect(sessions.verify(future.issue(7))).toBeNull();
  });

  it('insists on a real secret', () => {
    expect(() => new CustomerSessions('short', () => 0)).toThrow();
  });
});
