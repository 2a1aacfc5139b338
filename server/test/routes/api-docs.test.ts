import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, DEMO, type TestApp } from '../helpers/test-app.ts';

type Operation = {
  tags: string[];
  security?: unknown;
  parameters?: Array<{ name: string; in: string }>;
  requestBody?: { content: { 'application/json': { schema: { properties: Record<string, unknown>; required?: string[] } } } };
  responses: Record<string, unknown>;
};

describe('API reference', () => {
  let t: TestApp;
  let document: { openapi: string; paths: Record<string, Record<string, Operation>> };
  beforeAll(async () => {
    t = await createTestApp();
    const response = await t.inject({ method: 'GET', url: '/openapi.json' });
    expect(response.statusCode).toBe(200);
    document = response.json();
  });
  afterAll(async () => {
    await t.close();
  });

  it('is an OpenAPI 3.1 document generated from the route schemas', () => {
    expect(document.openapi).toBe('3.1.0');
    const conversions = document.paths['/v1/conversions']?.post;
    expect(conversions?.security).toEqual([{ secretKey: [] }]);
    expect(conversions?.requestBody?.content['application/json'].schema.required).toEqual(['orderId', 'amount', 'currency']);
    expect(Object.keys(conversions?.requestBody?.content['application/json'].schema.properties ?? {})).toContain('couponCode');
    expect(Object.keys(conversions?.responses ?? {})).toEqual(['200', '201', '4XX', '5XX']);
    expect(document.paths['/v1/rewards/{rewardId}/approve']?.post?.parameters).toEqual([
      expect.objectContaining({ name: 'rewardId', in: 'path', required: true }),
    ]);
    expect(document.paths['/v1/rewards']?.get?.parameters?.map(({ name, in: where }) => `${where}:${name}`)).toEqual([
      'query:status',
      'query:ambassador',
      'query:flagged',
    ]);
    expect(document.paths['/v1/widget/clicks']?.post).toMatchObject({ tags: ['Browser'] });
    expect(document.paths['/v1/widget/clicks']?.post?.security).toBeUndefined();
    expect(JSON.stringify(document)).not.toContain('"[Symbol');
  });

  it('describes every route the server has, and only those', async () => {
    const operations = Object.entries(document.paths).flatMap(([path, methods]) => Object.keys(methods).map((method) => [method, path] as const));
    expect(operations.length).toBeGreaterThan(30);
    for (const [method, path] of operations) {
      const url = path.replace(/\{[^}]+\}/g, '1');
      const response = await t.inject({ method: method.toUpperCase() as 'GET', url, headers: { authorization: `Bearer ${DEMO.secretKey}` } });
      // An unknown route says "No route for"; anything else (even 400 or 404 of a resource) means it exists.
      expect(response.body, `${method} ${path}`).not.toContain('No route for');
    }
  });

  it("documents the owner dashboard's API and the widget events", () => {
    const names = (operation: Operation | undefined) => operation?.parameters?.map((parameter) => parameter.name);
    expect(names(document.paths['/v1/analytics/overview']?.get)).toEqual(['from', 'to']);
    expect(names(document.paths['/v1/ambassadors']?.get)).toEqual(['q', 'sort', 'order', 'limit', 'offset']);
    expect(document.paths['/v1/ambassadors/{code}/block']?.post?.security).toEqual([{ secretKey: [] }]);
    expect(document.paths['/v1/widget/events']?.post).toMatchObject({ tags: ['Browser'], responses: { '202': expect.anything() } });
    for (const name of ['ambassadors', 'referrals', 'rewards']) expect(document.paths[`/v1/exports/${name}.csv`]?.get).toBeDefined();
    expect(names(document.paths['/v1/rewards/balances']?.get)).toEqual(['ambassador']);
  });

  it('is readable by people at /docs', async () => {
    const response = await t.inject({ method: 'GET', url: '/docs' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(response.body).toContain('<span class="method">POST</span>/v1/conversions <small>(secret key)</small>');
    expect(response.body).toContain('<a href="/openapi.json">');
  });
});
