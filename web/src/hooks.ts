import { useEffect, useState } from 'react';
import { get, type Reply } from './api.ts';

let typesPromise: Promise<any[]> | undefined;
let orgsPromise: Promise<OrgNode> | undefined;

/** Case type definitions, fetched once per page load. */
export function useCaseTypes(): any[] | undefined {
  const [types, setTypes] = useState<any[]>();
  useEffect(() => {
    // Case type definitions carry their forms as JSON schema: read loosely by the forms.
    (typesPromise ??= get('/api/case-types') as Promise<any[]>).then(setTypes);
  }, []);
  return types;
}

export type OrgNode = Reply<'/api/orgs'>;

export function useOrgTree(): OrgNode | undefined {
  const [tree, setTree] = useState<OrgNode>();
  useEffect(() => {
    (orgsPromise ??= get('/api/orgs')).then(setTree, () => (orgsPromise = undefined));
  }, []);
  return tree;
}

export const toTreeData = (n: OrgNode): any => ({ value: n.id, title: n.name, children: n.children.map(toTreeData) });
