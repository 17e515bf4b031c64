import { useState } from 'react';
import { can, useSession } from '../lib/session';
import { Link } from './Link';

/** The top bar: product name, the pages the person's roles open, who is signed in, and sign-out. */
export function AppHeader({ path }: { path: string }) {
  const { session, signOut } = useSession();
  const [busy, setBusy] = useState(false);
  const links = [
    ...(can.approve(session) ? [{ to: '/inbox', label: 'Inbox' }] : []),
    ...(can.flows(session) ? [{ to: '/flows', label: 'Flows' }] : []),
    { to: '/instances', label: 'Instances' },
    { to: '/usage', label: 'Usage' },
    ...(can.audit(session) ? [{ to: '/audit', label: 'Audit' }] : []),
  ];
  return (
    <header className="topbar">
      <div className="topbar-inner">
        <Link to="/" className="brand" aria-label="Orchestrator home">
          <img src="/favicon.svg" alt="" width={24} height={24} />
          <span>Orchestrator</span>
        </Link>
        <nav className="nav" aria-label="Main">
          {links.map((link) => (
            <Link key={link.to} to={link.to} className={path === link.to || path.startsWith(`${link.to}/`) ? 'nav-link active' : 'nav-link'}
              aria-current={path === link.to ? 'page' : undefined}>
              {link.label}
            </Link>
          ))}
        </nav>
        <div className="who">
          <span className="avatar" aria-hidden="true">
            {session.user.slice(0, 1).toUpperCase()}
          </span>
          <span className="who-name" data-testid="user-name" title={session.roles.join(', ')}>
            {session.user}
          </span>
          <button type="button" className="btn btn-ghost btn-small" disabled={busy}
            onClick={() => {
              setBusy(true);
              void signOut().finally(() => setBusy(false));
            }}>
            Sign out
          </button>
        </div>
      </div>
    </header>
  );
}
