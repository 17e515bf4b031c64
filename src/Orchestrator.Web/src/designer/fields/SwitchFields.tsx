import type { Json, JsonObject } from '../../lib/types';
import { get, isObject, keyOf } from '../document';
import type { Activity } from '../document';
import type { NodeEditing } from '../nodeEditing';
import { PickerField } from './PickerField';

const switchModeType = 'Elsa.Workflows.Activities.Flowchart.Models.SwitchMode, Elsa.Workflows.Core';

function casesOf(activity: Activity): JsonObject[] {
  const cases = get(activity, 'cases');
  return Array.isArray(cases) ? cases.filter(isObject) : [];
}

function conditionText(c: JsonObject): string {
  const condition = get(c, 'condition');
  const value = isObject(condition) ? get(condition, 'value') : condition;
  return typeof value === 'string' ? value : value === undefined || value === null ? '' : JSON.stringify(value);
}

/** Elsa.FlowSwitch: labelled cases with a JavaScript condition each (raw expressions, no typeName), plus Default. */
export function SwitchFields({ node }: { node: NodeEditing }) {
  const cases = casesOf(node.activity);
  const update = (change: (cases: Json[]) => void, key?: string) =>
    node.change((a) => {
      const k = keyOf(a, 'cases');
      const list: Json[] = Array.isArray(a[k]) ? (a[k] as Json[]) : [];
      change(list);
      a[k] = list;
    }, key);
  const setCase = (i: number, field: 'label' | 'condition', value: string) =>
    update((list) => {
      const c = list[i];
      if (!isObject(c)) return;
      if (field === 'label') c[keyOf(c, 'label')] = value;
      else {
        const ck = keyOf(c, 'condition');
        const condition: JsonObject = isObject(c[ck]) ? (c[ck] as JsonObject) : { type: 'JavaScript' };
        condition[keyOf(condition, 'value')] = value;
        if (!('type' in condition) && !('Type' in condition)) condition.type = 'JavaScript';
        c[ck] = condition;
      }
    }, `case-${i}-${field}`);
  return (
    <>
      <fieldset className="field prop-field" data-testid="switch-cases">
        <legend>Cases</legend>
        {cases.map((c, i) => (
          <div key={i} className="case-row">
            <input aria-label={`Case ${i + 1} label`} value={String(get(c, 'label') ?? '')} readOnly={node.readOnly} placeholder="Label"
              onChange={(e) => setCase(i, 'label', e.target.value)} />
            <input aria-label={`Case ${i + 1} condition`} className="code" value={conditionText(c)} readOnly={node.readOnly} placeholder="getAmount() > 100"
              onChange={(e) => setCase(i, 'condition', e.target.value)} />
            {!node.readOnly && (
              <button type="button" className="btn btn-small btn-ghost" aria-label={`Remove case ${i + 1}`} onClick={() => update((list) => list.splice(i, 1))}>
                ×
              </button>
            )}
          </div>
        ))}
        {!node.readOnly && (
          <button type="button" className="btn btn-small" onClick={() => update((list) => list.push({ label: `Case${list.length + 1}`, condition: { type: 'JavaScript', value: 'false' } }))}>
            Add case
          </button>
        )}
        <p className="hint">Each label is an outcome port; Default is taken when no case matches.</p>
      </fieldset>
      <PickerField node={node} name="mode" label="Match" typeName={switchModeType} empty="The first matching case (default)"
        options={[{ value: 'MatchFirst', label: 'The first matching case' }, { value: 'MatchAny', label: 'Every matching case' }]} />
    </>
  );
}
