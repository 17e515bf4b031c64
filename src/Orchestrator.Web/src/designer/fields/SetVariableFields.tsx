import type { JsonObject } from '../../lib/types';
import { get, isObject, keyOf, listOf, str } from '../document';
import { InputEditor } from '../InputEditor';
import type { NodeEditing } from '../nodeEditing';

/** Elsa.SetVariable: which variable (the raw variable object, as Elsa writes it) and the value to give it. */
export function SetVariableFields({ node }: { node: NodeEditing }) {
  const variables = listOf(node.doc, 'variables');
  const current = get(node.activity, 'variable');
  const currentId = isObject(current) ? str(current, 'id') || str(current, 'name') : '';
  const id = `field-${node.id}-variable`;
  const choose = (variableId: string) =>
    node.change((a, doc) => {
      const k = keyOf(a, 'variable');
      const v = listOf(doc, 'variables').find((x) => str(x, 'id') === variableId);
      if (!v) {
        delete a[k];
        return;
      }
      const raw: JsonObject = { id: str(v, 'id'), name: str(v, 'name'), typeName: str(v, 'typeName') || 'Object' };
      a[k] = raw;
    });
  return (
    <>
      <div className="field prop-field">
        <label htmlFor={id}>Variable</label>
        <select id={id} value={currentId} disabled={node.readOnly} data-testid="input-variable" onChange={(e) => choose(e.target.value)}>
          <option value="">{variables.length ? 'Choose a variable…' : 'Add a variable in the flow settings first'}</option>
          {variables.map((v) => (
            <option key={str(v, 'id')} value={str(v, 'id')}>
              {str(v, 'name')}
            </option>
          ))}
        </select>
      </div>
      <InputEditor node={node} name="value" label="Value" typeName="Object" types={['Literal', 'JavaScript', 'Liquid', 'Object']} />
    </>
  );
}
