import { useMemo, useRef, useState } from 'react';
import type { KeyboardEvent } from 'react';
import type { Completion } from './completions';
import { openReference } from './completions';

interface Props {
  id: string;
  value: string;
  onChange: (value: string) => void;
  completions: Completion[];
  rows?: number;
  placeholder?: string;
  testId?: string;
  label?: string;
}

/** A textarea for Liquid templates: typing `{{` offers the flow's variables, inputs and node outputs. */
export function TemplateEditor({ id, value, onChange, completions, rows = 4, placeholder, testId, label }: Props) {
  const area = useRef<HTMLTextAreaElement>(null);
  const [open, setOpen] = useState<{ start: number; query: string } | null>(null);
  const [active, setActive] = useState(0);

  const matches = useMemo(() => {
    if (!open) return [];
    const q = open.query.toLowerCase();
    return completions.filter((c) => c.text.toLowerCase().includes(q)).slice(0, 8);
  }, [open, completions]);

  const look = (text: string, caret: number) => {
    const found = openReference(text, caret);
    setOpen(found);
    setActive(0);
  };

  const accept = (completion: Completion) => {
    const element = area.current;
    if (!open || !element) return;
    const caret = element.selectionStart;
    const after = value.slice(caret);
    const closing = /^\s*\}\}/.test(after) ? '' : ' }}';
    const next = `${value.slice(0, open.start)}${completion.text}${closing}${after}`;
    onChange(next);
    setOpen(null);
    const at = open.start + completion.text.length + closing.length;
    requestAnimationFrame(() => {
      element.focus();
      element.setSelectionRange(at, at);
    });
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (!open || matches.length === 0) return;
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      setActive((a) => (a + 1) % matches.length);
    } else if (event.key === 'ArrowUp') {
      event.preventDefault();
      setActive((a) => (a - 1 + matches.length) % matches.length);
    } else if (event.key === 'Enter' || event.key === 'Tab') {
      const chosen = matches[active];
      if (chosen) {
        event.preventDefault();
        accept(chosen);
      }
    } else if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      setOpen(null);
    }
  };

  const listId = `${id}-completions`;
  return (
    <div className="template-editor">
      <textarea id={id} ref={area} rows={rows} value={value} placeholder={placeholder} data-testid={testId} spellCheck={false}
        aria-label={label} aria-autocomplete="list" aria-controls={open && matches.length ? listId : undefined}
        aria-expanded={!!open && matches.length > 0}
        onChange={(e) => {
          onChange(e.target.value);
          look(e.target.value, e.target.selectionStart);
        }}
        onKeyDown={onKeyDown}
        onClick={(e) => look(e.currentTarget.value, e.currentTarget.selectionStart)}
        onBlur={() => window.setTimeout(() => setOpen(null), 150)} />
      {open && matches.length > 0 && (
        <ul className="completions" role="listbox" id={listId} data-testid="completions">
          {matches.map((c, i) => (
            <li key={c.text} role="option" aria-selected={i === active} className={i === active ? 'active' : undefined}
              onMouseDown={(e) => {
                e.preventDefault();
                accept(c);
              }}>
              <code>{c.text}</code>
              <span className="muted">{c.detail}</span>
            </li>
          ))}
        </ul>
      )}
      <p className="hint">Liquid template: type <code>{'{{'}</code> for variables, inputs and node outputs.</p>
    </div>
  );
}
