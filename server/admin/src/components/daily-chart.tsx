import { money } from '../format.ts';
import { ScrollTable } from './scroll-table.tsx';

export interface DailyPoint {
  day: string;
  clicks: number;
  purchases: number;
  revenue: Array<{ amount: number; currency: string }>;
}

const WIDTH = 720;
const HEIGHT = 180;
const PAD = { top: 12, right: 12, bottom: 24, left: 64 };

/**
 * Clicks as bars and referred purchases as a line, then referred revenue as bars, one chart per
 * currency (amounts in different currencies never share an axis). Small hand-made SVG, no chart
 * library; the table under them is the accessible version with every number.
 */
export function DailyChart({ daily }: { daily: DailyPoint[] }) {
  const currencies = [...new Set(daily.flatMap((point) => point.revenue.map((entry) => entry.currency)))].sort();
  const revenueOf = (point: DailyPoint, currency: string) => point.revenue.find((entry) => entry.currency === currency)?.amount ?? 0;
  return (
    <figure class="chart">
      <Svg
        label={`Daily clicks (bars) and referred purchases (line) over ${daily.length} days`}
        days={daily.map((point) => point.day)}
        bars={daily.map((point) => point.clicks)}
        line={daily.map((point) => point.purchases)}
        format={String}
        testId="chart-counts"
      />
      <figcaption>
        <span class="key key-bar" aria-hidden="true" /> clicks <span class="key key-line" aria-hidden="true" /> referred purchases
      </figcaption>
      {currencies.map((currency) => (
        <div key={currency}>
          <Svg
            label={`Daily referred revenue in ${currency} over ${daily.length} days`}
            days={daily.map((point) => point.day)}
            bars={daily.map((point) => revenueOf(point, currency))}
            format={(value) => money(value, currency)}
            testId={`chart-revenue-${currency}`}
            revenue
          />
          <p class="muted">
            <span class="key key-revenue" aria-hidden="true" /> referred revenue, {currency}
          </p>
        </div>
      ))}
      <details>
        <summary>Daily numbers and referred revenue</summary>
        <ScrollTable>
          <thead>
            <tr>
              <th scope="col">Day</th>
              <th scope="col">Clicks</th>
              <th scope="col">Purchases</th>
              {currencies.map((currency) => (
                <th scope="col" key={currency}>Revenue {currency}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {daily.map((point) => (
              <tr key={point.day}>
                <th scope="row">{point.day}</th>
                <td>{point.clicks}</td>
                <td>{point.purchases}</td>
                {currencies.map((currency) => (
                  <td key={currency}>{money(revenueOf(point, currency), currency)}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </ScrollTable>
      </details>
    </figure>
  );
}

interface SvgProps {
  label: string;
  days: string[];
  bars: number[];
  line?: number[];
  format: (value: number) => string;
  testId: string;
  revenue?: boolean;
}

function Svg({ label, days, bars, line, format, testId, revenue }: SvgProps) {
  const inner = { width: WIDTH - PAD.left - PAD.right, height: HEIGHT - PAD.top - PAD.bottom };
  const top = Math.max(1, ...bars, ...(line ?? []));
  const step = inner.width / Math.max(1, days.length);
  const x = (index: number) => PAD.left + step * index + step / 2;
  const y = (value: number) => PAD.top + inner.height - (value / top) * inner.height;
  const labelEvery = Math.max(1, Math.ceil(days.length / 8));
  return (
    <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={label} data-testid={testId}>
      <line x1={PAD.left} x2={WIDTH - PAD.right} y1={y(0)} y2={y(0)} class="axis" />
      <text x={PAD.left - 6} y={y(top) + 4} text-anchor="end" class="tick">{format(top)}</text>
      <text x={PAD.left - 6} y={y(0) + 4} text-anchor="end" class="tick">{format(0)}</text>
      {days.map((day, index) => (
        <g key={day}>
          <rect x={x(index) - step * 0.35} width={step * 0.7} y={y(bars[index] ?? 0)} height={y(0) - y(bars[index] ?? 0)} class={revenue ? 'bar revenue' : 'bar'}>
            <title>{`${day}: ${format(bars[index] ?? 0)}${line ? `, ${line[index] ?? 0} purchases` : ''}`}</title>
          </rect>
          {index % labelEvery === 0 && (
            <text x={x(index)} y={HEIGHT - 6} text-anchor="middle" class="tick">
              {day.slice(5)}
            </text>
          )}
        </g>
      ))}
      {line && days.length > 0 && <polyline points={line.map((value, index) => `${x(index).toFixed(1)},${y(value).toFixed(1)}`).join(' ')} class="line" />}
    </svg>
  );
}
