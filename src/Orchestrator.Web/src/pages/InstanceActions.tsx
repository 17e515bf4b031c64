import { useState } from 'react';
import { api } from '../lib/api';
import type { InstanceDetails, Json } from '../lib/types';
import { ErrorState } from '../components/ErrorState';

type Operation = 'suspend' | 'resume' | 'terminate' | 'restart';

/** The operations an operator may run on the instance in its current status: suspend, resume, terminate, restart, raise event. */
export function InstanceActions({ instance, onDone }: { instance: InstanceDetails; onDone: (message: string) => void }) {
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [dialog, setDialog] = useState<'terminate' | 'event' | null>(null);
  const [reason, setReason] = useState('');
  const [eventName, setEventName] = useState('');
  const [payload, setPayload] = useState('');
  const [payloadError, setPayloadError] = useState<string | null>(null);

  const s = instance.status;
  const active = s === 'Running' || s === 'Pending';
  const canSuspend = active;
  const canResume = s === 'Suspended';
  const canTerminate = active || s === 'Suspended';
  const canRestart = s === 'Failed';
  const canRaise = active || s === 'Suspended';

  const run = async (operation: Operation, why?: string) => {
    setBusy(operation);
    setError(null);
    try {
      await api.operate(instance.instanceId, operation, why);
      setDialog(null);
      onDone(`${operation.charAt(0).toUpperCase()}${operation.slice(1)} accepted`);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(null);
    }
  };

  const raise = async () => {
    let data: Json = null;
    if (payload.trim()) {
      try {
        data = JSON.parse(payload) as Json;
      } catch {
        setPayloadError('The payload must be JSON, e.g. {"approved": true} or "text" in quotes.');
        return;
      }
    }
    setPayloadError(null);
    setBusy('event');
    setError(null);
    try {
      await api.raiseEvent(instance.instanceId, eventName.trim(), data);
      setDialog(null);
      onDone(`Event ${eventName.trim()} raised`);
      setEventName('');
      setPayload('');
    } catch (e) {
      setError(e);
    } finally {
      setBusy(null);
    }
  };

  if (!canSuspend && !canResume && !canTerminate && !canRestart && !canRaise) return null;
  return (
    <>
      <div className="ops">
        {canSuspend && (
          <button type="button" className="btn btn-small" disabled={busy !== null} onClick={() => void run('suspend')}>
            Suspend
          </button>
        )}
        {canResume && (
          <button type="button" className="btn btn-small" disabled={busy !== null} onClick={() => void run('resume')}>
            Resume
          </button>
        )}
        {canRestart && (
          <button type="button" className="btn btn-small btn-primary" disabled={busy !== null} onClick={() => void run('restart')}>
            Restart
          </button>
        )}
        {canRaise && (
          <button type="button" className="btn btn-small" disabled={busy !== null} onClick={() => setDialog('event')}>
            Raise event
          </button>
        )}
        {canTerminate && (
          <button type="button" className="btn btn-small btn-danger" disabled={busy !== null} onClick={() => setDialog('terminate')}>
            Terminate
          </button>
        )}
      </div>
      {error !== null && !dialog && <ErrorState error={error} compact />}
      {dialog && (
        <div className="dialog-backdrop" onMouseDown={(e) => e.target === e.currentTarget && setDialog(null)}>
          <div className="dialog" role="dialog" aria-modal="true" aria-labelledby="dialog-title"
            onKeyDown={(e) => e.key === 'Escape' && setDialog(null)}>
            {dialog === 'terminate' ? (
              <form onSubmit={(e) => { e.preventDefault(); void run('terminate', reason.trim() || undefined); }} className="stack">
                <h2 id="dialog-title">Terminate {instance.instanceId}?</h2>
                <p className="muted">The instance stops for good; steps already taken are not undone.</p>
                <div className="field">
                  <label htmlFor="terminate-reason">Reason</label>
                  <input id="terminate-reason" value={reason} onChange={(e) => setReason(e.target.value)} autoFocus />
                </div>
                {error !== null && <ErrorState error={error} compact />}
                <div className="row-actions">
                  <button type="submit" className="btn btn-danger" disabled={busy !== null}>
                    {busy ? 'Terminating…' : 'Terminate instance'}
                  </button>
                  <button type="button" className="btn btn-ghost" onClick={() => setDialog(null)}>
                    Cancel
                  </button>
                </div>
              </form>
            ) : (
              <form onSubmit={(e) => { e.preventDefault(); void raise(); }} className="stack">
                <h2 id="dialog-title">Raise an event</h2>
                <div className="field">
                  <label htmlFor="event-name">Event name</label>
                  <input id="event-name" value={eventName} onChange={(e) => setEventName(e.target.value)} required autoFocus />
                </div>
                <div className="field">
                  <label htmlFor="event-payload">Payload (JSON)</label>
                  <textarea id="event-payload" className="mono" rows={4} value={payload} placeholder='{"confirmedBy": "ops"}'
                    onChange={(e) => setPayload(e.target.value)} />
                  {payloadError && <span className="field-error">{payloadError}</span>}
                </div>
                {error !== null && <ErrorState error={error} compact />}
                <div className="row-actions">
                  <button type="submit" className="btn btn-primary" disabled={busy !== null || !eventName.trim()}>
                    {busy ? 'Raising…' : 'Raise event'}
                  </button>
                  <button type="button" className="btn btn-ghost" onClick={() => setDialog(null)}>
                    Cancel
                  </button>
                </div>
              </form>
            )}
          </div>
        </div>
      )}
    </>
  );
}
