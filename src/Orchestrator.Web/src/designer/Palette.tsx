import type { DragEvent } from 'react';
import { groups, kinds } from './catalog';

/** The data type a palette item carries while it is dragged onto the canvas. */
export const paletteMime = 'application/x-orchestrator-activity';

/** The activity types to add, grouped: drag one onto the canvas, or click it (or press Enter) to add it in view. */
export function Palette({ onAdd, disabled }: { onAdd: (type: string) => void; disabled?: boolean }) {
  const start = (event: DragEvent<HTMLButtonElement>, type: string) => {
    event.dataTransfer.setData(paletteMime, type);
    event.dataTransfer.setData('text/plain', type);
    event.dataTransfer.effectAllowed = 'copy';
  };
  return (
    <nav className="palette" aria-label="Activities" data-testid="palette">
      {groups.map((group) => (
        <section key={group} className="palette-group">
          <h4>{group}</h4>
          <ul>
            {kinds
              .filter((k) => k.group === group)
              .map((kind) => (
                <li key={kind.type}>
                  <button type="button" className={`palette-item group-${group.toLowerCase()}`} draggable={!disabled} disabled={disabled}
                    data-testid={`palette-${kind.type}`} title={`${kind.description}. Drag onto the canvas, or click to add.`}
                    onDragStart={(e) => start(e, kind.type)} onClick={() => onAdd(kind.type)}>
                    <span className="palette-icon" aria-hidden="true">
                      {kind.icon}
                    </span>
                    {kind.label}
                  </button>
                </li>
              ))}
          </ul>
        </section>
      ))}
    </nav>
  );
}
