import { useState } from 'react';
import { readInput, writeInput } from '../inputs';
import type { NodeEditing } from '../nodeEditing';

interface Props {
  node: NodeEditing;
  name: string;
  label: string;
  typeName?: string;
  placeholder?: string;
  hint?: string;
}

/** A fixed JSON value (a schema, headers) held as an Object expression; says so while the text does not parse, and keeps it as typed. */
export function JsonField({ node, name, label, typeName = 'Object', placeholder = '{ }', hint }: Props) {
  const current = readInput(node.activity, name);
  const text = current?.text ?? '';
  const [error, setError] = useState<string | null>(null);
  const id = `field-${node.id}-${name}`;
  const set = (value: string) => {
    try {
      // A JavaScript expression (kept from an import) is not JSON and need not be.
      if (value.trim() && current?.type !== 'JavaScript') JSON.parse(value);
      setError(null);
    } catch (e) {
      setError(`Not JSON yet: ${(e as Error).message}`);
    }
    node.change((a) => writeInput(a, name, current?.typeName ?? typeName, current?.type === 'JavaScript' ? 'JavaScript' : 'Object', value), name);
  };
  return (
    <div className="field prop-field">
      <label htmlFor={id}>{label}</label>
      <textarea id={id} className="code" rows={4} value={text} placeholder={placeholder} spellCheck={false} readOnly={node.readOnly}
        data-testid={`input-${name}`} onChange={(e) => set(e.target.value)} aria-invalid={!!error} />
      {error ? <p className="field-error">{error}</p> : hint ? <p className="hint">{hint}</p> : null}
    </div>
  );
}
