import { listOf, str } from '../document';
import { InputEditor } from '../InputEditor';
import { literalOf, writeInput } from '../inputs';
import type { NodeEditing } from '../nodeEditing';

/** Elsa.SetOutput: which of the flow's outputs to set (declared in the flow settings, or any name) and its value. */
export function SetOutputFields({ node }: { node: NodeEditing }) {
  const declared = listOf(node.doc, 'outputs').map((o) => str(o, 'name')).filter(Boolean);
  const id = `field-${node.id}-outputName`;
  return (
    <>
      <div className="field prop-field">
        <label htmlFor={id}>Output name</label>
        <input id={id} list={`${id}-declared`} value={literalOf(node.activity, 'outputName')} readOnly={node.readOnly} placeholder="refunded"
          data-testid="input-outputName" onChange={(e) => node.change((a) => writeInput(a, 'outputName', 'String', 'Literal', e.target.value), 'outputName')} />
        <datalist id={`${id}-declared`}>
          {declared.map((name) => (
            <option key={name} value={name} />
          ))}
        </datalist>
        <p className="hint">
          {declared.length ? `The flow declares: ${declared.join(', ')}.` : 'Declare the flow\'s outputs in the flow settings (click the canvas).'} The run's output is an
          object with one field per output set.
        </p>
      </div>
      <InputEditor node={node} name="outputValue" label="Value" typeName="Object" types={['Literal', 'JavaScript', 'Liquid', 'Object']}
        placeholder="true" hint="A text or number, a JavaScript expression such as getOutput(&quot;refund&quot;).statusCode, a template, or JSON." />
    </>
  );
}
