import { useMemo } from 'react';
import { api } from '../lib/api';
import { useAsync } from '../lib/useAsync';
import type { InstanceStatus, Step } from '../lib/types';
import { Link } from '../components/Link';
import { StatusBadge } from '../components/StatusBadge';
import { WorkflowName } from '../components/WorkflowName';

interface Child {
  instanceId: string;
  workflow: string;
  workflowDisplayName?: string;
  status: InstanceStatus | string;
}

/** The instance's sub-workflows: those its steps started, completed by the server's parent filter. */
export function ChildInstances({ instanceId, steps, refresh }: { instanceId: string; steps: Step[]; refresh: number }) {
  const listed = useAsync(() => api.instances({ parent: instanceId, limit: 100 }), [instanceId, refresh]);
  const children = useMemo(() => {
    const byId = new Map<string, Child>();
    for (const step of steps) {
      if (step.childInstanceId) byId.set(step.childInstanceId, { instanceId: step.childInstanceId, workflow: step.name, status: step.status });
    }
    for (const item of listed.data?.items ?? []) byId.set(item.instanceId, item);
    return [...byId.values()];
  }, [steps, listed.data]);

  if (children.length === 0) return <p className="muted">No child instances.</p>;
  return (
    <ul className="child-list">
      {children.map((child) => (
        <li key={child.instanceId}>
          <span style={{ minWidth: 0, display: 'flex', flexDirection: 'column' }}>
            <Link to={`/instances/${encodeURIComponent(child.instanceId)}`}>{child.instanceId}</Link>
            <span className="muted" style={{ fontSize: 12 }}>
              <WorkflowName name={child.workflow} displayName={child.workflowDisplayName} />
            </span>
          </span>
          <StatusBadge status={child.status} />
        </li>
      ))}
    </ul>
  );
}
