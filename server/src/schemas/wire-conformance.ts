import type { Static } from '@sinclair/typebox';
import type * as Wire from '../../../shared/src/wire.ts';
import type * as DrawsWire from '../../../shared/src/wire-joining-draws.ts';
import type * as JoiningDrawSchemas from './joining-draws.ts';
import type * as AdminSessionSchemas from './admin-session.ts';
import type * as AmbassadorSchemas from './ambassadors.ts';
import type * as AnalyticsSchemas from './analytics.ts';
import type * as CouponSchemas from './coupons.ts';
import type * as ConversionSchemas from './conversions.ts';
import type * as PayoutSchemas from './payouts.ts';
import type * as PersonalDataSchemas from './personal-data.ts';
import type * as AttributionSchemas from './program-attribution.ts';
import type * as OriginSchemas from './program-origins.ts';
import type * as RewardSchemas from './rewards.ts';
import type * as RulesSchemas from './reward-rules.ts';
import type * as WidgetSchemas from './widget.ts';
import type * as WidgetJoinSchemas from './widget-join.ts';
import type * as WidgetSettingsSchemas from './widget-settings.ts';

/**
 * Compile-time proof that the route schemas describe exactly the types of `shared/src/wire.ts`:
 * if either side changes alone, `npm run typecheck` fails here.
 */
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Check<T extends true> = T;

export type WireConformance = [
  Check<Same<Static<typeof WidgetSchemas.ClickRequest>, Wire.ClickRequest>>,
  Check<Same<Static<typeof WidgetSchemas.ClickResponse>, Wire.ClickResponse>>,
  Check<Same<Static<typeof WidgetSchemas.ForgetRequest>, Wire.ForgetRequest>>,
  Check<Same<Static<typeof WidgetSchemas.SessionRequest>, Wire.SessionRequest>>,
  Check<Same<Static<typeof WidgetSchemas.SessionResponse>, Wire.SessionResponse>>,
  Check<Same<Static<typeof WidgetSettingsSchemas.WidgetSettings>, Wire.WidgetSettings>>,
  Check<Same<Static<typeof WidgetSettingsSchemas.WidgetTextCatalog>, Wire.WidgetTextCatalog>>,
  Check<Same<Static<typeof WidgetJoinSchemas.JoinRequest>, Wire.JoinRequest>>,
  Check<Same<Static<typeof WidgetJoinSchemas.JoinResponse>, Wire.JoinResponse>>,
  Check<Same<Static<typeof WidgetJoinSchemas.SplitRequest>, Wire.SplitRequest>>,
  Check<Same<Static<typeof WidgetJoinSchemas.SplitResponse>, Wire.SplitResponse>>,
  Check<Same<Static<typeof WidgetJoinSchemas.LeaderboardResponse>, Wire.LeaderboardResponse>>,
  Check<Same<Static<typeof WidgetJoinSchemas.ConfirmResponse>, Wire.ConfirmAmbassadorResponse>>,
  Check<Same<Static<typeof AmbassadorSchemas.AmbassadorResponse>, Wire.AmbassadorResponse>>,
  Check<Same<Static<typeof CouponSchemas.CouponResponse>, Wire.CouponResponse>>,
  Check<Same<Static<typeof ConversionSchemas.ConversionRequest>, Wire.ConversionRequest>>,
  Check<Same<Static<typeof ConversionSchemas.ConversionResponse>, Wire.ConversionResponse>>,
  Check<Same<Static<typeof ConversionSchemas.RefundRequest>, Wire.RefundRequest>>,
  Check<Same<Static<typeof ConversionSchemas.OrderStatusRequest>, Wire.OrderStatusRequest>>,
  Check<Same<Static<typeof RewardSchemas.OwnerRewardView>, Wire.OwnerRewardView>>,
  Check<Same<Static<typeof RewardSchemas.RewardReviewRequest>, Wire.RewardReviewRequest>>,
  Check<Same<Static<typeof RewardSchemas.LedgerResponse>, Wire.LedgerResponse>>,
  Check<Same<Static<typeof RewardSchemas.RewardBalancesResponse>, Wire.RewardBalancesResponse>>,
  Check<Same<Static<typeof PersonalDataSchemas.PersonalDataExport>, Wire.PersonalDataExport>>,
  Check<Same<Static<typeof PersonalDataSchemas.ErasureResponse>, Wire.ErasureResponse>>,
  Check<Same<Static<typeof PayoutSchemas.PayoutRequest>, Wire.PayoutRequest>>,
  Check<Same<Static<typeof PayoutSchemas.PayoutView>, Wire.PayoutView>>,
  Check<Same<Static<typeof RulesSchemas.RewardRules>, Wire.RewardRules>>,
  Check<Same<Static<typeof RulesSchemas.ProgramResponse>, Wire.ProgramResponse>>,
  Check<Same<Static<typeof RulesSchemas.RewardChoicesRequest>, Wire.RewardChoicesRequest>>,
  Check<Same<Static<typeof RulesSchemas.RewardChoicesResponse>, Wire.RewardChoicesResponse>>,
  Check<Same<Static<typeof AnalyticsSchemas.WidgetEventsRequest>, Wire.WidgetEventsRequest>>,
  Check<Same<Static<typeof AnalyticsSchemas.WidgetEventsResponse>, Wire.WidgetEventsResponse>>,
  Check<Same<Static<typeof AnalyticsSchemas.AnalyticsOverview>, Wire.AnalyticsOverview>>,
  Check<Same<Static<typeof AnalyticsSchemas.AmbassadorListResponse>, Wire.AmbassadorListResponse>>,
  Check<Same<Static<typeof AnalyticsSchemas.AmbassadorBlockRequest>, Wire.AmbassadorBlockRequest>>,
  Check<Same<Static<typeof JoiningDrawSchemas.JoinPolicyBody>, DrawsWire.JoinPolicyBody>>,
  Check<Same<Static<typeof JoiningDrawSchemas.InvitationRequest>, DrawsWire.InvitationRequest>>,
  Check<Same<Static<typeof JoiningDrawSchemas.InvitationView>, DrawsWire.InvitationView>>,
  Check<Same<Static<typeof JoiningDrawSchemas.RaffleRequest>, DrawsWire.RaffleRequest>>,
  Check<Same<Static<typeof JoiningDrawSchemas.RaffleView>, DrawsWire.RaffleView>>,
  Check<Same<Static<typeof JoiningDrawSchemas.ContestRequest>, DrawsWire.ContestRequest>>,
  Check<Same<Static<typeof JoiningDrawSchemas.ContestView>, DrawsWire.ContestView>>,
  Check<Same<Static<typeof AdminSessionSchemas.AdminSignInRequest>, Wire.AdminSignInRequest>>,
  Check<Same<Static<typeof AdminSessionSchemas.AdminSessionResponse>, Wire.AdminSessionResponse>>,
  Check<Same<Static<typeof AttributionSchemas.AttributionSettings>, Wire.AttributionSettings>>,
  Check<Same<Static<typeof OriginSchemas.AllowedOriginsRequest>, Wire.AllowedOriginsBody>>,
  Check<Same<Static<typeof OriginSchemas.AllowedOriginsResponse>, Wire.AllowedOriginsBody>>,
  Check<Same<Static<typeof PayoutSchemas.PayoutList>, Wire.PayoutListResponse>>,
];
