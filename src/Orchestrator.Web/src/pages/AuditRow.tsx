import { useState } from 'react';
import { formatPreciseDateTime, formatPrincipal } from '../lib/format';
import type { AuditRecord } from '../lib/types';
import { JsonView } from '../components/JsonView';
import { AuditTarget } from './AuditTarget';
import { StatusBadge } from '../components/StatusBadge';

/** One audit record; opening it shows its details and its place in the hash chain. */
export function AuditRow({ record, broken }: { record: AuditRecord; broken: boolean }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <tr data-testid="audit-row" className={broken ? 'broken' : undefined} onClick={() => setOpen(!open)} style={{ cursor: 'pointer' }}>
        <td className="right muted">{record.sequence}</td>
        <td title={record.time}>{formatPreciseDateTime(record.time)}</td>
        <td className="wrap">
          {formatPrincipal(record.actor)}
          {record.onBehalfOf && <span className="muted"> for {formatPrincipal(record.onBehalfOf)}</span>}
        </td>
        <td>
          <code>{record.action}</code>
        </td>
        <td className="wrap hide-narrow">
          <AuditTarget target={record.target} />
        </td>
        <td>
          <StatusBadge status={record.outcome} />
        </td>
        <td className="hide-narrow">
          <button type="button" className="linkish" aria-expanded={open} onClick={(e) => { e.stopPropagation(); setOpen(!open); }}>
            {open ? 'Hide' : 'Show'}
          </button>
        </td>
      </tr>
      {open && (
        <tr className="audit-details">
          <td colSpan={7}>
            <div className="stack" style={{ gap: 8 }}>
              <div className="wrap">
                <b>Target</b> <AuditTarget target={record.target} />
              </div>
              {record.details !== null && <JsonView label="Details" value={record.details} />}
              <div className="hash">previous {record.previousHash}</div>
              <div className="hash">hash {record.hash}</div>
            </div>
          </td>
        </tr>
      )}
    </>
  );
}
