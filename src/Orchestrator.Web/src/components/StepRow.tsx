import { formatCost, formatDuration, formatTime, formatTokens } from '../lib/format';
import { kindLabels, stepKind, stepTitle } from '../lib/steps';
import type { Step } from '../lib/types';
import { JsonView } from './JsonView';
import { Link } from './Link';
import { StatusBadge } from './StatusBadge';

const icons: Record<string, string> = {
  model: '✦',
  tool: '⚙',
  approval: '✓',
  activity: '▸',
  timer: '◷',
  wait: '⧗',
  subWorkflow: '↳',
  event: '⚑',
  eventSent: '➚',
  operation: '↻',
  workflow: '◆',
};

/** One step of the timeline: its bar in the waterfall, and when open, its input, output and error. */
export function StepRow({ step, workflowTitle, start, span, now, open, onToggle }: {
  step: Step;
  workflowTitle?: string;
  start: number;
  span: number;
  now: number;
  open: boolean;
  onToggle: () => void;
}) {
  const begin = Date.parse(step.startedAt);
  const end = step.completedAt ? Date.parse(step.completedAt) : now;
  const duration = end - begin;
  const left = span > 0 ? ((begin - start) / span) * 100 : 0;
  const width = span > 0 ? Math.max(0.6, (duration / span) * 100) : 100;
  const kind = stepKind(step);
  const failed = step.status === 'Failed';
  const waiting = !step.completedAt;
  const cancelled = step.status === 'Cancelled';
  const tone = failed ? 'bad' : cancelled ? 'muted' : waiting ? (step.status === 'Waiting' ? 'warn' : 'info') : kind === 'timer' || step.status === 'Waiting' || step.status === 'TimedOut' ? 'warn' : 'ok';
  return (
    <li className={`step${open ? ' open' : ''}${failed ? ' failed' : ''}`}>
      <button type="button" className="step-head" data-testid="step-row" aria-expanded={open} onClick={onToggle}>
        <span className={`step-icon kind-${kind}`} aria-hidden="true" title={kindLabels[step.kind] ?? step.kind}>
          {icons[kind] ?? '•'}
        </span>
        <span className="step-name">
          <span className="step-title">{stepTitle(step, workflowTitle)}</span>
          <span className="step-sub">
            #{step.sequence} · {formatTime(step.startedAt)}
            {step.agent && <> · {step.agent}</>}
          </span>
        </span>
        <span className="step-bar-track" aria-hidden="true">
          <span className={`step-bar tone-${tone}${waiting ? ' open-ended' : ''}`} style={{ left: `${Math.min(left, 99.4)}%`, width: `${Math.min(width, 100 - Math.min(left, 99.4))}%` }} />
        </span>
        <span className="step-duration">{waiting ? `${formatDuration(duration)}…` : formatDuration(duration)}</span>
        <span className="step-attempt">{step.attempt && step.attempt > 1 ? <span className="tag tag-warn">attempt {step.attempt}</span> : step.attempt ? 'attempt 1' : ''}</span>
        <span className="step-status">
          <StatusBadge status={step.status} />
        </span>
      </button>
      {open && (
        <div className="step-body">
          {step.attempts && step.attempts.length > 0 && (
            <ol className="step-attempts" data-testid="step-attempts" aria-label="Failed attempts">
              {step.attempts.map((a) => (
                <li key={a.attempt} className="step-attempt" data-testid="step-attempt">
                  <span className="step-attempt-head">
                    Attempt {a.attempt} failed · {formatTime(a.failedAt)}
                  </span>
                  <strong>{a.error.type}</strong>
                  <p>{a.error.message}</p>
                </li>
              ))}
            </ol>
          )}
          {step.error && (
            <div className="step-error" data-testid="step-error">
              <strong>{step.error.type}</strong>
              <p>{step.error.message}</p>
            </div>
          )}
          <dl className="step-facts">
            <div>
              <dt>Started</dt>
              <dd>{formatTime(step.startedAt)}</dd>
            </div>
            <div>
              <dt>Ended</dt>
              <dd>{step.completedAt ? formatTime(step.completedAt) : 'still open'}</dd>
            </div>
            {step.deadline && (
              <div>
                <dt>Deadline</dt>
                <dd>{formatTime(step.deadline)}</dd>
              </div>
            )}
            {step.by && (
              <div>
                <dt>By</dt>
                <dd data-testid="step-by">{step.by}</dd>
              </div>
            )}
            {step.principal && !step.by && (
              <div>
                <dt>Acts as</dt>
                <dd>{step.principal}</dd>
              </div>
            )}
            {step.usage && (
              <div>
                <dt>Tokens</dt>
                <dd>
                  {formatTokens(step.usage.inputTokens)} in · {formatTokens(step.usage.outputTokens)} out · {formatCost(step.usage.costUsd)}
                </dd>
              </div>
            )}
            {step.childInstanceId && (
              <div>
                <dt>Child</dt>
                <dd>
                  <Link to={`/instances/${encodeURIComponent(step.childInstanceId)}`}>{step.childInstanceId}</Link>
                </dd>
              </div>
            )}
          </dl>
          <div className="io">
            <JsonView label="Input" value={step.input ?? undefined} />
            <JsonView label="Output" value={step.output ?? undefined} />
          </div>
        </div>
      )}
    </li>
  );
}
