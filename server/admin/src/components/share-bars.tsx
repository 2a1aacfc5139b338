/** A breakdown (clicks by browser, …) as labelled horizontal bars: a list, readable without the bars. */
export function ShareBars({ title, values }: { title: string; values: Record<string, number> }) {
  const entries = Object.entries(values).sort((a, b) => b[1] - a[1]);
  const total = entries.reduce((sum, [, value]) => sum + value, 0);
  return (
    <section class="card">
      <h3>{title}</h3>
      {entries.length === 0 ? (
        <p class="muted">No data.</p>
      ) : (
        <ul class="bars">
          {entries.map(([label, value]) => (
            <li key={label}>
              <span class="bar-label">{label || 'unknown'}</span>
              <span class="bar-track" aria-hidden="true">
                <span class="bar-fill" style={{ width: `${total ? (value / total) * 100 : 0}%` }} />
              </span>
              <span class="bar-value">
                {value} ({total ? ((value / total) * 100).toFixed(0) : 0}%)
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
