import { ModelCallStep, ToolCallStep } from './conversation';
import { formatDateTime } from './format';
import type { Json, Step } from './types';

function field(value: Json | null, name: string): Json | undefined {
  return value && typeof value === 'object' && !Array.isArray(value) ? value[name] : undefined;
}

/**
 * A step's name for a person; the engine's names of agent steps are technical. `workflowTitle` is what people call
 * the instance's workflow (a flow's title), shown on its workflow step instead of the id.
 */
export function stepTitle(step: Step, workflowTitle?: string): string {
  if (step.kind === 'workflow' && !step.title && workflowTitle) return workflowTitle;
  if (step.title) {
    return step.kind === 'wait' && step.deadline && !step.completedAt ? `${step.title} · until ${formatDateTime(step.deadline)}` : step.title;
  }
  if (step.name === ModelCallStep) {
    const model = step.usage?.model ?? field(step.input, 'model');
    return typeof model === 'string' ? `Model call · ${model}` : 'Model call';
  }
  if (step.name === ToolCallStep) {
    const tool = field(step.input, 'tool');
    return typeof tool === 'string' ? `Tool · ${tool}` : 'Tool call';
  }
  switch (step.name) {
    case 'orchestrator.approval-create':
      return 'Approval requested';
    case 'orchestrator.approval-resolve':
      return 'Approval resolved';
    case 'orchestrator.approval-rule':
      return 'Approval rule checked';
    case 'orchestrator.agent-tools':
      return 'Tools listed';
    default:
      break;
  }
  if (step.kind === 'timer') {
    const at = Date.parse(step.name);
    return Number.isNaN(at) ? `Timer ${step.name}` : `Timer until ${formatDateTime(step.name)}`;
  }
  if (step.kind === 'wait') return `Waiting for event ${step.name}`;
  if (step.kind === 'event' && step.name.startsWith('approval:')) return 'Approval decided';
  if (step.kind === 'event') return `Event ${step.name}`;
  if (step.kind === 'eventSent') return `Sent ${step.name}`;
  if (step.kind === 'subWorkflow') return `Sub-workflow ${step.name}`;
  if (step.kind === 'operation') return `Operation ${step.name}`;
  return step.name;
}

export const kindLabels: Record<string, string> = {
  workflow: 'Workflow',
  activity: 'Activity',
  timer: 'Timer',
  wait: 'Wait',
  subWorkflow: 'Sub-workflow',
  event: 'Event',
  eventSent: 'Event sent',
  patch: 'Patch',
  marker: 'Marker',
  operation: 'Operation',
};

/** The kind shown as the row's icon: model and tool calls are activities to the engine but matter more to a person. */
export function stepKind(step: Step): string {
  if (step.name === ModelCallStep) return 'model';
  if (step.name === ToolCallStep) return 'tool';
  if (step.name.startsWith('orchestrator.approval') || (step.kind === 'wait' && step.name.startsWith('approval:'))) return 'approval';
  return step.kind;
}

/** Merges a streamed step into the list: a known sequence is replaced, a new one appended in order. */
export function upsertStep(steps: Step[], step: Step): Step[] {
  const index = steps.findIndex((s) => s.sequence === step.sequence);
  if (index >= 0) {
    const next = steps.slice();
    next[index] = step;
    return next;
  }
  return [...steps, step].sort((a, b) => a.sequence - b.sequence);
}
