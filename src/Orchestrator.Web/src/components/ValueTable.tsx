import type { Json } from '../lib/types';

function isObject(value: Json | null | undefined): value is { [key: string]: Json } {
  return !!value && typeof value === 'object' && !Array.isArray(value);
}

function Value({ value }: { value: Json }) {
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
            <Value value={item} />
          </li>
        ))}
      </ol>
    );
  }
  return <ValueTable value={value} nested />;
}

/** An object as a two-column table (field, value), nested objects as inner tables: the proposed action for a person. */
export function ValueTable({ value, testId, nested, changed }: {
  value: Json | null | undefined;
  testId?: string;
  nested?: boolean;
  changed?: ReadonlySet<string>;
}) {
  if (!isObject(value)) {
    return (
      <table className={nested ? 'kv nested' : 'kv'} data-testid={testId}>
        <tbody>
          <tr>
            <th scope="row">value</th>
            <td>{value === undefined ? <span className="muted">none</span> : <Value value={value} />}</td>
          </tr>
        </tbody>
      </table>
    );
  }
  const entries = Object.entries(value);
  return (
    <table className={nested ? 'kv nested' : 'kv'} data-testid={testId}>
      <tbody>
        {entries.length === 0 && (
          <tr>
            <td className="muted" colSpan={2}>
              No fields
            </td>
          </tr>
        )}
        {entries.map(([name, field]) => (
          <tr key={name} className={changed?.has(name) ? 'changed' : undefined}>
            <th scope="row">{name}</th>
            <td>
              <Value value={field} />
              {changed?.has(name) && <span className="tag tag-edit">edited</span>}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
