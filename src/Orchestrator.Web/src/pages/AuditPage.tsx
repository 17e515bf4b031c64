import { useEffect, useState } from 'react';
import { api } from '../lib/api';
import type { AuditRecord } from '../lib/types';
import { EmptyState } from '../components/EmptyState';
import { ErrorState } from '../components/ErrorState';
import { Loading } from '../components/Loading';
import { AuditRow } from './AuditRow';
import { ChainStatus } from './ChainStatus';

const pageSize = 50;

/** The audit trail, newest first, searchable, with the hash chain's check. */
export function AuditPage() {
  const [text, setText] = useState('');
  const [q, setQ] = useState('');
  const [records, setRecords] = useState<AuditRecord[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<unknown>(undefined);
  const [refresh, setRefresh] = useState(0);
  const [brokenAt, setBrokenAt] = useState<number | null>(null);

  useEffect(() => {
    const timer = window.setTimeout(() => setQ(text.trim()), 300);
    return () => window.clearTimeout(timer);
  }, [text]);

  useEffect(() => {
    let current = true;
    setLoading(true);
    api.audit({ q, limit: pageSize }).then(
      (page) => {
        if (!current) return;
        setRecords(page.items);
        setCursor(page.nextCursor);
        setError(undefined);
        setLoading(false);
      },
      (e: unknown) => {
        if (!current) return;
        setError(e);
        setLoading(false);
      },
    );
    return () => {
      current = false;
    };
  }, [q, refresh]);

  const more = async () => {
    if (!cursor) return;
    setLoading(true);
    try {
      const page = await api.audit({ q, cursor, limit: pageSize });
      setRecords((r) => [...r, ...page.items]);
      setCursor(page.nextCursor);
    } catch (e) {
      setError(e);
    } finally {
      setLoading(false);
    }
  };

  return (
    <div className="page">
      <div className="page-head">
        <div>
          <h1>Audit</h1>
          <p className="muted">Who did what, when, on whose behalf; each record sealed into a hash chain.</p>
        </div>
        <ChainStatus refresh={refresh} onBroken={setBrokenAt} />
      </div>
      <div className="filters">
        <div className="field" style={{ flex: '1 1 320px' }}>
          <label htmlFor="audit-search">Search</label>
          <input id="audit-search" type="search" value={text} placeholder="Actor, action, target or details, e.g. approval.approved"
            onChange={(e) => setText(e.target.value)} />
        </div>
        <button type="button" className="btn btn-small" onClick={() => setRefresh((r) => r + 1)}>
          Refresh
        </button>
      </div>
      {error !== undefined && records.length === 0 ? (
        <ErrorState error={error} onRetry={() => setRefresh((r) => r + 1)} />
      ) : loading && records.length === 0 ? (
        <Loading lines={8} label="Loading audit records" />
      ) : records.length === 0 ? (
        <div className="panel">
          <EmptyState title={q ? 'No record matches' : 'No audit records yet'}>
            {q ? 'Try other words.' : 'Records appear as people and agents act.'}
          </EmptyState>
        </div>
      ) : (
        <>
          <div className="table-wrap">
            <table className="table stack-table">
              <thead>
                <tr>
                  <th className="right">#</th>
                  <th>Time</th>
                  <th>Actor</th>
                  <th>Action</th>
                  <th className="hide-narrow">Target</th>
                  <th>Outcome</th>
                  <th className="hide-narrow" />
                </tr>
              </thead>
              <tbody>
                {records.map((record) => (
                  <AuditRow key={record.sequence} record={record} broken={brokenAt !== null && record.sequence >= brokenAt} />
                ))}
              </tbody>
            </table>
          </div>
          {error !== undefined && <ErrorState error={error} compact />}
          <div className="pager">
            <span className="muted">{records.length} records shown</span>
            {cursor && (
              <button type="button" className="btn btn-small" disabled={loading} onClick={() => void more()}>
                {loading ? 'Loading…' : 'Load more'}
              </button>
            )}
          </div>
        </>
      )}
    </div>
  );
}
