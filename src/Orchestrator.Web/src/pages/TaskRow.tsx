import { workflowTitle } from '../lib/approvals';
import { formatRelative, isOverdue } from '../lib/format';
import type { ApprovalItem } from '../lib/types';

/** One pending task in the inbox list. */
export function TaskRow({ task, selected, taken, onSelect }: {
  task: ApprovalItem;
  selected: boolean;
  taken: boolean;
  onSelect: () => void;
}) {
  const overdue = task.status === 'pending' && isOverdue(task.dueAt);
  const { agent, onBehalfOf } = task.requestedBy;
  return (
    <li>
      <button type="button" data-testid="task-row" data-task-id={task.taskId} aria-current={selected ? 'true' : undefined}
        className={`task-row${selected ? ' selected' : ''}${taken ? ' taken' : ''}`} onClick={onSelect}>
        <span className="task-row-top">
          <span className="task-title">{task.title}</span>
          <span className="task-age" title={task.createdAt}>
            {formatRelative(task.createdAt)}
          </span>
        </span>
        <span className="task-row-meta">
          <span className="task-who">
            Requested by <b title={agent ? undefined : task.workflow}>{agent ?? workflowTitle(task)}</b>
            {onBehalfOf && <> on behalf of <b>{onBehalfOf}</b></>}
          </span>
        </span>
        <span className="task-row-bottom">
          {overdue ? <span className="tag tag-bad">Overdue</span> : null}
          {taken ? <span className="tag tag-muted">Taken</span> : null}
          <span className={overdue ? 'task-due overdue' : 'task-due'} title={task.dueAt ?? undefined}>
            {task.dueAt ? `Due ${formatRelative(task.dueAt)}` : 'No due time'}
          </span>
        </span>
      </button>
    </li>
  );
}
