import { managerOf, Transaction } from './transaction';

/** A project as the investment entry checks it: who owns it, and what to call it in a message. */
export interface ProjectRef {
  id: string;
  name: string;
  unitId: string;
  projectCode: string | null;
}

/**
 * Projects by id, locked FOR UPDATE in id order (the order every batch takes them, so a batch and single writes on
 * the same projects queue rather than deadlock). Repositories only.
 */
export async function lockProjectRefs(tx: Transaction, ids: readonly string[]): Promise<Map<string, ProjectRef>> {
  if (!ids.length) return new Map();
  const rows: ProjectRef[] = await managerOf(tx).query(
    `SELECT id, name, unit_id AS "unitId", project_code AS "projectCode" FROM project WHERE id = ANY($1::uuid[]) ORDER BY id FOR UPDATE`,
    [ids],
  );
  return new Map(rows.map((row) => [row.id, row]));
}
