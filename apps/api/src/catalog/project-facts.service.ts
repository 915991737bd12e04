import { Injectable } from '@nestjs/common';
import { Clock } from '@qj/config';
import { domainError, MAX_INT32, ValidationFailedException } from '@qj/http';
import {
  isProjectCodeConflict,
  PROJECT_FACT_FIELDS,
  ProjectFacts,
  ProjectFactsRepository,
  ProjectFactsRow,
  AuditRepository,
  UnitOfWork,
} from '@qj/persistence';
import { domainEvent } from '@qj/queue';
import { AuthUser } from '../auth';
import type { UpdateProjectFactsDto } from './dto/project-facts.dto';

const projectNotFound = (id: string) => domainError('project_not_found', { id });

/**
 * A project's investment facts (项目代码, 总投资, 投资类型, 建设年限, 建设内容, 入库纳统): edited by its owners and the
 * DRC, version-guarded, audited with a `project.facts_updated` event in the same transaction. An edit that changes
 * nothing writes nothing.
 */
@Injectable()
export class ProjectFactsService {
  constructor(
    private readonly facts: ProjectFactsRepository,
    private readonly unitOfWork: UnitOfWork,
    private readonly audit: AuditRepository,
    private readonly clock: Clock,
  ) {}

  async update(user: AuthUser, projectId: string, dto: UpdateProjectFactsDto, ifMatch: string | undefined) {
    const expectedVersion = dto.version ?? parseIfMatch(ifMatch);
    const today = this.clock.today();
    if (dto.statisticsRegisteredOn && dto.statisticsRegisteredOn > today) {
      throw new ValidationFailedException([{ field: 'statisticsRegisteredOn', message: `statisticsRegisteredOn 不能晚于今天（${today}）` }]);
    }
    try {
      return await this.unitOfWork.run(async (tx) => {
        const current = await this.facts.lock(tx, projectId);
        if (!current) throw projectNotFound(projectId);
        const next: ProjectFacts = { ...pick(current) };
        for (const field of PROJECT_FACT_FIELDS) {
          const value = dto[field];
          if (value !== undefined) (next as unknown as Record<string, unknown>)[field] = value;
        }
        if (next.constructionStartYear !== null && next.constructionEndYear !== null && next.constructionStartYear > next.constructionEndYear) {
          throw new ValidationFailedException([
            {
              field: dto.constructionEndYear !== undefined ? 'constructionEndYear' : 'constructionStartYear',
              message: `建设年限的起始年（${next.constructionStartYear}）不能晚于结束年（${next.constructionEndYear}）`,
            },
          ]);
        }
        if (current.version !== expectedVersion) throw versionConflict(current);
        const changed = PROJECT_FACT_FIELDS.filter((field) => next[field] !== current[field]);
        if (!changed.length) return view(current);
        if (next.projectCode && changed.includes('projectCode')) {
          const holder = await this.facts.holderOfCode(tx, next.projectCode, projectId);
          if (holder) throw codeTaken(next.projectCode, holder);
        }
        const updated = await this.facts.update(tx, projectId, expectedVersion, next);
        if (!updated) throw versionConflict(current);
        const before = Object.fromEntries(changed.map((field) => [field, current[field]]));
        const after = Object.fromEntries(changed.map((field) => [field, updated[field]]));
        await this.audit.record(
          tx,
          [
            {
              projectId,
              entityType: 'project',
              entityId: projectId,
              action: 'project.facts_updated',
              actorId: user.id,
              actorName: user.displayName,
              before: { ...before, version: current.version },
              after: { ...after, version: updated.version },
            },
          ],
          [domainEvent('project.facts_updated', { aggregateId: projectId, actorId: user.id, data: { before, after } })],
        );
        return view(updated);
      });
    } catch (error) {
      // Two projects given one code at the same moment: the unique constraint decides, and the loser hears who has it.
      if (!isProjectCodeConflict(error) || !dto.projectCode) throw error;
      const holder = await this.facts.holderOfCode(undefined, dto.projectCode, projectId);
      throw holder ? codeTaken(dto.projectCode, holder) : error;
    }
  }
}

function pick(row: ProjectFactsRow): ProjectFacts {
  return Object.fromEntries(PROJECT_FACT_FIELDS.map((field) => [field, row[field]])) as unknown as ProjectFacts;
}

function view(row: ProjectFactsRow) {
  return { id: row.id, version: row.version, updatedAt: row.updatedAt, ...pick(row) };
}

const versionConflict = (current: ProjectFactsRow) =>
  domainError('version_conflict', { subject: { zh: '项目', en: 'project' } }, { extensions: { currentVersion: current.version } });

const codeTaken = (code: string, holder: { id: string; name: string }) =>
  domainError('project_code_taken', { code, holder: holder.name }, { extensions: { projectCode: code, projectId: holder.id, projectName: holder.name } });

/** `If-Match: "3"` or `If-Match: 3`; the body's `version` wins when both are sent. */
function parseIfMatch(header: string | undefined): number {
  const version = Number(header?.replace(/^W\//, '').replace(/"/g, ''));
  if (!header || !Number.isInteger(version) || version < 1 || version > MAX_INT32) {
    throw new ValidationFailedException([{ field: 'version', message: '请提供 version（或 If-Match 头）：您看到的项目版本号' }]);
  }
  return version;
}
