import { JsonView } from '../components/JsonView';
import { Link } from '../components/Link';
import { formatCost, formatTokens } from '../lib/format';
import type { NodeRun } from '../lib/flowTypes';
import { kindOf } from './catalog';
import type { Activity } from './document';
import { displayNameOf, idOf, typeOf } from './document';

const stateText: Record<string, string> = {
  running: 'Running',
  done: 'Done',
  failed: 'Failed',
  waiting: 'Waiting (timer, event or join)',
  person: 'Waiting for a person',
};

/** What one node did in a run: its state, input, output, tokens and error. */
export function NodeRunDetails({ activity, run, waitingFor }: { activity: Activity; run: NodeRun | null; waitingFor: string | null }) {
  const kind = kindOf(typeOf(activity));
  return (
    <div className="props" data-testid="node-run" data-node-id={idOf(activity)}>
      <div className="props-head">
        <span className="flow-node-icon" aria-hidden="true">
          {kind?.icon ?? '?'}
        </span>
        <div>
          <h3>{displayNameOf(activity)}</h3>
          <div className="muted mono">
            {kind?.label ?? typeOf(activity)} · {idOf(activity)}
          </div>
        </div>
      </div>
      {!run ? (
        <p className="muted">Not reached in this run.</p>
      ) : (
        <>
          <p>
            <span className={`run-pill state-${run.state}`} data-testid="node-run-state">
              {stateText[run.state] ?? run.state}
            </span>
          </p>
          {run.state === 'person' && (
            <p>
              {waitingFor?.startsWith('approval:') ? 'An approval is waiting in the inbox. ' : 'A task is waiting in the inbox. '}
              <Link to="/inbox" data-testid="open-inbox">
                Open the inbox
              </Link>
            </p>
          )}
          {run.error && (
            <div className="alert alert-bad compact" data-testid="node-run-error">
              <div>
                <strong>Failed</strong>
                <p>{run.error}</p>
              </div>
            </div>
          )}
          {run.usage && (
            <dl className="facts" data-testid="node-run-usage">
              <div>
                <dt>Input tokens</dt>
                <dd>{formatTokens(run.usage.inputTokens ?? 0)}</dd>
              </div>
              <div>
                <dt>Output tokens</dt>
                <dd>{formatTokens(run.usage.outputTokens ?? 0)}</dd>
              </div>
              <div>
                <dt>Cost</dt>
                <dd>{formatCost(run.usage.costUsd ?? 0)}</dd>
              </div>
            </dl>
          )}
          <JsonView label="Input" value={run.input} />
          <JsonView label="Output" value={run.output} />
        </>
      )}
    </div>
  );
}
