import { Component } from 'preact';
import type { AmbassadorView } from '../../../../shared/src/wire.ts';
import { formatCount } from '../format.ts';
import { fill, plural } from '../messages.ts';
import type { PanelContext } from '../../panel-context.ts';
import { toIdentity } from '../identity.ts';
import type { ExtraMessages } from './messages.ts';
import type { Messages } from '../messages.ts';
import { postJson } from './post-json.ts';
import { readJoinToken } from './join-token.ts';

export type AllMessages = Messages & ExtraMessages;

interface Props {
  ambassador: AmbassadorView;
  t: AllMessages;
  lang: string | undefined;
}

/** Rewards new since the last visit in this browser, above the panel's heading. */
export function NewRewardsBadge({ count, t, lang }: { count: number; t: AllMessages; lang: string | undefined }) {
  return (
    <p class="badge" data-testid="sarafan-new-rewards" data-value={count}>
      {fill(plural(t.newRewards, count, t.lang), { count: formatCount(count, lang) })}
    </p>
  );
}

/** After the rewards: that the shop has yet to confirm someone who joined by email, their tier,
 * and how far it is to the next bonus or tier. */
export function AmbassadorNotes({ ambassador, t, lang }: Props) {
  const progress = ambassador.progress;
  const count = (value: number) => formatCount(value, lang);
  return (
    <>
      {ambassador.confirmed === false && (
        <p class="note" data-testid="sarafan-unconfirmed">
          {t.unconfirmed}
        </p>
      )}
      {progress?.tier && <p data-testid="sarafan-tier">{fill(t.currentTier, { tier: progress.tier })}</p>}
      {progress?.nextMilestone && (
        <p data-testid="sarafan-progress-bonus">
          {fill(plural(t.nextBonus, progress.nextMilestone.referrals, t.lang), {
            count: count(progress.referrals),
            target: count(progress.nextMilestone.referrals),
          })}
        </p>
      )}
      {progress?.nextTier && (
        <p data-testid="sarafan-progress-tier">
          {fill(plural(t.nextTier, progress.nextTier.fromReferrals, t.lang), {
            tier: progress.nextTier.name,
            target: count(progress.nextTier.fromReferrals),
          })}
        </p>
      )}
    </>
  );
}

interface SplitProps {
  split: NonNullable<AmbassadorView['split']>;
  t: AllMessages;
  context: PanelContext;
}

/** The friend's share of the ambassador's rewards, one of the program's choices, saved at once. */
export class SplitChoice extends Component<SplitProps, { chosen: number | null; message: string }> {
  override state = { chosen: this.props.split.friendSharePercent, message: '' };

  choose = async (percent: number) => {
    const { context, t } = this.props;
    this.setState({ chosen: percent, message: '' });
    const answer = await postJson(context.server, '/v1/widget/split', {
      programId: context.programId,
      visitorId: context.visitorId,
      identity: toIdentity(context.identity) ?? undefined,
      joinToken: readJoinToken(),
      friendSharePercent: percent,
    });
    this.setState(answer.status === 200 ? { message: t.splitSaved } : { chosen: this.props.split.friendSharePercent, message: t.joinFailed });
  };

  override render({ split, t }: SplitProps, { chosen, message }: { chosen: number | null; message: string }) {
    return (
      <fieldset data-testid="sarafan-split">
        <legend>{t.splitLabel}</legend>
        {split.choices.map((percent) => (
          <label key={percent}>
            <input type="radio" name="sarafan-split" value={percent} checked={chosen === percent} onChange={() => this.choose(percent)} />
            {fill(t.splitOption, { percent })}
          </label>
        ))}
        <p class="note" role="status" data-testid="sarafan-split-status">
          {message}
        </p>
      </fieldset>
    );
  }
}
