import { ReactFlowProvider } from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { ApiError, api } from '../lib/api';
import { can, useSession } from '../lib/session';
import { useAsync } from '../lib/useAsync';
import { EmptyState } from '../components/EmptyState';
import { ErrorState } from '../components/ErrorState';
import { Link } from '../components/Link';
import { Loading } from '../components/Loading';
import { CatalogContext, useCatalogData } from '../designer/catalogData';
import { Designer } from '../designer/Designer';
import { RunView } from '../designer/RunView';

async function load(definitionId: string, runId: string | null) {
  let version: number | null = null;
  if (runId) {
    const instance = await api.instance(runId);
    version = Number(instance.version) || null;
  }
  const [details, list] = await Promise.all([
    api.definition(definitionId, version),
    api.definitions().catch(() => ({ items: [] })),
  ]);
  const item = list.items.find((i) => i.definitionId === definitionId);
  if (!details.definition.definitionId) details.definition.definitionId = definitionId;
  return { details, latestVersion: item?.latestVersion ?? (details.version ?? null) };
}

/** `/flows/{id}` (the designer) and `/flows/{id}/runs/{instanceId}` (one run, live). */
export function DesignerPage({ definitionId, runId }: { definitionId: string; runId: string | null }) {
  const { session } = useSession();
  const loaded = useAsync(() => load(definitionId, runId), [definitionId, runId]);
  const catalog = useCatalogData();

  if (loaded.error !== undefined) {
    const missing = loaded.error instanceof ApiError && loaded.error.status === 404;
    return (
      <div className="page">
        <div className="crumbs">
          <Link to="/flows">Flows</Link> / {definitionId}
        </div>
        {missing ? (
          <EmptyState title="No such flow" icon="?">
            There is no flow <code>{definitionId}</code>{runId ? ` or run ${runId}` : ''}.
          </EmptyState>
        ) : (
          <ErrorState error={loaded.error} onRetry={loaded.reload} />
        )}
      </div>
    );
  }
  if (!loaded.data || loaded.loading) {
    return (
      <div className="page">
        <Loading lines={8} label="Loading the flow" />
      </div>
    );
  }
  const { details, latestVersion } = loaded.data;
  return (
    <CatalogContext.Provider value={catalog}>
      <ReactFlowProvider>
        <div className="designer-page">
          <div className="crumbs designer-crumbs">
            <Link to="/flows">Flows</Link> / <span data-testid="flow-title">{details.name || definitionId}</span>
            {runId && ' / run'}
          </div>
          {runId ? (
            <RunView key={runId} details={details} instanceId={runId} />
          ) : (
            <Designer key={definitionId} details={details} latestVersion={latestVersion} canEdit={can.design(session)} />
          )}
        </div>
      </ReactFlowProvider>
    </CatalogContext.Provider>
  );
}
