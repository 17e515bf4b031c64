import { useState } from 'react';
import { useCatalog } from '../catalogData';
import { InputEditor } from '../InputEditor';
import { literalOf, readInput, writeInput } from '../inputs';
import type { NodeEditing } from '../nodeEditing';
import { JsonField } from './JsonField';
import { PickerField } from './PickerField';
import { StringListField } from './StringListField';

/** Orchestrator.Agent: a registered agent, or inline instructions with a model and tools; the prompt it answers. */
export function AgentFields({ node }: { node: NodeEditing }) {
  const catalog = useCatalog();
  const [inline, setInline] = useState(() => !literalOf(node.activity, 'agent'));
  const chooseInline = (on: boolean) => {
    setInline(on);
    if (on) node.change((a) => writeInput(a, 'agent', 'String', 'Literal', ''));
    else node.change((a) => {
      for (const name of ['instructions', 'model', 'tools', 'maxTurns']) writeInput(a, name, 'String', 'Literal', '');
    });
  };
  const agent = catalog.agents.find((a) => a.name === literalOf(node.activity, 'agent'));
  return (
    <>
      <div className="segmented" role="radiogroup" aria-label="Agent">
        <label className={!inline ? 'on' : undefined}>
          <input type="radio" name={`agent-mode-${node.id}`} checked={!inline} onChange={() => chooseInline(false)} disabled={node.readOnly}
            data-testid="agent-mode-registered" />
          Registered agent
        </label>
        <label className={inline ? 'on' : undefined}>
          <input type="radio" name={`agent-mode-${node.id}`} checked={inline} onChange={() => chooseInline(true)} disabled={node.readOnly}
            data-testid="agent-mode-inline" />
          Inline instructions
        </label>
      </div>
      {!inline ? (
        <>
          <PickerField node={node} name="agent" label="Agent" options={catalog.agents.map((a) => ({ value: a.name, label: a.name }))}
            empty={catalog.agents.length ? 'Choose an agent…' : 'No agents are registered'} />
          {agent && (
            <p className="hint">
              {agent.description ?? 'No description.'} Model {agent.model ?? 'default'}
              {agent.tools.length ? `; tools ${agent.tools.join(', ')}` : ''}.
            </p>
          )}
        </>
      ) : (
        <>
          <InputEditor node={node} name="instructions" label="Instructions" typeName="String" types={['Liquid', 'Literal']} multiline
            placeholder="You are a support triage agent. Decide whether the refund is justified." />
          <PickerField node={node} name="model" label="Model" options={catalog.models.map((m) => ({ value: m.name, label: m.model ? `${m.name} (${m.model})` : m.name }))}
            empty="default" />
          <StringListField node={node} name="tools" label="Tools" groups={[{ title: 'Registered tools', options: catalog.tools.map((t) => ({ value: t.name, label: t.name })) }]} />
          <InputEditor node={node} name="maxTurns" label="Most turns" typeName="Int32" types={['Literal']} inputType="number" placeholder="10" />
        </>
      )}
      <InputEditor node={node} name="prompt" label="Prompt" typeName="String" types={['Liquid', 'Literal', 'JavaScript']} multiline
        placeholder="Customer {{ Input.customer }} asks: {{ Input.message }}" />
      <JsonField node={node} name="outputSchema" label="Answer schema (optional)" placeholder='{"type":"object","properties":{"approve":{"type":"boolean"}}}'
        hint={readInput(node.activity, 'outputSchema') ? 'The answer is parsed as JSON of this shape.' : 'Leave empty for a text answer.'} />
    </>
  );
}
