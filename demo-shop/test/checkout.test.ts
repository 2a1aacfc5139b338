import { describe, expect, it } from 'vitest';
import { checkoutFormProblem, emailProblem, newOrderId } from '../src/checkout.ts';

describe('checkout validation', () => {
  it('wants a plausible e-mail address', () => {
    expect(emailProblem('')).toMatch(/enter your e-mail/);
    expect(emailProblem('ann')).toMatch(/valid/);
    expect(emailProblem('ann@example')).toMatch(/valid/);
    expect(emailProblem('a n@example.com')).toMatch(/valid/);
    expect(emailProblem(`${'a'.repeat(250)}@example.com`)).toMatch(/valid/);
    expect(emailProblem('ann@example.com')).toBeNull();
  });

  it('limits the name and the coupon', () => {
    expect(checkoutFormProblem({ email: 'ann@example.com', name: 'x'.repeat(101), coupon: '' })).toMatch(/name/);
    expect(checkoutFormProblem({ email: 'ann@example.com', name: 'Ann', coupon: 'C'.repeat(65) })).toMatch(/coupon/);
    expect(checkoutFormProblem({ email: 'ann@example.com', name: 'Ann', coupon: 'ALICE7K2' })).toBeNull();
  });
});

describe('newOrderId', () => {
  it('makes readable, distinct ids', () => {
    const ids = new Set(Array.from({ length: 200 }, () => newOrderId()));
    expect(ids.size).toBe(200);
    for (const id of ids) expect(id).toMatch(/^DS-[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{10}$/);
  });
});
