/**
 * Worker thread that writes click batches. better-sqlite3 is synchronous, so a commit's fsync
 * would stop the event loop; here it stops only this thread, and the main thread keeps parsing
 * requests while the next batch gathers. Messages (JSON strings): `{ id, writes }` in, `{ id, results }` out.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { ClickWrite } from '../store.ts';
import { createClickWriter } from './click-writes.ts';
import { openDatabase } from './open-database.ts';
import { createRollupSources } from './rollup-sources.ts';
import { createRollupWrites } from './rollup-writes.ts';

export interface ClickBatchRequest {
  id: number;
  writes: ClickWrite[];
}

export type ClickBatchReply =
  | { id: number; results: Array<{ clickId: string; counted: boolean } | { error: string }> }
  | { id: number; failure: string };

const port = parentPort;
if (!port) throw new Error('click-write-worker.ts runs as a worker thread');
const db = openDatabase(String(workerData.path), { migrate: false });
const writeBatch = createClickWriter(db, createRollupWrites(db, createRollupSources(db)));

port.on('message', (raw: string) => {
  if (raw === 'close') {
    db.close();
    port.close();
    return;
  }
  const message = JSON.parse(raw) as ClickBatchRequest;
  let reply: ClickBatchReply;
  try {
    const results = writeBatch(message.writes).map((result) =>
      result instanceof Error ? { error: result.message } : result,
    );
    reply = { id: message.id, results };
  } catch (error) {
    reply = { id: message.id, failure: error instanceof Error ? error.message : String(error) };
  }
  port.postMessage(JSON.stringify(reply));
});
