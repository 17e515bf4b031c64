import { Suspense, lazy, useCallback, useEffect, useMemo, useState } from 'react';
import { ApiError, api, onUnauthorized, setCsrfToken } from './lib/api';
import { match, navigate, useLocation } from './lib/router';
import { SessionContext, can } from './lib/session';
import type { Session } from './lib/types';
import { AppHeader } from './components/AppHeader';
import { ErrorState } from './components/ErrorState';
import { Loading } from './components/Loading';
import { NoAccess } from './components/NoAccess';
import { SignInPage } from './pages/SignInPage';
import { InboxPage } from './pages/InboxPage';
import { InstancesPage } from './pages/InstancesPage';
import { InstancePage } from './pages/InstancePage';
import { UsagePage } from './pages/UsagePage';
import { AuditPage } from './pages/AuditPage';
import { FlowsPage } from './pages/FlowsPage';
import { NotFoundPage } from './pages/NotFoundPage';

// The designer brings React Flow and dagre; only people who open a flow download them.
const DesignerPage = lazy(() => import('./pages/DesignerPage').then((m) => ({ default: m.DesignerPage })));

type Boot = { state: 'loading' } | { state: 'anonymous' } | { state: 'signed-in'; session: Session } | { state: 'error'; error: unknown };

function home(session: Session): string {
  if (can.approve(session)) return '/inbox';
  return can.design(session) ? '/flows' : '/instances';
}

/** Loads the session, then shows the sign-in page or the signed-in console with its routes. */
export function App() {
  const { path, query } = useLocation();
  const [boot, setBoot] = useState<Boot>({ state: 'loading' });

  const load = useCallback(() => {
    setBoot({ state: 'loading' });
    api.session().then(
      (session) => {
        setCsrfToken(session.csrfToken);
        setBoot({ state: 'signed-in', session });
      },
      (error: unknown) => setBoot(error instanceof ApiError && error.status === 401 ? { state: 'anonymous' } : { state: 'error', error }),
    );
  }, []);
  useEffect(load, [load]);
  useEffect(() => {
    onUnauthorized(() => {
      setCsrfToken(null);
      setBoot({ state: 'anonymous' });
    });
    return () => onUnauthorized(null);
  }, []);

  const signedIn = useCallback((session: Session) => {
    setCsrfToken(session.csrfToken);
    setBoot({ state: 'signed-in', session });
    const next = new URLSearchParams(window.location.search).get('next');
    navigate(next && next.startsWith('/') && !next.startsWith('//') && next !== '/signin' ? next : home(session), { replace: true });
  }, []);

  const signOut = useCallback(async () => {
    try {
      await api.signOut();
    } finally {
      setCsrfToken(null);
      setBoot({ state: 'anonymous' });
      navigate('/signin', { replace: true });
    }
  }, []);

  // The sign-in page for anonymous visitors, remembering where they wanted to go.
  useEffect(() => {
    if (boot.state === 'anonymous' && path !== '/signin') {
      navigate(`/signin${path === '/' ? '' : `?next=${encodeURIComponent(path + (query.size ? `?${query}` : ''))}`}`, { replace: true });
    }
    if (boot.state === 'signed-in' && (path === '/' || path === '/signin')) navigate(home(boot.session), { replace: true });
  }, [boot, path, query]);

  const context = useMemo(() => (boot.state === 'signed-in' ? { session: boot.session, signOut } : null), [boot, signOut]);

  if (boot.state === 'loading') {
    return (
      <div className="boot">
        <Loading lines={3} label="Loading the console" />
      </div>
    );
  }
  if (boot.state === 'error') {
    return (
      <div className="boot">
        <ErrorState error={boot.error} onRetry={load} />
      </div>
    );
  }
  if (boot.state === 'anonymous' || !context) return <SignInPage onSignedIn={signedIn} />;

  const session = context.session;
  let page: React.ReactNode;
  let params: Record<string, string> | null;
  if (path === '/inbox') page = can.approve(session) ? <InboxPage /> : <NoAccess need="approver" />;
  else if (path === '/instances') page = <InstancesPage />;
  else if ((params = match('/instances/:id', path))) page = <InstancePage key={params.id} id={params.id ?? ''} />;
  else if (path === '/usage') page = <UsagePage />;
  else if (path === '/flows') page = can.flows(session) ? <FlowsPage /> : <NoAccess need="analyst" />;
  else if ((params = match('/flows/:id', path))) page = can.flows(session) ? <DesignerPage key={params.id} definitionId={params.id ?? ''} runId={null} /> : <NoAccess need="analyst" />;
  else if ((params = match('/flows/:id/runs/:run', path)))
    page = can.flows(session) ? <DesignerPage key={`${params.id}/${params.run}`} definitionId={params.id ?? ''} runId={params.run ?? null} /> : <NoAccess need="analyst" />;
  else if (path === '/audit') page = can.audit(session) ? <AuditPage /> : <NoAccess need="admin" />;
  else if (path === '/' || path === '/signin') page = null;
  else page = <NotFoundPage />;

  return (
    <SessionContext.Provider value={context}>
      <div className="shell">
        <AppHeader path={path} />
        <main id="main">
          <Suspense fallback={<div className="page"><Loading lines={6} label="Loading" /></div>}>{page}</Suspense>
        </main>
      </div>
    </SessionContext.Provider>
  );
}
