import { useState } from 'react';
import type { FormEvent } from 'react';
import { api, describeError } from '../lib/api';
import { formatDateTime, formatPrincipal } from '../lib/format';
import { navigate } from '../lib/router';
import { can, useSession } from '../lib/session';
import { useAsync } from '../lib/useAsync';
import { EmptyState } from '../components/EmptyState';
import { ErrorState } from '../components/ErrorState';
import { Link } from '../components/Link';
import { Loading } from '../components/Loading';
import { emptyDocument } from '../designer/document';
import { importFlowFile } from '../designer/importFlow';

/** Designer flows: drafts and published versions, a new flow, or an imported Elsa 3 file. */
export function FlowsPage() {
  const { session } = useSession();
  const list = useAsync(() => api.definitions(), []);
  const [creating, setCreating] = useState(false);
  const [name, setName] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const design = can.design(session);

  const create = async (event: FormEvent) => {
    event.preventDefault();
    if (!name.trim()) return;
    setBusy(true);
    setError(null);
    try {
      const answer = await api.saveDefinition(emptyDocument(name.trim()));
      navigate(`/flows/${encodeURIComponent(answer.definitionId)}`);
    } catch (e) {
      setError(describeError(e));
      setBusy(false);
    }
  };

  const importFile = async (file: File) => {
    setBusy(true);
    setError(null);
    const result = await importFlowFile(file);
    setBusy(false);
    if (result.ok) navigate(`/flows/${encodeURIComponent(result.definitionId)}`);
    else setError(`Not imported: ${result.message}`);
  };

  const items = list.data?.items ?? [];
  return (
    <div className="page">
      <div className="page-head">
        <div>
          <h1>Flows</h1>
          <p className="muted">Processes drawn in the designer, as Elsa 3 workflow definitions.</p>
        </div>
        {design && (
          <div className="row-actions">
            <label className="btn btn-small file-button" data-testid="flows-import">
              Import Elsa JSON
              <input type="file" accept=".json,application/json" data-testid="flows-import-file" disabled={busy}
                onChange={(e) => {
                  const file = e.target.files?.[0];
                  e.target.value = '';
                  if (file) void importFile(file);
                }} />
            </label>
            <button type="button" className="btn btn-small btn-primary" data-testid="new-flow" onClick={() => setCreating(true)}>
              New flow
            </button>
          </div>
        )}
      </div>
      {error && (
        <div className="alert alert-bad" role="alert" data-testid="flows-error">
          <div>
            <p>{error}</p>
          </div>
        </div>
      )}
      {list.error !== undefined ? (
        <ErrorState error={list.error} onRetry={list.reload} />
      ) : !list.data ? (
        <Loading lines={5} label="Loading flows" />
      ) : items.length === 0 ? (
        <div className="panel">
          <EmptyState title="No flows yet">
            {design ? 'Draw one with "New flow", or import an Elsa 3 export.' : 'An analyst draws flows here; published ones can be run.'}
          </EmptyState>
        </div>
      ) : (
        <div className="table-wrap">
          <table className="table">
            <thead>
              <tr>
                <th>Flow</th>
                <th>Published</th>
                <th className="hide-narrow">Draft</th>
                <th className="hide-narrow">Description</th>
              </tr>
            </thead>
            <tbody>
              {items.map((item) => (
                <tr key={item.definitionId} data-testid="flow-row">
                  <td>
                    <Link to={`/flows/${encodeURIComponent(item.definitionId)}`}>{item.name || item.definitionId}</Link>
                    <div className="muted mono">{item.definitionId}</div>
                  </td>
                  <td>{item.latestVersion ? `v${item.latestVersion}` : <span className="muted">not yet</span>}</td>
                  <td className="hide-narrow">
                    {item.hasDraft ? `${formatDateTime(item.draftSavedAt)} by ${formatPrincipal(item.draftSavedBy)}` : <span className="muted">none</span>}
                  </td>
                  <td className="hide-narrow wrap">{item.description}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {creating && (
        <div className="dialog-backdrop" onClick={() => setCreating(false)}>
          <form className="dialog" role="dialog" aria-modal="true" aria-labelledby="new-flow-title" data-testid="new-flow-dialog"
            onSubmit={(e) => void create(e)} onClick={(e) => e.stopPropagation()} onKeyDown={(e) => e.key === 'Escape' && setCreating(false)}>
            <h2 id="new-flow-title">New flow</h2>
            <div className="field">
              <label htmlFor="new-flow-name">Name</label>
              <input id="new-flow-name" autoFocus value={name} onChange={(e) => setName(e.target.value)} placeholder="Refund request" />
            </div>
            <div className="row-actions">
              <button type="button" className="btn" onClick={() => setCreating(false)}>
                Cancel
              </button>
              <button type="submit" className="btn btn-primary" disabled={busy || !name.trim()} data-testid="create-flow">
                Create
              </button>
            </div>
          </form>
        </div>
      )}
    </div>
  );
}
