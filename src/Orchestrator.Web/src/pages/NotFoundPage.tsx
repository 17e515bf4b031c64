import { EmptyState } from '../components/EmptyState';
import { Link } from '../components/Link';

export function NotFoundPage() {
  return (
    <div className="page">
      <EmptyState title="Page not found" icon="?">
        There is no page at this address. Go to the <Link to="/instances">instances</Link>.
      </EmptyState>
    </div>
  );
}
