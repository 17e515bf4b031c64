const tones: Record<string, string> = {
  running: 'info',
  pending: 'warn',
  scheduled: 'info',
  waiting: 'warn',
  suspended: 'warn',
  completed: 'ok',
  fired: 'ok',
  received: 'ok',
  applied: 'ok',
  recorded: 'ok',
  continuedasnew: 'info',
  sent: 'ok',
  approved: 'ok',
  ok: 'ok',
  failed: 'bad',
  terminated: 'muted',
  rejected: 'bad',
  expired: 'muted',
  withdrawn: 'muted',
  cancelled: 'muted',
  timedout: 'warn',
  denied: 'bad',
  forbidden: 'bad',
  conflict: 'warn',
  invalid: 'bad',
};

/** A coloured status pill; the text is the status as the server names it, capitalised. */
export function StatusBadge({ status, testId }: { status: string; testId?: string }) {
  const tone = tones[status.toLowerCase()] ?? 'muted';
  const text = status.charAt(0).toUpperCase() + status.slice(1);
  return (
    <span className={`badge badge-${tone}`} data-testid={testId}>
      <span className="badge-dot" aria-hidden="true" />
      {text}
    </span>
  );
}
