// How the canvas frames a flow: the whole drawing when it fits at a zoom where node text stays readable, otherwise
// its beginning at that zoom (flows read left to right from Start), with the rest a scroll or a drag away.
import { useCallback } from 'react';
import { useReactFlow, useStoreApi } from '@xyflow/react';
import type { Edge } from '@xyflow/react';
import type { ActivityNode } from './nodeData';

/** The smallest zoom a fit goes down to: node titles (13.5 px) stay about 8 px tall on screen. */
export const readableZoom = 0.6;
const maxFitZoom = 1.2;
const margin = 40;

/** Returns `fit()`, which frames every node (or the ones named) as described above. */
export function useReadableFit(): (options?: { duration?: number }) => void {
  const flow = useReactFlow<ActivityNode, Edge>();
  const store = useStoreApi<ActivityNode, Edge>();
  return useCallback((options?: { duration?: number }) => {
    const { width, height } = store.getState();
    const nodes = flow.getNodes();
    if (nodes.length === 0 || !width || !height) return;
    const bounds = flow.getNodesBounds(nodes);
    const room = { width: Math.max(1, width - 2 * margin), height: Math.max(1, height - 2 * margin) };
    const fitting = Math.min(room.width / Math.max(1, bounds.width), room.height / Math.max(1, bounds.height));
    const zoom = Math.min(maxFitZoom, Math.max(readableZoom, fitting));
    const along = (size: number, space: number, start: number, total: number) =>
      size * zoom <= space ? (total - size * zoom) / 2 - start * zoom : margin - start * zoom;
    void flow.setViewport(
      { x: along(bounds.width, room.width, bounds.x, width), y: along(bounds.height, room.height, bounds.y, height), zoom },
      { duration: options?.duration },
    );
  }, [flow, store]);
}
