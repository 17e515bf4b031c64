import { ApiError, describeError } from '../lib/api';

/** An error answer shown to a person: the server's problem title and detail, and a retry when it may help. */
export function ErrorState({ error, onRetry, compact }: { error: unknown; onRetry?: () => void; compact?: boolean }) {
  const title = error instanceof ApiError
    ? error.problem.title ?? (error.status ? `Error ${error.status}` : 'Error')
    : 'Something went wrong';
  return (
    <div className={compact ? 'alert alert-bad compact' : 'alert alert-bad'} role="alert">
      <div>
        <strong>{title}</strong>
        <p>{describeError(error)}</p>
      </div>
      {onRetry && (
        <button type="button" className="btn btn-small" onClick={onRetry}>
          Try again
        </button>
      )}
    </div>
  );
}
