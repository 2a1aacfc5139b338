import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTrackingServer } from '../src/start.ts';
import { BROWSER_UA } from './helpers/test-app.ts';

describe('startTrackingServer', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'sarafan-start-'));
  });
  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('migrates, seeds the demo program, listens on 127.0.0.1 and closes', async () => {
    const dbPath = join(dir, 'data', 'sarafan.sqlite');
    const server = await startTrackingServer({ port: 0, dbPath, demoSecret: 'sk_start_test', logLevel: 'silent', clock: () => 1_700_000_000_000 });
    try {
      expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect(server.publicUrl).toBe(`http://localhost:${new URL(server.url).port}`);
      const health = await fetch(`${server.url}/health`);
      expect(await health.json()).toEqual({ status: 'ok' });

      const created = await fetch(`${server.url}/v1/ambassadors`, {
        method: 'POST',
        headers: { authorization: 'Bearer sk_start_test', 'content-type': 'application/json' },
        body: JSON.stringify({ email: 'alice@example.com' }),
      });
      expect(created.status).toBe(201);
      const ambassador = (await created.json()) as { link: string; createdAt: number };
      expect(ambassador.link.startsWith(server.publicUrl)).toBe(true);
      expect(ambassador.createdAt).toBe(1_700_000_000_000);
    } finally {
      await server.close();
    }
    await expect(fetch(`${server.url}/health`)).rejects.toThrow();
  });

  it('writes every click acknowledged or still waiting before it closes', async () => {
    const dbPath = join(dir, 'clicks.sqlite');
    const server = await startTrackingServer({
      port: 0,
      dbPath,
      demoSecret: 'sk_start_test',
      logLevel: 'silent',
      // A long batching delay: only close() can write these in time.
      clickBatch: { maxDelayMs: 60_000, maxItems: 10_000 },
    });
    const created = await fetch(`${server.url}/v1/ambassadors`, {
      method: 'POST',
      headers: { authorization: 'Bearer sk_start_test', 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'alice@example.com' }),
    });
    const { code } = (await created.json()) as { code: string };
    const clicks = Array.from({ length: 50 }, (_, i) =>
      fetch(`${server.url}/v1/widget/clicks`, {
        method: 'POST',
        // A person's browser: fetch's own user agent is a bot's, whose clicks are not stored.
        headers: { 'content-type': 'application/json', 'user-agent': BROWSER_UA },
        body: JSON.stringify({ programId: 'demo', code, visitorId: `visitor-${i}` }),
      }),
    );
    // Shut down while all of them wait in the batcher.
    while (server.app.sarafan.clicks.pendingWrites < 50) await new Promise((resolve) => setTimeout(resolve, 10));
    await server.close();
    const answered = await Promise.allSettled(clicks);
    const acknowledged = answered.filter((result) => result.status === 'fulfilled' && result.value.status === 200).length;
    const db = new Database(dbPath, { readonly: true });
    const onDisk = db.prepare('SELECT count(*) FROM clicks').pluck().get();
    db.close();
    expect(onDisk).toBe(50);
    expect(acknowledged).toBe(50);
  });

  it('closes the database when it cannot listen', async () => {
    const first = await startTrackingServer({ port: 0, dbPath: join(dir, 'a.sqlite'), logLevel: 'silent' });
    try {
      const port = Number(new URL(first.url).port);
      await expect(startTrackingServer({ port, dbPath: join(dir, 'b.sqlite'), logLevel: 'silent' })).rejects.toThrow(/EADDRINUSE/);
    } finally {
      await first.close();
    }
  });
});
