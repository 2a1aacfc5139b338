import type { AnalyticsOverview, WidgetEventsRequest, WidgetEventsResponse } from '../../../shared/src/wire.ts';
import { analyticsOverview, DEFAULT_PERIOD_MS, MAX_PERIOD_MS } from '../domain/analytics.ts';
import { InvalidPeriodError } from '../errors.ts';
import type { AmbassadorRecord, ProgramRecord } from '../store/records.ts';
import type { ServiceContext } from './service-context.ts';

/** The widget's funnel events in, the owner's overview out. */
export class AnalyticsService {
  readonly #context: ServiceContext;

  constructor(context: ServiceContext) {
    this.#context = context;
  }

  /** Stamps the server's time; `ambassador` is the code's, when it is one of this program's. */
  async recordEvents(program: ProgramRecord, request: WidgetEventsRequest, ambassador: AmbassadorRecord | null): Promise<WidgetEventsResponse> {
    const createdAt = this.#context.clock();
    await this.#context.store.recordWidgetEvents(
      request.events.map((event) => ({
        programId: program.id,
        type: event.type,
        placement: event.placement ?? null,
        channel: event.channel ?? null,
        visitorId: request.visitorId,
        ambassadorId: ambassador?.id ?? null,
        createdAt,
      })),
    );
    return { accepted: request.events.length };
  }

  /** `from`/`to` as given (epoch ms, `to` exclusive); by default the last 30 days up to now. */
  async overview(program: ProgramRecord, query: { from?: number; to?: number }): Promise<AnalyticsOverview> {
    const to = query.to ?? (query.from !== undefined ? query.from + DEFAULT_PERIOD_MS : this.#context.clock());
    const from = query.from ?? to - DEFAULT_PERIOD_MS;
    if (!(from < to) || to - from > MAX_PERIOD_MS) throw new InvalidPeriodError();
    const range = { from, to };
    return analyticsOverview(range, await this.#context.store.analyticsFacts(program.id, range));
  }
}
