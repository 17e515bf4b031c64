interface Props {
  canEdit: boolean;
  busy: string | null;
  dirty: boolean;
  canUndo: boolean;
  canRedo: boolean;
  published: number | null;
  /** A saved draft differs from the published version. */
  draftAhead: boolean;
  onSave: () => void;
  onPublish: () => void;
  onRun: () => void;
  onImport: (file: File) => void;
  onExport: () => void;
  onUndo: () => void;
  onRedo: () => void;
  onLayout: () => void;
  onFit: () => void;
}

/** Save, publish, run; undo and redo; layout and zoom; import and export of Elsa JSON files. */
export function Toolbar(props: Props) {
  const { canEdit, busy, dirty } = props;
  return (
    <div className="designer-toolbar" role="toolbar" aria-label="Designer" data-testid="designer-toolbar">
      {canEdit && (
        <div className="tool-group">
          <button type="button" className="btn btn-small" onClick={props.onUndo} disabled={!props.canUndo} title="Undo (Ctrl+Z)" data-testid="undo">
            Undo
          </button>
          <button type="button" className="btn btn-small" onClick={props.onRedo} disabled={!props.canRedo} title="Redo (Ctrl+Shift+Z)" data-testid="redo">
            Redo
          </button>
        </div>
      )}
      <div className="tool-group">
        {canEdit && (
          <button type="button" className="btn btn-small" onClick={props.onLayout} title="Arrange the nodes left to right" data-testid="auto-layout">
            Auto-layout
          </button>
        )}
        <button type="button" className="btn btn-small" onClick={props.onFit} data-testid="zoom-fit">
          Zoom to fit
        </button>
      </div>
      <div className="tool-group">
        {canEdit && (
          <label className="btn btn-small file-button" data-testid="import">
            Import
            <input type="file" accept=".json,application/json" data-testid="import-file"
              onChange={(e) => {
                const file = e.target.files?.[0];
                e.target.value = '';
                if (file) props.onImport(file);
              }} />
          </label>
        )}
        <button type="button" className="btn btn-small" onClick={props.onExport} disabled={!!busy} data-testid="export">
          Export
        </button>
      </div>
      <span className="tool-spacer" />
      <span className="muted save-state" data-testid="save-state">
        {busy ?? (dirty ? 'Unsaved changes' : !props.published ? 'Draft saved' : props.draftAhead ? `Draft saved · v${props.published} published` : `Published v${props.published}`)}
      </span>
      {canEdit && (
        <>
          <button type="button" className="btn btn-small" onClick={props.onSave} disabled={!!busy} data-testid="save">
            Save draft
          </button>
          <button type="button" className="btn btn-small" onClick={props.onPublish} disabled={!!busy} data-testid="publish">
            Publish
          </button>
        </>
      )}
      <button type="button" className="btn btn-small btn-primary" onClick={props.onRun} disabled={!!busy} data-testid="run">
        Run
      </button>
    </div>
  );
}
