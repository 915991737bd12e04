import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { lockProjectRefs, ProjectRef } from './project-locks';
import { managerOf, Transaction } from './transaction';
import { updateReturning } from './update-returning';

export interface ProjectState {
  id: string;
  name: string;
  unitId: string;
  stage: string;
  previousStage: string | null;
  version: number;
  target: string;
  createdAt: Date;
}

export const PROJECT_STATE_COLUMNS = `id, name, unit_id AS "unitId", stage, previous_stage AS "previousStage", version, target, created_at AS "createdAt"`;

/** Repositories only: the project row locked in `tx`, for any change that must see its latest version. */
export async function lockProjectRow(tx: Transaction, id: string): Promise<ProjectState | undefined> {
  const [row] = await managerOf(tx).query(`SELECT ${PROJECT_STATE_COLUMNS} FROM project WHERE id = $1 FOR UPDATE`, [id]);
  return row;
}

/**
 * A project's own row as the workflow changes it: its stage, its responsible unit, its last activity. Guarded updates
 * carry the version the client saw (`UPDATE … WHERE version = $n`), so a concurrent change is detected rather than lost.
 */
@Injectable()
export class ProjectStateRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  lock(tx: Transaction, id: string): Promise<ProjectState | undefined> {
    return lockProjectRow(tx, id);
  }

  /** Projects as the investment entry checks them, locked in id order (see lockProjectRefs); missing ids are absent. */
  lockRefs(tx: Transaction, ids: readonly string[]): Promise<Map<string, ProjectRef>> {
    return lockProjectRefs(tx, ids);
  }

  /** The same state without a lock, for reads. */
  async state(id: string): Promise<ProjectState | undefined> {
    const [row] = await this.dataSource.query(`SELECT ${PROJECT_STATE_COLUMNS} FROM project WHERE id = $1`, [id]);
    return row;
  }

  /** The project's id and unit, for access checks. */
  async find(id: string): Promise<Pick<ProjectState, 'id' | 'unitId'> | undefined> {
    const [row] = await this.dataSource.query(`SELECT id, unit_id AS "unitId" FROM project WHERE id = $1`, [id]);
    return row;
  }

  async setStage(tx: Transaction, id: string, expectedVersion: number, stage: string, previousStage: string | null): Promise<number | undefined> {
    const row = await updateReturning<{ version: number }>(
      managerOf(tx),
      `UPDATE project SET stage = $3, previous_stage = $4, version = version + 1, updated_at = now(), last_activity_at = now()
       WHERE id = $1 AND version = $2 RETURNING version`,
      [id, expectedVersion, stage, previousStage],
    );
    return row?.version;
  }

  async setUnit(tx: Transaction, id: string, expectedVersion: number, unitId: string): Promise<number | undefined> {
    const row = await updateReturning<{ version: number }>(
      managerOf(tx),
      `UPDATE project SET unit_id = $3, version = version + 1, updated_at = now(), last_activity_at = now()
       WHERE id = $1 AND version = $2 RETURNING version`,
      [id, expectedVersion, unitId],
    );
    return row?.version;
  }

  async unitExists(tx: Transaction, unitId: string): Promise<boolean> {
    const [row] = await managerOf(tx).query(`SELECT 1 FROM unit WHERE id = $1`, [unitId]);
    return Boolean(row);
  }

  async touchActivity(tx: Transaction, projectId: string): Promise<void> {
    await managerOf(tx).query(`UPDATE project SET last_activity_at = now() WHERE id = $1`, [projectId]);
  }
}
