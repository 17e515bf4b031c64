import type { ComponentType } from 'react';
import type { FlowProblem } from '../lib/flowTypes';
import { kindOf } from './catalog';
import { displayNameOf, get, keyOf, setDisplayName, typeOf } from './document';
import { AgentFields } from './fields/AgentFields';
import { ApprovalFields } from './fields/ApprovalFields';
import { ConnectionFields } from './fields/ConnectionFields';
import { DecisionFields, DelayFields, EventFields, ExecuteWorkflowFields, FaultFields, ForkFields, JoinFields, LogFields, SubWorkflowFields } from './fields/FlowFields';
import { HttpFields } from './fields/HttpFields';
import { ModelFields } from './fields/ModelFields';
import { OutputBindings } from './fields/OutputBindings';
import { RetryFields } from './fields/RetryFields';
import { SetOutputFields } from './fields/SetOutputFields';
import { SetVariableFields } from './fields/SetVariableFields';
import { SwitchFields } from './fields/SwitchFields';
import { TaskFields } from './fields/TaskFields';
import { ToolFields } from './fields/ToolFields';
import type { NodeEditing } from './nodeEditing';

const fieldsByType: Record<string, ComponentType<{ node: NodeEditing }>> = {
  'Orchestrator.Agent': AgentFields,
  'Orchestrator.Model': ModelFields,
  'Orchestrator.Tool': ToolFields,
  'Orchestrator.Approval': ApprovalFields,
  'Orchestrator.SubWorkflow': SubWorkflowFields,
  'Elsa.RunTask': TaskFields,
  'Elsa.FlowDecision': DecisionFields,
  'Elsa.FlowSwitch': SwitchFields,
  'Elsa.FlowFork': ForkFields,
  'Elsa.FlowJoin': JoinFields,
  'Elsa.Delay': DelayFields,
  'Elsa.Event': EventFields,
  'Elsa.SetVariable': SetVariableFields,
  'Elsa.SetOutput': SetOutputFields,
  'Elsa.ExecuteWorkflow': ExecuteWorkflowFields,
  'Elsa.Fault': FaultFields,
  'Elsa.FlowSendHttpRequest': HttpFields,
  'Elsa.WriteLine': LogFields,
};

// Steps that only route or set values: nothing there fails in a way a retry would fix.
const noRetry = new Set(['Elsa.Start', 'Elsa.End', 'Elsa.Finish', 'Elsa.FlowDecision', 'Elsa.FlowSwitch', 'Elsa.FlowFork', 'Elsa.FlowJoin', 'Elsa.SetVariable',
  'Elsa.SetOutput', 'Elsa.Fault']);

/** The selected node's settings: name, the fields of its type, where its outcomes go, outputs, retry and time limit. */
export function PropertyPanel({ node, problems }: { node: NodeEditing; problems: FlowProblem[] }) {
  const type = typeOf(node.activity);
  const kind = kindOf(type);
  const Fields = fieldsByType[type];
  const nameId = `field-${node.id}-name`;
  const mine = problems.filter((p) => p.nodeId === node.id);
  return (
    <div className="props" data-testid="property-panel" data-node-id={node.id}>
      <div className="props-head">
        <span className="flow-node-icon" aria-hidden="true">
          {kind?.icon ?? '?'}
        </span>
        <div>
          <h3>{kind?.label ?? type}</h3>
          <div className="muted mono">{node.id}</div>
        </div>
      </div>
      {mine.length > 0 && (
        <ul className="props-problems" data-testid="node-problems">
          {mine.map((p, i) => (
            <li key={i}>{p.message}</li>
          ))}
        </ul>
      )}
      <div className="field prop-field">
        <label htmlFor={nameId}>Name</label>
        <input id={nameId} value={displayNameOf(node.activity)} readOnly={node.readOnly} data-testid="input-name"
          onChange={(e) => node.change((a) => setDisplayName(a, e.target.value), 'name')} />
      </div>
      {Fields ? (
        <Fields node={node} />
      ) : !kind ? (
        <p className="hint">
          {type} is kept as it was imported; the designer has no form for it. Its properties: {Object.keys(node.activity).filter((k) => k !== keyOf(node.activity, 'metadata')).join(', ')}.
        </p>
      ) : null}
      <ConnectionFields node={node} />
      <OutputBindings node={node} />
      {!noRetry.has(type) && get(node.activity, 'type') !== undefined && <RetryFields node={node} />}
    </div>
  );
}
