import { createContext, useContext, useEffect, useState } from 'react';
import { api } from '../lib/api';
import type { AgentItem, ModelItem, Principals, ToolItem } from '../lib/flowTypes';
import type { WorkflowItem } from '../lib/types';

/** What the pickers offer: configured models, registered tools and agents, people and roles, runnable workflows. */
export interface CatalogData {
  models: ModelItem[];
  tools: ToolItem[];
  agents: AgentItem[];
  principals: Principals;
  workflows: WorkflowItem[];
  /** The lists that could not be loaded, so a picker can say why it is empty. */
  failed: string[];
}

const empty: CatalogData = { models: [], tools: [], agents: [], principals: { users: [], roles: [] }, workflows: [], failed: [] };

export const CatalogContext = createContext<CatalogData>(empty);

export function useCatalog(): CatalogData {
  return useContext(CatalogContext);
}

/** Loads every picker's list once per designer; one list failing leaves the others usable. */
export function useCatalogData(): CatalogData {
  const [data, setData] = useState<CatalogData>(empty);
  useEffect(() => {
    let live = true;
    const failed: string[] = [];
    const take = <T,>(name: string, load: Promise<T>, fallback: T) =>
      load.catch(() => {
        failed.push(name);
        return fallback;
      });
    void Promise.all([
      take('models', api.models().then((r) => r.items), []),
      take('tools', api.tools().then((r) => r.items), []),
      take('agents', api.agents().then((r) => r.items), []),
      take('principals', api.principals(), { users: [], roles: [] }),
      take('workflows', api.workflows().then((r) => r.items), []),
    ]).then(([models, tools, agents, principals, workflows]) => {
      if (live) setData({ models, tools, agents, principals, workflows, failed });
    });
    return () => {
      live = false;
    };
  }, []);
  return data;
}
