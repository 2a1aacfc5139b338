import type { LeaderboardResponse } from '../../../../shared/src/wire.ts';
import type { PanelContext } from '../../panel-context.ts';

/** The program's top ambassadors (names masked by the server); null when it is off or unreachable. */
export async function loadLeaderboard(context: PanelContext): Promise<LeaderboardResponse['entries'] | null> {
  try {
    const response = await fetch(`${context.server}/v1/widget/leaderboard?programId=${encodeURIComponent(context.programId)}`, { credentials: 'omit' });
    return response.ok ? ((await response.json()) as LeaderboardResponse).entries : null;
  } catch {
    return null;
  }
}
