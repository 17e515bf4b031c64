import { kindOf } from '../catalog';
import { findActivity, listOf, rawListOf, str, typeOf } from '../document';
import { bindOutput, outputBinding } from '../inputs';
import type { NodeEditing } from '../nodeEditing';

/** Each output of the node bound to a flow variable (`memoryReference`), or a new variable made for it. */
export function OutputBindings({ node }: { node: NodeEditing }) {
  const outputs = kindOf(typeOf(node.activity))?.outputs ?? [];
  if (outputs.length === 0) return null;
  const variables = listOf(node.doc, 'variables');
  const bind = (output: string, value: string) => {
    if (value === '+new') {
      const base = `${node.id.charAt(0).toUpperCase()}${node.id.slice(1)}${output.charAt(0).toUpperCase()}${output.slice(1)}`;
      node.changeDoc((doc) => {
        const taken = new Set(listOf(doc, 'variables').map((v) => str(v, 'name')));
        let name = base;
        for (let n = 2; taken.has(name); n++) name = `${base}${n}`;
        const id = `v-${name.toLowerCase()}`;
        rawListOf(doc, 'variables').push({ id, name, typeName: 'Object', isArray: false, value: null,
          storageDriverTypeName: 'Elsa.Workflows.WorkflowInstanceStorageDriver, Elsa.Workflows.Core' });
        const activity = findActivity(doc, node.id);
        if (activity) bindOutput(activity, output, id);
      });
      return;
    }
    node.change((a) => bindOutput(a, output, value));
  };
  return (
    <section className="prop-section">
      <h4>Outputs</h4>
      {outputs.map((output) => {
        const id = `field-${node.id}-out-${output}`;
        return (
          <div className="field prop-field" key={output}>
            <label htmlFor={id}>
              <code>{output}</code> into variable
            </label>
            <select id={id} value={outputBinding(node.activity, output)} disabled={node.readOnly} data-testid={`output-${output}`}
              onChange={(e) => bind(output, e.target.value)}>
              <option value="">Not kept</option>
              {variables.map((v) => (
                <option key={str(v, 'id')} value={str(v, 'id')}>
                  {str(v, 'name')}
                </option>
              ))}
              <option value="+new">New variable…</option>
            </select>
          </div>
        );
      })}
      <p className="hint">
        Later nodes read an output as <code>{`{{ Outputs.${node.id}.${outputs[0]} }}`}</code>, or through the variable it is kept in.
      </p>
    </section>
  );
}
