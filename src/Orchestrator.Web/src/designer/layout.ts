import dagre from '@dagrejs/dagre';
import type { JsonObject } from '../lib/types';
import { activitiesOf, connectionsOf, idOf, linkOf, setPosition } from './document';

export const nodeWidth = 220;
export const nodeHeight = 86;

/** Lays the flow out left to right with dagre and writes the positions into the activities' designer metadata. */
export function autoLayout(doc: JsonObject, sizes: Map<string, { width: number; height: number }>): void {
  const graph = new dagre.graphlib.Graph();
  graph.setGraph({ rankdir: 'LR', nodesep: 40, ranksep: 90, marginx: 20, marginy: 20 });
  graph.setDefaultEdgeLabel(() => ({}));
  const activities = activitiesOf(doc);
  for (const activity of activities) {
    const size = sizes.get(idOf(activity)) ?? { width: nodeWidth, height: nodeHeight };
    graph.setNode(idOf(activity), { width: size.width, height: size.height });
  }
  for (const connection of connectionsOf(doc)) {
    const link = linkOf(connection);
    if (link && graph.hasNode(link.source) && graph.hasNode(link.target)) graph.setEdge(link.source, link.target);
  }
  dagre.layout(graph);
  for (const activity of activities) {
    const node = graph.node(idOf(activity));
    if (!node) continue;
    const size = sizes.get(idOf(activity)) ?? { width: nodeWidth, height: nodeHeight };
    // dagre places centres; React Flow positions are top-left corners.
    setPosition(activity, { x: node.x - size.width / 2, y: node.y - size.height / 2 });
  }
}
