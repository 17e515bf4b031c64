import type { StreamState } from '../lib/useEventStream';

const labels: Record<StreamState, string> = {
  connecting: 'Connecting…',
  live: 'Live',
  retrying: 'Reconnecting…',
  closed: 'Not live',
};

/** Whether a page's server-sent event stream is connected. */
export function LiveIndicator({ state, closedLabel }: { state: StreamState; closedLabel?: string }) {
  return (
    <span className={`live live-${state}`} title="Updates from the server as they happen">
      <span className="live-dot" aria-hidden="true" />
      {state === 'closed' && closedLabel ? closedLabel : labels[state]}
    </span>
  );
}
