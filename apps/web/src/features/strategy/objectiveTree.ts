/** Objectives arranged as a tree (from `parentId`) and flattened to the rows a tree view shows. */

export type TreeSource = { id: string; parentId: string | null; code: string };
export type TreeNode<T extends TreeSource> = { item: T; children: TreeNode<T>[] };
export type VisibleRow<T extends TreeSource> = {
  item: T;
  level: number;
  parentId: string | null;
  hasChildren: boolean;
  posInSet: number;
  setSize: number;
};

/** Roots are objectives without a parent, or whose parent is not visible to the reader. Siblings sorted by code. */
export function buildTree<T extends TreeSource>(items: readonly T[]): TreeNode<T>[] {
  const ids = new Set(items.map((i) => i.id));
  const byParent = new Map<string | null, T[]>();
  for (const i of items) {
    const parent = i.parentId && ids.has(i.parentId) ? i.parentId : null;
    const list = byParent.get(parent) ?? [];
    list.push(i);
    byParent.set(parent, list);
  }
  const seen = new Set<string>();
  const build = (parent: string | null): TreeNode<T>[] =>
    (byParent.get(parent) ?? [])
      .slice()
      .sort((a, b) => a.code.localeCompare(b.code, undefined, { numeric: true }))
      .filter((i) => !seen.has(i.id) && seen.add(i.id))
      .map((item) => ({ item, children: build(item.id) }));
  return build(null);
}

/** The rows shown when `expanded` holds the ids of open nodes. */
export function visibleRows<T extends TreeSource>(
  roots: readonly TreeNode<T>[],
  expanded: ReadonlySet<string>,
): VisibleRow<T>[] {
  const out: VisibleRow<T>[] = [];
  const walk = (nodes: readonly TreeNode<T>[], level: number, parentId: string | null) => {
    nodes.forEach((n, i) => {
      out.push({
        item: n.item,
        level,
        parentId,
        hasChildren: n.children.length > 0,
        posInSet: i + 1,
        setSize: nodes.length,
      });
      if (n.children.length && expanded.has(n.item.id)) walk(n.children, level + 1, n.item.id);
    });
  };
  walk(roots, 1, null);
  return out;
}

/** Ids of every node that has children. */
export function parentIds<T extends TreeSource>(roots: readonly TreeNode<T>[]): string[] {
  const out: string[] = [];
  const walk = (nodes: readonly TreeNode<T>[]) =>
    nodes.forEach((n) => {
      if (n.children.length) {
        out.push(n.item.id);
        walk(n.children);
      }
    });
  walk(roots);
  return out;
}
