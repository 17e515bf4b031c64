import { useState } from 'react';

interface Props {
  label: string;
  items: string[];
  onChange: (items: string[]) => void;
  placeholder?: string;
  readOnly?: boolean;
  testId?: string;
}

/** A short list of names (fork branches, expected status codes): edit in place, add, remove. */
export function ListEditor({ label, items, onChange, placeholder, readOnly, testId }: Props) {
  const [adding, setAdding] = useState('');
  const add = () => {
    const value = adding.trim();
    if (!value || items.includes(value)) return;
    onChange([...items, value]);
    setAdding('');
  };
  return (
    <fieldset className="field prop-field list-editor" data-testid={testId}>
      <legend>{label}</legend>
      {items.map((item, i) => (
        <div key={i} className="list-row">
          <input aria-label={`${label} ${i + 1}`} value={item} readOnly={readOnly}
            onChange={(e) => onChange(items.map((x, j) => (j === i ? e.target.value : x)))} />
          {!readOnly && (
            <button type="button" className="btn btn-small btn-ghost" aria-label={`Remove ${item}`} onClick={() => onChange(items.filter((_, j) => j !== i))}>
              ×
            </button>
          )}
        </div>
      ))}
      {!readOnly && (
        <div className="list-row">
          <input aria-label={`New ${label.toLowerCase()}`} value={adding} placeholder={placeholder} onChange={(e) => setAdding(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter') {
                e.preventDefault();
                add();
              }
            }} />
          <button type="button" className="btn btn-small" onClick={add} disabled={!adding.trim()}>
            Add
          </button>
        </div>
      )}
    </fieldset>
  );
}
