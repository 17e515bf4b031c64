// Formatting for people: short relative times, durations, money and token counts.

const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
const preciseDateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'medium' });
const time = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit', second: '2-digit' });
const integer = new Intl.NumberFormat(undefined, { maximumFractionDigits: 0 });

export function formatDateTime(iso: string | null | undefined): string {
  return iso ? dateTime.format(new Date(iso)) : '—';
}

/** With seconds: for records whose order within a minute matters. */
export function formatPreciseDateTime(iso: string | null | undefined): string {
  return iso ? preciseDateTime.format(new Date(iso)) : '—';
}

export function formatTime(iso: string | null | undefined): string {
  return iso ? time.format(new Date(iso)) : '—';
}

/** "in 3 h", "5 min ago". */
export function formatRelative(iso: string | null | undefined, now = Date.now()): string {
  if (!iso) return '—';
  const diff = new Date(iso).getTime() - now;
  const abs = Math.abs(diff);
  const unit = abs < 60_000 ? `${Math.max(1, Math.round(abs / 1000))} s`
    : abs < 3_600_000 ? `${Math.round(abs / 60_000)} min`
    : abs < 86_400_000 ? `${Math.round(abs / 3_600_000)} h`
    : `${Math.round(abs / 86_400_000)} d`;
  return diff >= 0 ? `in ${unit}` : `${unit} ago`;
}

export function formatDuration(ms: number): string {
  if (!Number.isFinite(ms) || ms < 0) return '—';
  if (ms < 1) return '<1 ms';
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(ms < 10_000 ? 2 : 1)} s`;
  if (ms < 3_600_000) return `${Math.floor(ms / 60_000)} min ${Math.round((ms % 60_000) / 1000)} s`;
  if (ms < 86_400_000) return `${Math.floor(ms / 3_600_000)} h ${Math.round((ms % 3_600_000) / 60_000)} min`;
  return `${Math.floor(ms / 86_400_000)} d ${Math.round((ms % 86_400_000) / 3_600_000)} h`;
}

export function formatCost(usd: number): string {
  if (usd === 0) return '$0.00';
  if (Math.abs(usd) < 0.01) return `$${usd.toFixed(4)}`;
  return `$${usd.toFixed(2)}`;
}

export function formatTokens(n: number): string {
  if (n >= 1_000_000) return `${(n / 1_000_000).toFixed(1)}M`;
  if (n >= 10_000) return `${(n / 1000).toFixed(1)}k`;
  return integer.format(n);
}

export function formatInteger(n: number): string {
  return integer.format(n);
}

/** "user:alice" → "alice", "role:approver" → "approver (role)". */
export function formatPrincipal(value: string | null | undefined): string {
  if (!value) return '—';
  if (value.startsWith('user:')) return value.slice(5);
  if (value.startsWith('role:')) return `${value.slice(5)} (role)`;
  if (value.startsWith('agent:')) return value.slice(6);
  return value;
}

export function isOverdue(dueAt: string | null | undefined, now = Date.now()): boolean {
  return !!dueAt && new Date(dueAt).getTime() < now;
}

/** A field name for a person: "orderId" → "Order id". Used for headings, never for labels the tests look up. */
export function humanize(name: string): string {
  const spaced = name.replace(/([a-z0-9])([A-Z])/g, '$1 $2').replace(/[_-]+/g, ' ').toLowerCase();
  return spaced.charAt(0).toUpperCase() + spaced.slice(1);
}
