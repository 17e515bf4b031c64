import { outcomesOf } from '../catalog';
import { activitiesOf, addLink, connectionsOf, displayNameOf, idOf, linkKey, linkOf, removeLinks } from '../document';
import type { NodeEditing } from '../nodeEditing';

/** Where each outcome goes, chosen from a list: the keyboard's way to connect ports (the canvas's is dragging). */
export function ConnectionFields({ node }: { node: NodeEditing }) {
  const outcomes = outcomesOf(node.activity);
  if (outcomes.length === 0) return null;
  const links = connectionsOf(node.doc).map(linkOf).filter((l) => l !== null && l.source === node.id);
  const others = activitiesOf(node.doc).filter((a) => idOf(a) !== node.id);
  const connect = (port: string, target: string) =>
    node.changeDoc((doc) => {
      const old = connectionsOf(doc).map(linkOf).filter((l) => l !== null && l.source === node.id && l.sourcePort === port);
      removeLinks(doc, new Set(old.map((l) => linkKey(l!))));
      if (target) addLink(doc, { source: node.id, sourcePort: port, target, targetPort: 'In' });
    });
  return (
    <section className="prop-section">
      <h4>Next</h4>
      {outcomes.map((port) => {
        const targets = links.filter((l) => l!.sourcePort === port).map((l) => l!.target);
        const id = `field-${node.id}-next-${port}`;
        return (
          <div className="field prop-field" key={port}>
            <label htmlFor={id}>{port}</label>
            <select id={id} value={targets[0] ?? ''} disabled={node.readOnly} data-testid={`next-${port}`} onChange={(e) => connect(port, e.target.value)}>
              <option value="">Nowhere</option>
              {others.map((a) => (
                <option key={idOf(a)} value={idOf(a)}>
                  {displayNameOf(a)} ({idOf(a)})
                </option>
              ))}
            </select>
            {targets.length > 1 && <p className="hint">Also goes to {targets.slice(1).join(', ')}.</p>}
          </div>
        );
      })}
    </section>
  );
}
