// The group tree (antd Tree, ~20 KB gzip): its own chunk, fetched once an app is picked, so the
// page itself (app picker, empty states) does not wait for it.
import { Tree } from 'antd';
import type { GroupTreeNode } from '../../../api/link';

type TreeData = { key: string; title: string; children: TreeData[] };
const toTree = (n: GroupTreeNode): TreeData => ({ key: n.id, title: n.name, children: n.children.map(toTree) });

export function GroupTree({ nodes, selected, onSelect }: { nodes: GroupTreeNode[]; selected: string; onSelect: (id: string) => void }) {
  return (
    <Tree<TreeData> blockNode defaultExpandAll selectedKeys={selected ? [selected] : []} treeData={nodes.map(toTree)} onSelect={(keys) => onSelect(String(keys[0] ?? ''))} />
  );
}
