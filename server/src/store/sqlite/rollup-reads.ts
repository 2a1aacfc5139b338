import type { Database, Statement } from 'better-sqlite3';
import { HyperLogLog } from '../../domain/hyperloglog.ts';
import {
  DAY_MS,
  type ClickRollupRow,
  type ConversionRollupRow,
  type EventRollupRow,
  type ProgramRange,
  type RollupSources,
  type SketchMetric,
} from './rollup-sources.ts';

type DayRange = { programId: string; fromDay: number; toDay: number };

/**
 * A period as whole UTC days, read from the roll-ups, and the partial days at either end (the
 * dashboard asks for whole days, the API for any time), read from the raw tables in the same shape.
 */
export function splitPeriod(range: { from: number; to: number }): { days: { fromDay: number; toDay: number } | null; edges: Array<{ from: number; to: number }> } {
  const fromDay = Math.ceil(range.from / DAY_MS);
  const toDay = Math.floor(range.to / DAY_MS);
  if (fromDay >= toDay) return { days: null, edges: [{ from: range.from, to: range.to }] };
  const edges = [];
  if (range.from < fromDay * DAY_MS) edges.push({ from: range.from, to: fromDay * DAY_MS });
  if (toDay * DAY_MS < range.to) edges.push({ from: toDay * DAY_MS, to: range.to });
  return { days: { fromDay, toDay }, edges };
}

/** A period's roll-up rows, each kind read once however many figures use it. */
export interface RollupPeriod {
  readonly params: ProgramRange;
  readonly clicks: ClickRollupRow[];
  readonly widgetEvents: EventRollupRow[];
  readonly conversions: ConversionRollupRow[];
  /** Distinct ids per scope, estimated by merging the days' sketches. */
  distinct(metric: SketchMetric): Map<string, number>;
}

export function createRollupReads(db: Database, sources: RollupSources) {
  const stored = {
    clicks: db.prepare<DayRange, ClickRollupRow>(
      `SELECT day, device_type, browser, os, clicks, qr FROM rollup_clicks
       WHERE program_id = @programId AND day >= @fromDay AND day < @toDay`,
    ),
    widgetEvents: db.prepare<DayRange, EventRollupRow>(
      `SELECT day, type, channel, events FROM rollup_widget_events
       WHERE program_id = @programId AND day >= @fromDay AND day < @toDay`,
    ),
    conversions: db.prepare<DayRange, ConversionRollupRow>(
      `SELECT day, currency, attributed, coupon_only, orders, revenue FROM rollup_conversions
       WHERE program_id = @programId AND day >= @fromDay AND day < @toDay`,
    ),
  };
  const sketches = db.prepare<DayRange & { metric: SketchMetric }, { scope: string; registers: Buffer }>(
    `SELECT scope, registers FROM rollup_sketches
     WHERE program_id = @programId AND metric = @metric AND day >= @fromDay AND day < @toDay`,
  );

  function rows<Row>(rollup: Statement<DayRange, Row>, raw: Statement<ProgramRange, Row>, params: ProgramRange): Row[] {
    const { days, edges } = splitPeriod(params);
    const result = days ? rollup.all({ programId: params.programId, ...days }) : [];
    for (const edge of edges) result.push(...raw.all({ programId: params.programId, ...edge }));
    return result;
  }

  function distinct(params: ProgramRange, metric: SketchMetric): Map<string, number> {
    const merged = new Map<string, HyperLogLog>();
    const sketchOf = (scope: string) => {
      const sketch = merged.get(scope) ?? new HyperLogLog();
      merged.set(scope, sketch);
      return sketch;
    };
    const { days, edges } = splitPeriod(params);
    if (days) {
      for (const row of sketches.iterate({ programId: params.programId, metric, ...days })) {
        sketchOf(row.scope).mergeBlob(row.registers);
      }
    }
    for (const edge of edges) {
      for (const row of sources.sketchIds[metric].iterate({ programId: params.programId, ...edge })) sketchOf(row.scope).add(row.id);
    }
    return new Map([...merged].map(([scope, sketch]) => [scope, sketch.estimate()]));
  }

  return {
    period(params: ProgramRange): RollupPeriod {
      const memo: { clicks?: ClickRollupRow[]; widgetEvents?: EventRollupRow[]; conversions?: ConversionRollupRow[] } = {};
      return {
        params,
        get clicks() {
          return (memo.clicks ??= rows(stored.clicks, sources.clicks, params));
        },
        get widgetEvents() {
          return (memo.widgetEvents ??= rows(stored.widgetEvents, sources.widgetEvents, params));
        },
        get conversions() {
          return (memo.conversions ??= rows(stored.conversions, sources.conversions, params));
        },
        distinct: (metric) => distinct(params, metric),
      };
    },
  };
}

export type RollupReads = ReturnType<typeof createRollupReads>;
