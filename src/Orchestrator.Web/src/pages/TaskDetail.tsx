import { useEffect, useMemo, useRef, useState } from 'react';
import { ApiError, api } from '../lib/api';
import { conversationFrom } from '../lib/conversation';
import { workflowTitle } from '../lib/approvals';
import { formatDateTime, formatRelative, isOverdue } from '../lib/format';
import { isTyping } from '../lib/keys';
import { useAsync } from '../lib/useAsync';
import type { ApprovalItem, Json, JsonObject } from '../lib/types';
import { Conversation } from '../components/Conversation';
import { ErrorState } from '../components/ErrorState';
import { Link } from '../components/Link';
import { Loading } from '../components/Loading';
import { Markdown } from '../components/Markdown';
import { SchemaForm, editsFrom, fieldsFor, toInputText } from '../components/SchemaForm';
import { Timeline } from '../components/Timeline';
import { ValueTable } from '../components/ValueTable';

type Decision = 'approve' | 'reject';

/** The context a person reads: a flow's and step's names rather than their ids (kept when there is no name). */
function contextFacts(context: Json | null): JsonObject | null {
  if (!context || typeof context !== 'object' || Array.isArray(context)) return null;
  const named: Record<string, [string, string]> = { flow: ['flowName', 'Flow'], node: ['nodeName', 'Step'] };
  const facts: JsonObject = {};
  for (const [key, value] of Object.entries(context)) {
    if (key === 'toolCallId' || key === 'flowName' || key === 'nodeName') continue;
    const [nameKey, label] = named[key] ?? [];
    const name = nameKey ? context[nameKey] : undefined;
    facts[label ?? key] = typeof name === 'string' && name ? name : value;
  }
  return Object.keys(facts).length ? facts : null;
}

/** One task in full, with what led to it, and the decision: approve or reject with a comment, optionally with edits. */
export function TaskDetail({ task, takenBy, onDecided, onTaken, onBack }: {
  task: ApprovalItem;
  takenBy: string | null;
  onDecided: (task: ApprovalItem, decision: Decision) => void;
  onTaken: (taskId: string, current: ApprovalItem | null) => void;
  onBack: () => void;
}) {
  const details = useAsync(() => api.approval(task.taskId), [task.taskId]);
  const [comment, setComment] = useState('');
  const [editing, setEditing] = useState(false);
  const [values, setValues] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState<Decision | null>(null);
  const [error, setError] = useState<unknown>(null);
  const heading = useRef<HTMLHeadingElement>(null);

  const full = details.data;
  const schema = full?.proposedSchema ?? task.proposedSchema;
  const fields = useMemo(() => fieldsFor(schema, task.proposed), [schema, task.proposed]);
  const decidable = task.status === 'pending' && !takenBy;
  const messages = useMemo(() => conversationFrom(full?.steps ?? []), [full?.steps]);
  const facts = contextFacts(full?.context ?? null);
  const overdue = task.status === 'pending' && isOverdue(task.dueAt);

  const startEditing = () => {
    setValues(Object.fromEntries(fields.map((f) => {
      const proposed = task.proposed && typeof task.proposed === 'object' && !Array.isArray(task.proposed) ? task.proposed[f.name] : undefined;
      return [f.name, toInputText(f, proposed ?? (f.kind === 'boolean' ? false : undefined))];
    })));
    setFormError(null);
    setEditing(true);
  };

  const decide = async (decision: Decision) => {
    if (!decidable || busy) return;
    let edits: JsonObject | undefined;
    if (editing && decision === 'approve') {
      try {
        edits = editsFrom(fields, values, task.proposed);
      } catch (e) {
        setFormError(e instanceof Error ? e.message : String(e));
        return;
      }
      if (Object.keys(edits).length === 0) edits = undefined;
    }
    setBusy(decision);
    setError(null);
    try {
      const decided = await api.decide(task.taskId, decision, comment.trim() || undefined, edits);
      onDecided(decided, decision);
    } catch (e) {
      if (e instanceof ApiError && e.status === 409) {
        const current = await api.approval(task.taskId).catch(() => null);
        onTaken(task.taskId, current);
      } else {
        setError(e);
      }
      setBusy(null);
    }
  };

  // a approve, r reject, e edit; j/k belong to the list.
  const keys = useRef({ decide, startEditing, editing });
  keys.current = { decide, startEditing, editing };
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (isTyping(event)) return;
      if (event.key === 'a') {
        event.preventDefault();
        void keys.current.decide('approve');
      } else if (event.key === 'r') {
        event.preventDefault();
        void keys.current.decide('reject');
      } else if (event.key === 'e' && !keys.current.editing) {
        event.preventDefault();
        keys.current.startEditing();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  useEffect(() => heading.current?.focus({ preventScroll: true }), [task.taskId]);

  return (
    <article className="task-detail" data-testid="task-detail" aria-labelledby="task-title">
      <button type="button" className="btn btn-ghost btn-small back" onClick={onBack}>
        ← All tasks
      </button>
      <header className="task-head">
        <h2 id="task-title" ref={heading} tabIndex={-1}>
          {task.title}
        </h2>
        <div className="task-facts">
          <span>
            Requested by <b title={task.requestedBy.agent ? undefined : task.workflow}>{task.requestedBy.agent ?? workflowTitle(task)}</b>
            {task.requestedBy.onBehalfOf && <> on behalf of <b>{task.requestedBy.onBehalfOf}</b></>}
          </span>
          <span className="dot" aria-hidden="true">·</span>
          <span>
            <Link to={`/instances/${encodeURIComponent(task.instanceId)}`}>open the instance</Link>
          </span>
          <span className="dot" aria-hidden="true">·</span>
          <span title={formatDateTime(task.createdAt)}>asked {formatRelative(task.createdAt)}</span>
        </div>
        <div className={overdue ? 'due due-over' : 'due'}>
          {task.dueAt ? (
            <>
              {overdue && <span className="tag tag-bad">Overdue</span>}
              <span>
                Due <b>{formatDateTime(task.dueAt)}</b> ({formatRelative(task.dueAt)})
              </span>
            </>
          ) : (
            <span>No due time</span>
          )}
        </div>
      </header>

      {task.status === 'withdrawn' && (
        <div className="alert alert-info" data-testid="task-withdrawn">
          <p>
            <b>Withdrawn</b> — the workflow no longer waits for this answer (another branch went on first, or the flow
            ended); nothing more to do here.
          </p>
        </div>
      )}

      {takenBy && (
        <div className="alert alert-info" data-testid="task-taken">
          <p>
            <b>Taken by {takenBy}</b> — this task was decided by someone else, nothing more to do here.
          </p>
        </div>
      )}

      <section className="panel">
        <h3>Proposed action</h3>
        {task.proposed === null ? (
          <p className="muted" data-testid="proposed-none">Nothing is proposed to change: approve or reject.</p>
        ) : (
          <ValueTable value={task.proposed} testId="proposed-table" />
        )}
        {editing && decidable && (
          <div className="edit-box">
            <h4>Edit before approving</h4>
            <SchemaForm fields={fields} values={values} error={formError}
              onChange={(name, text) => setValues((v) => ({ ...v, [name]: text }))} />
            <div className="row-actions">
              <button type="button" className="btn btn-ghost btn-small" onClick={() => setEditing(false)}>
                Cancel edits
              </button>
            </div>
          </div>
        )}
      </section>

      {decidable && (
        <section className="panel decision">
          <div className="field">
            <label htmlFor="decision-comment">Comment</label>
            <textarea id="decision-comment" rows={2} value={comment} placeholder="Why (kept in the record)"
              onChange={(e) => setComment(e.target.value)} />
          </div>
          {error !== null && <ErrorState error={error} compact />}
          <div className="decision-buttons">
            <button type="button" className="btn btn-approve" disabled={busy !== null} onClick={() => void decide('approve')}>
              {busy === 'approve' ? 'Approving…' : 'Approve'}
              <kbd aria-hidden="true">a</kbd>
            </button>
            <button type="button" className="btn btn-reject" disabled={busy !== null} onClick={() => void decide('reject')}>
              {busy === 'reject' ? 'Rejecting…' : 'Reject'}
              <kbd aria-hidden="true">r</kbd>
            </button>
            <button type="button" className="btn" disabled={busy !== null || editing} onClick={startEditing}>
              Edit
              <kbd aria-hidden="true">e</kbd>
            </button>
          </div>
          <p className="hint keys-hint">
            <kbd>j</kbd>/<kbd>k</kbd> next and previous task · <kbd>a</kbd> approve · <kbd>r</kbd> reject · <kbd>e</kbd> edit
          </p>
        </section>
      )}

      {task.details && (
        <section className="panel">
          {task.proposed !== null ? (
            <details className="why">
              <summary>
                <h3>Why it asks</h3>
              </summary>
              <Markdown text={task.details} />
            </details>
          ) : (
            <>
              <h3>Why it asks</h3>
              <Markdown text={task.details} />
            </>
          )}
        </section>
      )}

      {details.loading && !full && (
        <section className="panel">
          <Loading lines={3} label="Loading the steps" />
        </section>
      )}
      {details.error !== undefined && !full && (
        <section className="panel">
          <ErrorState error={details.error} onRetry={details.reload} compact />
        </section>
      )}
      {full && messages.length > 0 && (
        <section className="panel">
          <h3>Conversation</h3>
          <Conversation messages={messages} />
        </section>
      )}
      {full && facts && (
        <section className="panel">
          <h3>Context</h3>
          <ValueTable value={facts} testId="task-context" />
        </section>
      )}
      {full && (
        <section className="panel">
          <h3>Steps that led to it</h3>
          <Timeline steps={full.steps} live={false} workflowTitle={task.workflowDisplayName} />
        </section>
      )}
    </article>
  );
}
