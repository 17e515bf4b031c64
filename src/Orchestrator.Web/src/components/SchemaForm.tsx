import type { Json, JsonObject } from '../lib/types';

interface FieldSchema {
  type?: string | string[];
  description?: string;
  enum?: Json[];
  minimum?: number;
  maximum?: number;
  title?: string;
}

export interface FormField {
  name: string;
  kind: 'number' | 'integer' | 'boolean' | 'string' | 'enum' | 'json';
  description?: string;
  options?: Json[];
  required: boolean;
  minimum?: number;
  maximum?: number;
}

function typeOf(schema: FieldSchema, sample: Json | undefined): FormField['kind'] {
  if (schema.enum) return 'enum';
  const t = Array.isArray(schema.type) ? schema.type.find((x) => x !== 'null') : schema.type;
  if (t === 'number' || t === 'integer' || t === 'boolean' || t === 'string') return t;
  if (t === 'object' || t === 'array') return 'json';
  if (typeof sample === 'number') return 'number';
  if (typeof sample === 'boolean') return 'boolean';
  if (typeof sample === 'string') return 'string';
  return sample === undefined || sample === null ? 'string' : 'json';
}

/** The fields of the proposed action: the schema's properties, or the proposed values' own fields when there is no schema. */
export function fieldsFor(schema: Json | null, proposed: Json | null): FormField[] {
  const s = schema && typeof schema === 'object' && !Array.isArray(schema) ? schema : {};
  const properties = s.properties && typeof s.properties === 'object' && !Array.isArray(s.properties) ? (s.properties as Record<string, FieldSchema>) : {};
  const required = new Set(Array.isArray(s.required) ? s.required.map(String) : []);
  const values = proposed && typeof proposed === 'object' && !Array.isArray(proposed) ? proposed : {};
  const names = [...Object.keys(properties), ...Object.keys(values).filter((k) => !(k in properties))];
  return names.map((name) => {
    const f: FieldSchema = properties[name] ?? {};
    return {
      name,
      kind: typeOf(f, values[name]),
      description: f.description ?? f.title,
      options: f.enum,
      required: required.has(name),
      minimum: f.minimum,
      maximum: f.maximum,
    };
  });
}

/** The text a field's input shows for a value. */
export function toInputText(field: FormField, value: Json | undefined): string {
  if (value === undefined || value === null) return '';
  if (field.kind === 'json') return JSON.stringify(value, null, 2);
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** Reads a field's input text back as JSON; throws with a message for a person when it does not fit. */
export function fromInputText(field: FormField, text: string): Json | undefined {
  if (text.trim() === '') {
    if (field.required) throw new Error(`${field.name} is required.`);
    return undefined;
  }
  switch (field.kind) {
    case 'number':
    case 'integer': {
      const n = Number(text);
      if (!Number.isFinite(n)) throw new Error(`${field.name} must be a number.`);
      if (field.kind === 'integer' && !Number.isInteger(n)) throw new Error(`${field.name} must be a whole number.`);
      if (field.minimum !== undefined && n < field.minimum) throw new Error(`${field.name} must be at least ${field.minimum}.`);
      if (field.maximum !== undefined && n > field.maximum) throw new Error(`${field.name} must be at most ${field.maximum}.`);
      return n;
    }
    case 'boolean':
      return text === 'true';
    case 'enum': {
      const option = field.options?.find((o) => JSON.stringify(o) === text || String(o) === text);
      return option ?? text;
    }
    case 'json':
      try {
        return JSON.parse(text) as Json;
      } catch {
        throw new Error(`${field.name} must be valid JSON.`);
      }
    default:
      return text;
  }
}

/**
 * A form generated from the proposed action's JSON schema: one input per field, labelled by the field's name, number
 * inputs for numbers and integers, a select for enums, a checkbox-like select for booleans, JSON for nested values.
 */
export function SchemaForm({ fields, values, onChange, error }: {
  fields: FormField[];
  values: Record<string, string>;
  onChange: (name: string, text: string) => void;
  error?: string | null;
}) {
  return (
    <div className="schema-form">
      {fields.map((field) => {
        const id = `edit-${field.name}`;
        const value = values[field.name] ?? '';
        return (
          <div key={field.name} className="field">
            <label htmlFor={id}>{field.name}</label>
            {field.kind === 'boolean' ? (
              <select id={id} value={value} onChange={(e) => onChange(field.name, e.target.value)}>
                <option value="true">true</option>
                <option value="false">false</option>
              </select>
            ) : field.kind === 'enum' ? (
              <select id={id} value={value} onChange={(e) => onChange(field.name, e.target.value)}>
                {(field.options ?? []).map((o) => (
                  <option key={JSON.stringify(o)} value={typeof o === 'string' ? o : JSON.stringify(o)}>
                    {String(o)}
                  </option>
                ))}
              </select>
            ) : field.kind === 'json' ? (
              <textarea id={id} value={value} rows={4} className="mono" onChange={(e) => onChange(field.name, e.target.value)} />
            ) : (
              <input
                id={id}
                type={field.kind === 'number' || field.kind === 'integer' ? 'number' : 'text'}
                step={field.kind === 'integer' ? 1 : field.kind === 'number' ? 'any' : undefined}
                min={field.minimum}
                max={field.maximum}
                required={field.required}
                value={value}
                onChange={(e) => onChange(field.name, e.target.value)}
              />
            )}
            {field.description && <small className="hint">{field.description}</small>}
          </div>
        );
      })}
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}

/** The edits to send: only the fields whose value differs from the proposal. */
export function editsFrom(fields: FormField[], values: Record<string, string>, proposed: Json | null): JsonObject {
  const base = proposed && typeof proposed === 'object' && !Array.isArray(proposed) ? proposed : {};
  const edits: JsonObject = {};
  for (const field of fields) {
    const value = fromInputText(field, values[field.name] ?? '');
    if (value === undefined) continue;
    if (JSON.stringify(value) !== JSON.stringify(base[field.name])) edits[field.name] = value;
  }
  return edits;
}
