import { api } from '../lib/api';
import { useAsync } from '../lib/useAsync';
import { formatInteger } from '../lib/format';

/** The result of checking the audit hash chain end to end. */
export function ChainStatus({ refresh, onBroken }: { refresh: number; onBroken?: (sequence: number | null) => void }) {
  const verify = useAsync(() => api.auditVerify().then((r) => {
    onBroken?.(r.ok ? null : r.firstBrokenAt);
    return r;
  }), [refresh]);
  if (verify.error !== undefined) {
    return (
      <span className="chain chain-bad" data-testid="audit-chain">
        Chain not checked: {verify.error instanceof Error ? verify.error.message : String(verify.error)}
      </span>
    );
  }
  if (!verify.data) {
    return (
      <span className="chain" data-testid="audit-chain-loading">
        Checking the chain…
      </span>
    );
  }
  const r = verify.data;
  return r.ok ? (
    <span className="chain chain-ok" data-testid="audit-chain" title="Every record's hash covers the one before it">
      ✓ Chain intact ({formatInteger(r.records)} records)
    </span>
  ) : (
    <span className="chain chain-bad" data-testid="audit-chain" title={r.reason ?? undefined}>
      ✗ Chain broken at record {r.firstBrokenAt}
      {r.reason ? ` — ${r.reason}` : ''}
    </span>
  );
}
