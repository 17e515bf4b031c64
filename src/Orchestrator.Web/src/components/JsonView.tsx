import type { Json } from '../lib/types';

/** JSON for reading: indented, with long strings wrapped; nothing when there is no value. */
export function JsonView({ value, label }: { value: Json | null | undefined; label?: string }) {
  if (value === undefined) return null;
  return (
    <div className="json">
      {label && <div className="json-label">{label}</div>}
      <pre>{typeof value === 'string' ? value : JSON.stringify(value, null, 2)}</pre>
    </div>
  );
}
