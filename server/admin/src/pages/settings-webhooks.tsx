import { useState } from 'preact/hooks';
import { WEBHOOK_EVENT_TYPES, type WebhookDeliveryView, type WebhookEndpointView } from '../../../../shared/src/wire.ts';
import { api, errorText } from '../api.ts';
import { ScrollTable } from '../components/scroll-table.tsx';
import { Notice, Status } from '../components/status.tsx';
import { dateTime } from '../format.ts';
import { useAction } from '../use-action.ts';
import { useApi } from '../use-api.ts';

export function WebhookSettings() {
  const endpoints = useApi<{ webhooks: WebhookEndpointView[] }>('/v1/webhooks');
  const [url, setUrl] = useState('');
  const [events, setEvents] = useState<Set<string>>(new Set());
  const [open, setOpen] = useState<number | null>(null);
  const { notice, run: act } = useAction();

  async function run(action: () => Promise<unknown>, done: string) {
    await act(action, done);
    endpoints.reload();
  }

  return (
    <section aria-labelledby="webhooks-title">
      <h2 id="webhooks-title">Webhooks</h2>
      <Notice text={notice?.text ?? null} kind={notice?.kind} />
      <Status loaded={endpoints}>
        {(data) => (
          <ul class="webhooks">
            {data.webhooks.map((endpoint) => (
              <li key={endpoint.id}>
                <code>{endpoint.url}</code> <span class="muted">{endpoint.events.join(', ')}</span>{' '}
                <button type="button" aria-expanded={open === endpoint.id} onClick={() => setOpen(open === endpoint.id ? null : endpoint.id)}>
                  Delivery log
                </button>{' '}
                <button type="button" onClick={() => run(() => api('DELETE', `/v1/webhooks/${endpoint.id}`), 'Webhook removed.')}>
                  Remove
                </button>
                <details>
                  <summary>Signing secret</summary>
                  <code>{endpoint.secret}</code>
                </details>
                {open === endpoint.id && <Deliveries endpointId={endpoint.id} />}
              </li>
            ))}
            {data.webhooks.length === 0 && <li class="muted">No webhooks.</li>}
          </ul>
        )}
      </Status>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void run(
            () => api('POST', '/v1/webhooks', { url: url.trim(), ...(events.size ? { events: [...events] } : {}) }),
            'Webhook saved.',
          ).then(() => setUrl(''));
        }}
      >
        <label>
          URL <input type="url" required value={url} placeholder="https://shop.example/webhooks/sarafan" onInput={(event) => setUrl(event.currentTarget.value)} />
        </label>
        <fieldset>
          <legend>Events (none ticked: all)</legend>
          {WEBHOOK_EVENT_TYPES.map((type) => (
            <label key={type} class="check">
              <input
                type="checkbox"
                checked={events.has(type)}
                onChange={(event) => {
                  const next = new Set(events);
                  if (event.currentTarget.checked) next.add(type);
                  else next.delete(type);
                  setEvents(next);
                }}
              />{' '}
              {type}
            </label>
          ))}
        </fieldset>
        <button type="submit">Add webhook</button>
      </form>
    </section>
  );
}

function Deliveries({ endpointId }: { endpointId: number }) {
  const deliveries = useApi<{ deliveries: WebhookDeliveryView[] }>(`/v1/webhooks/${endpointId}/deliveries`);
  const [error, setError] = useState<string | null>(null);
  return (
    <Status loaded={deliveries}>
      {(data) => (
        <>
          <Notice text={error} kind="error" />
          <ScrollTable>
            <thead>
              <tr>
                <th scope="col">Event</th>
                <th scope="col">Status</th>
                <th scope="col">Attempts</th>
                <th scope="col">Created</th>
                <th scope="col" />
              </tr>
            </thead>
            <tbody>
              {data.deliveries.map((delivery) => (
                <tr key={delivery.id}>
                  <td>{delivery.type}</td>
                  <td>{delivery.status}</td>
                  <td title={delivery.log.map((entry) => `${dateTime(entry.attemptedAt)}: ${entry.statusCode ?? entry.error ?? ''} (${entry.durationMs} ms)`).join('\n')}>
                    {delivery.attempts}
                    {delivery.log.length > 0 ? ` (last: ${delivery.log.at(-1)?.statusCode ?? delivery.log.at(-1)?.error ?? ''})` : ''}
                  </td>
                  <td>{dateTime(delivery.createdAt)}</td>
                  <td>
                    <button
                      type="button"
                      onClick={() =>
                        api('POST', `/v1/webhooks/deliveries/${delivery.id}/redeliver`).then(deliveries.reload, (failure: unknown) => setError(errorText(failure)))
                      }
                    >
                      Send again
                    </button>
                  </td>
                </tr>
              ))}
              {data.deliveries.length === 0 && (
                <tr>
                  <td colSpan={5} class="muted">No deliveries yet.</td>
                </tr>
              )}
            </tbody>
          </ScrollTable>
        </>
      )}
    </Status>
  );
}
