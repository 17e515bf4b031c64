import { useCallback, useState } from 'react';
import type { JsonObject } from '../lib/types';
import { clone } from './document';

interface EditorState {
  doc: JsonObject;
  past: JsonObject[];
  future: JsonObject[];
  /** Edits with the same key in a row (typing in one field) make one undo step. */
  lastKey: string | null;
  revision: number;
  savedRevision: number;
}

export interface EditOptions {
  /** Typing in one field: successive edits with the same key are undone together. */
  coalesce?: string;
}

export interface FlowEditor {
  doc: JsonObject;
  /** Applies `change` to a copy of the document (mutating it in place), as one undoable step. */
  edit: (change: (doc: JsonObject) => void, options?: EditOptions) => void;
  undo: () => void;
  redo: () => void;
  canUndo: boolean;
  canRedo: boolean;
  /** Replaces the document without an undo step (loading, or the server's answer to a save). */
  reset: (doc: JsonObject) => void;
  dirty: boolean;
  revision: number;
  /** The document as it was at `revision` is now stored on the server. */
  markSaved: (revision: number) => void;
}

const historyLimit = 200;

/** The document being designed, with undo and redo over whole-document snapshots. */
export function useFlowEditor(initial: JsonObject): FlowEditor {
  const [state, setState] = useState<EditorState>(() => ({ doc: initial, past: [], future: [], lastKey: null, revision: 0, savedRevision: 0 }));

  const edit = useCallback((change: (doc: JsonObject) => void, options: EditOptions = {}) => {
    setState((s) => {
      const next = clone(s.doc);
      change(next);
      const key = options.coalesce ?? null;
      const joins = key !== null && key === s.lastKey;
      return {
        doc: next,
        past: joins ? s.past : [...s.past, s.doc].slice(-historyLimit),
        future: [],
        lastKey: key,
        revision: s.revision + 1,
        savedRevision: s.savedRevision,
      };
    });
  }, []);

  const undo = useCallback(() => {
    setState((s) => {
      const previous = s.past[s.past.length - 1];
      if (!previous) return s;
      return { ...s, doc: previous, past: s.past.slice(0, -1), future: [s.doc, ...s.future], lastKey: null, revision: s.revision + 1 };
    });
  }, []);

  const redo = useCallback(() => {
    setState((s) => {
      const next = s.future[0];
      if (!next) return s;
      return { ...s, doc: next, past: [...s.past, s.doc], future: s.future.slice(1), lastKey: null, revision: s.revision + 1 };
    });
  }, []);

  const reset = useCallback((doc: JsonObject) => {
    setState((s) => ({ ...s, doc, lastKey: null, revision: s.revision + 1, savedRevision: s.revision + 1 }));
  }, []);

  const markSaved = useCallback((revision: number) => setState((s) => ({ ...s, savedRevision: revision, lastKey: null })), []);

  return {
    doc: state.doc,
    edit,
    undo,
    redo,
    canUndo: state.past.length > 0,
    canRedo: state.future.length > 0,
    reset,
    dirty: state.revision !== state.savedRevision,
    revision: state.revision,
    markSaved,
  };
}
