import { useEffect, useState } from 'preact/hooks';
import type { AdminSessionResponse } from '../../../shared/src/wire.ts';
import { api, errorText, setApiSession } from './api.ts';
import { href, useRoute } from './router.ts';
import { AmbassadorPage } from './pages/ambassador.tsx';
import { AmbassadorsPage } from './pages/ambassadors.tsx';
import { ExportsPage } from './pages/exports.tsx';
import { OverviewPage } from './pages/overview.tsx';
import { PayoutsPage } from './pages/payouts.tsx';
import { ReviewPage } from './pages/review.tsx';
import { SettingsPage } from './pages/settings.tsx';
import { SignIn } from './pages/sign-in.tsx';

export type Session = AdminSessionResponse;

const PAGES = [
  { path: 'overview', label: 'Overview' },
  { path: 'ambassadors', label: 'Ambassadors' },
  { path: 'review', label: 'Review queue' },
  { path: 'payouts', label: 'Rewards and payouts' },
  { path: 'settings', label: 'Settings' },
  { path: 'exports', label: 'Exports' },
] as const;

export function App() {
  const [session, setSession] = useState<Session | null | undefined>(undefined);
  const route = useRoute();

  useEffect(() => {
    api<Session>('GET', '/admin/session').then(setSession, () => setSession(null));
  }, []);

  if (session === undefined) return <p class="muted">Loading…</p>;
  if (session === null) return <SignIn onSignedIn={setSession} />;

  // Set while rendering, before any page's effects make their requests.
  setApiSession(session.csrfToken, () => setSession(null));
  const [page = 'overview', ...rest] = route;
  async function signOut() {
    try {
      await api('DELETE', '/admin/session');
    } catch (error) {
      console.warn(errorText(error));
    }
    setSession(null);
  }

  return (
    <>
      <a class="skip" href="#main">Skip to content</a>
      <header class="top">
        <span class="brand">Sarafan</span>
        <span class="program" data-testid="program-name">{session.programName}</span>
        <nav aria-label="Dashboard">
          <ul>
            {PAGES.map((entry) => (
              <li key={entry.path}>
                <a href={href(entry.path)} aria-current={page === entry.path ? 'page' : undefined}>
                  {entry.label}
                </a>
              </li>
            ))}
          </ul>
        </nav>
        <button type="button" class="link" onClick={signOut}>
          Sign out
        </button>
      </header>
      <main id="main" tabIndex={-1}>
        {page === 'overview' && <OverviewPage />}
        {page === 'ambassadors' && (rest[0] ? <AmbassadorPage code={rest[0]} /> : <AmbassadorsPage />)}
        {page === 'review' && <ReviewPage />}
        {page === 'payouts' && <PayoutsPage />}
        {page === 'settings' && <SettingsPage />}
        {page === 'exports' && <ExportsPage />}
        {!PAGES.some((entry) => entry.path === page) && <p>Nothing here. <a href={href('overview')}>Back to the overview</a>.</p>}
      </main>
    </>
  );
}
