import { InputEditor } from '../InputEditor';
import type { NodeEditing } from '../nodeEditing';
import { JsonField } from './JsonField';

/** Elsa.RunTask: a named task in the inbox; its result is the node's output. */
export function TaskFields({ node }: { node: NodeEditing }) {
  return (
    <>
      <InputEditor node={node} name="taskName" label="Task name" typeName="String" types={['Literal', 'Liquid']} placeholder="PickDraft" />
      <JsonField node={node} name="payload" label="Payload" typeName="ObjectDictionary" placeholder='{"orderId": "42"}' />
    </>
  );
}
