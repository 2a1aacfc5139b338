/**
 * The widget preview framed by the settings page: the widget's own panel code (bundled here, so
 * the preview is exactly what shops show) rendered with sample data and the owner's unsaved
 * settings, which the dashboard sends by `postMessage`. Same origin only.
 */
import type { SessionResponse, WidgetSettings } from '../../../../shared/src/wire.ts';
import type { PanelContext } from '../../../../widget/src/panel-context.ts';
import { renderInline } from '../../../../widget/src/panel/inline-placement.tsx';
import { messagesFor } from '../../../../widget/src/panel/translations.ts';

export interface PreviewMessage {
  type: 'sarafan-preview';
  settings: WidgetSettings;
  lang: string;
  programName: string;
}

const SAMPLE = (programName: string, widget: WidgetSettings): SessionResponse => ({
  program: { id: 'preview', name: programName },
  widget,
  offer: null,
  ambassador: {
    code: 'ALICE7K2',
    name: 'Alice',
    link: `${location.origin}/r/ALICE7K2`,
    couponCode: 'ALICE7K2',
    offer: { ambassadorName: 'Alice', couponCode: 'ALICE7K2', discount: { type: 'percent', percent: 10 } },
    stats: { clicks: 12, friendsBought: 3 },
    rewards: [
      { amount: 1250, currency: 'EUR', status: 'approved', createdAt: Date.UTC(2026, 0, 10) },
      { amount: 800, currency: 'EUR', status: 'pending', createdAt: Date.UTC(2026, 0, 20) },
    ],
    totals: [{ currency: 'EUR', pending: 800, approved: 1250, paid: 0 }],
  },
});

let latest = 0;

async function show(message: PreviewMessage): Promise<void> {
  const ticket = ++latest;
  // The extras chunk, as the panel loads it on a shop's page.
  const [messages, { prepare }] = await Promise.all([messagesFor(message.lang), import('../../../../widget/src/panel/extras/extras.tsx')]);
  if (ticket !== latest) return;
  const mount = document.getElementById('preview');
  if (!mount) return;
  // The leaderboard would be fetched for a program that does not exist: left out of the preview.
  const session = SAMPLE(message.programName, { ...message.settings, leaderboard: false });
  // What the panel does with a session on a shop's page: the owner's texts and theme over the
  // built-in ones, then the inline placement.
  const t = await prepare(session, messages, PREVIEW_CONTEXT, message.lang, async () => {});
  if (ticket !== latest) return;
  renderInline(mount, session, t, message.lang);
}

const PREVIEW_CONTEXT: PanelContext = {
  server: location.origin,
  programId: 'preview',
  visitorId: 'preview',
  referral: null,
  identity: null,
  dataset: {},
  orderId: null,
  reason: 'inline',
};

addEventListener('message', (event: MessageEvent<PreviewMessage>) => {
  if (event.origin !== location.origin || event.data?.type !== 'sarafan-preview') return;
  void show(event.data);
});
// Tells the dashboard the preview is listening (it may have sent settings before this loaded).
parent.postMessage({ type: 'sarafan-preview-ready' }, location.origin);
