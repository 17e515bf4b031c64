import type { ApprovalItem } from './types';

/** Inbox order: overdue tasks first (the most overdue on top), then the newest. */
export function inboxOrder(a: ApprovalItem, b: ApprovalItem, now = Date.now()): number {
  const aOver = !!a.dueAt && Date.parse(a.dueAt) < now;
  const bOver = !!b.dueAt && Date.parse(b.dueAt) < now;
  if (aOver !== bOver) return aOver ? -1 : 1;
  if (aOver && bOver) return Date.parse(a.dueAt ?? '') - Date.parse(b.dueAt ?? '');
  return Date.parse(b.createdAt) - Date.parse(a.createdAt);
}

/** What people call the workflow that asks: a flow's title, else its name. */
export function workflowTitle(task: ApprovalItem): string {
  return task.workflowDisplayName || task.workflow;
}
