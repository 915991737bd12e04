import { Injectable } from '@nestjs/common';
import { supervisionNoticeNumber } from '@qj/domain';
import { domainError } from '@qj/http';
import { SupervisionNoticeRow, SupervisionRepository } from '@qj/persistence';
import { AuthUser, readScopeOf } from '../auth';

const view = (row: SupervisionNoticeRow) => ({
  id: row.id,
  number: supervisionNoticeNumber(row.year, row.sequence),
  year: row.year,
  sequence: row.sequence,
  problemId: row.problemId,
  problemTitle: row.problemTitle,
  projectId: row.projectId,
  projectName: row.projectName,
  unitId: row.unitId,
  unitName: row.unitName,
  dueDate: row.dueDate,
  replyBy: row.replyBy,
  createdAt: row.createdAt,
  answeredAt: row.answeredAt,
  documentUrl: `/api/supervision-notices/${row.id}/document.docx`,
});

/** 督办单 as a user may read them: reviewers, leaders and admins all; an owner those sent to their unit or about its projects. */
@Injectable()
export class SupervisionNoticesService {
  constructor(private readonly supervision: SupervisionRepository) {}

  async list(user: AuthUser) {
    return { items: (await this.supervision.list(readScopeOf(user))).map(view) };
  }

  /** The notice's Word document; 404 outside the caller's scope. */
  async document(user: AuthUser, id: string): Promise<{ content: Buffer; fileName: string; asciiName: string }> {
    const row = await this.supervision.document(readScopeOf(user), id);
    if (!row) throw domainError('supervision_notice_not_found', { id });
    return { content: row.document, fileName: `督办单-${row.year}-${row.sequence}.docx`, asciiName: `supervision-${row.year}-${row.sequence}.docx` };
  }
}
