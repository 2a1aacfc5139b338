import { AmbassadorService } from './ambassadors.ts';
import { CachedLookups } from './cached-lookups.ts';
import { ClientHashes } from './client-hashes.ts';
import { ClickService, type ClickServiceOptions } from './clicks.ts';
import { ConversionService } from './conversions.ts';
import { RewardService } from './rewards.ts';
import type { ServiceContext } from './service-context.ts';
import { WidgetSessionService } from './widget-session.ts';

export interface Services {
  context: ServiceContext;
  ambassadors: AmbassadorService;
  /** Cached program / origin / code reads for the browser API. */
  lookups: CachedLookups;
  clicks: ClickService;
  conversions: ConversionService;
  rewards: RewardService;
  widgetSessions: WidgetSessionService;
}

export function createServices(context: ServiceContext, clickOptions: ClickServiceOptions): Services {
  const ambassadors = new AmbassadorService(context);
  const hashes = new ClientHashes(clickOptions.ipSalt);
  return {
    context,
    ambassadors,
    lookups: new CachedLookups(context.store),
    clicks: new ClickService(context, clickOptions),
    conversions: new ConversionService(context, ambassadors, hashes),
    rewards: new RewardService(context, ambassadors),
    widgetSessions: new WidgetSessionService(context, ambassadors, hashes),
  };
}
