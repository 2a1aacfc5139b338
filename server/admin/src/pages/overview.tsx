import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import type { AnalyticsEstimate, AnalyticsOverview } from '../../../../shared/src/wire.ts';
import { DailyChart } from '../components/daily-chart.tsx';
import { ScrollTable } from '../components/scroll-table.tsx';
import { ShareBars } from '../components/share-bars.tsx';
import { Status } from '../components/status.tsx';
import { count, duration, isoDay, money, percent } from '../format.ts';
import { useApi } from '../use-api.ts';

const DAY_MS = 86_400_000;

/** The referral loop at a glance, for a period of whole UTC days (the last 30 by default). */
export function OverviewPage() {
  const today = Date.now() - (Date.now() % DAY_MS);
  const [from, setFrom] = useState(isoDay(today - 29 * DAY_MS));
  const [to, setTo] = useState(isoDay(today));
  const fromMs = Date.parse(`${from}T00:00:00Z`);
  const toMs = Date.parse(`${to}T00:00:00Z`) + DAY_MS;
  const valid = Number.isFinite(fromMs) && Number.isFinite(toMs) && fromMs < toMs;
  const overview = useApi<AnalyticsOverview>(valid ? `/v1/analytics/overview?from=${fromMs}&to=${toMs}` : null);

  return (
    <>
      <h1>Overview</h1>
      <form class="period" onSubmit={(event) => event.preventDefault()}>
        <label>
          From <input type="date" value={from} max={to} onChange={(event) => setFrom(event.currentTarget.value)} />
        </label>
        <label>
          To <input type="date" value={to} min={from} onChange={(event) => setTo(event.currentTarget.value)} />
        </label>
      </form>
      {!valid && <p class="error">Pick a start day before the end day.</p>}
      <Status loaded={overview}>{(data) => <OverviewBody data={data} />}</Status>
    </>
  );
}

type Step = {
  key: string;
  label: string;
  value: number;
  rate: number | null | undefined;
  detail?: string;
  /** The figures of the answer that the value and the rate are. */
  figures?: { value?: AnalyticsEstimate; rate?: AnalyticsEstimate };
};

function OverviewBody({ data }: { data: AnalyticsOverview }) {
  const { funnel } = data;
  // Over a long, busy period distinct visitors and customers are estimated (1.6% standard error).
  const estimated = new Set<AnalyticsEstimate | undefined>(data.estimated);
  const approx = (figure: AnalyticsEstimate | undefined) => (estimated.has(figure) ? <Approx /> : null);
  const steps: Step[] = [
    { key: 'widgetShown', label: 'Widget shown', value: funnel.widgetShown, rate: undefined, figures: { value: 'funnel.widgetShown' } },
    {
      key: 'panelOpened',
      label: 'Panel opened',
      value: funnel.panelOpened,
      rate: funnel.rates.panelOpened,
      figures: { value: 'funnel.panelOpened', rate: 'funnel.rates.panelOpened' },
    },
    {
      key: 'shares',
      label: 'Shares',
      value: funnel.shares,
      rate: funnel.rates.shares,
      figures: { rate: 'funnel.rates.shares' },
      detail: Object.entries(funnel.sharesByChannel).map(([channel, shares]) => `${channel} ${shares}`).join(', '),
    },
    {
      key: 'clicks',
      label: 'Clicks',
      value: funnel.clicks,
      rate: funnel.rates.clicks,
      detail: `link ${funnel.clicksBySource.link}, QR ${funnel.clicksBySource.qr}, coupon ${funnel.clicksBySource.coupon}`,
    },
    { key: 'identified', label: 'Referred visitors identified', value: funnel.identified, rate: funnel.rates.identified },
    { key: 'purchases', label: 'Purchases', value: funnel.purchases, rate: funnel.rates.purchases },
    { key: 'rewards', label: 'Rewards', value: funnel.rewards, rate: funnel.rates.rewards },
  ];
  return (
    <>
      <section aria-labelledby="funnel-title">
        <h2 id="funnel-title">Funnel</h2>
        <ol class="funnel">
          {steps.map((step) => (
            <li key={step.key} data-testid={`funnel-${step.key}`}>
              <span class="step-label">{step.label}</span>
              <strong class="step-value" data-testid={`funnel-${step.key}-value`}>
                {approx(step.figures?.value)}
                {count(step.value)}
              </strong>
              {step.rate !== undefined && (
                <span class="step-rate">
                  {approx(step.figures?.rate)}
                  {percent(step.rate)} of the step before
                </span>
              )}
              {step.detail && <span class="step-detail">{step.detail}</span>}
            </li>
          ))}
        </ol>
      </section>

      <section aria-labelledby="daily-title">
        <h2 id="daily-title">Day by day</h2>
        <DailyChart daily={data.daily} />
      </section>

      <section aria-labelledby="loop-title">
        <h2 id="loop-title">The referral loop</h2>
        <dl class="metrics">
          <Metric id="viral-k" label="Viral coefficient K" value={count(data.viral.k, 2)}
            hint={`${count(data.viral.sharesPerAmbassador, 1)} shares per sharing ambassador × ${percent(data.viral.purchaseRate)} purchases per share`} />
          <Metric id="cycle-time" label="Cycle time (median)" value={duration(data.cycleTime.medianMs)}
            hint={`average ${duration(data.cycleTime.averageMs)}, ${data.cycleTime.ambassadors} ambassadors`} />
          <Metric id="participation" label="Participation" value={percent(data.participation.rate)} approx={approx('participation.rate')}
            hint={<>{data.participation.ambassadors} ambassadors of {approx('participation.visitorsShown')}{data.participation.visitorsShown} visitors shown the widget</>} />
          <Metric id="referred-conversion" label="Referred visitors who bought" value={percent(data.referredConversion.rate)}
            approx={approx('referredConversion.rate')}
            hint={<>{approx('referredConversion.purchased')}{data.referredConversion.purchased} of {approx('referredConversion.visitors')}{data.referredConversion.visitors}</>} />
        </dl>
      </section>

      <section aria-labelledby="value-title">
        <h2 id="value-title">Order value, referred and all customers</h2>
        {data.orderValue.length === 0 ? (
          <p class="muted">No orders in this period.</p>
        ) : (
          <ScrollTable>
            <thead>
              <tr>
                <th scope="col">Currency</th>
                <th scope="col">Average order, referred</th>
                <th scope="col">Average order, all</th>
                <th scope="col">Lifetime value, referred</th>
                <th scope="col">Lifetime value, all</th>
              </tr>
            </thead>
            <tbody>
              {data.orderValue.map((row) => (
                <tr key={row.currency}>
                  <th scope="row">{row.currency}</th>
                  <td>{amountOrDash(row.referred.averageOrder, row.currency)}</td>
                  <td>{amountOrDash(row.all.averageOrder, row.currency)}</td>
                  <td>{row.referred.lifetimeValue !== null && approx('orderValue.referred.lifetimeValue')}{amountOrDash(row.referred.lifetimeValue, row.currency)}</td>
                  <td>{row.all.lifetimeValue !== null && approx('orderValue.all.lifetimeValue')}{amountOrDash(row.all.lifetimeValue, row.currency)}</td>
                </tr>
              ))}
            </tbody>
          </ScrollTable>
        )}
        <h3>Referred revenue from the top 20% of ambassadors</h3>
        {data.topAmbassadors.length === 0 ? (
          <p class="muted">No referred revenue in this period.</p>
        ) : (
          <ul>
            {data.topAmbassadors.map((row) => (
              <li key={row.currency}>
                {row.currency}: {percent(row.topRevenueShare)} from the top {row.topCount} of {row.ambassadors} ambassadors
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="devices-title">
        <h2 id="devices-title">Clicks by device</h2>
        <div class="grid3">
          <ShareBars title="Device type" values={data.devices.deviceType} />
          <ShareBars title="Browser" values={data.devices.browser} />
          <ShareBars title="Operating system" values={data.devices.os} />
        </div>
      </section>
    </>
  );
}

/** Marks the figure after it as an estimate. */
function Approx() {
  return (
    <span role="img" aria-label="estimate" title="estimate">
      ≈{' '}
    </span>
  );
}

function Metric({ id, label, value, hint, approx = null }: { id: string; label: string; value: string; hint: ComponentChildren; approx?: ComponentChildren }) {
  return (
    <div class="card" data-testid={id}>
      <dt>{label}</dt>
      <dd>
        <strong data-testid={`${id}-value`}>
          {approx}
          {value}
        </strong>
        <span class="muted">{hint}</span>
      </dd>
    </div>
  );
}

function amountOrDash(amount: number | null, currency: string): string {
  return amount === null ? '—' : money(Math.round(amount), currency);
}
