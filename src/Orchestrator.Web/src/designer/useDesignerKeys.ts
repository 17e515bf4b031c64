import { useEffect, useRef } from 'react';

export interface DesignerKeys {
  undo: () => void;
  redo: () => void;
  copy: () => void;
  paste: () => void;
  save: () => void;
}

function inField(target: EventTarget | null): boolean {
  const element = target as HTMLElement | null;
  if (!element) return false;
  return element.tagName === 'INPUT' || element.tagName === 'TEXTAREA' || element.tagName === 'SELECT' || element.isContentEditable;
}

/** Ctrl/Cmd+Z, Ctrl/Cmd+Shift+Z (or Y), C, V and S on the designer; text fields keep their own undo and clipboard. */
export function useDesignerKeys(enabled: boolean, keys: DesignerKeys): void {
  const latest = useRef(keys);
  latest.current = keys;
  useEffect(() => {
    if (!enabled) return;
    const onKey = (event: KeyboardEvent) => {
      if (!(event.ctrlKey || event.metaKey) || event.altKey) return;
      const key = event.key.toLowerCase();
      if (key === 's') {
        event.preventDefault();
        latest.current.save();
        return;
      }
      if (inField(event.target)) return;
      if (key === 'z' && !event.shiftKey) latest.current.undo();
      else if ((key === 'z' && event.shiftKey) || key === 'y') latest.current.redo();
      else if (key === 'c') latest.current.copy();
      else if (key === 'v') latest.current.paste();
      else return;
      event.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [enabled]);
}
