import { formatDateTime, formatRelative } from '../lib/format';
import type { InstanceSummary } from '../lib/types';
import { Link } from '../components/Link';
import { StatusBadge } from '../components/StatusBadge';
import { WorkflowName } from '../components/WorkflowName';

function waitingFor(summary: InstanceSummary): string | null {
  const custom = summary.customStatus;
  if (custom && typeof custom === 'object' && !Array.isArray(custom) && typeof custom.waitingFor === 'string') return custom.waitingFor;
  return null;
}

/** One instance in the list; the first cell links to its page. */
export function InstanceRow({ instance }: { instance: InstanceSummary }) {
  const waiting = waitingFor(instance);
  return (
    <tr data-testid="instance-row">
      <td className="id-cell">
        <Link to={`/instances/${encodeURIComponent(instance.instanceId)}`}>{instance.instanceId}</Link>
      </td>
      <td>
        <WorkflowName name={instance.workflow} displayName={instance.workflowDisplayName} version={instance.version} />
      </td>
      <td>
        <StatusBadge status={instance.status} />
        {waiting && <span className="muted hide-narrow"> · waits for {waiting.startsWith('approval:') ? 'approval' : waiting}</span>}
      </td>
      <td className="hide-narrow">{instance.startedBy ?? '—'}</td>
      <td className="hide-narrow" title={formatDateTime(instance.createdAt)}>
        {formatRelative(instance.createdAt)}
      </td>
      <td title={formatDateTime(instance.updatedAt)}>{formatRelative(instance.updatedAt)}</td>
    </tr>
  );
}
