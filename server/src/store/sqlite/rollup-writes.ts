import type { Database } from 'better-sqlite3';
import { HyperLogLog } from '../../domain/hyperloglog.ts';
import { customerKey, DAY_MS, type RollupSources, type SketchMetric } from './rollup-sources.ts';

/** What a click contributes to the roll-ups: these columns of `clicks`, flags as 0/1. */
export const CLICK_FACT_COLUMNS = 'program_id, created_at, counted, self, qr, device_type, browser, os, visitor_id';
export interface ClickFacts {
  program_id: string;
  created_at: number;
  counted: number;
  self: number;
  qr: number;
  device_type: string | null;
  browser: string | null;
  os: string | null;
  visitor_id: string | null;
}

/** The fields of a conversion the roll-ups read (a `ConversionRecord` has them all). */
export interface ConversionFacts {
  programId: string;
  orderId: string;
  createdAt: number;
  currency: string;
  amount: number;
  refundedAmount: number;
  attributed: boolean;
  attributedVia: string | null;
  clickId: string | null;
  visitorId: string | null;
  customerEmailNormalised: string | null;
  customerId: string | null;
}

const day = (at: number) => Math.floor(at / DAY_MS);
const counts = (click: ClickFacts | null): click is ClickFacts => click !== null && click.counted === 1 && click.self === 0;

/**
 * Keeps the roll-ups in step with the raw tables, inside the caller's transaction. A write collects
 * its changes in a `RollupBatch` and flushes it before committing: a batch of clicks then costs one
 * upsert per key and one read-modify-write per sketch (no write when no register rose), not one
 * per click.
 *
 * Sketches only grow. When an event stops counting (a click found to be the ambassador's own, an
 * order whose customer was erased), its day's sketch is recounted from the raw rows of that day.
 */
export function createRollupWrites(db: Database, sources: RollupSources) {
  // Not an upsert: SQLite checks the row to insert before it finds the conflict, and a click that
  // stops counting is a negative change.
  const CLICK_KEY = 'program_id = @programId AND day = @day AND device_type = @deviceType AND browser = @browser AND os = @os';
  const changeClicks = db.prepare(`UPDATE rollup_clicks SET clicks = clicks + @clicks, qr = qr + @qr WHERE ${CLICK_KEY}`);
  const insertClicks = db.prepare(
    `INSERT INTO rollup_clicks (program_id, day, device_type, browser, os, clicks, qr)
     VALUES (@programId, @day, @deviceType, @browser, @os, @clicks, @qr)`,
  );
  const dropEmptyClicks = db.prepare(`DELETE FROM rollup_clicks WHERE ${CLICK_KEY} AND clicks = 0`);
  const addEvents = db.prepare(
    `INSERT INTO rollup_widget_events (program_id, day, type, channel, events) VALUES (@programId, @day, @type, @channel, @events)
     ON CONFLICT (program_id, day, type, channel) DO UPDATE SET events = events + excluded.events`,
  );
  const addConversions = db.prepare(
    `INSERT INTO rollup_conversions (program_id, day, currency, attributed, coupon_only, orders, revenue)
     VALUES (@programId, @day, @currency, @attributed, @couponOnly, @orders, @revenue)
     ON CONFLICT (program_id, day, currency, attributed, coupon_only) DO UPDATE SET orders = orders + excluded.orders, revenue = revenue + excluded.revenue`,
  );
  const storedSketch = db
    .prepare<{ programId: string; metric: string; day: number; scope: string }, Buffer>(
      'SELECT registers FROM rollup_sketches WHERE program_id = @programId AND metric = @metric AND day = @day AND scope = @scope',
    )
    .pluck();
  const saveSketch = db.prepare(
    `INSERT INTO rollup_sketches (program_id, metric, day, scope, registers) VALUES (@programId, @metric, @day, @scope, @registers)
     ON CONFLICT (program_id, metric, day, scope) DO UPDATE SET registers = excluded.registers`,
  );
  const deleteSketches = db.prepare('DELETE FROM rollup_sketches WHERE program_id = @programId AND metric = @metric AND day = @day');

  /** Counts of one key, summed in the batch and written once. */
  type Delta<Key> = { key: Key; values: Record<string, number> };

  class RollupBatch {
    readonly #clicks = new Map<string, Delta<{ programId: string; day: number; deviceType: string; browser: string; os: string }>>();
    readonly #events = new Map<string, Delta<{ programId: string; day: number; type: string; channel: string }>>();
    readonly #conversions = new Map<string, Delta<{ programId: string; day: number; currency: string; attributed: number; couponOnly: number }>>();
    readonly #seen = new Map<string, { programId: string; metric: SketchMetric; day: number; scope: string; ids: string[] }>();
    readonly #recount = new Map<string, { programId: string; metric: SketchMetric; day: number }>();

    /** A click written (`before` null) or changed; `after` as stored now. */
    clickChanged(before: ClickFacts | null, after: ClickFacts): void {
      const same =
        counts(before) && counts(after) && before.created_at === after.created_at && before.device_type === after.device_type &&
        before.browser === after.browser && before.os === after.os && before.qr === after.qr;
      if (!same) {
        if (counts(before)) this.#click(before, -1);
        if (counts(after)) this.#click(after, 1);
      }
      const visitorBefore = counts(before) ? before.visitor_id : null;
      const visitorAfter = counts(after) ? after.visitor_id : null;
      if (visitorBefore === visitorAfter) return;
      if (visitorAfter !== null) this.#see('referred', after.program_id, after.created_at, '', visitorAfter);
      if (visitorBefore !== null && before) this.recount('referred', before.program_id, before.created_at);
    }

    widgetEvent(event: { programId: string; type: string; channel: string | null; visitorId: string; createdAt: number }): void {
      const key = { programId: event.programId, day: day(event.createdAt), type: event.type, channel: event.channel ?? '' };
      add(this.#events, key, { events: 1 });
      if (event.type === 'widget_shown') this.#see('shown', event.programId, event.createdAt, '', event.visitorId);
      if (event.type === 'panel_opened') this.#see('opened', event.programId, event.createdAt, '', event.visitorId);
    }

    conversionAdded(conversion: ConversionFacts): void {
      this.#conversion(conversion, { orders: 1, revenue: conversion.amount - conversion.refundedAmount });
      const customer = customerKey(conversion);
      this.#see('customers', conversion.programId, conversion.createdAt, conversion.currency, customer);
      if (!conversion.attributed) return;
      this.#see('referred_customers', conversion.programId, conversion.createdAt, conversion.currency, customer);
      if (conversion.clickId !== null && conversion.visitorId !== null) {
        this.#see('purchased', conversion.programId, conversion.createdAt, '', conversion.visitorId);
      }
    }

    /** Revenue is the amount less what was refunded: a refund lowers its order's day. */
    conversionRefunded(conversion: ConversionFacts, refundedAfter: number): void {
      this.#conversion(conversion, { orders: 0, revenue: conversion.refundedAmount - refundedAfter });
    }

    /** The sketch of that day is computed again from the raw rows when the batch is flushed. */
    recount(metric: SketchMetric, programId: string, at: number): void {
      this.#recount.set(`${programId}\u001f${metric}\u001f${day(at)}`, { programId, metric, day: day(at) });
    }

    flush(): void {
      for (const { key, values } of this.#clicks.values()) {
        if (values.clicks === 0 && values.qr === 0) continue;
        const change = { ...key, clicks: values.clicks, qr: values.qr };
        if (changeClicks.run(change).changes === 0) insertClicks.run(change);
        else if ((values.clicks as number) < 0) dropEmptyClicks.run(key);
      }
      for (const { key, values } of this.#events.values()) addEvents.run({ ...key, events: values.events });
      for (const { key, values } of this.#conversions.values()) addConversions.run({ ...key, orders: values.orders, revenue: values.revenue });
      for (const { ids, ...key } of this.#seen.values()) {
        if (this.#recount.has(`${key.programId}\u001f${key.metric}\u001f${key.day}`)) continue;
        const stored = storedSketch.get(key);
        const sketch = stored ? HyperLogLog.fromBlob(stored) : new HyperLogLog();
        let changed = !stored;
        for (const id of ids) changed = sketch.add(id) || changed;
        // Rewriting 4 KB that did not change would only lengthen the commit.
        if (changed) saveSketch.run({ ...key, registers: sketch.toBlob() });
      }
      for (const target of this.#recount.values()) recountDay(target.programId, target.metric, target.day);
    }

    #click(click: ClickFacts, sign: 1 | -1): void {
      const key = { programId: click.program_id, day: day(click.created_at), deviceType: click.device_type ?? '', browser: click.browser ?? '', os: click.os ?? '' };
      add(this.#clicks, key, { clicks: sign, qr: sign * click.qr });
    }

    #conversion(conversion: ConversionFacts, values: { orders: number; revenue: number }): void {
      const couponOnly = conversion.attributed && conversion.attributedVia === 'coupon' && conversion.clickId === null ? 1 : 0;
      const key = { programId: conversion.programId, day: day(conversion.createdAt), currency: conversion.currency, attributed: conversion.attributed ? 1 : 0, couponOnly };
      add(this.#conversions, key, values);
    }

    #see(metric: SketchMetric, programId: string, at: number, scope: string, id: string): void {
      const key = `${programId}\u001f${metric}\u001f${day(at)}\u001f${scope}`;
      const entry = this.#seen.get(key) ?? { programId, metric, day: day(at), scope, ids: [] };
      entry.ids.push(id);
      this.#seen.set(key, entry);
    }
  }

  function add<Key extends object>(deltas: Map<string, Delta<Key>>, key: Key, values: Record<string, number>): void {
    const id = Object.values(key).join('\u001f');
    const delta = deltas.get(id);
    if (!delta) {
      deltas.set(id, { key, values: { ...values } });
      return;
    }
    for (const [name, value] of Object.entries(values)) delta.values[name] = (delta.values[name] ?? 0) + value;
  }

  /** Replaces the sketches of one program, figure and day with ones counted from the raw rows. */
  function recountDay(programId: string, metric: SketchMetric, dayNumber: number): void {
    deleteSketches.run({ programId, metric, day: dayNumber });
    const sketches = new Map<string, HyperLogLog>();
    for (const row of sources.sketchIds[metric].iterate({ programId, from: dayNumber * DAY_MS, to: (dayNumber + 1) * DAY_MS })) {
      const sketch = sketches.get(row.scope) ?? new HyperLogLog();
      sketch.add(row.id);
      sketches.set(row.scope, sketch);
    }
    for (const [scope, sketch] of sketches) saveSketch.run({ programId, metric, day: dayNumber, scope, registers: sketch.toBlob() });
  }

  return {
    batch: () => new RollupBatch(),
    saveSketch: (row: { programId: string; metric: SketchMetric; day: number; scope: string; registers: Buffer }) => saveSketch.run(row),
  };
}

export type RollupWrites = ReturnType<typeof createRollupWrites>;
export type RollupBatch = ReturnType<RollupWrites['batch']>;
