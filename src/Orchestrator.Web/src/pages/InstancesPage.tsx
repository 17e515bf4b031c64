import { useEffect, useState } from 'react';
import { api } from '../lib/api';
import { navigate, useLocation } from '../lib/router';
import { useAsync } from '../lib/useAsync';
import { EmptyState } from '../components/EmptyState';
import { ErrorState } from '../components/ErrorState';
import { Loading } from '../components/Loading';
import { InstanceRow } from './InstanceRow';

const statuses = ['Pending', 'Running', 'Suspended', 'Completed', 'Failed', 'Terminated'];
const pageSize = 25;

/** Every instance, newest first, filtered by status and workflow, a page at a time. */
export function InstancesPage() {
  const { query } = useLocation();
  const status = query.get('status') ?? '';
  const workflow = query.get('workflow') ?? '';
  const [workflowText, setWorkflowText] = useState(workflow);
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  const cursor = cursors[cursors.length - 1] ?? null;
  const workflows = useAsync(() => api.workflows(), []);
  const page = useAsync(() => api.instances({ status, workflow, cursor, limit: pageSize }), [status, workflow, cursor]);

  const setFilter = (name: string, value: string) => {
    const next = new URLSearchParams(query);
    if (value) next.set(name, value);
    else next.delete(name);
    setCursors([null]);
    const text = next.toString();
    navigate(`/instances${text ? `?${text}` : ''}`, { replace: true });
  };

  // The workflow filter follows the typing after a short pause, so each key press does not ask the server.
  useEffect(() => {
    if (workflowText.trim() === workflow) return;
    const timer = window.setTimeout(() => setFilter('workflow', workflowText.trim()), 350);
    return () => window.clearTimeout(timer);
  });

  const items = page.data?.items ?? [];
  return (
    <div className="page">
      <div className="page-head">
        <div>
          <h1>Instances</h1>
          <p className="muted">Every workflow run, newest first.</p>
        </div>
        <button type="button" className="btn btn-small" onClick={page.reload} disabled={page.loading}>
          Refresh
        </button>
      </div>
      <div className="filters">
        <div className="field">
          <label htmlFor="filter-status">Status</label>
          <select id="filter-status" value={status} onChange={(e) => setFilter('status', e.target.value)}>
            <option value="">All statuses</option>
            {statuses.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="filter-workflow">Workflow</label>
          <input id="filter-workflow" list="workflow-names" value={workflowText} placeholder="Any workflow"
            onChange={(e) => setWorkflowText(e.target.value)}
            onKeyDown={(e) => e.key === 'Enter' && setFilter('workflow', workflowText.trim())} />
          <datalist id="workflow-names">
            {(workflows.data?.items ?? []).map((w) => (
              <option key={`${w.name}@${w.version}`} value={w.name} label={w.displayName && w.displayName !== w.name ? w.displayName : undefined} />
            ))}
          </datalist>
        </div>
      </div>
      {page.error !== undefined ? (
        <ErrorState error={page.error} onRetry={page.reload} />
      ) : !page.data ? (
        <Loading lines={6} label="Loading instances" />
      ) : items.length === 0 ? (
        <div className="panel">
          <EmptyState title={status || workflow ? 'No instance matches' : 'No instances yet'}>
            {status || workflow
              ? 'Try another status or workflow, or clear the filters.'
              : 'Start a workflow with POST /api/instances or `orch start`, and it shows up here.'}
          </EmptyState>
        </div>
      ) : (
        <div className="table-wrap">
          <table className="table stack-table">
            <thead>
              <tr>
                <th>Instance</th>
                <th>Workflow</th>
                <th>Status</th>
                <th className="hide-narrow">Started by</th>
                <th className="hide-narrow">Created</th>
                <th>Updated</th>
              </tr>
            </thead>
            <tbody>
              {items.map((instance) => (
                <InstanceRow key={instance.instanceId} instance={instance} />
              ))}
            </tbody>
          </table>
        </div>
      )}
      <div className="pager">
        <button type="button" className="btn btn-small" disabled={cursors.length <= 1 || page.loading}
          onClick={() => setCursors((c) => c.slice(0, -1))}>
          Previous page
        </button>
        <span className="muted">Page {cursors.length}</span>
        <button type="button" className="btn btn-small" disabled={!page.data?.nextCursor || page.loading}
          onClick={() => page.data?.nextCursor && setCursors((c) => [...c, page.data?.nextCursor ?? null])}>
          Next page
        </button>
      </div>
    </div>
  );
}
