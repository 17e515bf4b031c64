import type { JsonObject } from '../lib/types';
import type { Completion } from './completions';
import type { Activity } from './document';

/** What every property field of the selected node gets: the activity, a way to change it, and template names. */
export interface NodeEditing {
  id: string;
  activity: Activity;
  doc: JsonObject;
  /** Changes the activity (in a copy of the document) as one undo step; the same `key` in a row joins one step. */
  change: (update: (activity: Activity, doc: JsonObject) => void, key?: string) => void;
  /** Changes the whole document (for example to add a variable) as one undo step. */
  changeDoc: (update: (doc: JsonObject) => void) => void;
  completions: Completion[];
  readOnly: boolean;
}
