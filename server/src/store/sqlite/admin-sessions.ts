import type { Database } from 'better-sqlite3';
import type { AdminSessionRecord } from '../store.ts';

interface AdminSessionRow {
  token_hash: string;
  program_id: string;
  csrf_token: string;
  created_at: number;
  expires_at: number;
}

/** The owner dashboard's sessions, looked up by the hash of their token. */
export function createAdminSessions(db: Database) {
  const insert = db.prepare<AdminSessionRow>(
    `INSERT INTO admin_sessions (token_hash, program_id, csrf_token, created_at, expires_at)
     VALUES (@token_hash, @program_id, @csrf_token, @created_at, @expires_at)`,
  );
  // An expired session is as good as gone, even before the clean-up has deleted it.
  const byHash = db.prepare<{ tokenHash: string; now: number }, AdminSessionRow>(
    'SELECT * FROM admin_sessions WHERE token_hash = @tokenHash AND expires_at > @now',
  );
  const remove = db.prepare<{ tokenHash: string }>('DELETE FROM admin_sessions WHERE token_hash = @tokenHash');
  const removeExpired = db.prepare<{ now: number }>('DELETE FROM admin_sessions WHERE expires_at <= @now');

  return {
    insert(session: AdminSessionRecord): void {
      insert.run({
        token_hash: session.tokenHash,
        program_id: session.programId,
        csrf_token: session.csrfToken,
        created_at: session.createdAt,
        expires_at: session.expiresAt,
      });
    },
    find(tokenHash: string, now: number): AdminSessionRecord | null {
      const row = byHash.get({ tokenHash, now });
      return row
        ? { tokenHash: row.token_hash, programId: row.program_id, csrfToken: row.csrf_token, createdAt: row.created_at, expiresAt: row.expires_at }
        : null;
    },
    delete(tokenHash: string): boolean {
      return remove.run({ tokenHash }).changes > 0;
    },
    deleteExpired(now: number): number {
      return removeExpired.run({ now }).changes;
    },
  };
}
