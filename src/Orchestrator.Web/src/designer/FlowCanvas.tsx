import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { DragEvent } from 'react';
import { Background, Controls, MarkerType, MiniMap, ReactFlow, applyEdgeChanges, applyNodeChanges, useNodesInitialized, useReactFlow } from '@xyflow/react';
import type { Connection as RfConnection, Edge, EdgeChange, NodeChange, OnSelectionChangeParams } from '@xyflow/react';
import type { FlowProblem, NodeRun } from '../lib/flowTypes';
import type { JsonObject } from '../lib/types';
import { idFor, newActivity } from './actions';
import { outcomesOf } from './catalog';
import { activitiesOf, activityList, addLink, connectionsOf, displayNameOf, findActivity, idOf, linkKey, linkOf, positionOf, removeActivities, removeLinks, setPosition, typeOf } from './document';
import { FlowNode } from './FlowNode';
import type { ActivityNode } from './nodeData';
import { paletteMime } from './Palette';
import { summaryOf } from './summary';
import type { EditOptions } from './useFlowEditor';
import { useReadableFit } from './viewport';

// Module constants: React Flow copies changed props into its store, so a new array each render would loop.
const nodeTypes = { activity: FlowNode };
const deleteKeys = ['Backspace', 'Delete'];
const multiSelectKeys = ['Meta', 'Control'];
const stateColours: Record<string, string> = { running: '#1d6fd6', done: '#15803d', failed: '#c0262d', waiting: '#b45309', person: '#d97706', cancelled: '#8a94a6' };

function minimapColour(node: ActivityNode): string {
  if (node.data.run) return stateColours[node.data.run.state] ?? '#cfd4dc';
  return node.data.problems.length > 0 ? '#c0262d' : '#cfd4dc';
}

interface Props {
  doc: JsonObject;
  edit: (change: (doc: JsonObject) => void, options?: EditOptions) => void;
  problems: FlowProblem[];
  runNodes: Record<string, NodeRun> | null;
  selected: string[];
  onSelect: (ids: string[]) => void;
  readOnly: boolean;
}

/** The React Flow canvas over the document's activities and connections. */
export function FlowCanvas({ doc, edit, problems, runNodes, selected, onSelect, readOnly }: Props) {
  const flow = useReactFlow();
  const [nodes, setNodes] = useState<ActivityNode[]>([]);
  const [edges, setEdges] = useState<Edge[]>([]);
  const selectedSet = useMemo(() => new Set(selected), [selected]);
  const selectedNow = useRef(selectedSet);
  selectedNow.current = selectedSet;
  const selectedKey = useRef('');
  selectedKey.current = [...selected].sort().join('\n');
  const fit = useReadableFit();
  const initialized = useNodesInitialized();
  const framed = useRef(false);

  // Framed once, when React Flow has measured the nodes; after that the view is the person's.
  useEffect(() => {
    if (initialized && !framed.current) {
      framed.current = true;
      fit();
    }
  }, [initialized, fit]);

  // Nodes follow the document; what React Flow measured and which are selected is kept across rebuilds. A node
  // already on the canvas keeps React Flow's own selection: the selected prop may not yet hold a click made a moment
  // ago (problems answered by the server in between would otherwise undo it). New nodes take the prop.
  useEffect(() => {
    setNodes((previous) => {
      const before = new Map(previous.map((n) => [n.id, n]));
      return activitiesOf(doc).map((activity, index) => {
        const id = idOf(activity);
        const old = before.get(id);
        return {
          id,
          type: 'activity' as const,
          position: positionOf(activity) ?? { x: 40 + (index % 4) * 260, y: 40 + Math.floor(index / 4) * 160 },
          selected: old ? old.selected : selectedNow.current.has(id),
          measured: old?.measured,
          draggable: !readOnly,
          connectable: !readOnly,
          deletable: !readOnly,
          data: {
            activity,
            type: typeOf(activity),
            title: displayNameOf(activity),
            summary: summaryOf(activity),
            outcomes: outcomesOf(activity),
            problems: problems.filter((p) => p.nodeId === id),
            run: runNodes?.[id] ?? null,
          },
        };
      });
    });
  }, [doc, problems, runNodes, readOnly]);

  // A selection made outside the canvas (a problem focused, a node added or pasted, nodes deleted) reaches React Flow.
  useEffect(() => {
    setNodes((current) => current.some((n) => !!n.selected !== selectedSet.has(n.id))
      ? current.map((n) => (!!n.selected === selectedSet.has(n.id) ? n : { ...n, selected: selectedSet.has(n.id) }))
      : current);
  }, [selectedSet]);

  useEffect(() => {
    setEdges((previous) => {
      const wasSelected = new Set(previous.filter((e) => e.selected).map((e) => e.id));
      return connectionsOf(doc).flatMap((connection) => {
        const link = linkOf(connection);
        if (!link) return [];
        const id = linkKey(link);
        const ran = runNodes?.[link.source]?.state === 'done' && !!runNodes?.[link.target];
        return [{
          id,
          source: link.source,
          target: link.target,
          sourceHandle: link.sourcePort,
          targetHandle: 'In',
          selected: wasSelected.has(id),
          deletable: !readOnly,
          animated: runNodes?.[link.target]?.state === 'running',
          className: ran ? 'edge-ran' : undefined,
          markerEnd: { type: MarkerType.ArrowClosed },
        }];
      });
    });
  }, [doc, runNodes, readOnly]);

  const onNodesChange = useCallback((changes: NodeChange<ActivityNode>[]) => {
    // Removal goes through onDelete, so it becomes one undoable document edit.
    setNodes((current) => applyNodeChanges(changes.filter((c) => c.type !== 'remove'), current));
  }, []);

  const onEdgesChange = useCallback((changes: EdgeChange[]) => {
    setEdges((current) => applyEdgeChanges(changes.filter((c) => c.type !== 'remove'), current));
  }, []);

  const onConnect = useCallback((connection: RfConnection) => {
    if (!connection.source || !connection.target || connection.source === connection.target) return;
    const link = { source: connection.source, sourcePort: connection.sourceHandle ?? 'Done', target: connection.target, targetPort: 'In' };
    edit((d) => addLink(d, link));
  }, [edit]);

  const onDelete = useCallback(({ nodes: gone, edges: cut }: { nodes: ActivityNode[]; edges: Edge[] }) => {
    if (gone.length === 0 && cut.length === 0) return;
    edit((d) => {
      removeActivities(d, new Set(gone.map((n) => n.id)));
      removeLinks(d, new Set(cut.map((e) => e.id)));
    });
    if (gone.length > 0) onSelect([]);
  }, [edit, onSelect]);

  const onDragStop = useCallback((_: unknown, __: ActivityNode, moved: ActivityNode[]) => {
    edit((d) => {
      for (const node of moved) {
        const activity = findActivity(d, node.id);
        if (activity) setPosition(activity, node.position);
      }
    });
  }, [edit]);

  // Compared with a ref: the store may call an older handler in the same render as the selection changed.
  const onSelectionChange = useCallback(({ nodes: chosen }: OnSelectionChangeParams) => {
    const ids = chosen.map((n) => n.id).sort();
    if (ids.join('\n') !== selectedKey.current) {
      selectedKey.current = ids.join('\n');
      onSelect(ids);
    }
  }, [onSelect]);

  const onDragOver = (event: DragEvent<HTMLDivElement>) => {
    if (readOnly || !event.dataTransfer.types.includes(paletteMime)) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'copy';
  };

  const onDrop = (event: DragEvent<HTMLDivElement>) => {
    const type = event.dataTransfer.getData(paletteMime);
    if (readOnly || !type) return;
    event.preventDefault();
    const at = flow.screenToFlowPosition({ x: event.clientX, y: event.clientY });
    const id = idFor(doc, type);
    edit((d) => {
      activityList(d).push(newActivity(type, id, { x: at.x - 100, y: at.y - 30 }));
    });
    onSelect([id]);
  };

  return (
    <div className="canvas" data-testid="canvas" onDragOver={onDragOver} onDrop={onDrop}>
      <ReactFlow<ActivityNode, Edge>
        nodes={nodes}
        edges={edges}
        nodeTypes={nodeTypes}
        onNodesChange={onNodesChange}
        onEdgesChange={onEdgesChange}
        onConnect={onConnect}
        onDelete={onDelete}
        onNodeDragStop={onDragStop}
        onSelectionChange={onSelectionChange}
        deleteKeyCode={readOnly ? null : deleteKeys}
        multiSelectionKeyCode={multiSelectKeys}
        selectionKeyCode="Shift"
        nodesDraggable={!readOnly}
        nodesConnectable={!readOnly}
        panOnScroll
        minZoom={0.2}
        maxZoom={2}
      >
        <Background gap={16} />
        <MiniMap<ActivityNode> pannable zoomable ariaLabel="Minimap" nodeColor={minimapColour} />
        <Controls showInteractive={false} />
      </ReactFlow>
    </div>
  );
}
