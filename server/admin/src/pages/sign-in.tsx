import { useState } from 'preact/hooks';
import { api, errorText } from '../api.ts';
import type { Session } from '../app.tsx';

/** The secret key is sent once and never stored in the browser: the server answers with a cookie. */
export function SignIn({ onSignedIn }: { onSignedIn: (session: Session) => void }) {
  const [secretKey, setSecretKey] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: Event) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      onSignedIn(await api<Session>('POST', '/admin/session', { secretKey: secretKey.trim() }));
    } catch (failure) {
      setError(errorText(failure));
    } finally {
      setBusy(false);
    }
  }

  return (
    <main id="main" class="sign-in">
      <h1>Sarafan dashboard</h1>
      <form onSubmit={submit}>
        <label for="secret-key">Program secret key</label>
        <input
          id="secret-key"
          name="secretKey"
          type="password"
          autoComplete="current-password"
          required
          value={secretKey}
          onInput={(event) => setSecretKey(event.currentTarget.value)}
        />
        <button type="submit" disabled={busy}>
          Sign in
        </button>
        {error && (
          <p class="error" role="alert">
            {error}
          </p>
        )}
      </form>
      <p class="muted">The key stays on this server: you get a session for 12 hours.</p>
    </main>
  );
}
