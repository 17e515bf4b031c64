import type { ApprovalItem } from './types';

/** Inbox order: overdue tasks first (the most overdue on top), then the newest. */
export function inboxOrder(a: ApprovalItem, b: ApprovalItem, now = Date.now()): number {
  const aOver = !!a.dueAt && Date.parse(a.dueAt) < now;
  const bOver = !!b.dueAt && Date.parse(b.dueAt) < now;
  if (aOver !== bOver) return aOver ? -1 : 1;
  if (aOver && bOver) return Date.parse(a.dueAt ?? '') - Date.parse(b.dueAt ?? '');
  return Date.parse(b.createdAt) - Date.parse(a.createdAt);
}

/** "support-triage for bob", "bob", or the workflow when nobody is named. */
export function requester(task: ApprovalItem): string {
  const { agent, onBehalfOf } = task.requestedBy;
  if (agent && onBehalfOf) return `${agent} for ${onBehalfOf}`;
  return agent ?? onBehalfOf ?? task.workflow;
}
