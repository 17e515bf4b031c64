import { useEffect } from 'react';
import { api, streams } from '../lib/api';
import type { FlowRunStatus, NodeRun } from '../lib/flowTypes';
import type { InstanceDetails, InstanceStatus, Json } from '../lib/types';
import { useAsync } from '../lib/useAsync';
import { useEventStream } from '../lib/useEventStream';
import type { StreamState } from '../lib/useEventStream';

const terminal: InstanceStatus[] = ['Completed', 'Failed', 'Terminated'];

export interface FlowRun {
  instance: InstanceDetails | undefined;
  error: unknown;
  nodes: Record<string, NodeRun>;
  waitingFor: string | null;
  live: StreamState;
  running: boolean;
}

function flowStatus(customStatus: Json | null | undefined): FlowRunStatus {
  return customStatus && typeof customStatus === 'object' && !Array.isArray(customStatus) ? (customStatus as unknown as FlowRunStatus) : {};
}

/** A flow instance as it runs: node states from its customStatus, live from the instance stream, polled as a fallback. */
export function useFlowRun(instanceId: string | null): FlowRun {
  const instance = useAsync(() => (instanceId ? api.instance(instanceId) : Promise.resolve(undefined)), [instanceId]);
  const details = instance.data;
  const running = !!details && !terminal.includes(details.status);

  const live = useEventStream(instanceId && running ? streams.instance(instanceId) : null, {
    status: (data) => {
      const s = data as { status: InstanceStatus; customStatus?: Json | null };
      instance.setData((d) => d && { ...d, status: s.status, customStatus: s.customStatus === undefined ? d.customStatus : s.customStatus });
    },
    done: (data) => instance.setData(() => data as InstanceDetails),
  });

  // The stream may be down (a proxy that buffers, a reconnect): ask now and then while the run is not over.
  useEffect(() => {
    if (!instanceId || !running) return;
    const timer = window.setInterval(() => {
      api.instance(instanceId).then((d) => instance.setData(() => d), () => undefined);
    }, live === 'live' ? 5000 : 1500);
    return () => window.clearInterval(timer);
  }, [instanceId, running, live]);

  const status = flowStatus(details?.customStatus);
  return {
    instance: details,
    error: instance.error,
    nodes: status.flow?.nodes ?? {},
    waitingFor: status.waitingFor ?? null,
    live,
    running,
  };
}
