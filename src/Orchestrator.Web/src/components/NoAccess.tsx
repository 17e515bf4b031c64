import { Link } from './Link';

/** A page the signed-in person's roles do not open. */
export function NoAccess({ need }: { need: string }) {
  return (
    <div className="page">
      <div className="empty">
        <div className="empty-icon" aria-hidden="true">
          ⊘
        </div>
        <h2>You do not have access</h2>
        <p className="empty-text">
          This page needs the {need} role. Ask an administrator if you should have it, or go to the <Link to="/instances">instances</Link>.
        </p>
      </div>
    </div>
  );
}
