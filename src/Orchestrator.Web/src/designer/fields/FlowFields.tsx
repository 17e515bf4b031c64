import { useCatalog } from '../catalogData';
import { joinModeType } from '../catalog';
import { InputEditor, valueExpressions } from '../InputEditor';
import type { NodeEditing } from '../nodeEditing';
import { ListEditor } from './ListEditor';
import { PickerField } from './PickerField';
import { literalOf, objectValueOf, writeInput, writeObjectInput } from '../inputs';

/** Elsa.FlowDecision: a condition; the node goes out by True or False. */
export function DecisionFields({ node }: { node: NodeEditing }) {
  return <InputEditor node={node} name="condition" label="Condition" typeName="Boolean" types={['JavaScript', 'Literal']}
    hint="JavaScript: read variables with getName(), inputs with getInputName()." />;
}

/** Elsa.FlowFork: the branch names, one outcome port each. */
export function ForkFields({ node }: { node: NodeEditing }) {
  const branches = objectValueOf(node.activity, 'branches');
  const list = Array.isArray(branches) ? branches.map(String) : [];
  return (
    <ListEditor label="Branches" items={list} placeholder="Branch name" readOnly={node.readOnly} testId="fork-branches"
      onChange={(next) => node.change((a) => writeObjectInput(a, 'branches', 'String[]', next), 'branches')} />
  );
}

/** Elsa.FlowJoin: wait for all active branches, or go on at the first. */
export function JoinFields({ node }: { node: NodeEditing }) {
  return <PickerField node={node} name="mode" label="Wait for" typeName={joinModeType} empty="Any branch (default)"
    options={[{ value: 'WaitAny', label: 'Any branch' }, { value: 'WaitAll', label: 'All branches' }, { value: 'WaitAllActive', label: 'All active branches' }]} />;
}

export function DelayFields({ node }: { node: NodeEditing }) {
  return <InputEditor node={node} name="timeSpan" label="Wait for" typeName="TimeSpan" types={['Literal', 'JavaScript']} placeholder="00:05:00"
    hint="d.hh:mm:ss, for example 00:05:00 for five minutes." />;
}

export function EventFields({ node }: { node: NodeEditing }) {
  return <InputEditor node={node} name="eventName" label="Event name" typeName="String" types={['Literal']} placeholder="order-paid"
    hint="Raise it on the instance with POST /api/instances/{id}/events/{name}; its payload is the output." />;
}

/** Orchestrator.SubWorkflow: a code or designer workflow, optionally pinned to a version. */
export function SubWorkflowFields({ node }: { node: NodeEditing }) {
  const { workflows } = useCatalog();
  const titles = new Map(workflows.map((w) => [w.name, w.displayName] as const));
  const names = [...titles.keys()].sort();
  const options = names.map((n) => ({ value: n, label: titles.get(n) && titles.get(n) !== n ? `${titles.get(n)} (${n})` : n }));
  return (
    <>
      <PickerField node={node} name="workflow" label="Workflow" options={options} />
      <InputEditor node={node} name="version" label="Version" typeName="Int32" types={['Literal']} inputType="number" placeholder="latest" />
      <InputEditor node={node} name="input" label="Input" typeName="Object" types={valueExpressions} placeholder='{"orderId": "{{ Input.orderId }}"}' />
    </>
  );
}

/** Elsa.ExecuteWorkflow: a workflow by its id, its input, and whether the flow waits for it to finish. */
export function ExecuteWorkflowFields({ node }: { node: NodeEditing }) {
  const { workflows } = useCatalog();
  const options = workflows.map((w) => ({ value: w.name, label: w.displayName && w.displayName !== w.name ? `${w.displayName} (${w.name})` : w.name }));
  const waits = literalOf(node.activity, 'waitForCompletion') !== 'false';
  const id = `field-${node.id}-waitForCompletion`;
  return (
    <>
      <PickerField node={node} name="workflowDefinitionId" label="Workflow" options={[...new Map(options.map((o) => [o.value, o])).values()]} />
      <InputEditor node={node} name="input" label="Input" typeName="ObjectDictionary" types={valueExpressions} placeholder='{"orderId": "42"}' />
      <div className="field prop-field">
        <label htmlFor={id} className="check">
          <input id={id} type="checkbox" checked={waits} disabled={node.readOnly} data-testid="input-waitForCompletion"
            onChange={(e) => node.change((a) => writeInput(a, 'waitForCompletion', 'Boolean', 'Literal', e.target.checked ? 'true' : 'false'))} />
          Wait for it to finish
        </label>
        <p className="hint">{waits ? 'Its result is this node\'s output.' : 'It runs as an instance of its own; the output is its instance id.'}</p>
      </div>
    </>
  );
}

/** Elsa.Fault: ends the flow as failed with a message (and a code for whoever reads the failure). */
export function FaultFields({ node }: { node: NodeEditing }) {
  return (
    <>
      <InputEditor node={node} name="message" label="Message" typeName="String" types={['Literal', 'Liquid', 'JavaScript']} placeholder="The refund was refused: {{ Variables.Reason }}" />
      <InputEditor node={node} name="code" label="Code" typeName="String" types={['Literal']} placeholder="refund-refused" />
    </>
  );
}

export function LogFields({ node }: { node: NodeEditing }) {
  return <InputEditor node={node} name="text" label="Text" typeName="String" types={['Liquid', 'Literal', 'JavaScript']} placeholder="Refund {{ Variables.Decision }}" />;
}
