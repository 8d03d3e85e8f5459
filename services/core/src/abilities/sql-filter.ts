import { rulesToAST } from '@casl/ability/extra';
import type { AppAbility, AppAction, AppSubject } from '@gov/domain';
import { and, eq, not, or, sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';

interface AstNode {
  operator: string;
  field?: string;
  value: unknown;
}

/**
 * Turns the actor's CASL rules for (action, subject) into a SQL filter over the given columns,
 * for list endpoints: in addition to row-level security, never instead of it. Unknown fields or
 * operators fail closed (false), so a new rule shape cannot widen a list by accident.
 */
export function abilityFilter(ability: AppAbility, action: AppAction, subjectType: Exclude<AppSubject, 'all'>, columns: Record<string, AnyPgColumn>): SQL {
  const ast = rulesToAST(ability, action, subjectType) as AstNode | null;
  if (ast === null) return sql`false`;
  return toSql(ast, columns);
}

function toSql(node: AstNode, columns: Record<string, AnyPgColumn>): SQL {
  const children = Array.isArray(node.value) ? (node.value as AstNode[]) : [];
  switch (node.operator) {
    case 'and':
      return children.length ? (and(...children.map((c) => toSql(c, columns))) ?? sql`true`) : sql`true`;
    case 'or':
      return children.length ? (or(...children.map((c) => toSql(c, columns))) ?? sql`false`) : sql`false`;
    case 'not':
      return not(toSql(node.value as AstNode, columns));
    case 'eq': {
      const column = node.field ? columns[node.field] : undefined;
      return column ? eq(column, node.value) : sql`false`;
    }
    case 'all': {
      const column = node.field ? columns[node.field] : undefined;
      // sql.param keeps the array one parameter (drizzle would otherwise expand it into a list).
      return column ? sql`${column} @> ${sql.param(node.value)}::uuid[]` : sql`false`;
    }
    default:
      return sql`false`;
  }
}
