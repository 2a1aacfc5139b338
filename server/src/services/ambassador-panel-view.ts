import type { AmbassadorView } from '../../../shared/src/wire.ts';
import { friendOfferTerms } from '../../../shared/src/reward-rules/friend-offer.ts';
import { ambassadorProgress } from '../domain/ambassador-progress.ts';
import type { AmbassadorRecord, ProgramRecord } from '../store/records.ts';
import { ambassadorView } from './ambassador-views.ts';
import type { ServiceContext } from './service-context.ts';

/**
 * The ambassador's panel as the widget shows it: the view of `ambassadorView` plus what depends on
 * the rules in force (progress to the next milestone or tier, the split choice) and whether the
 * shop has confirmed someone who joined by email.
 */
export async function ambassadorPanelView(context: ServiceContext, program: ProgramRecord, ambassador: AmbassadorRecord): Promise<AmbassadorView> {
  const { store } = context;
  const [summary, current, referrals] = await Promise.all([
    store.summariseAmbassador(ambassador.id),
    store.currentRules(program.id),
    store.successfulReferrals(ambassador.id),
  ]);
  const view = ambassadorView(context.publicUrl(), program, ambassador, summary, current ? friendOfferTerms(current.rules.friendOffer) : undefined);
  if (!ambassador.confirmed) view.confirmed = false;
  if (current) {
    const { rules } = current;
    if (rules.milestones.length || rules.tiers.length) view.progress = ambassadorProgress(rules, referrals, ambassador.tier);
    if (rules.split.enabled && rules.split.choices.length > 1) {
      view.split = { choices: rules.split.choices, friendSharePercent: ambassador.friendSharePercent };
    }
  }
  return view;
}
