// Whole-document edits the canvas and the keyboard make: add, copy, paste.
import type { Json, JsonObject } from '../lib/types';
import { kindOf } from './catalog';
import type { Position } from './document';
import { activitiesOf, activityList, clone, connectionList, connectionsOf, freshId, idOf, isObject, keyOf, linkOf, newConnection, positionOf, setPosition } from './document';

/** A new activity of `type` at `position`; the caller picks the id (from the current document) so the edit stays pure. */
export function newActivity(type: string, id: string, position: Position): JsonObject {
  const kind = kindOf(type);
  const stem = kind?.stem ?? 'node';
  const name = `${stem.charAt(0).toUpperCase()}${stem.slice(1)}${id.slice(stem.length)}`;
  const activity: JsonObject = { id, name, type, version: 1, customProperties: {}, metadata: {}, ...(kind?.defaults?.() ?? {}) };
  if (type === 'Elsa.Start') activity.customProperties = { canStartWorkflow: true };
  setPosition(activity, position);
  return activity;
}

/** The first place at or below `wanted` that no node covers, so nodes added by click do not hide each other. */
export function freeSpot(doc: JsonObject, wanted: Position): Position {
  const taken = activitiesOf(doc).map(positionOf).filter((p): p is Position => p !== null);
  const at = { ...wanted };
  for (let tries = 0; tries < 50 && taken.some((p) => Math.abs(p.x - at.x) < 230 && Math.abs(p.y - at.y) < 120); tries++) {
    at.y += 130;
    if (tries % 5 === 4) {
      at.x += 260;
      at.y = wanted.y;
    }
  }
  return at;
}

export function idFor(doc: JsonObject, type: string): string {
  return freshId(doc, kindOf(type)?.stem ?? 'node');
}

export interface Clip {
  activities: JsonObject[];
  connections: JsonObject[];
}

/** The selected activities and the connections between them, as a copy. */
export function copyOf(doc: JsonObject, ids: Set<string>): Clip | null {
  const activities = activitiesOf(doc).filter((a) => ids.has(idOf(a))).map((a) => clone(a));
  if (activities.length === 0) return null;
  const connections = connectionsOf(doc)
    .filter((c) => {
      const link = linkOf(c);
      return !!link && ids.has(link.source) && ids.has(link.target);
    })
    .map((c) => clone(c));
  return { activities, connections };
}

/** Adds a copy of `clip` with fresh ids, moved by `offset`; returns the new ids. */
export function paste(doc: JsonObject, clip: Clip, offset: Position): string[] {
  const renamed = new Map<string, string>();
  const taken = new Set<string>();
  for (const activity of clip.activities) {
    const old = idOf(activity);
    const stem = kindOf(String(activity.type ?? ''))?.stem ?? (old.replace(/\d+$/, '') || 'node');
    const id = freshId(doc, stem, taken);
    taken.add(id);
    renamed.set(old, id);
  }
  for (const source of clip.activities) {
    const activity = clone(source);
    const id = renamed.get(idOf(source)) ?? '';
    activity[keyOf(activity, 'id')] = id;
    activity[keyOf(activity, 'name')] = id.charAt(0).toUpperCase() + id.slice(1);
    delete activity[keyOf(activity, 'nodeId')];
    const at = positionOf(activity) ?? { x: 0, y: 0 };
    setPosition(activity, { x: at.x + offset.x, y: at.y + offset.y });
    activityList(doc).push(activity);
  }
  for (const connection of clip.connections) {
    const link = linkOf(connection);
    if (!link) continue;
    connectionList(doc).push(newConnection({ ...link, source: renamed.get(link.source) ?? link.source, target: renamed.get(link.target) ?? link.target }));
  }
  return [...renamed.values()];
}

const clipKey = 'orchestrator.designer.clipboard';

/** The designer's clipboard lives in session storage, so a copy can be pasted into another flow in this tab. */
export function storeClip(clip: Clip): void {
  try {
    sessionStorage.setItem(clipKey, JSON.stringify(clip));
  } catch {
    // Storage full or disabled: copy and paste do nothing.
  }
}

export function loadClip(): Clip | null {
  try {
    const text = sessionStorage.getItem(clipKey);
    if (!text) return null;
    const parsed = JSON.parse(text) as Json;
    if (isObject(parsed) && Array.isArray(parsed.activities) && Array.isArray(parsed.connections)) {
      return { activities: parsed.activities.filter(isObject), connections: parsed.connections.filter(isObject) };
    }
  } catch {
    // Unreadable: nothing to paste.
  }
  return null;
}
