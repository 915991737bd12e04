import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

/** The kinds of resource a route names in its path whose responsible unit decides who may act on it. */
export type UnitResource = 'project' | 'milestone' | 'transitionRequest' | 'rebaselineRequest' | 'problem';

const UNITS_OF: Record<UnitResource, string> = {
  project: `SELECT unit_id AS "unitId" FROM project WHERE id = $1`,
  milestone: `SELECT p.unit_id AS "unitId" FROM milestone m JOIN project p ON p.id = m.project_id WHERE m.id = $1`,
  transitionRequest: `SELECT p.unit_id AS "unitId" FROM transition_request r JOIN project p ON p.id = r.project_id WHERE r.id = $1`,
  rebaselineRequest: `SELECT p.unit_id AS "unitId" FROM rebaseline_request b JOIN project p ON p.id = b.project_id WHERE b.id = $1`,
  // A problem concerns two units: the project's (who raised it) and the one it is assigned to (who answers it).
  problem: `SELECT array_remove(ARRAY[p.unit_id, pr.assigned_unit_id], NULL) AS "unitIds" FROM problem pr JOIN project p ON p.id = pr.project_id WHERE pr.id = $1`,
};

/** One indexed lookup per guarded write: the units (责任单位) responsible for the resource the route names. */
@Injectable()
export class AccessRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The units whose owners may act on the resource, or undefined when there is no such resource (the handler then answers 404). */
  async unitsOf(resource: UnitResource, id: string): Promise<string[] | undefined> {
    const [row] = await this.dataSource.query(UNITS_OF[resource], [id]);
    if (!row) return undefined;
    return (row.unitIds as string[] | undefined) ?? [row.unitId as string];
  }
}
