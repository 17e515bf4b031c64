import type { Activity } from './document';
import { get, isObject, typeOf } from './document';
import { literalOf, objectValueOf, readInput } from './inputs';

function short(text: string, max = 42): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > max ? `${line.slice(0, max - 1)}…` : line;
}

function list(value: unknown): string {
  return Array.isArray(value) ? value.map(String).join(', ') : '';
}

/** One line under a node's title saying what it is set to do, so the canvas reads without opening each node. */
export function summaryOf(activity: Activity): string {
  const input = (name: string) => readInput(activity, name)?.text ?? '';
  switch (typeOf(activity)) {
    case 'Orchestrator.Agent':
      return literalOf(activity, 'agent') ? `agent ${literalOf(activity, 'agent')}` : short(input('instructions') || input('prompt'));
    case 'Orchestrator.Model':
      return short(`${literalOf(activity, 'model') || 'default'}: ${input('prompt')}`);
    case 'Orchestrator.Tool':
      return literalOf(activity, 'tool');
    case 'Orchestrator.Approval':
      return short(list(objectValueOf(activity, 'assignTo')) || input('title'));
    case 'Elsa.RunTask':
      return input('taskName');
    case 'Orchestrator.SubWorkflow':
      return literalOf(activity, 'workflow');
    case 'Elsa.ExecuteWorkflow':
      return literalOf(activity, 'workflowDefinitionId');
    case 'Elsa.Fault':
      return short(input('message'));
    case 'Elsa.SetOutput':
      return short(input('outputName') ? `${input('outputName')} = ${input('outputValue')}` : '');
    case 'Elsa.FlowDecision':
      return short(input('condition'));
    case 'Elsa.Delay':
      return input('timeSpan');
    case 'Elsa.Event':
      return input('eventName');
    case 'Elsa.FlowJoin':
      return input('mode');
    case 'Elsa.SetVariable': {
      const variable = get(activity, 'variable');
      const name = isObject(variable) ? String(get(variable, 'name') ?? '') : '';
      return short(name ? `${name} = ${input('value')}` : '');
    }
    case 'Elsa.FlowSendHttpRequest':
      return short(`${literalOf(activity, 'method') || 'GET'} ${input('url')}`);
    case 'Elsa.WriteLine':
      return short(input('text'));
    default:
      return '';
  }
}
