import { useEffect, useState } from 'react';
import { api, describeError } from '../lib/api';
import type { FlowProblem } from '../lib/flowTypes';
import type { JsonObject } from '../lib/types';

export interface Validation {
  problems: FlowProblem[];
  checking: boolean;
  /** Why the server could not check the flow (not the flow's own problems). */
  error: string | null;
}

/** Asks the server to check the document a moment after each change, so problems show while drawing. */
export function useValidation(doc: JsonObject | null, enabled: boolean, initial: FlowProblem[] = []): Validation {
  const [state, setState] = useState<Validation>({ problems: initial, checking: false, error: null });
  useEffect(() => {
    if (!doc || !enabled) return;
    let live = true;
    const timer = window.setTimeout(() => {
      setState((s) => ({ ...s, checking: true }));
      api.validateDefinition(doc).then(
        (answer) => live && setState({ problems: answer.problems ?? [], checking: false, error: null }),
        (error: unknown) => {
          if (!live) return;
          // A 400 with problems is an answer about the flow, not a failure to check it.
          const problems = (error as { problem?: { problems?: FlowProblem[] } }).problem?.problems;
          setState(problems ? { problems, checking: false, error: null } : { problems: [], checking: false, error: describeError(error) });
        },
      );
    }, 600);
    return () => {
      live = false;
      window.clearTimeout(timer);
    };
  }, [doc, enabled]);
  return state;
}
