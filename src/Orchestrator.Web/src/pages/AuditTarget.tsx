import { Link } from '../components/Link';

/** What an audit record is about; an instance links to its page. */
export function AuditTarget({ target }: { target: string | null }) {
  if (!target) return <span className="muted">—</span>;
  if (target.startsWith('instance:')) {
    const id = target.slice('instance:'.length);
    return <Link to={`/instances/${encodeURIComponent(id)}`}>{target}</Link>;
  }
  return <>{target}</>;
}
