import { useState, type FormEvent } from 'react';
import { api, describeError } from '../lib/api';
import type { Session } from '../lib/types';

/** Sign-in with a user name and password, or with an API key; both start a cookie session. */
export function SignInPage({ onSignedIn }: { onSignedIn: (session: Session) => void }) {
  const [user, setUser] = useState('');
  const [password, setPassword] = useState('');
  const [apiKey, setApiKey] = useState('');
  const [busy, setBusy] = useState<'password' | 'key' | null>(null);
  const [error, setError] = useState<string | null>(null);

  const submit = async (kind: 'password' | 'key', event: FormEvent) => {
    event.preventDefault();
    setBusy(kind);
    setError(null);
    try {
      onSignedIn(await api.signIn(kind === 'password' ? { user, password } : { apiKey }));
    } catch (e) {
      setError(describeError(e));
      setBusy(null);
    }
  };

  return (
    <div className="signin">
      <div className="signin-card">
        <div className="signin-brand">
          <img src="/favicon.svg" alt="" width={40} height={40} />
          <div>
            <h1>Orchestrator</h1>
            <p className="muted">Sign in to review approvals and follow your workflows.</p>
          </div>
        </div>
        {error && (
          <div className="alert alert-bad compact" role="alert">
            <p>{error}</p>
          </div>
        )}
        <form onSubmit={(e) => void submit('password', e)} className="stack">
          <div className="field">
            <label htmlFor="signin-user">User</label>
            <input id="signin-user" name="username" autoComplete="username" value={user} onChange={(e) => setUser(e.target.value)} required autoFocus />
          </div>
          <div className="field">
            <label htmlFor="signin-password">Password</label>
            <input id="signin-password" name="password" type="password" autoComplete="current-password" value={password}
              onChange={(e) => setPassword(e.target.value)} required />
          </div>
          <button type="submit" className="btn btn-primary btn-block" disabled={busy !== null}>
            {busy === 'password' ? 'Signing in…' : 'Sign in'}
          </button>
        </form>
        <div className="divider">
          <span>or</span>
        </div>
        <form onSubmit={(e) => void submit('key', e)} className="stack">
          <div className="field">
            <label htmlFor="signin-key">API key</label>
            <input id="signin-key" name="apiKey" type="password" autoComplete="off" value={apiKey} onChange={(e) => setApiKey(e.target.value)} required />
          </div>
          <button type="submit" className="btn btn-block" disabled={busy !== null}>
            {busy === 'key' ? 'Signing in…' : 'Sign in with API key'}
          </button>
        </form>
      </div>
    </div>
  );
}
