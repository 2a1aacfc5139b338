import { Type } from '@sinclair/typebox';
import { ANALYTICS_ESTIMATES, SHARE_CHANNELS, WIDGET_EVENT_TYPES, WIDGET_PLACEMENTS } from '../../../shared/src/wire.ts';
import { Currency, OpaqueId, ProgramId, ReferralCode, strict } from './common.ts';

const literals = <T extends string>(values: readonly T[]) => Type.Union(values.map((value) => Type.Literal(value)));

export const WidgetEventsRequest = Type.Object(
  {
    programId: ProgramId,
    visitorId: OpaqueId,
    code: Type.Optional(ReferralCode),
    events: Type.Array(
      Type.Object(
        {
          type: literals(WIDGET_EVENT_TYPES),
          placement: Type.Optional(literals(WIDGET_PLACEMENTS)),
          channel: Type.Optional(literals(SHARE_CHANNELS)),
        },
        strict,
      ),
      { minItems: 1, maxItems: 20 },
    ),
  },
  strict,
);
export const WidgetEventsResponse = Type.Object({ accepted: Type.Integer() });

/** Query strings arrive as text (no type coercion): epoch ms as digits. */
const EpochMsText = Type.String({ pattern: '^[0-9]{1,15}$' });
export const AnalyticsQuery = Type.Object({ from: Type.Optional(EpochMsText), to: Type.Optional(EpochMsText) }, strict);

const Rate = Type.Union([Type.Number(), Type.Null()]);
const MinorOrNull = Type.Union([Type.Integer(), Type.Null()]);
const Money = Type.Object({ amount: Type.Integer(), currency: Type.String() });
const OrderValues = Type.Object({ customers: Type.Integer(), orders: Type.Integer(), averageOrder: MinorOrNull, lifetimeValue: MinorOrNull });
const Counts = Type.Record(Type.String(), Type.Integer());

export const AnalyticsOverview = Type.Object({
  from: Type.Integer(),
  to: Type.Integer(),
  funnel: Type.Object({
    widgetShown: Type.Integer(),
    panelOpened: Type.Integer(),
    shares: Type.Integer(),
    sharesByChannel: Type.Partial(Type.Record(literals(SHARE_CHANNELS), Type.Integer())),
    clicks: Type.Integer(),
    clicksBySource: Type.Object({ link: Type.Integer(), qr: Type.Integer(), coupon: Type.Integer() }),
    identified: Type.Integer(),
    purchases: Type.Integer(),
    rewards: Type.Integer(),
    rates: Type.Object({ panelOpened: Rate, shares: Rate, clicks: Rate, identified: Rate, purchases: Rate, rewards: Rate }),
  }),
  daily: Type.Array(Type.Object({ day: Type.String(), clicks: Type.Integer(), purchases: Type.Integer(), revenue: Type.Array(Money) })),
  viral: Type.Object({ ambassadors: Type.Integer(), sharesPerAmbassador: Rate, purchaseRate: Rate, k: Rate }),
  cycleTime: Type.Object({ ambassadors: Type.Integer(), medianMs: Rate, averageMs: Rate }),
  participation: Type.Object({ visitorsShown: Type.Integer(), ambassadors: Type.Integer(), rate: Rate }),
  referredConversion: Type.Object({ visitors: Type.Integer(), purchased: Type.Integer(), rate: Rate }),
  orderValue: Type.Array(Type.Object({ currency: Type.String(), referred: OrderValues, all: OrderValues })),
  topAmbassadors: Type.Array(
    Type.Object({ currency: Type.String(), ambassadors: Type.Integer(), topCount: Type.Integer(), topRevenueShare: Rate }),
  ),
  devices: Type.Object({ deviceType: Counts, browser: Counts, os: Counts }),
  estimated: Type.Array(literals(ANALYTICS_ESTIMATES)),
});

export const AmbassadorListQuery = Type.Object(
  {
    q: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
    sort: Type.Optional(literals(['createdAt', 'name', 'clicks', 'conversions', 'revenue'] as const)),
    order: Type.Optional(literals(['asc', 'desc'] as const)),
    limit: Type.Optional(Type.String({ pattern: '^(100|[1-9][0-9]?)$' })),
    offset: Type.Optional(Type.String({ pattern: '^[0-9]{1,9}$' })),
  },
  strict,
);

export const AmbassadorListItem = Type.Object({
  code: Type.String(),
  name: Type.Union([Type.String(), Type.Null()]),
  email: Type.String(),
  createdAt: Type.Integer(),
  clicks: Type.Integer(),
  conversions: Type.Integer(),
  revenue: Type.Array(Type.Object({ amount: Type.Integer(), currency: Currency })),
  tier: Type.Union([Type.String(), Type.Null()]),
  blocked: Type.Boolean(),
  fraudFlags: Type.Integer(),
});
export const AmbassadorListResponse = Type.Object({ items: Type.Array(AmbassadorListItem), total: Type.Integer() });

export const AmbassadorBlockRequest = Type.Object(
  { blocked: Type.Boolean(), note: Type.Optional(Type.String({ maxLength: 1000 })) },
  strict,
);

