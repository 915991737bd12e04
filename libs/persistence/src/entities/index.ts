import { IndicatorEntity } from './indicator.entity';
import { PlanChapterEntity, PlanColumnEntity, PlanColumnItemEntity, PlanPartEntity, PlanSectionEntity } from './plan-structure.entity';
import { ProjectSourceEntity } from './project-source.entity';
import { ProjectEntity } from './project.entity';
import { UnitEntity } from './unit.entity';

export * from './indicator.entity';
export * from './plan-structure.entity';
export * from './project-source.entity';
export * from './project.entity';
export * from './unit.entity';

export const ENTITIES = [
  PlanPartEntity,
  PlanChapterEntity,
  PlanSectionEntity,
  PlanColumnEntity,
  PlanColumnItemEntity,
  UnitEntity,
  ProjectEntity,
  ProjectSourceEntity,
  IndicatorEntity,
];
