import { JsonView } from '../../components/JsonView';
import { useCatalog } from '../catalogData';
import { literalOf } from '../inputs';
import type { NodeEditing } from '../nodeEditing';
import { InputEditor, valueExpressions } from '../InputEditor';
import { PickerField } from './PickerField';

/** Orchestrator.Tool: a registered tool, its argument schema shown, and the arguments to call it with. */
export function ToolFields({ node }: { node: NodeEditing }) {
  const catalog = useCatalog();
  const tool = catalog.tools.find((t) => t.name === literalOf(node.activity, 'tool'));
  return (
    <>
      <PickerField node={node} name="tool" label="Tool" options={catalog.tools.map((t) => ({ value: t.name, label: t.kind ? `${t.name} · ${t.kind}` : t.name }))}
        empty={catalog.tools.length ? 'Choose a tool…' : 'No tools are registered'} />
      {tool && (
        <div className="tool-schema" data-testid="tool-schema">
          {tool.description && <p className="hint">{tool.description}</p>}
          <JsonView label="Arguments schema" value={tool.parameters ?? null} />
        </div>
      )}
      <InputEditor node={node} name="arguments" label="Arguments" typeName="Object" types={valueExpressions} placeholder='{"orderId": "{{ Input.orderId }}"}'
        hint="JSON matching the schema above, or a JavaScript expression that builds it." />
    </>
  );
}
