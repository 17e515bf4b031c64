import { useCallback, useMemo, useRef, useState } from 'react';
import { useReactFlow } from '@xyflow/react';
import { ApiError, api, describeError } from '../lib/api';
import type { DefinitionDetails, FlowProblem } from '../lib/flowTypes';
import { navigate } from '../lib/router';
import type { JsonObject } from '../lib/types';
import { copyOf, freeSpot, idFor, loadClip, newActivity, paste, storeClip } from './actions';
import { completionsFor } from './completions';
import { activityList, findActivity, removeActivities } from './document';
import { download } from './download';
import { FlowCanvas } from './FlowCanvas';
import { FlowSettings } from './FlowSettings';
import { importFlowFile } from './importFlow';
import { autoLayout } from './layout';
import type { NodeEditing } from './nodeEditing';
import { Palette } from './Palette';
import { ProblemsList } from './ProblemsList';
import { PropertyPanel } from './PropertyPanel';
import { RunDialog } from './RunDialog';
import { Toolbar } from './Toolbar';
import { useDesignerKeys } from './useDesignerKeys';
import { useFlowEditor } from './useFlowEditor';
import { useValidation } from './useValidation';
import { useReadableFit } from './viewport';

interface Notice {
  tone: 'ok' | 'bad' | 'info';
  text: string;
}

interface Props {
  details: DefinitionDetails;
  latestVersion: number | null;
  canEdit: boolean;
}

/** The designer for one definition's draft: palette, canvas, property panel, problems and the toolbar's actions. */
export function Designer({ details, latestVersion: initialVersion, canEdit }: Props) {
  const flow = useReactFlow();
  const fit = useReadableFit();
  const editor = useFlowEditor(details.definition);
  const docRef = useRef(editor.doc);
  docRef.current = editor.doc;
  const canvasRef = useRef<HTMLDivElement>(null);
  const [selected, setSelected] = useState<string[]>([]);
  const [busy, setBusy] = useState<string | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [latestVersion, setLatestVersion] = useState(initialVersion);
  // Whether the stored draft holds changes the latest published version does not (the server answers the draft when there is one).
  const [draftAhead, setDraftAhead] = useState(!details.published);
  const [running, setRunning] = useState<{ busy: boolean; error: string | null } | null>(null);
  const [publishProblems, setPublishProblems] = useState<FlowProblem[] | null>(null);
  const validation = useValidation(editor.doc, canEdit, details.problems);
  const problems = publishProblems && !editor.dirty ? publishProblems : validation.problems;
  const definitionId = details.definitionId;
  const { edit } = editor;

  const addAtCentre = useCallback((type: string) => {
    const box = canvasRef.current?.getBoundingClientRect();
    const centre = box ? flow.screenToFlowPosition({ x: box.left + box.width / 2, y: box.top + box.height / 2 }) : { x: 0, y: 0 };
    const id = idFor(docRef.current, type);
    const at = freeSpot(docRef.current, { x: centre.x - 110, y: centre.y - 40 });
    edit((d) => {
      activityList(d).push(newActivity(type, id, at));
    });
    setSelected([id]);
  }, [edit, flow]);

  const save = useCallback(async (quiet = false): Promise<boolean> => {
    const revision = editor.revision;
    setBusy('Saving…');
    try {
      const answer = await api.saveDefinition({ ...docRef.current, definitionId });
      editor.markSaved(revision);
      setDraftAhead(true);
      setPublishProblems(null);
      if (!quiet) {
        const n = answer.problems?.length ?? 0;
        setNotice({ tone: 'ok', text: n ? `Draft saved, with ${n} problem${n === 1 ? '' : 's'} to fix before publishing.` : 'Draft saved.' });
      }
      return true;
    } catch (error) {
      setNotice({ tone: 'bad', text: `Not saved: ${describeError(error)}` });
      return false;
    } finally {
      setBusy(null);
    }
  }, [editor, definitionId]);

  const publish = useCallback(async () => {
    if (editor.dirty && !(await save(true))) return;
    setBusy('Publishing…');
    try {
      const answer = await api.publishDefinition(definitionId);
      setLatestVersion(answer.version);
      setDraftAhead(false);
      setPublishProblems(null);
      setNotice({ tone: 'ok', text: `Published version ${answer.version}.` });
    } catch (error) {
      if (error instanceof ApiError && error.status === 409) {
        setDraftAhead(false);
        setNotice({ tone: 'info', text: `Nothing to publish: the draft is the same as version ${latestVersion ?? 'published'}.` });
      } else {
        if (error instanceof ApiError && error.problem.problems) setPublishProblems(error.problem.problems);
        setNotice({ tone: 'bad', text: `Not published: ${describeError(error)}` });
      }
    } finally {
      setBusy(null);
    }
  }, [editor.dirty, save, definitionId, latestVersion]);

  const startRun = useCallback(async (input: JsonObject) => {
    setRunning({ busy: true, error: null });
    try {
      const answer = await api.startInstance(definitionId, input, latestVersion);
      navigate(`/flows/${encodeURIComponent(definitionId)}/runs/${encodeURIComponent(answer.instanceId)}`);
    } catch (error) {
      setRunning({ busy: false, error: describeError(error) });
    }
  }, [definitionId, latestVersion]);

  const importFile = useCallback(async (file: File) => {
    setBusy('Importing…');
    const result = await importFlowFile(file);
    setBusy(null);
    if (result.ok) navigate(`/flows/${encodeURIComponent(result.definitionId)}`);
    else setNotice({ tone: 'bad', text: `Not imported: ${result.message}` });
  }, []);

  const exportFile = useCallback(async () => {
    setBusy('Exporting…');
    try {
      download(`${definitionId}.json`, await api.exportDefinition(definitionId));
      if (editor.dirty) setNotice({ tone: 'info', text: 'Exported what the server has; save the draft to include your latest changes.' });
    } catch (error) {
      setNotice({ tone: 'bad', text: `Not exported: ${describeError(error)}` });
    } finally {
      setBusy(null);
    }
  }, [definitionId, editor.dirty]);

  const layout = useCallback(() => {
    const sizes = new Map(flow.getNodes().map((n) => [n.id, { width: n.measured?.width ?? 220, height: n.measured?.height ?? 86 }]));
    edit((d) => autoLayout(d, sizes));
    window.setTimeout(() => fit({ duration: 300 }), 50);
  }, [edit, flow, fit]);

  const focusNode = useCallback((id: string) => {
    setSelected([id]);
    void flow.fitView({ nodes: [{ id }], padding: 0.6, duration: 300, maxZoom: 1.2 });
  }, [flow]);

  useDesignerKeys(canEdit, {
    undo: editor.undo,
    redo: editor.redo,
    save: () => void save(),
    copy: () => {
      const clip = copyOf(docRef.current, new Set(selected));
      if (clip) {
        storeClip(clip);
        setNotice({ tone: 'info', text: `Copied ${clip.activities.length} node${clip.activities.length === 1 ? '' : 's'}.` });
      }
    },
    paste: () => {
      const clip = loadClip();
      if (!clip) return;
      let ids: string[] = [];
      const copy = structuredClone(docRef.current);
      ids = paste(copy, clip, { x: 40, y: 40 });
      edit((d) => void paste(d, clip, { x: 40, y: 40 }));
      setSelected(ids);
    },
  });

  const selectedActivity = selected.length === 1 ? findActivity(editor.doc, selected[0] ?? '') : undefined;
  const nodeEditing: NodeEditing | null = useMemo(() => {
    if (!selectedActivity) return null;
    const id = selected[0] ?? '';
    return {
      id,
      activity: selectedActivity,
      doc: editor.doc,
      change: (update, key) => edit((d) => {
        const a = findActivity(d, id);
        if (a) update(a, d);
      }, key ? { coalesce: `${id}:${key}` } : {}),
      changeDoc: (update) => edit(update),
      completions: completionsFor(editor.doc, id),
      readOnly: !canEdit,
    };
  }, [selectedActivity, selected, editor.doc, edit, canEdit]);

  return (
    <div className="designer" data-testid="designer" data-definition-id={definitionId}>
      <Toolbar canEdit={canEdit} busy={busy} dirty={editor.dirty} canUndo={editor.canUndo} canRedo={editor.canRedo} published={latestVersion} draftAhead={draftAhead}
        onSave={() => void save()} onPublish={() => void publish()} onRun={() => setRunning({ busy: false, error: null })}
        onImport={(f) => void importFile(f)} onExport={() => void exportFile()} onUndo={editor.undo} onRedo={editor.redo}
        onLayout={layout} onFit={() => fit({ duration: 300 })} />
      {notice && (
        <div className={`notice notice-${notice.tone} designer-notice`} data-testid="designer-notice">
          <span role="status">{notice.text}</span>
          <span className="notice-sub" />
          <button type="button" className="linkish notice-close" aria-label="Dismiss" onClick={() => setNotice(null)}>
            ×
          </button>
        </div>
      )}
      <div className="designer-body">
        {canEdit && <Palette onAdd={addAtCentre} />}
        <div className="canvas-column" ref={canvasRef}>
          <FlowCanvas doc={editor.doc} edit={edit} problems={problems} runNodes={null} selected={selected} onSelect={setSelected} readOnly={!canEdit} />
        </div>
        <aside className="designer-side">
          {nodeEditing ? (
            <PropertyPanel key={nodeEditing.id} node={nodeEditing} problems={problems} />
          ) : selected.length > 1 ? (
            <div className="props" data-testid="multi-selection">
              <h3>{selected.length} nodes selected</h3>
              <p className="hint">Ctrl+C copies them, Ctrl+V pastes a copy, Delete removes them.</p>
              {canEdit && (
                <button type="button" className="btn btn-small btn-danger" onClick={() => {
                  edit((d) => removeActivities(d, new Set(selected)));
                  setSelected([]);
                }}>
                  Delete {selected.length} nodes
                </button>
              )}
            </div>
          ) : (
            <FlowSettings doc={editor.doc} readOnly={!canEdit}
              changeDoc={(update, key) => edit(update, key ? { coalesce: key } : {})} />
          )}
          <ProblemsList problems={problems} checking={validation.checking} error={validation.error} onFocus={focusNode} />
        </aside>
      </div>
      {running && (
        <RunDialog doc={editor.doc} version={latestVersion} busy={running.busy} error={running.error} onStart={(input) => void startRun(input)}
          onClose={() => setRunning(null)} />
      )}
    </div>
  );
}
