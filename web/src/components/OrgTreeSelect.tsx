import { TreeSelect, type TreeSelectProps } from 'antd';
import { toTreeData, type OrgNode } from '../hooks.ts';

/**
 * A unit picked from an org tree, searchable by name, every level open.
 * The tree arrives after the first render, and the dropdown reads "open every level" only from the
 * data it mounted with: the select is remounted when the tree arrives, so a quick click never finds
 * a folded or empty list. A district has at most a few hundred units, so the list is not virtual:
 * every unit is in the page, where a search or a scroll finds it.
 */
export function OrgTreeSelect({ tree, ...props }: TreeSelectProps & { tree: OrgNode | undefined }) {
  return (
    <TreeSelect
      key={tree ? 'ready' : 'loading'}
      loading={!tree}
      treeData={tree ? [toTreeData(tree)] : []}
      treeDefaultExpandAll
      showSearch
      treeNodeFilterProp="title"
      virtual={false}
      {...props}
    />
  );
}
