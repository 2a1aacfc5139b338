import type { AmbassadorView } from '../../../../shared/src/wire.ts';
import { formatCount, formatMoney } from '../format.ts';
import { plural, type Messages } from '../messages.ts';

interface Props {
  ambassador: AmbassadorView;
  t: Messages;
  lang: string | undefined;
}

const TOTAL_KINDS = ['pending', 'approved', 'paid'] as const;

/**
 * Clicks, friends who bought, and rewards: totals per currency (never converted) and the list.
 * Each count is shown above its word ("7 / clicks"), which agrees with it in number.
 */
export function AmbassadorStats({ ambassador, t, lang }: Props) {
  const { stats, totals, rewards } = ambassador;
  return (
    <>
      <dl class="stats">
        <div>
          <dt>{plural(t.clicks, stats.clicks, t.lang)}</dt>
          <dd data-testid="sarafan-stat-clicks" data-value={stats.clicks}>
            {formatCount(stats.clicks, lang)}
          </dd>
        </div>
        <div>
          <dt>{plural(t.friendsBought, stats.friendsBought, t.lang)}</dt>
          <dd data-testid="sarafan-stat-friends" data-value={stats.friendsBought}>
            {formatCount(stats.friendsBought, lang)}
          </dd>
        </div>
      </dl>
      <p class="muted">{t.rewards}</p>
      {totals.map((total) => (
        <p class="totals" key={total.currency}>
          {TOTAL_KINDS.map((kind) => (
            <span key={kind} data-testid={`sarafan-total-${kind}`} data-amount={total[kind]} data-currency={total.currency}>
              {t.status[kind]}: <b>{formatMoney(total[kind], total.currency, lang)}</b>
            </span>
          ))}
        </p>
      ))}
      {rewards.length ? (
        <ul>
          {rewards.map((reward, index) => (
            <li
              key={index}
              data-testid="sarafan-reward"
              data-status={reward.status}
              data-amount={reward.amount}
              data-currency={reward.currency}
            >
              <span>{formatMoney(reward.amount, reward.currency, lang)}</span>{' '}
              <span>{t.status[reward.status] ?? reward.status}</span>
              {reward.reason && <span> ({t.reason[reward.reason]})</span>}
            </li>
          ))}
        </ul>
      ) : (
        <p>{t.noRewards}</p>
      )}
    </>
  );
}
