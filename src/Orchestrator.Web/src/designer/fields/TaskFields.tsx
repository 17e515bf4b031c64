import { InputEditor, valueExpressions } from '../InputEditor';
import type { NodeEditing } from '../nodeEditing';

/** Elsa.RunTask: a named task in the inbox; its result is the node's output. */
export function TaskFields({ node }: { node: NodeEditing }) {
  return (
    <>
      <InputEditor node={node} name="taskName" label="Task name" typeName="String" types={['Literal', 'Liquid']} placeholder="PickDraft" />
      <InputEditor node={node} name="payload" label="Payload" typeName="ObjectDictionary" types={valueExpressions} placeholder='{"orderId": "42"}' />
    </>
  );
}
