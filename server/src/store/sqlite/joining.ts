import type { Database } from 'better-sqlite3';
import type { JoinPolicy } from '../records.ts';
import type { InvitationRecord } from '../rules-records.ts';
import type { CustomerKeys } from '../store.ts';

interface InvitationRow {
  email: string;
  email_normalised: string;
  created_at: number;
}

const invitationFromRow = (row: InvitationRow): InvitationRecord => ({
  email: row.email,
  emailNormalised: row.email_normalised,
  createdAt: row.created_at,
});

/** Who may join a program: its join policy, the owner's invitations, and "has bought here". */
export function createJoining(db: Database) {
  const setPolicy = db.prepare<{ programId: string; policy: JoinPolicy }>('UPDATE programs SET join_policy = @policy WHERE id = @programId');
  const insertInvitation = db.prepare<{ programId: string; email: string; emailNormalised: string; at: number }>(
    `INSERT INTO invitations (program_id, email_normalised, email, created_at) VALUES (@programId, @emailNormalised, @email, @at)
     ON CONFLICT (program_id, email_normalised) DO NOTHING`,
  );
  const invitation = db.prepare<{ programId: string; emailNormalised: string }, InvitationRow>(
    'SELECT email, email_normalised, created_at FROM invitations WHERE program_id = @programId AND email_normalised = @emailNormalised',
  );
  const invitations = db.prepare<{ programId: string }, InvitationRow>(
    'SELECT email, email_normalised, created_at FROM invitations WHERE program_id = @programId ORDER BY created_at, email_normalised',
  );
  const deleteInvitation = db.prepare<{ programId: string; emailNormalised: string }>(
    'DELETE FROM invitations WHERE program_id = @programId AND email_normalised = @emailNormalised',
  );
  // An order that stands: not refunded in full, not canceled.
  const purchased = db
    .prepare<{ programId: string; email: string | null; customerId: string | null }, number>(
      `SELECT 1 FROM conversions WHERE program_id = @programId AND status <> 'refunded' AND order_status <> 'canceled'
         AND ((@email IS NOT NULL AND customer_email_normalised = @email) OR (@customerId IS NOT NULL AND customer_id = @customerId))
       LIMIT 1`,
    )
    .pluck();

  return {
    setPolicy: (programId: string, policy: JoinPolicy): void => void setPolicy.run({ programId, policy }),
    invite(programId: string, email: string, emailNormalised: string, at: number): { invitation: InvitationRecord; created: boolean } {
      const created = insertInvitation.run({ programId, email, emailNormalised, at }).changes === 1;
      const row = invitation.get({ programId, emailNormalised });
      if (!row) throw new Error('invitation vanished after its insert');
      return { invitation: invitationFromRow(row), created };
    },
    isInvited: (programId: string, emailNormalised: string): boolean => invitation.get({ programId, emailNormalised }) !== undefined,
    list: (programId: string): InvitationRecord[] => invitations.all({ programId }).map(invitationFromRow),
    uninvite: (programId: string, emailNormalised: string): boolean => deleteInvitation.run({ programId, emailNormalised }).changes === 1,
    hasPurchased: (programId: string, customer: CustomerKeys): boolean =>
      purchased.get({ programId, email: customer.emailNormalised, customerId: customer.customerId }) === 1,
  };
}
