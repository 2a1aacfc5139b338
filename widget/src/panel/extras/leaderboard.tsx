import type { LeaderboardResponse } from '../../../../shared/src/wire.ts';
import { formatCount } from '../format.ts';
import { fill, plural } from '../messages.ts';
import type { AllMessages } from './ambassador-extras.tsx';

export function Leaderboard({ entries, t, lang }: { entries: LeaderboardResponse['entries']; t: AllMessages; lang: string | undefined }) {
  if (!entries.length) return null;
  return (
    <>
      <p class="muted" id="sarafan-leaderboard">
        {t.leaderboardTitle}
      </p>
      <ol aria-labelledby="sarafan-leaderboard" data-testid="sarafan-leaderboard">
        {entries.map((entry) => (
          <li key={entry.rank} data-testid="sarafan-leader">
            <span>
              {formatCount(entry.rank, lang)}. {entry.name}
            </span>
            <span>{fill(plural(t.leaderboardFriends, entry.referrals, t.lang), { count: formatCount(entry.referrals, lang) })}</span>
          </li>
        ))}
      </ol>
    </>
  );
}
