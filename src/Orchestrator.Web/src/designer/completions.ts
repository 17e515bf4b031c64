import type { JsonObject } from '../lib/types';
import { kindOf } from './catalog';
import { activitiesOf, idOf, listOf, str, typeOf } from './document';

export interface Completion {
  text: string;
  detail: string;
}

/**
 * What a template may refer to between `{{ }}`: the flow's variables, its inputs, and each earlier node's outputs
 * (`Outputs.<nodeId>.<output>`), the names the Liquid scope of the flow runtime provides.
 */
export function completionsFor(doc: JsonObject, exceptNode?: string): Completion[] {
  const variables = listOf(doc, 'variables').map((v) => ({ text: `Variables.${str(v, 'name')}`, detail: `variable · ${str(v, 'typeName') || 'Object'}` }));
  const inputs = listOf(doc, 'inputs').map((i) => ({ text: `Input.${str(i, 'name')}`, detail: `flow input · ${str(i, 'type') || 'Object'}` }));
  const outputs = activitiesOf(doc)
    .filter((a) => idOf(a) !== exceptNode)
    .flatMap((a) => (kindOf(typeOf(a))?.outputs ?? []).map((o) => ({ text: `Outputs.${idOf(a)}.${o}`, detail: `output of ${idOf(a)}` })));
  return [...variables, ...inputs, ...outputs].filter((c) => !c.text.endsWith('.'));
}

/** The partial reference being typed right before the caret, when the caret is inside an open `{{`. */
export function openReference(text: string, caret: number): { start: number; query: string } | null {
  const before = text.slice(0, caret);
  const found = /\{\{\s*([\w.]*)$/.exec(before);
  if (!found) return null;
  const query = found[1] ?? '';
  return { start: caret - query.length, query };
}
