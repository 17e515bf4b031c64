import { useState } from 'react';
import type { FormEvent } from 'react';
import type { Json, JsonObject } from '../lib/types';
import { listOf, str } from './document';

interface Props {
  doc: JsonObject;
  version: number | null;
  busy: boolean;
  error: string | null;
  onStart: (input: JsonObject) => void;
  onClose: () => void;
}

const numeric = new Set(['Int16', 'Int32', 'Int64', 'Long', 'Single', 'Double', 'Decimal']);

function parse(type: string, text: string): { value?: Json; error?: string } {
  if (text === '') return {};
  if (numeric.has(type)) {
    const n = Number(text);
    return Number.isFinite(n) ? { value: n } : { error: 'Enter a number.' };
  }
  if (type === 'Boolean') return { value: text === 'true' };
  if (type === 'Object' || type === 'JSON' || type.endsWith('[]')) {
    try {
      return { value: JSON.parse(text) as Json };
    } catch {
      return { error: 'Enter JSON.' };
    }
  }
  return { value: text };
}

/** The run form: one field per declared flow input, typed as declared. */
export function RunDialog({ doc, version, busy, error, onStart, onClose }: Props) {
  const inputs = listOf(doc, 'inputs').filter((i) => str(i, 'name'));
  const [values, setValues] = useState<Record<string, string>>({});
  const [errors, setErrors] = useState<Record<string, string>>({});

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const input: JsonObject = {};
    const found: Record<string, string> = {};
    for (const i of inputs) {
      const name = str(i, 'name');
      const parsed = parse(str(i, 'type') || 'String', values[name] ?? '');
      if (parsed.error) found[name] = parsed.error;
      else if (parsed.value !== undefined) input[name] = parsed.value;
    }
    setErrors(found);
    if (Object.keys(found).length === 0) onStart(input);
  };

  return (
    <div className="dialog-backdrop" onClick={onClose}>
      <form className="dialog" role="dialog" aria-modal="true" aria-labelledby="run-title" data-testid="run-dialog" onSubmit={submit}
        onClick={(e) => e.stopPropagation()} onKeyDown={(e) => e.key === 'Escape' && onClose()}>
        <h2 id="run-title">Run {str(doc, 'name') || 'this flow'}</h2>
        <p className="muted">{version ? `Starts published version ${version}.` : 'The flow has no published version yet; publish it first.'}</p>
        <div className="stack">
          {inputs.length === 0 && <p className="hint">This flow declares no inputs.</p>}
          {inputs.map((i) => {
            const name = str(i, 'name');
            const type = str(i, 'type') || 'String';
            const id = `run-input-${name}`;
            const label = str(i, 'displayName') || name;
            return (
              <div className="field" key={name}>
                <label htmlFor={id}>
                  {label} <span className="muted">({type})</span>
                </label>
                {type === 'Boolean' ? (
                  <select id={id} data-testid={id} value={values[name] ?? ''} onChange={(e) => setValues({ ...values, [name]: e.target.value })}>
                    <option value="">Not set</option>
                    <option value="true">Yes</option>
                    <option value="false">No</option>
                  </select>
                ) : type === 'Object' || type.endsWith('[]') ? (
                  <textarea id={id} data-testid={id} className="code" rows={3} value={values[name] ?? ''}
                    onChange={(e) => setValues({ ...values, [name]: e.target.value })} />
                ) : (
                  <input id={id} data-testid={id} type={numeric.has(type) ? 'number' : 'text'} value={values[name] ?? ''}
                    onChange={(e) => setValues({ ...values, [name]: e.target.value })} />
                )}
                {str(i, 'description') && <p className="hint">{str(i, 'description')}</p>}
                {errors[name] && <p className="field-error">{errors[name]}</p>}
              </div>
            );
          })}
          {error && (
            <p className="field-error" role="alert">
              {error}
            </p>
          )}
        </div>
        <div className="row-actions">
          <button type="button" className="btn" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="btn btn-primary" disabled={busy || !version} data-testid="run-start">
            Start run
          </button>
        </div>
      </form>
    </div>
  );
}
