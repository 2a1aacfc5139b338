import type { AmbassadorView, LeaderboardResponse, SessionResponse } from '../../../../shared/src/wire.ts';
import type { PanelContext } from '../../panel-context.ts';
import { warn } from '../../warn.ts';
import type { Messages } from '../messages.ts';
import { applyTheme } from '../shadow-host.tsx';
import { AmbassadorNotes, NewRewardsBadge, SplitChoice, type AllMessages } from './ambassador-extras.tsx';
import { EXTRA_CSS } from './extra-styles.ts';
import { JoinForm } from './join-form.tsx';
import { loadLeaderboard } from './leaderboard-request.ts';
import { Leaderboard } from './leaderboard.tsx';
import { EXTRA_ENGLISH, type ExtraMessages } from './messages.ts';
import { installParts } from './panel-parts.tsx';
import { themeCss, withOwnerTexts } from './owner-settings.ts';
import { withTexts } from './page-texts.ts';

/**
 * The panel's extras chunk, loaded next to the session: the owner's widget settings, joining by
 * email, the new-rewards badge, progress, the split choice and the leaderboard. Its parts join the
 * panel's sections through `installParts` (Preact's `options.vnode` hook). One chunk for all of them: a chunk imported from here would split
 * Preact and the panel's helpers out of the panel entry (the bundler hoists modules shared with
 * nested lazy chunks), costing every page a request.
 */

const EXTRA_LANGUAGES: Record<string, () => Promise<{ default: ExtraMessages }>> = {
  ru: () => import('./lang/extras-ru.ts'),
  pl: () => import('./lang/extras-pl.ts'),
};

/** localStorage: per ambassador code, the newest reward already seen, for the "new" badge. */
const SEEN_KEY = 'sarafan_seen_';

let context: PanelContext;
let refresh: (context: PanelContext) => Promise<void>;
let leaderboard: LeaderboardResponse['entries'] | null = null;
/** What the panel is about to render, for the parts: set by `prepare` just before. */
let current: { session: SessionResponse; t: AllMessages; lang: string } | null = null;
/** Counted once per page and code, so later renders keep showing what was new on arrival. */
const newRewards = new Map<string, number>();

/**
 * Called by the panel entry with each session before it renders: loads the extras' texts in the
 * panel's language and, when the owner turned it on, the leaderboard; applies the theme (the
 * script tag's `data-theme`, else the owner's mode, plus the owner's colours, radius and font);
 * returns the texts: built-in, the extras', the owner's and `data-texts` (the script tag's), in
 * order of precedence from last to first.
 */
export async function prepare(
  session: SessionResponse,
  messages: Messages,
  panelContext: PanelContext,
  lang: string,
  refreshPanel: (context: PanelContext) => Promise<void>,
): Promise<Messages> {
  context = panelContext;
  refresh = refreshPanel;
  const { widget, ambassador } = session;
  const { dataset } = context;
  const [extra, board] = await Promise.all([
    EXTRA_LANGUAGES[messages.lang]?.().then((module) => module.default, warnAndUseEnglish) ?? EXTRA_ENGLISH,
    ambassador && widget.leaderboard ? loadLeaderboard(context) : null,
  ]);
  leaderboard = board;
  applyTheme(dataset.theme || widget.theme.mode, EXTRA_CSS + themeCss(widget.theme));
  const t = withTexts(withOwnerTexts({ ...messages, ...extra }, widget.texts[messages.lang as 'en']), dataset.texts) as AllMessages;
  current = { session, t, lang };
  return t;
}

function warnAndUseEnglish(error: unknown): ExtraMessages {
  warn(error);
  return EXTRA_ENGLISH;
}

function countNew(ambassador: AmbassadorView): number {
  let count = newRewards.get(ambassador.code);
  if (count === undefined) {
    const key = SEEN_KEY + ambassador.code;
    const newest = Math.max(1, ...ambassador.rewards.map((reward) => reward.createdAt));
    try {
      const seen = Number(localStorage.getItem(key));
      // First visit in this browser: nothing is "new" yet.
      count = seen ? ambassador.rewards.filter((reward) => reward.createdAt > seen).length : 0;
      localStorage.setItem(key, String(newest));
    } catch {
      count = 0;
    }
    newRewards.set(ambassador.code, count);
  }
  return count;
}

installParts({
  'sarafan-panel': () => {
    const ambassador = current?.session.ambassador;
    if (!current || !ambassador) return [null, null];
    const { t, lang } = current;
    const count = countNew(ambassador);
    return [
      count > 0 && <NewRewardsBadge count={count} t={t} lang={lang} />,
      <>
        <AmbassadorNotes ambassador={ambassador} t={t} lang={lang} />
        {ambassador.split && <SplitChoice split={ambassador.split} t={t} context={context} />}
        {leaderboard && <Leaderboard entries={leaderboard} t={t} lang={lang} />}
      </>,
    ];
  },
  'sarafan-intro': () => [null, current && <JoinForm t={current.t} context={context} refresh={refresh} />],
});

/** For tests: forget what earlier cases counted and loaded. */
export function resetExtras(): void {
  newRewards.clear();
  leaderboard = null;
  current = null;
}
