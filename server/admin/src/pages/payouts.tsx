import { useState } from 'preact/hooks';
import type { OwnerRewardView, PayoutListResponse } from '../../../../shared/src/wire.ts';
import { api } from '../api.ts';
import { Notice, Status } from '../components/status.tsx';
import { dateTime, money } from '../format.ts';
import { useAction } from '../use-action.ts';
import { useApi } from '../use-api.ts';

const STATUSES = ['held', 'pending', 'approved', 'paid'] as const;

/** What the program owes per currency, and payout batches: make one, export it, mark it paid. */
export function PayoutsPage() {
  const rewards = useApi<{ rewards: OwnerRewardView[] }>('/v1/rewards');
  const payouts = useApi<PayoutListResponse>('/v1/payouts');
  const [currency, setCurrency] = useState('EUR');
  const [minimum, setMinimum] = useState('0');
  const { notice, run: act } = useAction();

  async function run(action: () => Promise<unknown>, done: string) {
    await act(action, done);
    payouts.reload();
    rewards.reload();
  }

  return (
    <>
      <h1>Rewards and payouts</h1>
      <section aria-labelledby="balances-title">
        <h2 id="balances-title">Balances per currency</h2>
        <Status loaded={rewards}>
          {(data) => {
            const totals = new Map<string, Record<string, number>>();
            for (const reward of data.rewards) {
              const row = totals.get(reward.currency) ?? {};
              row[reward.status] = (row[reward.status] ?? 0) + reward.amount;
              totals.set(reward.currency, row);
            }
            return totals.size === 0 ? (
              <p class="muted">No rewards yet.</p>
            ) : (
              <table>
                <caption class="muted">Sums of the latest rewards, by status</caption>
                <thead>
                  <tr>
                    <th scope="col">Currency</th>
                    {STATUSES.map((status) => (
                      <th scope="col" key={status}>{status === 'approved' ? 'approved (owed)' : status}</th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {[...totals].map(([unit, row]) => (
                    <tr key={unit}>
                      <th scope="row">{unit}</th>
                      {STATUSES.map((status) => (
                        <td key={status}>{money(row[status] ?? 0, unit)}</td>
                      ))}
                    </tr>
                  ))}
                </tbody>
              </table>
            );
          }}
        </Status>
      </section>

      <section aria-labelledby="new-payout-title">
        <h2 id="new-payout-title">New payout batch</h2>
        <form
          class="toolbar"
          onSubmit={(event) => {
            event.preventDefault();
            void run(
              () => api('POST', '/v1/payouts', { currency: currency.trim().toUpperCase(), minimumAmount: Number(minimum) || 0 }),
              'Batch made: send the money, then mark it paid.',
            );
          }}
        >
          <label>
            Currency <input value={currency} required pattern="[A-Za-z]{3}" size={4} onInput={(event) => setCurrency(event.currentTarget.value)} />
          </label>{' '}
          <label>
            Minimum per ambassador (minor units){' '}
            <input type="number" min={0} step={1} value={minimum} onInput={(event) => setMinimum(event.currentTarget.value)} />
          </label>{' '}
          <button type="submit">Make batch</button>
        </form>
        <Notice text={notice?.text ?? null} kind={notice?.kind} />
      </section>

      <section aria-labelledby="payouts-title">
        <h2 id="payouts-title">Batches</h2>
        <Status loaded={payouts}>
          {(data) =>
            data.payouts.length === 0 ? (
              <p class="muted">No batches yet.</p>
            ) : (
              <table class="list">
                <thead>
                  <tr>
                    <th scope="col">#</th>
                    <th scope="col">Made</th>
                    <th scope="col">Status</th>
                    <th scope="col">Ambassadors</th>
                    <th scope="col">Total</th>
                    <th scope="col">Actions</th>
                  </tr>
                </thead>
                <tbody>
                  {data.payouts.map((payout) => (
                    <tr key={payout.id}>
                      <td>{payout.id}</td>
                      <td>{dateTime(payout.createdAt)}</td>
                      <td>
                        {payout.status}
                        {payout.closedAt ? ` ${dateTime(payout.closedAt)}` : ''}
                      </td>
                      <td>{payout.items.length}</td>
                      <td>{money(payout.total, payout.currency)}</td>
                      <td class="actions">
                        <a href={`/v1/payouts/${payout.id}.csv`} download>
                          CSV
                        </a>
                        {payout.status === 'open' && (
                          <>
                            {' '}
                            <button type="button" onClick={() => run(() => api('POST', `/v1/payouts/${payout.id}/paid`), `Batch ${payout.id} marked paid.`)}>
                              Mark paid
                            </button>{' '}
                            <button type="button" onClick={() => run(() => api('DELETE', `/v1/payouts/${payout.id}`), `Batch ${payout.id} canceled.`)}>
                              Cancel
                            </button>
                          </>
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )
          }
        </Status>
      </section>
    </>
  );
}
