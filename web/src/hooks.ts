import { useEffect, useState } from 'react';
import { api } from './api.ts';

let typesPromise: Promise<any[]> | undefined;
let orgsPromise: Promise<any> | undefined;

/** Case type definitions, fetched once per page load. */
export function useCaseTypes(): any[] | undefined {
  const [types, setTypes] = useState<any[]>();
  useEffect(() => {
    (typesPromise ??= api('/api/case-types')).then(setTypes);
  }, []);
  return types;
}

export interface OrgNode {
  id: number;
  name: string;
  shortName: string;
  kind: string;
  children: OrgNode[];
}

export function useOrgTree(): OrgNode | undefined {
  const [tree, setTree] = useState<OrgNode>();
  useEffect(() => {
    (orgsPromise ??= api('/api/orgs')).then(setTree, () => (orgsPromise = undefined));
  }, []);
  return tree;
}

export const toTreeData = (n: OrgNode): any => ({ value: n.id, title: n.name, children: n.children.map(toTreeData) });
