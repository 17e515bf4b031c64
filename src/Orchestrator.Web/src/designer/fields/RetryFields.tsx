import type { Json, JsonObject } from '../../lib/types';
import { customPropertiesOf, get, isObject, keyOf } from '../document';
import type { Activity } from '../document';
import type { NodeEditing } from '../nodeEditing';

type RetryKey = 'maxAttempts' | 'firstDelay' | 'backoff' | 'maxDelay';

function retryOf(activity: Activity): JsonObject {
  const custom = get(activity, 'customProperties');
  const retry = isObject(custom) ? get(custom, 'retry') : undefined;
  return isObject(retry) ? retry : {};
}

function shown(value: Json | undefined): string {
  return value === undefined || value === null ? '' : String(value);
}

/** `customProperties.retry {maxAttempts, firstDelay, backoff, maxDelay}` and `customProperties.timeout`, per node. */
export function RetryFields({ node }: { node: NodeEditing }) {
  const retry = retryOf(node.activity);
  const custom = get(node.activity, 'customProperties');
  const timeout = isObject(custom) ? shown(get(custom, 'timeout')) : '';
  const setRetry = (key: RetryKey, text: string) =>
    node.change((a) => {
      const cp = customPropertiesOf(a);
      const rk = keyOf(cp, 'retry');
      const r: JsonObject = isObject(cp[rk]) ? (cp[rk] as JsonObject) : {};
      const k = keyOf(r, key);
      const numeric = key === 'maxAttempts' || key === 'backoff';
      if (text === '') delete r[k];
      else r[k] = numeric && Number.isFinite(Number(text)) ? Number(text) : text;
      if (Object.keys(r).length === 0) delete cp[rk];
      else cp[rk] = r;
    }, `retry-${key}`);
  const setTimeoutValue = (text: string) =>
    node.change((a) => {
      const cp = customPropertiesOf(a);
      const k = keyOf(cp, 'timeout');
      if (text) cp[k] = text;
      else delete cp[k];
    }, 'timeout');
  const field = (key: RetryKey, label: string, placeholder: string, type = 'text') => (
    <div className="field prop-field">
      <label htmlFor={`field-${node.id}-${key}`}>{label}</label>
      <input id={`field-${node.id}-${key}`} type={type} value={shown(get(retry, key))} placeholder={placeholder} readOnly={node.readOnly}
        data-testid={`retry-${key}`} onChange={(e) => setRetry(key, e.target.value)} />
    </div>
  );
  return (
    <details className="prop-section" open={Object.keys(retry).length > 0 || !!timeout}>
      <summary>Retry and time limit</summary>
      <div className="prop-grid">
        {field('maxAttempts', 'Attempts', '3', 'number')}
        {field('backoff', 'Backoff factor', '2', 'number')}
        {field('firstDelay', 'First delay', '00:00:01')}
        {field('maxDelay', 'Longest delay', '00:01:00')}
      </div>
      <div className="field prop-field">
        <label htmlFor={`field-${node.id}-timeout`}>Time limit per attempt</label>
        <input id={`field-${node.id}-timeout`} value={timeout} placeholder="00:00:30" readOnly={node.readOnly} data-testid="timeout"
          onChange={(e) => setTimeoutValue(e.target.value)} />
      </div>
      <p className="hint">Durations as d.hh:mm:ss. Empty fields use the engine's defaults.</p>
    </details>
  );
}
