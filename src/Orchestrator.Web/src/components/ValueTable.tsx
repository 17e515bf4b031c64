import type { Json } from '../lib/types';
import { JsonValue } from './JsonValue';

function isObject(value: Json | null | undefined): value is { [key: string]: Json } {
  return !!value && typeof value === 'object' && !Array.isArray(value);
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
            <td>{value === undefined ? <span className="muted">none</span> : <JsonValue value={value} />}</td>
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
              <JsonValue value={field} />
              {changed?.has(name) && <span className="tag tag-edit">edited</span>}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
