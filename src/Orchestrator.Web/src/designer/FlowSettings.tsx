import type { Json, JsonObject } from '../lib/types';
import { keyOf, listOf, rawListOf, str } from './document';

const inputTypes = ['String', 'Int32', 'Double', 'Decimal', 'Boolean', 'Object', 'DateTimeOffset'];
const storageDriver = 'Elsa.Workflows.WorkflowInstanceStorageDriver, Elsa.Workflows.Core';

interface Props {
  doc: JsonObject;
  changeDoc: (update: (doc: JsonObject) => void, key?: string) => void;
  readOnly: boolean;
}

type DeclaredList = 'inputs' | 'outputs' | 'variables';

/** The flow's own settings when no node is selected: name, description, declared inputs, outputs and variables. */
export function FlowSettings({ doc, changeDoc, readOnly }: Props) {
  const inputs = listOf(doc, 'inputs');
  const outputs = listOf(doc, 'outputs');
  const variables = listOf(doc, 'variables');
  const setTop = (name: string, value: string) => changeDoc((d) => {
    d[keyOf(d, name)] = value;
  }, `flow-${name}`);
  const setItem = (list: DeclaredList, i: number, field: string, value: Json) =>
    changeDoc((d) => {
      const item = listOf(d, list)[i];
      if (item) item[keyOf(item, field)] = value;
    }, `${list}-${i}-${field}`);
  const remove = (list: DeclaredList, i: number) =>
    changeDoc((d) => {
      const raw = rawListOf(d, list);
      const item = listOf(d, list)[i];
      const at = item ? raw.indexOf(item) : -1;
      if (at >= 0) raw.splice(at, 1);
    });
  return (
    <div className="props" data-testid="flow-settings">
      <h3>Flow</h3>
      <div className="field prop-field">
        <label htmlFor="flow-name">Name</label>
        <input id="flow-name" value={str(doc, 'name')} readOnly={readOnly} data-testid="flow-name" onChange={(e) => setTop('name', e.target.value)} />
      </div>
      <div className="field prop-field">
        <label htmlFor="flow-description">Description</label>
        <textarea id="flow-description" rows={2} value={str(doc, 'description')} readOnly={readOnly} onChange={(e) => setTop('description', e.target.value)} />
      </div>

      <section className="prop-section" data-testid="flow-inputs">
        <h4>Inputs</h4>
        <p className="hint">What a run is started with; templates read them as <code>{'{{ Input.name }}'}</code>.</p>
        {inputs.map((input, i) => (
          <div key={i} className="case-row">
            <input aria-label={`Input ${i + 1} name`} value={str(input, 'name')} readOnly={readOnly} placeholder="name"
              onChange={(e) => setItem('inputs', i, 'name', e.target.value)} />
            <select aria-label={`Input ${i + 1} type`} value={str(input, 'type') || 'String'} disabled={readOnly}
              onChange={(e) => setItem('inputs', i, 'type', e.target.value)}>
              {[...new Set([...inputTypes, str(input, 'type') || 'String'])].map((t) => (
                <option key={t}>{t}</option>
              ))}
            </select>
            {!readOnly && (
              <button type="button" className="btn btn-small btn-ghost" aria-label={`Remove input ${str(input, 'name')}`} onClick={() => remove('inputs', i)}>
                ×
              </button>
            )}
          </div>
        ))}
        {!readOnly && (
          <button type="button" className="btn btn-small" data-testid="add-input"
            onClick={() => changeDoc((d) => rawListOf(d, 'inputs').push({ type: 'String', name: `input${listOf(d, 'inputs').length + 1}`, displayName: '', description: '', category: '', isArray: false }))}>
            Add input
          </button>
        )}
      </section>

      <section className="prop-section" data-testid="flow-outputs">
        <h4>Outputs</h4>
        <p className="hint">What a finished run gives back; set each with a Set output node.</p>
        {outputs.map((output, i) => (
          <div key={i} className="case-row">
            <input aria-label={`Output ${i + 1} name`} value={str(output, 'name')} readOnly={readOnly} placeholder="name"
              onChange={(e) => setItem('outputs', i, 'name', e.target.value)} />
            <select aria-label={`Output ${i + 1} type`} value={str(output, 'type') || 'Object'} disabled={readOnly}
              onChange={(e) => setItem('outputs', i, 'type', e.target.value)}>
              {[...new Set([...inputTypes, str(output, 'type') || 'Object'])].map((t) => (
                <option key={t}>{t}</option>
              ))}
            </select>
            {!readOnly && (
              <button type="button" className="btn btn-small btn-ghost" aria-label={`Remove output ${str(output, 'name')}`} onClick={() => remove('outputs', i)}>
                ×
              </button>
            )}
          </div>
        ))}
        {!readOnly && (
          <button type="button" className="btn btn-small" data-testid="add-output"
            onClick={() => changeDoc((d) => rawListOf(d, 'outputs').push({ type: 'Object', name: `output${listOf(d, 'outputs').length + 1}`, displayName: '', description: '', category: '', isArray: false }))}>
            Add output
          </button>
        )}
      </section>

      <section className="prop-section" data-testid="flow-variables">
        <h4>Variables</h4>
        <p className="hint">Kept with the run; templates read them as <code>{'{{ Variables.Name }}'}</code>.</p>
        {variables.map((v, i) => (
          <div key={i} className="case-row">
            <input aria-label={`Variable ${i + 1} name`} value={str(v, 'name')} readOnly={readOnly} placeholder="Name"
              onChange={(e) => setItem('variables', i, 'name', e.target.value)} />
            <select aria-label={`Variable ${i + 1} type`} value={str(v, 'typeName') || 'Object'} disabled={readOnly}
              onChange={(e) => setItem('variables', i, 'typeName', e.target.value)}>
              {[...new Set([...inputTypes, str(v, 'typeName') || 'Object'])].map((t) => (
                <option key={t}>{t}</option>
              ))}
            </select>
            <input aria-label={`Variable ${i + 1} initial value`} value={str(v, 'value')} readOnly={readOnly} placeholder="initial value"
              onChange={(e) => setItem('variables', i, 'value', e.target.value === '' ? null : e.target.value)} />
            {!readOnly && (
              <button type="button" className="btn btn-small btn-ghost" aria-label={`Remove variable ${str(v, 'name')}`} onClick={() => remove('variables', i)}>
                ×
              </button>
            )}
          </div>
        ))}
        {!readOnly && (
          <button type="button" className="btn btn-small" data-testid="add-variable"
            onClick={() => changeDoc((d) => {
              const n = listOf(d, 'variables').length + 1;
              rawListOf(d, 'variables').push({ id: `v-${Date.now().toString(36)}-${n}`, name: `Variable${n}`, typeName: 'Object', isArray: false, value: null, storageDriverTypeName: storageDriver });
            })}>
            Add variable
          </button>
        )}
      </section>
    </div>
  );
}
