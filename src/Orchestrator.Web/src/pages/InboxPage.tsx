import { useEffect, useMemo, useRef, useState } from 'react';
import { api, streams } from '../lib/api';
import { inboxOrder } from '../lib/approvals';
import { isTyping } from '../lib/keys';
import { useSession } from '../lib/session';
import { useAsync } from '../lib/useAsync';
import { useEventStream } from '../lib/useEventStream';
import type { ApprovalItem } from '../lib/types';
import { EmptyState } from '../components/EmptyState';
import { ErrorState } from '../components/ErrorState';
import { Loading } from '../components/Loading';
import { LiveIndicator } from '../components/LiveIndicator';
import { TaskDetail } from './TaskDetail';
import { TaskRow } from './TaskRow';

interface Notice {
  text: string;
  title: string;
  tone: 'ok' | 'bad' | 'info';
}

/** Pending tasks the person may decide, overdue and newest first, with the selected one beside the list. */
export function InboxPage() {
  const { session } = useSession();
  const list = useAsync(() => api.approvals('pending'), []);
  const [selected, setSelected] = useState<string | null>(null);
  const [taken, setTaken] = useState<Record<string, string>>({});
  const [notice, setNotice] = useState<Notice | null>(null);
  const mine = useRef(new Set<string>());
  const [, setClock] = useState(0);

  // Overdue badges change with time alone.
  useEffect(() => {
    const timer = window.setInterval(() => setClock((c) => c + 1), 30_000);
    return () => window.clearInterval(timer);
  }, []);

  const tasks = useMemo(() => (list.data?.items ?? []).slice().sort((a, b) => inboxOrder(a, b)), [list.data]);
  const current = tasks.find((t) => t.taskId === selected) ?? null;

  const upsert = (item: ApprovalItem) =>
    list.setData((data) => {
      const items = data?.items ?? [];
      const index = items.findIndex((t) => t.taskId === item.taskId);
      if (index < 0) return { items: [item, ...items] };
      const next = items.slice();
      next[index] = item;
      return { items: next };
    });
  const remove = (taskId: string) => list.setData((data) => data && { items: data.items.filter((t) => t.taskId !== taskId) });

  const live = useEventStream(streams.approvals(), {
    'approval.created': (data) => {
      const item = data as ApprovalItem;
      if (item.status === 'pending') upsert(item);
    },
    'approval.updated': (data) => {
      const item = data as ApprovalItem;
      if (item.status === 'pending') upsert(item);
    },
    'approval.decided': (data) => {
      const item = data as ApprovalItem;
      if (mine.current.has(item.taskId) || item.decidedBy === session.user) return;
      if (item.taskId === selected) {
        if (item.status !== 'withdrawn') {
          setTaken((t) => ({ ...t, [item.taskId]: item.decidedBy ?? (item.status === 'expired' ? 'the deadline (expired)' : 'someone else') }));
        }
        upsert(item);
      } else {
        remove(item.taskId);
      }
    },
  });

  const move = (delta: number) => {
    if (tasks.length === 0) return;
    const index = tasks.findIndex((t) => t.taskId === selected);
    const next = index < 0 ? 0 : Math.min(tasks.length - 1, Math.max(0, index + delta));
    setSelected(tasks[next]?.taskId ?? null);
  };

  const keys = useRef(move);
  keys.current = move;
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (isTyping(event)) return;
      if (event.key === 'j') {
        event.preventDefault();
        keys.current(1);
      } else if (event.key === 'k') {
        event.preventDefault();
        keys.current(-1);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  // On a wide screen the first task is open straight away, so an approver can start deciding.
  useEffect(() => {
    if (selected === null && tasks.length > 0 && window.matchMedia('(min-width: 900px)').matches) setSelected(tasks[0]?.taskId ?? null);
  }, [selected, tasks]);

  const decided = (item: ApprovalItem, decision: 'approve' | 'reject') => {
    mine.current.add(item.taskId);
    const index = tasks.findIndex((t) => t.taskId === item.taskId);
    const rest = tasks.filter((t) => t.taskId !== item.taskId);
    remove(item.taskId);
    setSelected(rest[Math.min(index, rest.length - 1)]?.taskId ?? null);
    setNotice({ text: decision === 'approve' ? 'Approved' : 'Rejected', title: item.title, tone: decision === 'approve' ? 'ok' : 'bad' });
  };

  const takenHere = (taskId: string, current: ApprovalItem | null) => {
    if (current?.status === 'withdrawn') upsert(current);
    else setTaken((t) => ({ ...t, [taskId]: current?.decidedBy ?? 'someone else' }));
  };
  const overdueCount = tasks.filter((t) => t.dueAt && Date.parse(t.dueAt) < Date.now() && !taken[t.taskId]).length;

  return (
    <div className={`page inbox${current ? ' has-selection' : ''}`}>
      <div className="page-head">
        <div>
          <h1>Inbox</h1>
          <p className="muted">
            {list.data ? `${tasks.length} pending${overdueCount ? ` · ${overdueCount} overdue` : ''}` : 'Tasks waiting for your decision'}
          </p>
        </div>
        <LiveIndicator state={live} />
      </div>
      <div className={notice ? `notice notice-${notice.tone}` : 'notice notice-empty'}>
        <span role="status" aria-live="polite" className="notice-text">
          {notice?.text ?? ''}
        </span>
        {notice && (
          <>
            <span className="notice-sub">{notice.title}</span>
            <button type="button" className="linkish notice-close" aria-label="Dismiss" onClick={() => setNotice(null)}>
              ×
            </button>
          </>
        )}
      </div>
      {list.error !== undefined && !list.data ? (
        <ErrorState error={list.error} onRetry={list.reload} />
      ) : !list.data ? (
        <Loading lines={5} label="Loading tasks" />
      ) : tasks.length === 0 ? (
        <EmptyState title="Inbox zero" icon="✓">
          No task waits for you. New requests appear here as agents ask for them.
        </EmptyState>
      ) : (
        <div className="split">
          <ul className="task-list" aria-label="Pending tasks">
            {tasks.map((task) => (
              <TaskRow key={task.taskId} task={task} selected={task.taskId === selected} taken={!!taken[task.taskId]}
                onSelect={() => setSelected(task.taskId)} />
            ))}
          </ul>
          <div className="detail-pane">
            {current ? (
              <TaskDetail key={current.taskId} task={current} takenBy={taken[current.taskId] ?? null} onDecided={decided}
                onTaken={takenHere} onBack={() => setSelected(null)} />
            ) : (
              <EmptyState title="Select a task">Pick a task on the left, or press j.</EmptyState>
            )}
          </div>
        </div>
      )}
    </div>
  );
}
