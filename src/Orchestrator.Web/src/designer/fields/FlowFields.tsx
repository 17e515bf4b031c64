import { useCatalog } from '../catalogData';
import { joinModeType } from '../catalog';
import { InputEditor } from '../InputEditor';
import type { NodeEditing } from '../nodeEditing';
import { JsonField } from './JsonField';
import { ListEditor } from './ListEditor';
import { PickerField } from './PickerField';
import { objectValueOf, writeObjectInput } from '../inputs';

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
  const names = [...new Set(workflows.map((w) => w.name))].sort();
  return (
    <>
      <PickerField node={node} name="workflow" label="Workflow" options={names.map((n) => ({ value: n }))} />
      <InputEditor node={node} name="version" label="Version" typeName="Int32" types={['Literal']} inputType="number" placeholder="latest" />
      <JsonField node={node} name="input" label="Input" placeholder='{"orderId": "{{ Input.orderId }}"}' />
    </>
  );
}

export function LogFields({ node }: { node: NodeEditing }) {
  return <InputEditor node={node} name="text" label="Text" typeName="String" types={['Liquid', 'Literal', 'JavaScript']} placeholder="Refund {{ Variables.Decision }}" />;
}
