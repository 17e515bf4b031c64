// The activity types the palette offers: how each is labelled and grouped, its outcome ports and its outputs.
import type { JsonObject } from '../lib/types';
import type { Activity } from './document';
import { get, isObject } from './document';
import { objectValueOf } from './inputs';

export type PaletteGroup = 'Agents' | 'People' | 'Flow' | 'Data';

export interface ActivityKind {
  type: string;
  label: string;
  group: PaletteGroup;
  /** Id and name stem of new nodes: `agent` gives agent1, agent2, … */
  stem: string;
  icon: string;
  description: string;
  /** The outputs that can be bound to a variable. */
  outputs: string[];
  /** False for End and Finish, which have no way out. */
  hasOutcomes: boolean;
  defaults?: () => JsonObject;
}

export const kinds: ActivityKind[] = [
  { type: 'Orchestrator.Agent', label: 'Agent', group: 'Agents', stem: 'agent', icon: '✦', description: 'An agent with tools answers a prompt', outputs: ['result'], hasOutcomes: true },
  { type: 'Orchestrator.Model', label: 'Model', group: 'Agents', stem: 'model', icon: '◆', description: 'One model call', outputs: ['result'], hasOutcomes: true },
  { type: 'Orchestrator.Tool', label: 'Tool', group: 'Agents', stem: 'tool', icon: '⚙', description: 'Calls a registered tool', outputs: ['result'], hasOutcomes: true },
  { type: 'Orchestrator.Approval', label: 'Approval', group: 'People', stem: 'approval', icon: '✔', description: 'A person approves or rejects', outputs: ['decision'], hasOutcomes: true },
  { type: 'Elsa.RunTask', label: 'Task', group: 'People', stem: 'task', icon: '☐', description: 'A task for a person in the inbox', outputs: ['result'], hasOutcomes: true },
  { type: 'Elsa.Start', label: 'Start', group: 'Flow', stem: 'start', icon: '▶', description: 'Where the flow begins', outputs: [], hasOutcomes: true },
  { type: 'Elsa.FlowDecision', label: 'Decision', group: 'Flow', stem: 'decision', icon: '◇', description: 'True or False on a condition', outputs: [], hasOutcomes: true,
    defaults: () => ({ condition: { typeName: 'Boolean', expression: { type: 'JavaScript', value: 'true' } } }) },
  { type: 'Elsa.FlowSwitch', label: 'Switch', group: 'Flow', stem: 'switch', icon: '≡', description: 'One way per matching case', outputs: [], hasOutcomes: true,
    defaults: () => ({ cases: [] }) },
  { type: 'Elsa.FlowFork', label: 'Fork', group: 'Flow', stem: 'fork', icon: '⋔', description: 'Runs branches in parallel', outputs: [], hasOutcomes: true,
    defaults: () => ({ branches: { typeName: 'String[]', expression: { type: 'Object', value: '["Left","Right"]' } } }) },
  { type: 'Elsa.FlowJoin', label: 'Join', group: 'Flow', stem: 'join', icon: '⋈', description: 'Waits for branches', outputs: [], hasOutcomes: true,
    defaults: () => ({ mode: { typeName: joinModeType, expression: { type: 'Literal', value: 'WaitAll' } } }) },
  { type: 'Elsa.Delay', label: 'Delay', group: 'Flow', stem: 'delay', icon: '◷', description: 'Waits for a while', outputs: [], hasOutcomes: true,
    defaults: () => ({ timeSpan: { typeName: 'TimeSpan', expression: { type: 'Literal', value: '00:01:00' } } }) },
  { type: 'Elsa.Event', label: 'Event', group: 'Flow', stem: 'event', icon: '⚑', description: 'Waits for a named event', outputs: ['result'], hasOutcomes: true },
  { type: 'Orchestrator.SubWorkflow', label: 'Sub-workflow', group: 'Flow', stem: 'sub', icon: '⊞', description: 'Runs another workflow', outputs: ['result'], hasOutcomes: true },
  { type: 'Elsa.ExecuteWorkflow', label: 'Run workflow', group: 'Flow', stem: 'run', icon: '⊟', description: 'Runs a workflow by id, waiting for it or not', outputs: ['result'], hasOutcomes: true,
    defaults: () => ({ waitForCompletion: { typeName: 'Boolean', expression: { type: 'Literal', value: true } } }) },
  { type: 'Elsa.Fault', label: 'Fault', group: 'Flow', stem: 'fault', icon: '⚠', description: 'Fails the flow with a message', outputs: [], hasOutcomes: false },
  { type: 'Elsa.Finish', label: 'Finish', group: 'Flow', stem: 'finish', icon: '■', description: 'Finishes the whole flow', outputs: [], hasOutcomes: false },
  { type: 'Elsa.End', label: 'End', group: 'Flow', stem: 'end', icon: '●', description: 'The end of a path', outputs: [], hasOutcomes: false },
  { type: 'Elsa.SetVariable', label: 'Set variable', group: 'Data', stem: 'set', icon: '≔', description: 'Gives a variable a value', outputs: [], hasOutcomes: true },
  { type: 'Elsa.SetOutput', label: 'Set output', group: 'Data', stem: 'output', icon: '⇥', description: "Sets one of the flow's outputs", outputs: [], hasOutcomes: true },
  { type: 'Elsa.FlowSendHttpRequest', label: 'HTTP request', group: 'Data', stem: 'http', icon: '⇄', description: 'Calls an HTTP endpoint', outputs: ['statusCode', 'parsedContent'], hasOutcomes: true,
    defaults: () => ({ method: { typeName: 'String', expression: { type: 'Literal', value: 'POST' } } }) },
  { type: 'Elsa.WriteLine', label: 'Log', group: 'Data', stem: 'log', icon: '✎', description: 'Writes a line to the log', outputs: [], hasOutcomes: true },
];

export const joinModeType = 'Elsa.Workflows.Activities.Flowchart.Models.FlowJoinMode, Elsa.Workflows.Core';

export const groups: PaletteGroup[] = ['Agents', 'People', 'Flow', 'Data'];

const byType = new Map(kinds.map((k) => [k.type, k]));

/** The palette entry for a type; imported documents may hold types the palette does not offer. */
export function kindOf(type: string): ActivityKind | undefined {
  return byType.get(type);
}

function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string | number => typeof v === 'string' || typeof v === 'number').map(String) : [];
}

/** The activity's source ports, one per outcome, in the order they are drawn. */
export function outcomesOf(activity: Activity): string[] {
  const type = String(get(activity, 'type') ?? '');
  switch (type) {
    case 'Elsa.End':
    case 'Elsa.Finish':
    case 'Elsa.Fault':
      return [];
    case 'Elsa.FlowDecision':
      return ['True', 'False'];
    case 'Orchestrator.Approval':
      return ['Approved', 'Rejected', 'TimedOut'];
    case 'Orchestrator.Agent':
    case 'Orchestrator.SubWorkflow':
      return ['Done', 'Failed'];
    case 'Orchestrator.Tool':
      return ['Done', 'Denied', 'Failed'];
    case 'Elsa.FlowFork':
      return strings(objectValueOf(activity, 'branches'));
    case 'Elsa.FlowSwitch': {
      const cases = get(activity, 'cases');
      const labels = Array.isArray(cases) ? cases.filter(isObject).map((c) => String(get(c, 'label') ?? '')).filter(Boolean) : [];
      return [...labels, 'Default'];
    }
    case 'Elsa.FlowSendHttpRequest':
      return [...strings(objectValueOf(activity, 'expectedStatusCodes')), 'Unmatched status code', 'Done', 'Failed to connect', 'Timeout'];
    default:
      return ['Done'];
  }
}
