import { useCatalog } from '../catalogData';
import { InputEditor, valueExpressions } from '../InputEditor';
import type { NodeEditing } from '../nodeEditing';
import { PickerField } from './PickerField';
import { StringListField } from './StringListField';

/** The users and roles a task can go to, as `user:<name>` and `role:<role>`. */
export function useAssignees() {
  const { principals } = useCatalog();
  return [
    { title: 'Roles', options: principals.roles.map((r) => ({ value: `role:${r}`, label: r })) },
    { title: 'People', options: principals.users.map((u) => ({ value: `user:${u}`, label: u })) },
  ];
}

/** Orchestrator.Approval: what the approver sees, who decides, and what happens when nobody does. */
export function ApprovalFields({ node }: { node: NodeEditing }) {
  const assignees = useAssignees();
  return (
    <>
      <InputEditor node={node} name="title" label="Title" typeName="String" types={['Liquid', 'Literal']} placeholder="Refund {{ Input.amount }} to {{ Input.customer }}?" />
      <InputEditor node={node} name="details" label="Details" typeName="String" types={['Liquid', 'Literal']} multiline hint="Markdown." />
      <InputEditor node={node} name="proposed" label="Proposed action (editable by the approver)" typeName="Object" types={valueExpressions}
        placeholder='{"amount": 120}' hint="JSON, or a JavaScript expression such as ({ amount: getInput(&quot;amount&quot;) }), or a template." />
      <StringListField node={node} name="assignTo" label="Assign to" groups={assignees} />
      <InputEditor node={node} name="timeout" label="Time limit" typeName="TimeSpan" types={['Literal']} placeholder="1.00:00:00"
        hint="d.hh:mm:ss; empty waits for ever." />
      <PickerField node={node} name="onTimeout" label="When the time is up" empty="Reject (default)"
        options={[{ value: 'Reject' }, { value: 'Approve' }, { value: 'Escalate' }]} />
      <StringListField node={node} name="escalateTo" label="Escalate to" groups={assignees} />
    </>
  );
}
