// Reading and editing an Elsa 3 workflow-definition document in place (see docs/flows.md). Every edit works on a copy of
// the loaded JSON and changes only the properties it means to, so unknown properties survive a save.
import type { Json, JsonObject } from '../lib/types';

export type Activity = JsonObject;
export type Connection = JsonObject;

export interface Link {
  source: string;
  sourcePort: string;
  target: string;
  targetPort: string;
}

export interface Position {
  x: number;
  y: number;
}

export function isObject(value: Json | undefined): value is JsonObject {
  return !!value && typeof value === 'object' && !Array.isArray(value);
}

/** The key of `name` in `obj`, ignoring case (the reader accepts PascalCase documents); `name` itself when absent. */
export function keyOf(obj: JsonObject, name: string): string {
  if (name in obj) return name;
  const lower = name.toLowerCase();
  return Object.keys(obj).find((k) => k.toLowerCase() === lower) ?? name;
}

export function get(obj: JsonObject, name: string): Json | undefined {
  return obj[keyOf(obj, name)];
}

function text(value: Json | undefined): string {
  return typeof value === 'string' ? value : value === undefined || value === null ? '' : String(value);
}

/** The flowchart root, created when the document has none (a new flow). */
export function rootOf(doc: JsonObject): JsonObject {
  const k = keyOf(doc, 'root');
  let root = doc[k];
  if (!isObject(root)) {
    root = { id: 'flowchart1', type: 'Elsa.Flowchart', version: 1, activities: [], connections: [], variables: [], metadata: {} };
    doc[k] = root;
  }
  return root;
}

function arrayIn(obj: JsonObject, name: string): Json[] {
  const k = keyOf(obj, name);
  let value = obj[k];
  if (isObject(value) && Array.isArray(value.$values)) value = value.$values;
  if (!Array.isArray(value)) {
    value = [];
    obj[k] = value;
  }
  return value;
}

export function activitiesOf(doc: JsonObject): Activity[] {
  return arrayIn(rootOf(doc), 'activities').filter(isObject);
}

export function connectionsOf(doc: JsonObject): Connection[] {
  return arrayIn(rootOf(doc), 'connections').filter(isObject);
}

export function activityList(doc: JsonObject): Json[] {
  return arrayIn(rootOf(doc), 'activities');
}

export function connectionList(doc: JsonObject): Json[] {
  return arrayIn(rootOf(doc), 'connections');
}

export function idOf(activity: Activity): string {
  return text(get(activity, 'id'));
}

export function typeOf(activity: Activity): string {
  return text(get(activity, 'type'));
}

export function findActivity(doc: JsonObject, id: string): Activity | undefined {
  return activitiesOf(doc).find((a) => idOf(a) === id);
}

/** Either connection shape: `{source:{activity,port},target:{activity,port}}` (3.1+) or the flat 3.0 one. */
export function linkOf(connection: Connection): Link | null {
  const source = get(connection, 'source');
  const target = get(connection, 'target');
  if (isObject(source) && isObject(target)) {
    return {
      source: text(get(source, 'activity')),
      sourcePort: text(get(source, 'port')) || 'Done',
      target: text(get(target, 'activity')),
      targetPort: text(get(target, 'port')) || 'In',
    };
  }
  if (typeof source === 'string' && typeof target === 'string') {
    return { source, sourcePort: text(get(connection, 'sourcePort')) || 'Done', target, targetPort: text(get(connection, 'targetPort')) || 'In' };
  }
  return null;
}

export function newConnection(link: Link): Connection {
  return { source: { activity: link.source, port: link.sourcePort }, target: { activity: link.target, port: link.targetPort }, vertices: [] };
}

export function linkKey(link: Link): string {
  return `${link.source}:${link.sourcePort}->${link.target}`;
}

function designerOf(activity: Activity): JsonObject {
  const mk = keyOf(activity, 'metadata');
  if (!isObject(activity[mk])) activity[mk] = {};
  const metadata = activity[mk] as JsonObject;
  const dk = keyOf(metadata, 'designer');
  if (!isObject(metadata[dk])) metadata[dk] = {};
  return metadata[dk] as JsonObject;
}

export function positionOf(activity: Activity): Position | null {
  const metadata = get(activity, 'metadata');
  const designer = isObject(metadata) ? get(metadata, 'designer') : undefined;
  const position = isObject(designer) ? get(designer, 'position') : undefined;
  if (!isObject(position)) return null;
  const x = Number(get(position, 'x'));
  const y = Number(get(position, 'y'));
  return Number.isFinite(x) && Number.isFinite(y) ? { x, y } : null;
}

export function setPosition(activity: Activity, position: Position): void {
  const designer = designerOf(activity);
  designer[keyOf(designer, 'position')] = { x: Math.round(position.x), y: Math.round(position.y) };
}

/** What the canvas shows as the node's title: the designer's display text, else the activity's name, else its id. */
export function displayNameOf(activity: Activity): string {
  const metadata = get(activity, 'metadata');
  const shown = isObject(metadata) ? text(get(metadata, 'displayText')) : '';
  return shown || text(get(activity, 'name')) || idOf(activity);
}

export function setDisplayName(activity: Activity, name: string): void {
  const mk = keyOf(activity, 'metadata');
  if (!isObject(activity[mk])) activity[mk] = {};
  const metadata = activity[mk] as JsonObject;
  if (name) metadata[keyOf(metadata, 'displayText')] = name;
  else delete metadata[keyOf(metadata, 'displayText')];
}

export function customPropertiesOf(activity: Activity): JsonObject {
  const k = keyOf(activity, 'customProperties');
  if (!isObject(activity[k])) activity[k] = {};
  return activity[k] as JsonObject;
}

/** A definition-level list (`inputs`, `outputs`, `variables`), created when missing. */
export function listOf(doc: JsonObject, name: 'inputs' | 'outputs' | 'variables'): JsonObject[] {
  return arrayIn(doc, name).filter(isObject);
}

export function rawListOf(doc: JsonObject, name: 'inputs' | 'outputs' | 'variables'): Json[] {
  return arrayIn(doc, name);
}

export function str(obj: JsonObject, name: string): string {
  return text(get(obj, name));
}

/** Removes activities and every connection that touches them. */
export function removeActivities(doc: JsonObject, ids: Set<string>): void {
  const activities = activityList(doc);
  for (let i = activities.length - 1; i >= 0; i--) {
    const a = activities[i];
    if (isObject(a) && ids.has(idOf(a))) activities.splice(i, 1);
  }
  const connections = connectionList(doc);
  for (let i = connections.length - 1; i >= 0; i--) {
    const c = connections[i];
    const link = isObject(c) ? linkOf(c) : null;
    if (link && (ids.has(link.source) || ids.has(link.target))) connections.splice(i, 1);
  }
}

export function removeLinks(doc: JsonObject, keys: Set<string>): void {
  const connections = connectionList(doc);
  for (let i = connections.length - 1; i >= 0; i--) {
    const c = connections[i];
    const link = isObject(c) ? linkOf(c) : null;
    if (link && keys.has(linkKey(link))) connections.splice(i, 1);
  }
}

export function addLink(doc: JsonObject, link: Link): void {
  const exists = connectionsOf(doc).some((c) => {
    const l = linkOf(c);
    return l && linkKey(l) === linkKey(link);
  });
  if (!exists) connectionList(doc).push(newConnection(link));
}

/** An id not used by any activity: `agent1`, `agent2`, … (readable in problems and run views). */
export function freshId(doc: JsonObject, stem: string, taken: Set<string> = new Set()): string {
  const used = new Set(activitiesOf(doc).map(idOf));
  for (let n = 1; ; n++) {
    const id = `${stem}${n}`;
    if (!used.has(id) && !taken.has(id)) return id;
  }
}

/** A new, empty flow document in the Elsa 3 shape. */
export function emptyDocument(name: string): JsonObject {
  return {
    $schema: 'https://elsaworkflows.io/schemas/workflow-definition/v3.0.0/schema.json',
    name,
    description: '',
    version: 1,
    toolVersion: '3.6.0.0',
    variables: [],
    inputs: [],
    outputs: [],
    outcomes: [],
    customProperties: {},
    options: { autoUpdateConsumingWorkflows: false },
    root: { id: 'flowchart1', type: 'Elsa.Flowchart', version: 1, activities: [], connections: [], variables: [], metadata: {} },
  };
}

export function clone<T extends Json>(value: T): T {
  return structuredClone(value);
}
