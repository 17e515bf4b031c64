// Elsa's wrapped inputs: `{"typeName":"String","expression":{"type":"Literal","value":"Hello"}}` (docs/flows.md).
import type { Json, JsonObject } from '../lib/types';
import { get, isObject, keyOf } from './document';
import type { Activity } from './document';

export type ExpressionType = 'Literal' | 'Liquid' | 'JavaScript' | 'Object' | 'Variable' | 'Input' | string;

export interface WrappedInput {
  typeName: string;
  type: ExpressionType;
  /** The expression's value as the editor shows it: source text, or JSON text for Object expressions. */
  text: string;
}

function asText(value: Json | undefined): string {
  if (value === undefined || value === null) return '';
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** The input `name` of an activity, or null when it is not set (no typeName). A bare primitive reads as a Literal. */
export function readInput(activity: Activity, name: string): WrappedInput | null {
  const raw = get(activity, name);
  if (raw === undefined || raw === null) return null;
  if (!isObject(raw)) return { typeName: typeof raw === 'number' ? 'Int32' : typeof raw === 'boolean' ? 'Boolean' : 'String', type: 'Literal', text: asText(raw) };
  const typeName = get(raw, 'typeName');
  if (typeof typeName !== 'string') return null;
  const expression = get(raw, 'expression');
  if (!isObject(expression)) return { typeName, type: 'Literal', text: '' };
  return { typeName, type: asText(get(expression, 'type')) || 'Literal', text: asText(get(expression, 'value')) };
}

/** The literal value an input holds (null for other expression kinds). */
export function literalOf(activity: Activity, name: string): string {
  const input = readInput(activity, name);
  return input && input.type === 'Literal' ? input.text : '';
}

/** A JSON value held by an Object expression (`"[\"a\"]"`), or a Literal array/object; undefined when unreadable. */
export function objectValueOf(activity: Activity, name: string): Json | undefined {
  const raw = get(activity, name);
  if (isObject(raw)) {
    const expression = get(raw, 'expression');
    if (isObject(expression)) {
      const value = get(expression, 'value');
      if (typeof value === 'string') {
        try {
          return JSON.parse(value) as Json;
        } catch {
          return undefined;
        }
      }
      return value;
    }
  }
  return undefined;
}

/** The typed JSON value an expression should carry: numbers and booleans stay numbers and booleans in Literals. */
function literalValue(typeName: string, text: string): Json {
  const t = typeName.replace('?', '');
  if (text === '') return t === 'String' ? '' : null;
  if (['Int16', 'Int32', 'Int64', 'Long', 'Single', 'Double', 'Decimal'].includes(t)) {
    const n = Number(text);
    return Number.isFinite(n) ? n : text;
  }
  if (t === 'Boolean') return text === 'true' || text === 'True';
  // An Object literal is any JSON primitive: true, false and numbers keep their type, so editing a sample's
  // `"value": true` does not save it back as the text "true".
  if (t === 'Object') {
    if (text === 'true' || text === 'false') return text === 'true';
    if (/^-?(0|[1-9]\d*)(\.\d+)?$/.test(text)) return Number(text);
  }
  return text;
}

/**
 * Sets input `name`, keeping whatever else the wrapper held (memoryReference, unknown keys). An empty text removes
 * the input, so an unset field stays unset in the saved document.
 */
export function writeInput(activity: Activity, name: string, typeName: string, type: ExpressionType, text: string, keepEmpty = false): void {
  const k = keyOf(activity, name);
  if (text === '' && !keepEmpty) {
    delete activity[k];
    return;
  }
  const existing = activity[k];
  const wrapper: JsonObject = isObject(existing) ? existing : {};
  wrapper[keyOf(wrapper, 'typeName')] = typeName;
  const ek = keyOf(wrapper, 'expression');
  const expression: JsonObject = isObject(wrapper[ek]) ? (wrapper[ek] as JsonObject) : {};
  expression[keyOf(expression, 'type')] = type;
  expression[keyOf(expression, 'value')] = type === 'Literal' ? literalValue(typeName, text) : text;
  wrapper[ek] = expression;
  activity[k] = wrapper;
}

/** Sets an Object expression to the JSON text of `value` (how Elsa writes arrays such as `String[]`). */
export function writeObjectInput(activity: Activity, name: string, typeName: string, value: Json | undefined): void {
  if (value === undefined || (Array.isArray(value) && value.length === 0)) {
    delete activity[keyOf(activity, name)];
    return;
  }
  writeInput(activity, name, typeName, 'Object', JSON.stringify(value));
}

/** The variable id an output is bound to (`{"typeName":…,"memoryReference":{"id":…}}`), or ''. */
export function outputBinding(activity: Activity, name: string): string {
  const raw = get(activity, name);
  if (!isObject(raw)) return '';
  const ref = get(raw, 'memoryReference');
  return isObject(ref) ? asText(get(ref, 'id')) : '';
}

export function bindOutput(activity: Activity, name: string, variableId: string): void {
  const k = keyOf(activity, name);
  if (!variableId) {
    if (k in activity) activity[k] = null;
    return;
  }
  const existing = activity[k];
  const wrapper: JsonObject = isObject(existing) ? existing : { typeName: 'Object' };
  if (!('typeName' in wrapper)) wrapper.typeName = 'Object';
  wrapper[keyOf(wrapper, 'memoryReference')] = { id: variableId };
  activity[k] = wrapper;
}
