import { useState } from 'preact/hooks';
import type { OwnerRewardView } from '../../../../shared/src/wire.ts';
import { api, errorText } from '../api.ts';
import { ScrollTable } from '../components/scroll-table.tsx';
import { Notice, Status } from '../components/status.tsx';
import { dateTime, money } from '../format.ts';
import { href } from '../router.ts';
import type { ActionNotice } from '../use-action.ts';
import { useApi } from '../use-api.ts';

const REASONS: Record<string, string> = {
  self_referral_email: 'Same email as the ambassador',
  self_referral_customer_id: 'Same customer as the ambassador',
  self_referral_visitor: 'Same browser as the ambassador',
  self_referral_ip_ua: 'Same network and browser as the ambassador',
  disposable_email: 'Disposable email address',
  ip_velocity: 'Many referred orders from one network',
  coupon_site_referrer: 'Came from a coupon site',
};

/** Rewards the fraud rules held: approve (they go on to pending) or reject, one by one or in bulk. */
export function ReviewPage() {
  const held = useApi<{ rewards: OwnerRewardView[] }>('/v1/rewards?status=held');
  const [selected, setSelected] = useState<Set<number>>(new Set());
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<ActionNotice>(null);

  async function decide(ids: number[], decision: 'approve' | 'reject') {
    setBusy(true);
    setNotice(null);
    const failures: string[] = [];
    // One call per reward: each is its own transaction, and one refusal does not stop the rest.
    for (const id of ids) {
      try {
        await api('POST', `/v1/rewards/${id}/${decision}`, note.trim() ? { note: note.trim() } : {});
      } catch (error) {
        failures.push(`#${id}: ${errorText(error)}`);
      }
    }
    const done = ids.length - failures.length;
    setNotice(
      failures.length
        ? { text: `${done} ${decision === 'approve' ? 'approved' : 'rejected'}; failed: ${failures.join('; ')}`, kind: 'error' }
        : { text: `${done} reward${done === 1 ? '' : 's'} ${decision === 'approve' ? 'approved' : 'rejected'}.`, kind: 'info' },
    );
    setSelected(new Set());
    setBusy(false);
    held.reload();
  }

  function toggle(id: number) {
    const next = new Set(selected);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    setSelected(next);
  }

  return (
    <>
      <h1>Review queue</h1>
      <Notice text={notice?.text ?? null} kind={notice?.kind} />
      <Status loaded={held}>
        {(data) =>
          data.rewards.length === 0 ? (
            <p>No held rewards: nothing to review.</p>
          ) : (
            <>
              <div class="toolbar">
                <label>
                  Note for the ledger (optional){' '}
                  <input type="text" maxLength={1000} value={note} onInput={(event) => setNote(event.currentTarget.value)} />
                </label>{' '}
                <button type="button" disabled={busy || selected.size === 0} onClick={() => decide([...selected], 'approve')}>
                  Approve selected ({selected.size})
                </button>{' '}
                <button type="button" disabled={busy || selected.size === 0} onClick={() => decide([...selected], 'reject')}>
                  Reject selected
                </button>
              </div>
              <ScrollTable class="list">
                <thead>
                  <tr>
                    <th scope="col">
                      <input
                        type="checkbox"
                        aria-label="Select all"
                        checked={selected.size === data.rewards.length}
                        onChange={(event) => setSelected(event.currentTarget.checked ? new Set(data.rewards.map((reward) => reward.id)) : new Set())}
                      />
                    </th>
                    <th scope="col">Created</th>
                    <th scope="col">Ambassador</th>
                    <th scope="col">Order</th>
                    <th scope="col">Reward</th>
                    <th scope="col">Why it is held</th>
                    <th scope="col">Decide</th>
                  </tr>
                </thead>
                <tbody>
                  {data.rewards.map((reward) => (
                    <tr key={reward.id} data-testid={`held-${reward.id}`}>
                      <td>
                        <input type="checkbox" aria-label={`Select reward for order ${reward.orderId}`} checked={selected.has(reward.id)} onChange={() => toggle(reward.id)} />
                      </td>
                      <td>{dateTime(reward.createdAt)}</td>
                      <td>
                        <a href={href('ambassadors', reward.ambassadorCode)}>{reward.ambassadorCode}</a>
                      </td>
                      <td>{reward.orderId}</td>
                      <td>
                        {money(reward.amount, reward.currency)}
                        {reward.purpose === 'milestone' ? ` (milestone ${reward.milestone ?? ''})` : ''}
                      </td>
                      <td>{reward.reasons.map((reason) => REASONS[reason] ?? reason).join('; ') || '—'}</td>
                      <td class="actions">
                        <button type="button" disabled={busy} onClick={() => decide([reward.id], 'approve')} aria-label={`Approve reward for order ${reward.orderId}`}>
                          Approve
                        </button>{' '}
                        <button type="button" disabled={busy} onClick={() => decide([reward.id], 'reject')} aria-label={`Reject reward for order ${reward.orderId}`}>
                          Reject
                        </button>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </ScrollTable>
            </>
          )
        }
      </Status>
    </>
  );
}
