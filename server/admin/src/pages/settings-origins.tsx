import { useState } from 'preact/hooks';
import type { AllowedOriginsBody } from '../../../../shared/src/wire.ts';
import { api } from '../api.ts';
import { Notice, Status } from '../components/status.tsx';
import { useAction } from '../use-action.ts';
import { useApi } from '../use-api.ts';

/** localhost and 127.0.0.1 are one origin to the server (it stores both names), so to the list too. */
const sameSite = (a: string, b: string) => a.replace('//127.0.0.1', '//localhost') === b.replace('//127.0.0.1', '//localhost');

/** The shop's page origins whose widget may call the browser API: add one, remove one. */
export function OriginSettings() {
  const stored = useApi<AllowedOriginsBody>('/v1/program/origins');
  const [origin, setOrigin] = useState('');
  const { notice, run } = useAction();

  async function save(allowedOrigins: string[], done: string): Promise<boolean> {
    const saved = await run(() => api('PUT', '/v1/program/origins', { allowedOrigins }), done);
    stored.reload();
    return saved;
  }

  return (
    <section aria-labelledby="origins-title">
      <h2 id="origins-title">Allowed origins</h2>
      <p class="muted">Pages of these origins may show the widget; the browser API refuses any other. Changes apply at once.</p>
      <Notice text={notice?.text ?? null} kind={notice?.kind} />
      <Status loaded={stored}>
        {(data) => (
          <ul class="origins">
            {data.allowedOrigins.map((entry) => {
              const rest = data.allowedOrigins.filter((other) => !sameSite(other, entry));
              return (
                <li key={entry}>
                  <code>{entry}</code>{' '}
                  <button
                    type="button"
                    aria-label={`Remove ${entry}`}
                    disabled={rest.length === 0}
                    title={rest.length === 0 ? 'A program needs at least one origin.' : undefined}
                    onClick={() => save(rest, `${entry} removed.`)}
                  >
                    Remove
                  </button>
                </li>
              );
            })}
          </ul>
        )}
      </Status>
      <form
        class="toolbar"
        onSubmit={(event) => {
          event.preventDefault();
          if (!stored.data) return;
          void save([...stored.data.allowedOrigins, origin.trim()], `${origin.trim()} added.`).then((saved) => saved && setOrigin(''));
        }}
      >
        <label>
          Page origin{' '}
          <input type="url" required placeholder="https://shop.example" value={origin} onInput={(event) => setOrigin(event.currentTarget.value)} />
        </label>{' '}
        <button type="submit" disabled={!stored.data}>
          Add origin
        </button>
      </form>
    </section>
  );
}
