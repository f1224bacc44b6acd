import { useCallback, useEffect, useState } from 'react';
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

const KEPT_PREFIX = 'fazhi:kept:';
const kept = new Map<string, unknown>();

/**
 * useState whose value outlives the page: work a person produced there (an analysis of uploaded
 * reports) is still there after visiting another page, and after a reload of the tab. It is kept
 * in memory and, as far as the browser allows, in sessionStorage; it is forgotten at logout.
 */
export function useKeptState<T>(key: string, initial: T): [T, (v: T | ((prev: T) => T)) => void] {
  const [value, setValue] = useState<T>(() => {
    if (kept.has(key)) return kept.get(key) as T;
    try {
      const stored = sessionStorage.getItem(KEPT_PREFIX + key);
      if (stored !== null) return JSON.parse(stored) as T;
    } catch {
      // Storage unavailable or unreadable: start afresh.
    }
    return initial;
  });
  const set = useCallback(
    (v: T | ((prev: T) => T)) =>
      setValue((prev) => {
        const next = typeof v === 'function' ? (v as (p: T) => T)(prev) : v;
        kept.set(key, next);
        try {
          sessionStorage.setItem(KEPT_PREFIX + key, JSON.stringify(next));
        } catch {
          // Too large for sessionStorage: memory still keeps it for this visit.
          sessionStorage.removeItem(KEPT_PREFIX + key);
        }
        return next;
      }),
    [key],
  );
  return [value, set];
}

/** At logout: the next person on this browser does not see the last one's work. */
export function forgetKept() {
  kept.clear();
  try {
    for (const k of Object.keys(sessionStorage)) if (k.startsWith(KEPT_PREFIX)) sessionStorage.removeItem(k);
  } catch {
    // Nothing stored.
  }
}
