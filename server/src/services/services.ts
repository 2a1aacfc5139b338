import { AdminSessionService } from './admin-sessions.ts';
import { AmbassadorAdminService } from './ambassador-admin.ts';
import { AmbassadorService } from './ambassadors.ts';
import { AnalyticsService } from './analytics.ts';
import { CachedLookups } from './cached-lookups.ts';
import { ClientHashes } from './client-hashes.ts';
import { ClickService, type ClickServiceOptions } from './clicks.ts';
import { ConversionService } from './conversions.ts';
import { ContestService } from './contests.ts';
import { FriendOfferService } from './friend-offers.ts';
import { JoinPolicyService } from './join-policy.ts';
import { RaffleService } from './raffles.ts';
import { PayoutService } from './payouts.ts';
import { PersonalDataService } from './personal-data.ts';
import { ProgramOriginsService } from './program-origins.ts';
import { RewardRulesService } from './reward-rules.ts';
import { RewardService } from './rewards.ts';
import type { ServiceContext } from './service-context.ts';
import { UserAgents } from './user-agents.ts';
import { WebhookService } from './webhooks.ts';
import { WidgetSessionService } from './widget-session.ts';
import { JoinService } from './joining.ts';
import { WidgetSettingsService } from './widget-settings.ts';

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
  /** The owner dashboard's sign-in sessions. */
  adminSessions: AdminSessionService;
  analytics: AnalyticsService;
  ambassadorAdmin: AmbassadorAdminService;
  /** Friend offers as the rules define them, and single-use coupons. */
  friendOffers: FriendOfferService;
  /** Join policy and invitations (the owner's side). */
  joinPolicy: JoinPolicyService;
  /** The page origins allowed to call the browser API. */
  programOrigins: ProgramOriginsService;
  raffles: RaffleService;
  contests: ContestService;
  widgetSettings: WidgetSettingsService;
  /** Joining by email in the panel, confirming such ambassadors, and the leaderboard. */
  joining: JoinService;
}

export function createServices(context: ServiceContext, clickOptions: ClickServiceOptions): Services {
  const ambassadors = new AmbassadorService(context);
  const hashes = new ClientHashes(clickOptions.ipSalt, context.clock);
  const userAgents = new UserAgents();
  const rewards = new RewardService(context, ambassadors);
  const friendOffers = new FriendOfferService(context, ambassadors);
  const lookups = new CachedLookups(context.store);
  const widgetSettings = new WidgetSettingsService(context);
  const joining = new JoinService(context, ambassadors, hashes, userAgents, widgetSettings);
  const rewardRules = new RewardRulesService(context, ambassadors);
  return {
    context,
    ambassadors,
    lookups,
    clicks: new ClickService(context, userAgents, clickOptions),
    userAgents,
    conversions: new ConversionService(context, ambassadors, hashes),
    rewards,
    rewardRules,
    personalData: new PersonalDataService(context, ambassadors, rewards),
    webhooks: new WebhookService(context),
    payouts: new PayoutService(context),
    adminSessions: new AdminSessionService(context),
    analytics: new AnalyticsService(context),
    ambassadorAdmin: new AmbassadorAdminService(context, ambassadors, lookups),
    widgetSessions: new WidgetSessionService(context, ambassadors, hashes, { offers: friendOffers, joining, widgetSettings, rewardRules }),
    friendOffers,
    joinPolicy: new JoinPolicyService(context, lookups),
    programOrigins: new ProgramOriginsService(context, lookups),
    raffles: new RaffleService(context),
    contests: new ContestService(context),
    widgetSettings,
    joining,
  };
}
