import type { WidgetEventInput, WidgetEventsRequest, WidgetPlacement } from '../../../shared/src/wire.ts';
import type { PanelContext } from '../panel-context.ts';

let target: PanelContext | undefined;
/** Placements already reported as shown on this page view. */
const shown = new Set<WidgetPlacement>();

/** Where events go and whose they are: set by every `show`, so the latest context wins. */
export function setEventTarget(context: PanelContext): void {
  target = context;
}

/**
 * Reports widget events to `POST {server}/v1/widget/events`. A beacon, because a share link may
 * navigate away at once and the report must survive the unload; `text/plain` keeps it a simple
 * request (no CORS preflight). Where beacons are missing or refused, a `keepalive` fetch does the
 * same. Analytics never break the page: any failure is swallowed.
 */
export function sendEvents(events: WidgetEventInput[], code?: string): void {
  if (!target || !events.length) return;
  try {
    const url = target.server + '/v1/widget/events';
    const body = JSON.stringify({ programId: target.programId, visitorId: target.visitorId, code, events } satisfies WidgetEventsRequest);
    if (!navigator.sendBeacon?.(url, new Blob([body], { type: 'text/plain' }))) {
      fetch(url, { method: 'POST', keepalive: true, credentials: 'omit', body }).catch(() => {});
    }
  } catch {
    // Not worth a warning: the page and the widget work without it.
  }
}

/** `widget_shown` once per placement and page view, however often the placement re-renders. */
export function reportShown(placements: WidgetPlacement[], code?: string): void {
  sendEvents(
    placements.filter((placement) => !shown.has(placement) && shown.add(placement)).map((placement) => ({ type: 'widget_shown', placement })),
    code,
  );
}

/** A share by the ambassador `code`. */
export function reportShare(channel: WidgetEventInput['channel'], placement: WidgetPlacement | undefined, code: string): void {
  sendEvents([{ type: 'share', channel, placement }], code);
}

/** For tests: a fresh page view. */
export function resetEvents(): void {
  shown.clear();
  target = undefined;
}
