import { useCatalog } from '../catalogData';
import { InputEditor } from '../InputEditor';
import type { NodeEditing } from '../nodeEditing';
import { JsonField } from './JsonField';
import { PickerField } from './PickerField';

/** Orchestrator.Model: one call to a configured model. */
export function ModelFields({ node }: { node: NodeEditing }) {
  const catalog = useCatalog();
  return (
    <>
      <PickerField node={node} name="model" label="Model" options={catalog.models.map((m) => ({ value: m.name, label: m.model ? `${m.name} (${m.model})` : m.name }))}
        empty="default" />
      <InputEditor node={node} name="system" label="System message" typeName="String" types={['Liquid', 'Literal']} multiline />
      <InputEditor node={node} name="prompt" label="Prompt" typeName="String" types={['Liquid', 'Literal', 'JavaScript']} multiline />
      <InputEditor node={node} name="temperature" label="Temperature" typeName="Double" types={['Literal']} inputType="number" placeholder="0.2" />
      <JsonField node={node} name="outputSchema" label="Answer schema (optional)" />
    </>
  );
}
