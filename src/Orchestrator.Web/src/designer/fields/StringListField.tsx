import type { Json } from '../../lib/types';
import { objectValueOf, writeObjectInput } from '../inputs';
import type { NodeEditing } from '../nodeEditing';

interface Props {
  node: NodeEditing;
  name: string;
  label: string;
  groups: { title: string; options: { value: string; label: string }[] }[];
  hint?: string;
}

function strings(value: Json | undefined): string[] {
  return Array.isArray(value) ? value.map(String) : [];
}

/** Check boxes that write a `String[]` input as an Object expression (`"[\"role:approver\"]"`), as Elsa does. */
export function StringListField({ node, name, label, groups, hint }: Props) {
  const chosen = strings(objectValueOf(node.activity, name));
  const known = new Set(groups.flatMap((g) => g.options.map((o) => o.value)));
  const extra = chosen.filter((c) => !known.has(c));
  const toggle = (value: string, on: boolean) =>
    node.change((a) => {
      const now = strings(objectValueOf(a, name)).filter((v) => v !== value);
      writeObjectInput(a, name, 'String[]', on ? [...now, value] : now);
    });
  const all = extra.length ? [...groups, { title: 'Other', options: extra.map((e) => ({ value: e, label: e })) }] : groups;
  return (
    <fieldset className="field prop-field checklist" data-testid={`input-${name}`}>
      <legend>{label}</legend>
      {all.map((group) => (
        <div key={group.title} className="checklist-group">
          <div className="checklist-title">{group.title}</div>
          {group.options.length === 0 && <span className="hint">None configured.</span>}
          {group.options.map((o) => (
            <label key={o.value} className="check">
              <input type="checkbox" checked={chosen.includes(o.value)} disabled={node.readOnly} onChange={(e) => toggle(o.value, e.target.checked)} />
              {o.label}
            </label>
          ))}
        </div>
      ))}
      {hint && <p className="hint">{hint}</p>}
    </fieldset>
  );
}
