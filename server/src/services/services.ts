import { AmbassadorService } from './ambassadors.ts';
import { ClickService, type ClickServiceOptions } from './clicks.ts';
import { ConversionService } from './conversions.ts';
import type { ServiceContext } from './service-context.ts';
import { WidgetSessionService } from './widget-session.ts';

export interface Services {
  context: ServiceContext;
  ambassadors: AmbassadorService;
  clicks: ClickService;
  conversions: ConversionService;
  widgetSessions: WidgetSessionService;
}

export function createServices(context: ServiceContext, clickOptions: ClickServiceOptions): Services {
  const ambassadors = new AmbassadorService(context);
  return {
    context,
    ambassadors,
    clicks: new ClickService(context, clickOptions),
    conversions: new ConversionService(context, ambassadors),
    widgetSessions: new WidgetSessionService(context, ambassadors),
  };
}
