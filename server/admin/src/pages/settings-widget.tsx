import { useEffect, useRef, useState } from 'preact/hooks';
import { WIDGET_LANGUAGES, type WidgetLanguage, type WidgetSettings, type WidgetTextCatalog } from '../../../../shared/src/wire.ts';
import { api } from '../api.ts';
import { Notice, Status } from '../components/status.tsx';
import { useAction } from '../use-action.ts';
import { useApi } from '../use-api.ts';

/** The texts owners change most, shown first; every other key is under "All texts". */
const TEXT_KEYS: Array<{ key: string; label: string }> = [
  { key: 'title', label: 'Panel title' },
  { key: 'friendsGet', label: 'Friend offer line ({percent})' },
  { key: 'introTitle', label: 'Intro title ({program})' },
  { key: 'introText', label: 'Intro text' },
  { key: 'offer', label: 'Offer to friends ({name}, {percent})' },
  { key: 'copyLink', label: 'Copy link button' },
  { key: 'rewards', label: 'Rewards heading' },
];
const LANGUAGE_NAMES: Record<WidgetLanguage, string> = { en: 'English', ru: 'Russian', pl: 'Polish' };

/** Widget texts, colours and languages, with a live preview of the unsaved settings. */
export function WidgetSettingsForm() {
  const stored = useApi<WidgetSettings>('/v1/program/widget');
  const catalog = useApi<WidgetTextCatalog>('/v1/program/widget/texts');
  return (
    <section aria-labelledby="widget-title">
      <h2 id="widget-title">Widget</h2>
      {stored.status === 404 ? (
        <p class="muted">This server has no widget settings API yet.</p>
      ) : (
        <Status loaded={stored}>{(data) => <WidgetForm initial={data} saved={stored.reload} catalog={catalog.data?.texts ?? []} />}</Status>
      )}
    </section>
  );
}

function WidgetForm({ initial, saved, catalog }: { initial: WidgetSettings; saved: () => void; catalog: WidgetTextCatalog['texts'] }) {
  const [settings, setSettings] = useState<WidgetSettings>(initial);
  const [lang, setLang] = useState<WidgetLanguage>('en');
  const { notice, run } = useAction();
  const frame = useRef<HTMLIFrameElement>(null);
  const programName = document.querySelector('[data-testid="program-name"]')?.textContent ?? 'Your shop';

  // Every change goes to the preview at once; nothing is saved until the owner says so.
  const post = () =>
    frame.current?.contentWindow?.postMessage({ type: 'sarafan-preview', settings, lang, programName }, location.origin);
  useEffect(post, [settings, lang]);
  useEffect(() => {
    const ready = (event: MessageEvent) => {
      if (event.origin === location.origin && event.data?.type === 'sarafan-preview-ready') post();
    };
    addEventListener('message', ready);
    return () => removeEventListener('message', ready);
  });

  const texts = settings.texts[lang] ?? {};
  // The built-in text shows as the placeholder: an empty field means "keep it".
  const builtIn = (key: string) => catalog.find((entry) => entry.key === key)?.builtIn[lang] ?? '';
  const others = catalog.filter((entry) => !TEXT_KEYS.some((main) => main.key === entry.key) && entry.builtIn[lang] !== undefined);
  function setText(key: string, value: string) {
    const next = { ...texts };
    if (value) next[key] = value;
    else delete next[key];
    setSettings({ ...settings, texts: { ...settings.texts, [lang]: next } });
  }
  function setTheme(change: Partial<WidgetSettings['theme']>) {
    const theme = { ...settings.theme, ...change };
    for (const key of Object.keys(theme) as Array<keyof WidgetSettings['theme']>) if (theme[key] === undefined || theme[key] === '') delete theme[key];
    setSettings({ ...settings, theme });
  }

  async function save(event: Event) {
    event.preventDefault();
    if (await run(() => api('PUT', '/v1/program/widget', settings), 'Widget settings saved: shops show them from the next page load.')) saved();
  }

  return (
    <div class="widget-settings">
      <form onSubmit={save}>
        <label>
          Language of the texts{' '}
          <select value={lang} onChange={(event) => setLang(event.currentTarget.value as WidgetLanguage)}>
            {WIDGET_LANGUAGES.map((code) => (
              <option key={code} value={code}>
                {LANGUAGE_NAMES[code]}
              </option>
            ))}
          </select>
        </label>
        <fieldset>
          <legend>Texts ({LANGUAGE_NAMES[lang]}; empty: the built-in text)</legend>
          {TEXT_KEYS.map(({ key, label }) => (
            <label key={key} class="stacked">
              {label}
              <input
                name={`text-${key}`}
                value={texts[key] ?? ''}
                placeholder={builtIn(key)}
                maxLength={500}
                onInput={(event) => setText(key, event.currentTarget.value)}
              />
            </label>
          ))}
          {others.length > 0 && (
            <details>
              <summary>All texts ({others.length} more)</summary>
              {others.map((entry) => (
                <label key={entry.key} class="stacked">
                  <code>{entry.key}</code>
                  <input
                    name={`text-${entry.key}`}
                    value={texts[entry.key] ?? ''}
                    placeholder={entry.builtIn[lang] ?? ''}
                    maxLength={500}
                    onInput={(event) => setText(entry.key, event.currentTarget.value)}
                  />
                </label>
              ))}
            </details>
          )}
        </fieldset>
        <fieldset>
          <legend>Look</legend>
          <label>
            Accent colour <input type="color" value={settings.theme.accent ?? '#1f6f43'} onInput={(event) => setTheme({ accent: event.currentTarget.value })} />
          </label>{' '}
          <label>
            Corner radius (px){' '}
            <input
              type="number"
              min={0}
              max={32}
              value={settings.theme.radius ?? ''}
              onInput={(event) => setTheme({ radius: event.currentTarget.value === '' ? undefined : Number(event.currentTarget.value) })}
            />
          </label>{' '}
          <label>
            Colour scheme{' '}
            <select value={settings.theme.mode ?? 'auto'} onChange={(event) => setTheme({ mode: event.currentTarget.value as 'light' | 'dark' | 'auto' })}>
              <option value="auto">The visitor's system</option>
              <option value="light">Light</option>
              <option value="dark">Dark</option>
            </select>
          </label>
          <label class="check">
            <input type="checkbox" checked={settings.leaderboard} onChange={(event) => setSettings({ ...settings, leaderboard: event.currentTarget.checked })} /> Show
            the top-10 leaderboard to ambassadors
          </label>
        </fieldset>
        <button type="submit">Save widget settings</button>{' '}
        <button type="button" class="link" onClick={() => setSettings(initial)}>
          Undo changes
        </button>
        <Notice text={notice?.text ?? null} kind={notice?.kind} />
      </form>
      <iframe ref={frame} src="/admin/preview" title="Live preview of the widget with these settings" class="preview" />
    </div>
  );
}
