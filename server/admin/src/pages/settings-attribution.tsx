import { useState } from 'preact/hooks';
import type { AttributionSettings } from '../../../../shared/src/wire.ts';
import { api } from '../api.ts';
import { Notice, Status } from '../components/status.tsx';
import { useAction } from '../use-action.ts';
import { useApi } from '../use-api.ts';

type Attribution = AttributionSettings;

const DAY_MS = 86_400_000;

/** How long after a click an order still counts, and which ambassador's click wins. */
export function AttributionSettingsForm() {
  const stored = useApi<Attribution>('/v1/program/attribution');
  return (
    <section aria-labelledby="attribution-title">
      <h2 id="attribution-title">Attribution</h2>
      <Status loaded={stored}>{(data) => <AttributionForm initial={data} />}</Status>
    </section>
  );
}

function AttributionForm({ initial }: { initial: Attribution }) {
  const [days, setDays] = useState(String(initial.attributionWindowMs / DAY_MS));
  const [model, setModel] = useState(initial.attributionModel);
  const { notice, run } = useAction();

  async function save(event: Event) {
    event.preventDefault();
    await run(
      () => api('PUT', '/v1/program/attribution', { attributionWindowMs: Math.round(Number(days) * DAY_MS), attributionModel: model }),
      'Attribution saved: orders from now on follow it.',
    );
  }

  return (
    <form class="toolbar" onSubmit={save}>
      <label>
        Window (days){' '}
        <input type="number" min={0.05} max={365} step="any" required value={days} onInput={(event) => setDays(event.currentTarget.value)} />
      </label>{' '}
      <label>
        Credit goes to the{' '}
        <select value={model} onChange={(event) => setModel(event.currentTarget.value as Attribution['attributionModel'])}>
          <option value="last_click">last click</option>
          <option value="first_click">first click</option>
        </select>
      </label>{' '}
      <button type="submit">Save attribution</button>
      <Notice text={notice?.text ?? null} kind={notice?.kind} />
    </form>
  );
}
