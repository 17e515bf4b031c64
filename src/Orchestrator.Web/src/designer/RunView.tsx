import { useState } from 'react';
import { JsonView } from '../components/JsonView';
import { Link } from '../components/Link';
import { LiveIndicator } from '../components/LiveIndicator';
import { StatusBadge } from '../components/StatusBadge';
import { ErrorState } from '../components/ErrorState';
import type { DefinitionDetails } from '../lib/flowTypes';
import { formatDateTime } from '../lib/format';
import { activitiesOf, findActivity } from './document';
import { FlowCanvas } from './FlowCanvas';
import { NodeRunDetails } from './NodeRunDetails';
import { useFlowRun } from './useFlowRun';
import { useReadableFit } from './viewport';

const noEdit = () => undefined;

/** One run of a flow on its own drawing: nodes coloured by state as it goes, each node's input, output and error. */
export function RunView({ details, instanceId }: { details: DefinitionDetails; instanceId: string }) {
  const fit = useReadableFit();
  const run = useFlowRun(instanceId);
  const [selected, setSelected] = useState<string[]>([]);
  const doc = details.definition;
  const activity = selected.length === 1 ? findActivity(doc, selected[0] ?? '') : undefined;
  const definitionPath = `/flows/${encodeURIComponent(details.definitionId)}`;
  const counts = Object.values(run.nodes).reduce<Record<string, number>>((c, n) => ({ ...c, [n.state]: (c[n.state] ?? 0) + 1 }), {});
  return (
    <div className="designer" data-testid="run-view" data-instance-id={instanceId}>
      <div className="designer-toolbar" role="toolbar" aria-label="Run">
        <Link to={definitionPath} className="btn btn-small" data-testid="back-to-designer">
          Back to the designer
        </Link>
        <strong className="mono">{instanceId}</strong>
        {run.instance && <StatusBadge status={run.instance.status} testId="run-status" />}
        {run.running && <LiveIndicator state={run.live} />}
        <span className="tool-spacer" />
        <button type="button" className="btn btn-small" onClick={() => fit({ duration: 300 })}>
          Zoom to fit
        </button>
        <Link to={`/instances/${encodeURIComponent(instanceId)}`} className="btn btn-small" data-testid="open-instance">
          Instance details
        </Link>
      </div>
      {run.error !== undefined && !run.instance && <ErrorState error={run.error} />}
      <div className="designer-body run-body">
        <div className="canvas-column">
          <FlowCanvas doc={doc} edit={noEdit} problems={[]} runNodes={run.nodes} selected={selected} onSelect={setSelected} readOnly />
        </div>
        <aside className="designer-side">
          {activity ? (
            <NodeRunDetails activity={activity} run={run.nodes[selected[0] ?? ''] ?? null} waitingFor={run.waitingFor} />
          ) : (
            <div className="props" data-testid="run-summary">
              <h3>Run</h3>
              <p className="muted">
                {details.name ?? details.definitionId} v{details.version ?? run.instance?.version ?? '?'}
                {run.instance && ` · started by ${run.instance.startedBy ?? 'unknown'} · ${formatDateTime(run.instance.createdAt)}`}
              </p>
              <ul className="run-legend">
                {(['running', 'waiting', 'person', 'done', 'failed', 'cancelled'] as const).map((state) => (
                  <li key={state}>
                    <span className={`run-pill state-${state}`}>{state === 'person' ? 'waiting for a person' : state}</span> {counts[state] ?? 0}
                  </li>
                ))}
                <li>
                  <span className="run-pill">not reached</span> {activitiesOf(doc).length - Object.keys(run.nodes).length}
                </li>
              </ul>
              {run.waitingFor && (
                <p>
                  Waiting for a person. <Link to="/inbox" data-testid="open-inbox">Open the inbox</Link>
                </p>
              )}
              {run.instance?.error && (
                <div className="alert alert-bad compact">
                  <div>
                    <strong>Failed: {run.instance.error.type}</strong>
                    <p>{run.instance.error.message}</p>
                  </div>
                </div>
              )}
              {run.instance && <JsonView label="Input" value={run.instance.input} />}
              {run.instance?.output !== null && run.instance?.output !== undefined && <JsonView label="Output" value={run.instance.output} />}
              <p className="hint">Click a node to see what it did.</p>
            </div>
          )}
        </aside>
      </div>
    </div>
  );
}
