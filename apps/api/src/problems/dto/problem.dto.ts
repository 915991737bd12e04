import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { PROBLEM_AGE_BUCKETS, PROBLEM_CATEGORIES, PROBLEM_CATEGORY_LABELS, PROBLEM_STATUSES } from '@qj/domain';
import { IsCalendarDate, say, Trim } from '@qj/http';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsOptional, IsString, IsUUID, MaxLength, MinLength } from 'class-validator';
import { calendarDate, dateTime, int } from '../../catalog/dto/project.response.dto';
import { FileIds } from '../../files/dto/file-ids.dto';
import { FileRefDto } from '../../files/dto/file.response.dto';

export const PROBLEM_TITLE_MAX = 200;
export const PROBLEM_TEXT_MAX = 4000;

const category = { enum: PROBLEM_CATEGORIES, enumName: 'ProblemCategory' } as const;
const status = { enum: PROBLEM_STATUSES, enumName: 'ProblemStatus' } as const;
const CATEGORY_LIST = PROBLEM_CATEGORIES.map((code) => `${code}（${PROBLEM_CATEGORY_LABELS[code]}）`).join('、');

const text = (field: string, zh: string, max: number) => [
  Trim(),
  IsString(say(`${field} 必须是文字`, `${field} must be text`)),
  MinLength(1, say(`请填写${zh}（${field}）`, `${field} may not be empty`)),
  MaxLength(max, say(`${field} 不能超过 ${max} 个字符`, `${field} may not exceed ${max} characters`)),
];

/** POST /api/projects/:id/problems: what blocks the project (存在问题), raised by its owners. */
export class RaiseProblemDto {
  @ApiProperty({ maxLength: PROBLEM_TITLE_MAX, example: '渝贵高铁綦江段用地指标未落实' })
  @applyDecorators(...text('title', '问题标题', PROBLEM_TITLE_MAX))
  title: string;

  @ApiProperty({ maxLength: PROBLEM_TEXT_MAX, description: 'what blocks the project, and what is needed' })
  @applyDecorators(...text('description', '问题描述', PROBLEM_TEXT_MAX))
  description: string;

  @ApiProperty({ ...category, description: `用地 land, 征地拆迁 demolition, 资金 funding, 审批 approval, 水电气等要素 utilities, 规划 planning, 其他 other` })
  @IsIn(PROBLEM_CATEGORIES, say(`category 必须是以下之一：${CATEGORY_LIST}`, `category must be one of: ${PROBLEM_CATEGORIES.join(', ')}`))
  category: string;

  @ApiProperty({ ...calendarDate, description: 'by when the project needs it solved: today or later (APP_TIMEZONE)' })
  @IsCalendarDate(say('neededBy 必须是有效日期，格式 YYYY-MM-DD', 'neededBy must be a valid date such as 2027-03-31'))
  neededBy: string;

  @FileIds('evidence of the problem (site photos, letters), attached with it; omitted: none')
  fileIds?: string[];
}

/** POST /api/problems/:id/assign: the unit that can solve it (交办) and the date it must answer by. */
export class AssignProblemDto {
  @ApiProperty({ format: 'uuid', description: 'the unit (责任单位) that can solve it' })
  @IsUUID('all', say('unitId 必须是单位编号（UUID）', 'unitId must be a unit id (UUID)'))
  unitId: string;

  @ApiProperty({ ...calendarDate, description: 'the date it must be answered by (办结时限): today or later (APP_TIMEZONE); past it, the problem is overdue' })
  @IsCalendarDate(say('dueDate 必须是有效日期，格式 YYYY-MM-DD', 'dueDate must be a valid date such as 2027-03-31'))
  dueDate: string;
}

/** POST /api/problems/:id/replies: a message in the thread. */
export class ReplyProblemDto {
  @ApiProperty({ maxLength: PROBLEM_TEXT_MAX })
  @applyDecorators(...text('text', '回复内容', PROBLEM_TEXT_MAX))
  text: string;

  @FileIds('files answering it (a reply letter, a photo of the work done), attached to the reply; omitted: none. Leaders (区领导) comment without files')
  fileIds?: string[];
}

/** POST /api/problems/:id/close (销号) and /reopen: why. */
export class ProblemNoteDto {
  @ApiProperty({ maxLength: PROBLEM_TEXT_MAX, description: '销号说明 (how it was solved) or why it is reopened' })
  @applyDecorators(...text('note', '说明', PROBLEM_TEXT_MAX))
  note: string;
}

export class ListProblemsQueryDto {
  @ApiPropertyOptional(status)
  @IsOptional()
  @IsIn(PROBLEM_STATUSES, say(`status 必须是以下之一：${PROBLEM_STATUSES.join('、')}`, `status must be one of: ${PROBLEM_STATUSES.join(', ')}`))
  status?: string;

  @ApiPropertyOptional({ ...category, description: 'one category (the bulletin counts by it)' })
  @IsOptional()
  @IsIn(PROBLEM_CATEGORIES, say(`category 必须是以下之一：${CATEGORY_LIST}`, `category must be one of: ${PROBLEM_CATEGORIES.join(', ')}`))
  category?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'the unit the problems are assigned to (交办单位)' })
  @IsOptional()
  @IsUUID('all', say('unitId 必须是单位编号（UUID）', 'unitId must be a unit id (UUID)'))
  unitId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: "one project's problems" })
  @IsOptional()
  @IsUUID('all', say('projectId 必须是项目编号（UUID）', 'projectId must be a project id (UUID)'))
  projectId?: string;

  @ApiPropertyOptional({ description: 'true: past its due date and not closed; false: not overdue' })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean(say('overdue 必须是 true 或 false', 'overdue must be true or false'))
  overdue?: boolean;
}

/** A problem of the 问题清单, with its project's name and code (all an assigned unit learns of another unit's project). */
export class ProblemDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) projectId: string;
  @ApiProperty() projectName: string;
  @ApiProperty({ type: String, nullable: true, description: '项目代码' }) projectCode: string | null;
  @ApiProperty({ format: 'uuid', description: "the project's unit (who raised it)" }) projectUnitId: string;
  @ApiProperty() projectUnitName: string;
  @ApiProperty() title: string;
  @ApiProperty() description: string;
  @ApiProperty(category) category: string;
  @ApiProperty({ example: '用地', description: 'the category as the district names it' }) categoryLabel: string;
  @ApiProperty(calendarDate) neededBy: string;
  @ApiProperty({ ...status, description: 'open (待交办), assigned (已交办), closed (已销号)' }) status: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) assignedUnitId: string | null;
  @ApiProperty({ type: String, nullable: true }) assignedUnitName: string | null;
  @ApiProperty({ ...calendarDate, nullable: true, description: '办结时限' }) dueDate: string | null;
  @ApiProperty({ description: 'past its due date and not closed (APP_TIMEZONE)' }) overdue: boolean;
  @ApiProperty({ ...int, description: 'days past the due date (0 when not overdue)' }) overdueDays: number;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) raisedBy: string | null;
  @ApiProperty({ type: String, nullable: true }) raisedByName: string | null;
  @ApiProperty({ ...dateTime, nullable: true }) assignedAt: string | null;
  @ApiProperty({ type: String, nullable: true }) assignedByName: string | null;
  @ApiProperty({ ...dateTime, nullable: true }) closedAt: string | null;
  @ApiProperty({ type: String, nullable: true }) closedByName: string | null;
  @ApiProperty({ type: String, nullable: true, description: '销号说明' }) closeNote: string | null;
  @ApiProperty({ ...int, description: 'rises with each change of status or assignment' }) version: number;
  @ApiProperty(int) replyCount: number;
  @ApiProperty(dateTime) createdAt: string;
  @ApiProperty(dateTime) updatedAt: string;
}

export class ProblemReplyDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) authorId: string | null;
  @ApiProperty() authorName: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) authorUnitId: string | null;
  @ApiProperty({ type: String, nullable: true, description: "the author's unit (null for the DRC's reviewers)" }) authorUnitName: string | null;
  @ApiProperty() text: string;
  @ApiProperty(dateTime) createdAt: string;
  @ApiProperty({ type: [FileRefDto], description: 'files attached to the reply, in upload order' }) files: FileRefDto[];
}

/** A problem with its files and its thread (the list leaves the files out). */
export class ProblemDetailDto extends ProblemDto {
  @ApiProperty({ type: [FileRefDto], description: 'files attached when it was raised (photos with their capture time and place when their EXIF has them)' })
  files: FileRefDto[];
  @ApiProperty({ type: [ProblemReplyDto], description: 'oldest first' }) replies: ProblemReplyDto[];
}

export class ProblemListDto {
  @ApiProperty({ type: [ProblemDto], description: 'overdue first (most days first), then the newest' }) items: ProblemDto[];
  @ApiProperty(int) total: number;
}

const ageBucket = { enum: PROBLEM_AGE_BUCKETS.map((b) => b.bucket), enumName: 'ProblemAgeBucket' } as const;

export class ProblemCategoryCountDto {
  @ApiProperty(category) category: string;
  @ApiProperty({ example: '用地' }) label: string;
  @ApiProperty({ ...int, description: 'open (not closed) problems of the category' }) open: number;
  @ApiProperty({ ...int, description: 'of them, past their due date' }) overdue: number;
}

export class ProblemAgeCountDto {
  @ApiProperty({ ...ageBucket, description: 'days since raised (APP_TIMEZONE): week ≤ 7, month 8–30, quarter 31–90, older > 90' }) bucket: string;
  @ApiProperty({ example: '8–30天' }) label: string;
  @ApiProperty({ ...int, description: 'open (not closed) problems of that age' }) open: number;
}

/** GET /api/problems/summary: the open problems of the caller's scope (as GET /api/problems scopes them), by category and age. */
export class ProblemSummaryDto {
  @ApiProperty({ ...int, description: 'open (not closed: 待交办 or 已交办) problems' }) open: number;
  @ApiProperty({ ...int, description: 'of them, past their due date' }) overdue: number;
  @ApiProperty({ type: [ProblemCategoryCountDto], description: 'every category, in the district’s order' }) byCategory: ProblemCategoryCountDto[];
  @ApiProperty({ type: [ProblemAgeCountDto], description: 'every age bucket, youngest first' }) byAge: ProblemAgeCountDto[];
}
