import type { OrgUnit } from './types.js';

export interface UnitBranch {
  unit: OrgUnit;
  children: UnitBranch[];
}

/**
 * The units as a tree, siblings by Vietnamese name. A unit admin sees only a subtree, so a unit
 * whose parent is not visible to them is a root here.
 */
export function buildTree(units: OrgUnit[]): UnitBranch[] {
  const visible = new Set(units.map((u) => u.id));
  const children = new Map<string | null, OrgUnit[]>();
  for (const unit of units) {
    const parent = unit.parentId && visible.has(unit.parentId) ? unit.parentId : null;
    children.set(parent, [...(children.get(parent) ?? []), unit]);
  }
  const grow = (parent: string | null): UnitBranch[] =>
    [...(children.get(parent) ?? [])].sort((a, b) => a.name.localeCompare(b.name, 'vi')).map((unit) => ({ unit, children: grow(unit.id) }));
  return grow(null);
}

/** Units in tree order with their depth, for a parent picker that reads like the tree. */
export function flattenTree(branches: UnitBranch[], depth = 0): { unit: OrgUnit; depth: number }[] {
  return branches.flatMap((b) => [{ unit: b.unit, depth }, ...flattenTree(b.children, depth + 1)]);
}
