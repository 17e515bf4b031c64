import type { FlowProblem } from '../lib/flowTypes';

interface Props {
  problems: FlowProblem[];
  checking: boolean;
  error: string | null;
  onFocus: (nodeId: string) => void;
}

/** Every problem the server found, live; clicking one shows its node. */
export function ProblemsList({ problems, checking, error, onFocus }: Props) {
  return (
    <section className="problems" data-testid="problems" aria-live="polite">
      <div className="problems-head">
        <h4>Problems</h4>
        <span className="muted" data-testid="problem-count">
          {checking ? 'Checking…' : error ? 'Not checked' : problems.length === 0 ? 'None' : `${problems.length}`}
        </span>
      </div>
      {error && <p className="field-error">Could not check the flow: {error}</p>}
      {problems.length > 0 && (
        <ul>
          {problems.map((p, i) => (
            <li key={`${p.nodeId}-${p.code}-${i}`}>
              {p.nodeId ? (
                <button type="button" className="linkish problem" data-testid="problem" data-node-id={p.nodeId} onClick={() => onFocus(p.nodeId!)}>
                  <code>{p.nodeId}</code> {p.message}
                </button>
              ) : (
                <span className="problem" data-testid="problem">
                  {p.message}
                </span>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
