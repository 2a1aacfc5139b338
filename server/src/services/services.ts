import { AmbassadorAdminService } from './ambassador-admin.ts';
import { AmbassadorService } from './ambassadors.ts';
import { AnalyticsService } from './analytics.ts';
import { CachedLookups } from './cached-lookups.ts';
import { ClientHashes } from './client-hashes.ts';
import { ClickService, type ClickServiceOptions } from './clicks.ts';
import { ConversionService } from './conversions.ts';
import { PayoutService } from './payouts.ts';
import { PersonalDataService } from './personal-data.ts';
import { RewardRulesService } from './reward-rules.ts';
import { RewardService } from './rewards.ts';
import type { ServiceContext } from './service-context.ts';
import { UserAgents } from './user-agents.ts';
import { WebhookService } from './webhooks.ts';
import { WidgetSessionService } from './widget-session.ts';

export interface Services {
  context: ServiceContext;
  ambassadors: AmbassadorService;
  /** Cached program / origin / code reads for the browser API. */
  lookups: CachedLookups;
  clicks: ClickService;
  /** Bot check and browser details of user agents, cached. */
  userAgents: UserAgents;
  conversions: ConversionService;
  rewards: RewardService;
  rewardRules: RewardRulesService;
  personalData: PersonalDataService;
  webhooks: WebhookService;
  payouts: PayoutService;
  widgetSessions: WidgetSessionService;
  analytics: AnalyticsService;
  ambassadorAdmin: AmbassadorAdminService;
}

export function createServices(context: ServiceContext, clickOptions: ClickServiceOptions): Services {
  const ambassadors = new AmbassadorService(context);
  const hashes = new ClientHashes(clickOptions.ipSalt, context.clock);
  const userAgents = new UserAgents();
  const rewards = new RewardService(context, ambassadors);
  const lookups = new CachedLookups(context.store);
  return {
    context,
    ambassadors,
    lookups,
    clicks: new ClickService(context, userAgents, clickOptions),
    userAgents,
    conversions: new ConversionService(context, ambassadors, hashes),
    rewards,
    rewardRules: new RewardRulesService(context, ambassadors),
    personalData: new PersonalDataService(context, ambassadors, rewards),
    webhooks: new WebhookService(context),
    payouts: new PayoutService(context),
    widgetSessions: new WidgetSessionService(context, ambassadors, hashes),
    analytics: new AnalyticsService(context),
    ambassadorAdmin: new AmbassadorAdminService(context, ambassadors, lookups),
  };
}
