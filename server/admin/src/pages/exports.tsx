/** The CSV downloads. Plain links: a GET with the session cookie needs no CSRF token. */
const EXPORTS = [
  { file: 'ambassadors.csv', label: 'Ambassadors', what: 'code, name, email, joined, clicks, conversions, revenue' },
  { file: 'referrals.csv', label: 'Referrals', what: 'each attributed order with its ambassador' },
  { file: 'rewards.csv', label: 'Rewards', what: 'each reward with its status and fraud reasons' },
];

export function ExportsPage() {
  return (
    <>
      <h1>Exports</h1>
      <ul class="exports">
        {EXPORTS.map((entry) => (
          <li key={entry.file}>
            <a href={`/v1/exports/${entry.file}`} download>
              {entry.label} (CSV)
            </a>{' '}
            <span class="muted">{entry.what}</span>
          </li>
        ))}
      </ul>
      <p class="muted">Payout batches have their own CSV on the Rewards and payouts page.</p>
    </>
  );
}
