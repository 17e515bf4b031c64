import { Handle, Position } from '@xyflow/react';
import type { NodeProps } from '@xyflow/react';
import { kindOf } from './catalog';
import type { ActivityNode } from './nodeData';

const stateLabels: Record<string, string> = {
  running: 'Running',
  done: 'Done',
  failed: 'Failed',
  waiting: 'Waiting',
  person: 'Waiting for a person',
};

/** One activity on the canvas: an "In" port on the left, one labelled port per outcome on the right. */
export function FlowNode({ id, data, selected }: NodeProps<ActivityNode>) {
  const kind = kindOf(data.type);
  const state = data.run?.state;
  const classes = ['flow-node', `group-${(kind?.group ?? 'other').toLowerCase()}`];
  if (selected) classes.push('selected');
  if (data.problems.length > 0) classes.push('has-problems');
  if (state) classes.push(`run-${state}`);
  return (
    <div className={classes.join(' ')} data-testid="flow-node" data-node-id={id} data-node-type={data.type} data-state={state ?? ''}
      aria-label={`${kind?.label ?? data.type} ${data.title}`}>
      {data.type !== 'Elsa.Start' && (
        <Handle type="target" position={Position.Left} id="In" className="flow-port flow-port-in" data-testid="port-In" title="In" />
      )}
      <div className="flow-node-head">
        <span className="flow-node-icon" aria-hidden="true">
          {kind?.icon ?? '?'}
        </span>
        <span className="flow-node-kind">{kind?.label ?? data.type}</span>
        {data.problems.length > 0 && (
          <span className="flow-node-problems" data-testid="node-problem-badge" title={data.problems.map((p) => p.message).join('\n')}>
            {data.problems.length}
          </span>
        )}
      </div>
      <div className="flow-node-title" data-testid="node-title">
        {data.title}
      </div>
      {data.summary && <div className="flow-node-summary">{data.summary}</div>}
      {state && (
        <div className={`flow-node-state state-${state}`} data-testid="node-state">
          {stateLabels[state] ?? state}
        </div>
      )}
      {data.outcomes.length > 0 && (
        <div className="flow-node-ports">
          {data.outcomes.map((outcome) => (
            <div key={outcome} className="flow-node-port">
              <span className="flow-node-port-label">{outcome}</span>
              <Handle type="source" position={Position.Right} id={outcome} className="flow-port flow-port-out" data-testid={`port-${outcome}`} title={outcome} />
            </div>
          ))}
        </div>
      )}
    </div>
  );
}
