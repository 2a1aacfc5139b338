/**
 * The widget preview framed by the settings page: the widget's own panel code (bundled here, so
 * the preview is exactly what shops show) rendered with sample data and the owner's unsaved
 * settings, which the dashboard sends by `postMessage`. Same origin only.
 */
import type { SessionResponse, WidgetSettings } from '../../../../shared/src/wire.ts';
import { renderInline } from '../../../../widget/src/panel/inline-placement.tsx';
import { applyTheme } from '../../../../widget/src/panel/shadow-host.tsx';
import { messagesFor, withTexts } from '../../../../widget/src/panel/translations.ts';

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
  const messages = await messagesFor(message.lang);
  if (ticket !== latest) return;
  const mount = document.getElementById('preview');
  if (!mount) return;
  const { theme } = message.settings;
  applyTheme(theme.mode === 'light' || theme.mode === 'dark' ? theme.mode : undefined);
  // The panel's custom properties cross its shadow boundary, as on a shop's page.
  setProperty(mount, '--sarafan-accent', theme.accent);
  setProperty(mount, '--sarafan-radius', theme.radius === undefined ? undefined : `${theme.radius}px`);
  setProperty(mount, '--sarafan-font', theme.font);
  const texts = message.settings.texts[message.lang as keyof WidgetSettings['texts']] ?? {};
  renderInline(mount, SAMPLE(message.programName, message.settings), withTexts(messages, JSON.stringify(texts)), message.lang);
}

function setProperty(element: HTMLElement, name: string, value: string | undefined): void {
  if (value) element.style.setProperty(name, value);
  else element.style.removeProperty(name);
}

addEventListener('message', (event: MessageEvent<PreviewMessage>) => {
  if (event.origin !== location.origin || event.data?.type !== 'sarafan-preview') return;
  void show(event.data);
});
// Tells the dashboard the preview is listening (it may have sent settings before this loaded).
parent.postMessage({ type: 'sarafan-preview-ready' }, location.origin);
