import { useState } from 'preact/hooks';
import type { PayoutListResponse, RewardBalance, RewardBalancesResponse, RewardStatus } from '../../../../shared/src/wire.ts';
import { api } from '../api.ts';
import { ScrollTable } from '../components/scroll-table.tsx';
import { Notice, Status } from '../components/status.tsx';
import { count, dateTime, money } from '../format.ts';
import { useAction } from '../use-action.ts';
import { useApi } from '../use-api.ts';

/** The columns: a ledger sum, and the status of the rewards it holds (for their count). */
const COLUMNS = [
  { key: 'held', label: 'Held for review', status: 'held' },
  { key: 'pending', label: 'Pending (hold period)', status: 'pending' },
  { key: 'owed', label: 'Owed', status: 'approved' },
  { key: 'paid', label: 'Paid', status: 'paid' },
  { key: 'rejected', label: 'Rejected', status: 'rejected' },
] as const satisfies ReadonlyArray<{ key: keyof RewardBalance; label: string; status: RewardStatus }>;

/** What the program owes per currency, and payout batches: make one, export it, mark it paid. */
export function PayoutsPage() {
  const balances = useApi<RewardBalancesResponse>('/v1/rewards/balances');
  const payouts = useApi<PayoutListResponse>('/v1/payouts');
  const [currency, setCurrency] = useState('EUR');
  const [minimum, setMinimum] = useState('0');
  const { notice, run: act } = useAction();

  async function run(action: () => Promise<unknown>, done: string) {
    await act(action, done);
    payouts.reload();
    balances.reload();
  }

  return (
    <>
      <h1>Rewards and payouts</h1>
      <section aria-labelledby="balances-title">
        <h2 id="balances-title">Balances per currency</h2>
        <Status loaded={balances}>{(data) => <BalanceTable balances={data.balances} />}</Status>
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
              <ScrollTable class="list">
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
              </ScrollTable>
            )
          }
        </Status>
      </section>
    </>
  );
}

/** Every reward of the program, summed from the ledger; the counts say how many rewards each sum holds. */
function BalanceTable({ balances }: { balances: RewardBalance[] }) {
  if (balances.length === 0) return <p class="muted">No rewards yet.</p>;
  const debts = balances.filter((balance) => balance.owed > balance.approved);
  return (
    <>
      <ScrollTable>
        <caption class="muted">All rewards; owed is what payout batches pay, open batches included</caption>
        <thead>
          <tr>
            <th scope="col">Currency</th>
            {COLUMNS.map((column) => (
              <th scope="col" key={column.key}>{column.label}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {balances.map((balance) => (
            <tr key={balance.currency}>
              <th scope="row">{balance.currency}</th>
              {COLUMNS.map((column) => {
                const rewards = balance.counts[column.status];
                return (
                  <td key={column.key} data-testid={`balance-${balance.currency}-${column.key}`}>
                    {money(balance[column.key], balance.currency)} <span class="muted">({count(rewards)} {rewards === 1 ? 'reward' : 'rewards'})</span>
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </ScrollTable>
      {debts.map((balance) => (
        <p key={balance.currency} class="muted">
          {balance.currency}: ambassadors owe back {money(balance.owed - balance.approved, balance.currency)} of rewards refunded after they were paid;
          their next rewards repay it.
        </p>
      ))}
    </>
  );
}
