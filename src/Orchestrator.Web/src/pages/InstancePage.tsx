import { useMemo, useState } from 'react';
import { ApiError, api, streams } from '../lib/api';
import { conversationFrom } from '../lib/conversation';
import { formatCost, formatDateTime, formatDuration, formatTokens } from '../lib/format';
import { can, useSession } from '../lib/session';
import { upsertStep } from '../lib/steps';
import { useAsync } from '../lib/useAsync';
import { useEventStream } from '../lib/useEventStream';
import type { InstanceDetails, InstanceStatus, Json, Step, UsageInfo } from '../lib/types';
import { Conversation } from '../components/Conversation';
import { EmptyState } from '../components/EmptyState';
import { ErrorState } from '../components/ErrorState';
import { JsonView } from '../components/JsonView';
import { Link } from '../components/Link';
import { LiveIndicator } from '../components/LiveIndicator';
import { Loading } from '../components/Loading';
import { StatusBadge } from '../components/StatusBadge';
import { Timeline } from '../components/Timeline';
import { WorkflowName } from '../components/WorkflowName';
import { ChildInstances } from './ChildInstances';
import { InstanceActions } from './InstanceActions';

const terminal: InstanceStatus[] = ['Completed', 'Failed', 'Terminated'];

const sameUsage = (a: UsageInfo, b: UsageInfo | undefined) =>
  !!b && a.inputTokens === b.inputTokens && a.outputTokens === b.outputTokens && a.cachedInputTokens === b.cachedInputTokens && a.costUsd === b.costUsd;

/** One instance: status, operations, the step waterfall, the agent conversation, usage and children, live while it runs. */
export function InstancePage({ id }: { id: string }) {
  const { session } = useSession();
  const instance = useAsync(() => api.instance(id), [id]);
  const history = useAsync(() => api.history(id), [id]);
  const [epoch, setEpoch] = useState(0);
  const [typing, setTyping] = useState<string>('');
  const [notice, setNotice] = useState<string | null>(null);

  const details = instance.data;
  const steps = history.data?.steps ?? [];
  const running = !!details && !terminal.includes(details.status);
  const setSteps = (update: (steps: Step[]) => Step[]) =>
    history.setData((h) => ({ instanceId: id, steps: update(h?.steps ?? []) }));

  const live = useEventStream(details && running ? `${streams.instance(id)}#${epoch}` : null, {
    status: (data) => {
      const s = data as { status: InstanceStatus; customStatus: Json | null };
      instance.setData((d) => d && { ...d, status: s.status, customStatus: s.customStatus, updatedAt: new Date().toISOString() });
    },
    step: (data) => {
      setTyping('');
      setSteps((current) => upsertStep(current, data as Step));
    },
    reset: () => setSteps(() => []),
    signal: (data) => {
      const signal = data as { kind: string; data: { text?: string } | null };
      if (signal.kind === 'model.delta' && signal.data?.text) setTyping((t) => t + signal.data!.text);
    },
    done: (data) => {
      setTyping('');
      instance.setData(() => data as InstanceDetails);
    },
  });

  const messages = useMemo(() => conversationFrom(steps), [steps]);
  const duration = details ? Date.parse(details.updatedAt) - Date.parse(details.createdAt) : 0;

  const afterOperation = (message: string) => {
    setNotice(message);
    instance.reload();
    history.reload();
    setEpoch((e) => e + 1);
  };

  if (instance.error !== undefined && !details) {
    const missing = instance.error instanceof ApiError && instance.error.status === 404;
    return (
      <div className="page">
        <div className="crumbs">
          <Link to="/instances">Instances</Link> / {id}
        </div>
        {missing ? (
          <EmptyState title="No such instance" icon="?">
            There is no instance <code>{id}</code>. It may have been purged.
          </EmptyState>
        ) : (
          <ErrorState error={instance.error} onRetry={instance.reload} />
        )}
      </div>
    );
  }
  if (!details) {
    return (
      <div className="page">
        <Loading lines={8} label="Loading the instance" />
      </div>
    );
  }

  return (
    <div className="page">
      <div className="crumbs">
        <Link to="/instances">Instances</Link>
        {details.parentInstanceId && (
          <>
            {' / '}
            <Link to={`/instances/${encodeURIComponent(details.parentInstanceId)}`}>{details.parentInstanceId}</Link>
          </>
        )}
      </div>
      <div className="page-head">
        <div style={{ minWidth: 0 }}>
          <div className="instance-head">
            <h1>{details.instanceId}</h1>
            <StatusBadge status={details.status} testId="instance-status" />
            {running ? <LiveIndicator state={live} /> : null}
          </div>
          <p className="muted" data-testid="instance-workflow">
            <WorkflowName name={details.workflow} displayName={details.workflowDisplayName} version={details.version} /> · started by{' '}
            {details.startedBy ?? 'unknown'} · {formatDateTime(details.createdAt)}
          </p>
        </div>
        {can.operate(session) && <InstanceActions instance={details} onDone={afterOperation} />}
      </div>
      {notice && (
        <div className="notice notice-info">
          <span role="status">{notice}</span>
          <span className="notice-sub" />
          <button type="button" className="linkish notice-close" aria-label="Dismiss" onClick={() => setNotice(null)}>
            ×
          </button>
        </div>
      )}
      {details.error && (
        <div className="alert alert-bad">
          <div>
            <strong>Failed: {details.error.type}</strong>
            <p>{details.error.message}</p>
          </div>
        </div>
      )}
      <div className="instance-grid">
        <div style={{ minWidth: 0 }}>
          <section className="panel">
            <h3>Timeline</h3>
            {history.error !== undefined && !history.data ? (
              <ErrorState error={history.error} onRetry={history.reload} compact />
            ) : !history.data ? (
              <Loading lines={5} label="Loading the steps" />
            ) : (
              <Timeline steps={steps} live={running} workflowTitle={details.workflowDisplayName} />
            )}
          </section>
          {(messages.length > 0 || typing) && (
            <section className="panel">
              <h3>Conversation</h3>
              <Conversation messages={typing ? [...messages, { role: 'assistant', content: `${typing}…`, toolCalls: [], toolCallId: null }] : messages} />
            </section>
          )}
          <section className="panel">
            <h3>Input and output</h3>
            <div className="io">
              <JsonView label="Input" value={details.input} />
              {details.output !== null && <JsonView label={details.status === 'Terminated' ? 'Reason' : 'Output'} value={details.output} />}
            </div>
          </section>
        </div>
        <aside style={{ minWidth: 0 }}>
          <section className="panel" data-testid="instance-usage">
            <h3>Tokens and cost</h3>
            <div className="metric-row">
              <div className="metric">
                <div className="metric-label">Input tokens</div>
                <div className="metric-value">{formatTokens(details.usage.inputTokens)}</div>
              </div>
              <div className="metric">
                <div className="metric-label">Output tokens</div>
                <div className="metric-value">{formatTokens(details.usage.outputTokens)}</div>
              </div>
              <div className="metric">
                <div className="metric-label">Cached input</div>
                <div className="metric-value">{formatTokens(details.usage.cachedInputTokens)}</div>
              </div>
              <div className="metric">
                <div className="metric-label">Cost</div>
                <div className="metric-value">{formatCost(details.usage.costUsd)}</div>
              </div>
            </div>
            <p className="hint" style={{ marginTop: 8 }} data-testid="instance-own-usage">
              {sameUsage(details.usage, details.ownUsage)
                ? 'All from this instance\'s own model calls.'
                : `Includes its sub-workflows and agents; its own model calls: ${formatTokens(details.ownUsage.inputTokens)} in, ${formatTokens(details.ownUsage.outputTokens)} out, ${formatCost(details.ownUsage.costUsd)}.`}
            </p>
          </section>
          <section className="panel">
            <h3>Details</h3>
            <dl className="facts">
              <div>
                <dt>Created</dt>
                <dd>{formatDateTime(details.createdAt)}</dd>
              </div>
              <div>
                <dt>{running ? 'Last change' : 'Finished'}</dt>
                <dd>{formatDateTime(details.updatedAt)}</dd>
              </div>
              <div>
                <dt>{running ? 'Running for' : 'Took'}</dt>
                <dd>{formatDuration(running ? Date.now() - Date.parse(details.createdAt) : duration)}</dd>
              </div>
              <div>
                <dt>Steps</dt>
                <dd>{steps.length}</dd>
              </div>
              {Object.entries(details.tags ?? {}).map(([k, v]) => (
                <div key={k}>
                  <dt>Tag {k}</dt>
                  <dd>{v}</dd>
                </div>
              ))}
            </dl>
            {details.customStatus !== null && (
              <div style={{ marginTop: 12 }}>
                <JsonView label="Custom status" value={details.customStatus} />
              </div>
            )}
          </section>
          <section className="panel">
            <h3>Child instances</h3>
            <ChildInstances instanceId={id} steps={steps} refresh={epoch} />
          </section>
        </aside>
      </div>
    </div>
  );
}
