import { InputEditor } from '../InputEditor';
import { objectValueOf, writeObjectInput } from '../inputs';
import type { NodeEditing } from '../nodeEditing';
import { JsonField } from './JsonField';
import { ListEditor } from './ListEditor';
import { PickerField } from './PickerField';

const uriType = 'System.Uri, System.Private.Uri';

/** Elsa.FlowSendHttpRequest: one call inside the egress allow-list, sent with an Idempotency-Key. */
export function HttpFields({ node }: { node: NodeEditing }) {
  const codes = objectValueOf(node.activity, 'expectedStatusCodes');
  const list = Array.isArray(codes) ? codes.map(String) : [];
  return (
    <>
      <InputEditor node={node} name="url" label="URL" typeName={uriType} types={['Literal', 'Liquid', 'JavaScript']} inputType="url"
        placeholder="https://billing.example.com/refunds" hint="The host must be in Orchestrator:Tools:Http:AllowedHosts." />
      <PickerField node={node} name="method" label="Method" empty="GET (default)"
        options={['GET', 'POST', 'PUT', 'PATCH', 'DELETE'].map((m) => ({ value: m }))} />
      <InputEditor node={node} name="contentType" label="Content type" typeName="String" types={['Literal']} placeholder="application/json" />
      <InputEditor node={node} name="content" label="Body" typeName="Object" types={['Liquid', 'Literal', 'JavaScript', 'Object']} multiline
        placeholder='{"orderId": "{{ Input.orderId }}"}' />
      <JsonField node={node} name="requestHeaders" label="Headers" typeName="Elsa.Http.HttpHeaders, Elsa.Http" placeholder='{"X-Team": ["billing"]}' />
      <ListEditor label="Expected status codes" items={list} placeholder="200" readOnly={node.readOnly} testId="http-status-codes"
        onChange={(next) => node.change((a) => writeObjectInput(a, 'expectedStatusCodes', 'Int32[]', next.map(Number).filter(Number.isFinite)), 'codes')} />
      <p className="hint">Each expected code is an outcome port; Done follows any answer.</p>
    </>
  );
}
