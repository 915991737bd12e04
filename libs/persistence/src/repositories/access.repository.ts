import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

/** The kinds of resource a route names in its path whose responsible unit decides who may act on it. */
export type UnitResource = 'project' | 'milestone' | 'transitionRequest' | 'rebaselineRequest';

const UNIT_OF: Record<UnitResource, string> = {
  project: `SELECT unit_id AS "unitId" FROM project WHERE id = $1`,
  milestone: `SELECT p.unit_id AS "unitId" FROM milestone m JOIN project p ON p.id = m.project_id WHERE m.id = $1`,
  transitionRequest: `SELECT p.unit_id AS "unitId" FROM transition_request r JOIN project p ON p.id = r.project_id WHERE r.id = $1`,
  rebaselineRequest: `SELECT p.unit_id AS "unitId" FROM rebaseline_request b JOIN project p ON p.id = b.project_id WHERE b.id = $1`,
};

/** One indexed lookup per guarded write: the unit (责任单位) responsible for the resource the route names. */
@Injectable()
export class AccessRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The resource's unit, or undefined when there is no such resource (the handler then answers 404). */
  async unitOf(resource: UnitResource, id: string): Promise<string | undefined> {
    const [row] = await this.dataSource.query(UNIT_OF[resource], [id]);
    return row?.unitId;
  }
}
