import type { Json } from '../lib/types';
import { ValueTable } from './ValueTable';

/** One JSON value for a person: numbers and flags in monospace, lists as lists, objects as inner tables. */
export function JsonValue({ value }: { value: Json }) {
  if (value === null) return <span className="muted">null</span>;
  if (typeof value === 'boolean') return <span className="mono">{value ? 'true' : 'false'}</span>;
  if (typeof value === 'number') return <span className="mono num">{value}</span>;
  if (typeof value === 'string') return <span className="value-text">{value}</span>;
  if (Array.isArray(value)) {
    if (value.every((v) => v === null || typeof v !== 'object')) return <span>{value.map(String).join(', ')}</span>;
    return (
      <ol className="value-list">
        {value.map((item, i) => (
          <li key={i}>
            <JsonValue value={item} />
          </li>
        ))}
      </ol>
    );
  }
  return <ValueTable value={value} nested />;
}
