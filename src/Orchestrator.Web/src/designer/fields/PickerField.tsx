import { literalOf, writeInput } from '../inputs';
import type { NodeEditing } from '../nodeEditing';

interface Props {
  node: NodeEditing;
  name: string;
  label: string;
  options: { value: string; label?: string }[];
  typeName?: string;
  empty?: string;
  hint?: string;
}

/** A select that writes a Literal String input; a value the list does not offer (from an import) stays selectable. */
export function PickerField({ node, name, label, options, typeName = 'String', empty = 'Choose…', hint }: Props) {
  const value = literalOf(node.activity, name);
  const all = value && !options.some((o) => o.value === value) ? [...options, { value, label: `${value} (not configured)` }] : options;
  const id = `field-${node.id}-${name}`;
  return (
    <div className="field prop-field">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} disabled={node.readOnly} data-testid={`input-${name}`}
        onChange={(e) => node.change((a) => writeInput(a, name, typeName, 'Literal', e.target.value))}>
        <option value="">{empty}</option>
        {all.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label ?? o.value}
          </option>
        ))}
      </select>
      {hint && <p className="hint">{hint}</p>}
    </div>
  );
}
