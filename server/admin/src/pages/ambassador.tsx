import type { AmbassadorListResponse, AmbassadorResponse, LedgerResponse, OwnerRewardView, ProgramResponse } from '../../../../shared/src/wire.ts';
import { api } from '../api.ts';
import { ScrollTable } from '../components/scroll-table.tsx';
import { Notice, Status } from '../components/status.tsx';
import { count, dateTime, money } from '../format.ts';
import { href } from '../router.ts';
import { useAction } from '../use-action.ts';
import { useApi } from '../use-api.ts';

/** One ambassador: what they brought, their ledger, their fraud flags, and the owner's switches. */
export function AmbassadorPage({ code }: { code: string }) {
  const ambassador = useApi<AmbassadorResponse>(`/v1/ambassadors/${encodeURIComponent(code)}`);
  const ledger = useApi<LedgerResponse>(`/v1/ambassadors/${encodeURIComponent(code)}/ledger`);
  const listed = useApi<AmbassadorListResponse>(`/v1/ambassadors?q=${encodeURIComponent(code)}&limit=5`);
  const flagged = useApi<{ rewards: OwnerRewardView[] }>(`/v1/rewards?ambassador=${encodeURIComponent(code)}&flagged=true`);
  const program = useApi<ProgramResponse>('/v1/program');
  const { notice, run: act } = useAction();
  const item = listed.data?.items.find((candidate) => candidate.code === code) ?? null;

  async function run(action: () => Promise<unknown>, done: string) {
    if (await act(action, done)) listed.reload();
  }

  return (
    <>
      <p>
        <a href={href('ambassadors')}>← Ambassadors</a>
      </p>
      <Status loaded={ambassador}>
        {(data) => (
          <>
            <h1>
              {data.name ?? data.email} <span class="muted">{data.code}</span>
            </h1>
            <dl class="metrics">
              <div class="card"><dt>Email</dt><dd>{data.email}</dd></div>
              <div class="card"><dt>Joined</dt><dd>{dateTime(data.createdAt)}</dd></div>
              <div class="card"><dt>Clicks</dt><dd><strong>{count(data.clicks)}</strong></dd></div>
              <div class="card"><dt>Friends who bought</dt><dd><strong>{count(data.conversions)}</strong></dd></div>
            </dl>
            <p>
              Link: <code>{data.link}</code> · coupon <code>{data.couponCode}</code>
            </p>
          </>
        )}
      </Status>

      <section aria-labelledby="switches-title">
        <h2 id="switches-title">Tier and access</h2>
        <Notice text={notice?.text ?? null} kind={notice?.kind} />
        <div class="toolbar">
          <label>
            Tier{' '}
            <select
              value={item?.tier ?? ''}
              disabled={!program.data}
              onChange={(event) => {
                const tier = event.currentTarget.value || null;
                void run(() => api('PUT', `/v1/ambassadors/${encodeURIComponent(code)}/reward-choices`, { tier }), tier ? `Tier set to ${tier}.` : 'Tier follows referrals again.');
              }}
            >
              <option value="">Earned by referrals</option>
              {(program.data?.rules.rules.tiers ?? []).map((tier) => (
                <option key={tier.name} value={tier.name}>
                  {tier.name}
                  {tier.fromReferrals === null ? ' (VIP)' : ''}
                </option>
              ))}
            </select>
          </label>{' '}
          <button
            type="button"
            onClick={() => {
              const blocked = !item?.blocked;
              void run(() => api('POST', `/v1/ambassadors/${encodeURIComponent(code)}/block`, { blocked }), blocked ? 'Blocked: their link earns nothing now.' : 'Unblocked.');
            }}
          >
            {item?.blocked ? 'Unblock' : 'Block'}
          </button>
        </div>
      </section>

      <section aria-labelledby="flags-title">
        <h2 id="flags-title">Fraud flags</h2>
        <Status loaded={flagged}>
          {(data) =>
            data.rewards.length === 0 ? (
              <p class="muted">No reward of theirs was flagged.</p>
            ) : (
              <ul data-testid="fraud-flags">
                {data.rewards.map((reward) => (
                  <li key={reward.id}>
                    Order {reward.orderId}, {dateTime(reward.createdAt)}: {reward.reasons.join(', ')} ({money(reward.originalAmount, reward.currency)},{' '}
                    {reward.status})
                  </li>
                ))}
              </ul>
            )
          }
        </Status>
      </section>

      <section aria-labelledby="ledger-title">
        <h2 id="ledger-title">Ledger</h2>
        <Status loaded={ledger}>
          {(data) => (
            <>
              <ul>
                {data.balances.map((balance) => (
                  <li key={balance.currency}>
                    {balance.currency}: held {money(balance.held, balance.currency)}, pending {money(balance.pending, balance.currency)},
                    owed {money(balance.approved, balance.currency)}, paid {money(balance.paid, balance.currency)}
                  </li>
                ))}
              </ul>
              <ScrollTable>
                <thead>
                  <tr>
                    <th scope="col">When</th>
                    <th scope="col">Order</th>
                    <th scope="col">Amount</th>
                    <th scope="col">Move</th>
                    <th scope="col">Why</th>
                    <th scope="col">Who</th>
                  </tr>
                </thead>
                <tbody>
                  {data.entries.map((entry) => (
                    <tr key={entry.id}>
                      <td>{dateTime(entry.createdAt)}</td>
                      <td>{entry.orderId}</td>
                      <td>{money(entry.amount, entry.currency)}</td>
                      <td>
                        {entry.from} → {entry.to}
                      </td>
                      <td>
                        {entry.reason}
                        {entry.note ? `: ${entry.note}` : ''}
                      </td>
                      <td>{entry.actor}</td>
                    </tr>
                  ))}
                </tbody>
              </ScrollTable>
            </>
          )}
        </Status>
      </section>
    </>
  );
}
