import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ClickWriteThread } from '../../../src/store/sqlite/click-write-thread.ts';
import { openSqliteStore } from '../../../src/store/sqlite/sqlite-store.ts';

describe('ClickWriteThread', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'sarafan-thread-'));
  });
  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('answers an empty batch and fails fast once closed instead of hanging', async () => {
    const path = join(dir, 'db.sqlite');
    const store = openSqliteStore(path, { clickWriter: 'inline' });
    const thread = new ClickWriteThread(path);
    expect(await thread.write([])).toEqual([]);
    await thread.close();
    await expect(thread.write([])).rejects.toThrow(/stopped/);
    await thread.close();
    await store.close();
  });

  it('rejects writes when the thread cannot open the database', async () => {
    writeFileSync(join(dir, 'a-file'), 'not a folder');
    const thread = new ClickWriteThread(join(dir, 'a-file', 'db.sqlite'));
    await expect(thread.write([])).rejects.toThrow(/EEXIST|ENOTDIR/);
    await expect(thread.write([])).rejects.toThrow();
    await thread.close();
  });
});
