import { money } from '../format.ts';

export interface DailyPoint {
  day: string;
  clicks: number;
  purchases: number;
  revenue: Array<{ amount: number; currency: string }>;
}

const WIDTH = 720;
const HEIGHT = 200;
const PAD = { top: 12, right: 12, bottom: 24, left: 40 };

/**
 * Clicks as bars, referred purchases as a line, on one small hand-made SVG (no chart library).
 * Revenue per currency is in the table under it; the table is also the accessible version.
 */
export function DailyChart({ daily }: { daily: DailyPoint[] }) {
  const inner = { width: WIDTH - PAD.left - PAD.right, height: HEIGHT - PAD.top - PAD.bottom };
  const top = Math.max(1, ...daily.map((point) => Math.max(point.clicks, point.purchases)));
  const step = inner.width / Math.max(1, daily.length);
  const y = (value: number) => PAD.top + inner.height - (value / top) * inner.height;
  const line = daily.map((point, index) => `${(PAD.left + step * index + step / 2).toFixed(1)},${y(point.purchases).toFixed(1)}`).join(' ');
  const labelEvery = Math.max(1, Math.ceil(daily.length / 8));
  const currencies = [...new Set(daily.flatMap((point) => point.revenue.map((entry) => entry.currency)))].sort();
  return (
    <figure class="chart">
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={`Daily clicks (bars) and referred purchases (line) over ${daily.length} days`}>
        <line x1={PAD.left} x2={WIDTH - PAD.right} y1={y(0)} y2={y(0)} class="axis" />
        <text x={PAD.left - 6} y={y(top) + 4} text-anchor="end" class="tick">{top}</text>
        <text x={PAD.left - 6} y={y(0) + 4} text-anchor="end" class="tick">0</text>
        {daily.map((point, index) => (
          <g key={point.day}>
            <rect x={PAD.left + step * index + step * 0.15} width={step * 0.7} y={y(point.clicks)} height={y(0) - y(point.clicks)} class="bar">
              <title>{`${point.day}: ${point.clicks} clicks, ${point.purchases} purchases`}</title>
            </rect>
            {index % labelEvery === 0 && (
              <text x={PAD.left + step * index + step / 2} y={HEIGHT - 6} text-anchor="middle" class="tick">
                {point.day.slice(5)}
              </text>
            )}
          </g>
        ))}
        {daily.length > 0 && <polyline points={line} class="line" />}
      </svg>
      <figcaption>
        <span class="key key-bar" aria-hidden="true" /> clicks <span class="key key-line" aria-hidden="true" /> referred purchases
      </figcaption>
      <details>
        <summary>Daily numbers and referred revenue</summary>
        <table>
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
                  <td key={currency}>{money(point.revenue.find((entry) => entry.currency === currency)?.amount ?? 0, currency)}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
