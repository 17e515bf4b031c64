/**
 * A workflow as people call it (a flow's title, an agent run's agent), with the name scripts and links use on hover
 * and, when it differs, as quieter text beside it.
 */
export function WorkflowName({ name, displayName, version, secondary = true }: {
  name: string;
  displayName?: string | null;
  version?: string | null;
  secondary?: boolean;
}) {
  const title = displayName && displayName !== name ? displayName : name;
  const id = version ? `${name} v${version}` : name;
  return (
    <span className="workflow-name" title={id} data-workflow={name}>
      {title}
      {title !== name && secondary ? <span className="muted workflow-id"> {id}</span> : version ? <span className="muted"> v{version}</span> : null}
    </span>
  );
}
