import type { ExpressionType } from './inputs';
import { readInput, writeInput } from './inputs';
import type { NodeEditing } from './nodeEditing';
import { TemplateEditor } from './TemplateEditor';

/** The kinds a structured value may be written in: JSON as it is, a JavaScript expression that builds it, or a template. */
export const valueExpressions: ExpressionType[] = ['Object', 'JavaScript', 'Liquid'];

const typeLabels: Record<string, string> = {
  Literal: 'Text',
  Liquid: 'Liquid',
  JavaScript: 'JavaScript',
  Object: 'JSON',
};

interface Props {
  node: NodeEditing;
  name: string;
  label: string;
  typeName: string;
  /** The expression kinds offered; the first is used for a new value. */
  types?: ExpressionType[];
  multiline?: boolean;
  placeholder?: string;
  hint?: string;
  inputType?: 'text' | 'number' | 'url';
}

/**
 * One wrapped input (`{typeName, expression:{type, value}}`) with a switch between the expression kinds it accepts:
 * a plain field for Literals, a template editor for Liquid, a code box for JavaScript and JSON.
 */
export function InputEditor({ node, name, label, typeName, types = ['Literal', 'Liquid', 'JavaScript'], multiline, placeholder, hint, inputType = 'text' }: Props) {
  const current = readInput(node.activity, name);
  const defaultType = types[0] ?? 'Literal';
  const type = current?.type ?? defaultType;
  const value = current?.text ?? '';
  const id = `field-${node.id}-${name}`;
  const set = (text: string, nextType: ExpressionType = type) =>
    node.change((a) => writeInput(a, name, current?.typeName ?? typeName, nextType, text, nextType !== type), name);
  const offered = types.includes(type) ? types : [...types, type];
  const notJson = type === 'Object' ? jsonProblem(value) : null;

  return (
    <div className="field prop-field">
      <div className="prop-label-row">
        <label htmlFor={id}>{label}</label>
        {offered.length > 1 && (
          <select className="expr-type" aria-label={`${label} expression`} data-testid={`expr-${name}`} value={type} disabled={node.readOnly}
            onChange={(e) => set(value, e.target.value)}>
            {offered.map((t) => (
              <option key={t} value={t}>
                {typeLabels[t] ?? t}
              </option>
            ))}
          </select>
        )}
      </div>
      {type === 'Liquid' ? (
        <TemplateEditor id={id} value={value} onChange={(v) => set(v)} completions={node.completions} placeholder={placeholder}
          testId={`input-${name}`} rows={multiline ? 5 : 2} />
      ) : type === 'JavaScript' || type === 'Object' || multiline ? (
        <textarea id={id} className={type === 'Literal' ? undefined : 'code'} rows={multiline || type !== 'Literal' ? 4 : 2} value={value}
          aria-invalid={notJson ? true : undefined}
          placeholder={type === 'JavaScript' ? 'getAmount() > 100' : placeholder} spellCheck={false} readOnly={node.readOnly}
          data-testid={`input-${name}`} onChange={(e) => set(e.target.value)} />
      ) : (
        <input id={id} type={inputType} value={value} placeholder={placeholder} readOnly={node.readOnly} data-testid={`input-${name}`}
          onChange={(e) => set(e.target.value)} />
      )}
      {notJson ? <p className="field-error">{notJson}</p> : hint ? <p className="hint">{hint}</p> : null}
    </div>
  );
}

/** Why a JSON text does not parse yet, or null; what was typed is kept either way. */
function jsonProblem(text: string): string | null {
  if (!text.trim()) return null;
  try {
    JSON.parse(text);
    return null;
  } catch (e) {
    return `Not JSON yet: ${(e as Error).message}`;
  }
}
