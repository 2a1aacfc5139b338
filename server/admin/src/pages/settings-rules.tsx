import { useEffect, useState } from 'preact/hooks';
import type { ProgramResponse, RewardRules } from '../../../../shared/src/wire.ts';
import { api } from '../api.ts';
import { Notice, Status } from '../components/status.tsx';
import { dateTime } from '../format.ts';
import { useAction } from '../use-action.ts';
import { useApi } from '../use-api.ts';

/**
 * The reward rules: the two numbers most owners change as fields, everything else as the rules'
 * JSON (documented in the README). Saving makes a new version; orders keep the version they earned under.
 */
export function RulesSettings() {
  const program = useApi<ProgramResponse>('/v1/program');
  return (
    <section aria-labelledby="rules-title">
      <h2 id="rules-title">Reward rules</h2>
      <Status loaded={program}>{(data) => <RulesForm program={data} saved={program.reload} />}</Status>
    </section>
  );
}

function RulesForm({ program, saved }: { program: ProgramResponse; saved: () => void }) {
  const [json, setJson] = useState(() => JSON.stringify(program.rules.rules, null, 2));
  const { notice, setNotice, run } = useAction();
  useEffect(() => setJson(JSON.stringify(program.rules.rules, null, 2)), [program.rules.version]);

  let parsed: RewardRules | null = null;
  try {
    parsed = JSON.parse(json) as RewardRules;
  } catch {
    parsed = null;
  }
  const rate = parsed?.referrer?.rate;
  const discount = parsed?.friendOffer?.discount;

  function patch(change: (rules: RewardRules) => void) {
    if (!parsed) return;
    const next = structuredClone(parsed);
    change(next);
    setJson(JSON.stringify(next, null, 2));
  }

  async function save(event: Event) {
    event.preventDefault();
    if (!parsed) {
      setNotice({ text: 'The rules are not valid JSON.', kind: 'error' });
      return;
    }
    const rules = parsed;
    if (await run(() => api<{ version: number }>('PUT', '/v1/program/rules', rules), (version) => `Saved as version ${version.version}.`)) saved();
  }

  return (
    <form onSubmit={save}>
      <p class="muted">
        Version {program.rules.version} since {dateTime(program.rules.createdAt)} ({program.versions.length} version
        {program.versions.length === 1 ? '' : 's'} in all).
      </p>
      <div class="toolbar">
        {rate?.type === 'percent' && (
          <label>
            Referrer reward (% of the order){' '}
            <input
              type="number"
              min={0}
              max={100}
              step={0.01}
              value={rate.basisPoints / 100}
              onInput={(event) => patch((rules) => {
                rules.referrer.rate = { type: 'percent', basisPoints: Math.round(Number(event.currentTarget.value) * 100) };
              })}
            />
          </label>
        )}{' '}
        {discount?.type === 'percent' && (
          <label>
            Friend discount (%){' '}
            <input
              type="number"
              min={0}
              max={100}
              step={1}
              value={discount.percent}
              onInput={(event) => patch((rules) => {
                rules.friendOffer.discount = { type: 'percent', percent: Math.round(Number(event.currentTarget.value)) };
              })}
            />
          </label>
        )}
      </div>
      <label for="rules-json">All rules (JSON)</label>
      <textarea id="rules-json" rows={12} spellcheck={false} value={json} onInput={(event) => setJson(event.currentTarget.value)} aria-invalid={parsed ? undefined : 'true'} />
      <p>
        <button type="submit">Save rules</button>
      </p>
      <Notice text={notice?.text ?? null} kind={notice?.kind} />
    </form>
  );
}
