import { ApiProperty } from '@nestjs/swagger';
import { SECTORS, STAGES } from '@qj/catalog';
import { LIGHT_SOURCES, LIGHTS, PROJECT_STATUSES } from '@qj/domain';
import { UnitRefDto } from '../../auth/dto/auth-responses.dto';

/** Named enums: a client generated from the document gets one type per set (ProjectStatus, Stage, …), not a copy per field. */
export const RAG_LEVELS = ['green', 'amber', 'red'] as const;
export const projectStatus = { enum: PROJECT_STATUSES, enumName: 'ProjectStatus' } as const;
export const stage = { enum: STAGES, enumName: 'Stage' } as const;
export const ragLevel = { enum: RAG_LEVELS, enumName: 'RagLevel' } as const;
export const projectLightLevel = { enum: LIGHTS, enumName: 'InvestmentLight' } as const;
export const sector = { enum: SECTORS, enumName: 'Sector' } as const;
export const int = { type: 'integer' } as const;
export const dateTime = { type: String, format: 'date-time' } as const;
export const calendarDate = { type: String, format: 'date', example: '2027-06-30' } as const;

/** An amount in 万元: a decimal string with two places, exact. */
export const amount = { type: String, pattern: '^\\d+(\\.\\d{1,2})?$', example: '1234.50' } as const;

export const INVESTMENT_TYPES = ['government', 'enterprise'] as const;

/** A project's next due milestone, as the list's cards on a phone show it. */
export class NextMilestoneDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'construction_permit' }) code: string;
  @ApiProperty({ example: '施工许可' }) name: string;
  @ApiProperty({ ...calendarDate, description: 'its forecast, else its baseline' }) dueDate: string;
  @ApiProperty({ ...int, description: 'days past due today; 0 unless overdue' }) overdueDays: number;
}

/** One row of the project list (项目清单). */
export class ProjectListItemDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ description: 'the catalog key (the plan’s name of the project)' }) key: string;
  @ApiProperty() name: string;
  @ApiProperty({ ...int, description: '专栏 number where the project is first named' }) column: number;
  @ApiProperty({ ...int, nullable: true, description: 'item number within the column' }) item: number | null;
  @ApiProperty({ ...int, description: '章 number' }) chapter: number;
  @ApiProperty({ ...int, description: '篇 number' }) part: number;
  @ApiProperty({ type: 'integer', isArray: true, description: 'every column that names the project' }) columns: number[];
  @ApiProperty(sector) sector: string;
  @ApiProperty({ ...projectStatus, description: 'current stage' }) stage: string;
  @ApiProperty({ ...stage, description: 'what the plan wants by 2030' }) target: string;
  @ApiProperty({ description: 'the plan’s wording leaves the target open to reading' }) targetAmbiguous: boolean;
  @ApiProperty({ example: '建成' }) targetVerb: string;
  @ApiProperty(stage) baselineStage: string;
  @ApiProperty({ format: 'uuid' }) unitId: string;
  @ApiProperty({ example: 'transport' }) unitCode: string;
  @ApiProperty({ example: '区交通局' }) unitName: string;
  @ApiProperty(ragLevel) rag: string;
  @ApiProperty(int) version: number;
  @ApiProperty(dateTime) updatedAt: string;
  @ApiProperty({ type: String, nullable: true, example: '2501-500110-04-01-123456', description: '项目代码' }) projectCode: string | null;
  @ApiProperty({ ...amount, nullable: true, description: '总投资 (万元)' }) totalInvestment: string | null;
  @ApiProperty({ type: String, enum: INVESTMENT_TYPES, nullable: true }) investmentType: string | null;
  @ApiProperty({ ...int, nullable: true, description: '建设起始年' }) constructionStartYear: number | null;
  @ApiProperty({ ...int, nullable: true, description: '建设结束年' }) constructionEndYear: number | null;
  @ApiProperty({ type: String, nullable: true, description: '建设内容' }) constructionScope: string | null;
  @ApiProperty({ ...calendarDate, nullable: true, description: '入库纳统日期; null while not registered' }) statisticsRegisteredOn: string | null;
  @ApiProperty({ ...amount, nullable: true, description: '年度计划 (万元) of the page’s year; null without a plan, or outside the reader’s unit' })
  plannedInvestment: string | null;
  @ApiProperty({ ...amount, nullable: true, description: '本年累计完成 (万元, submitted reports of months 1–m); null outside the reader’s unit' })
  completedYtd: string | null;
  @ApiProperty({ type: Number, nullable: true, example: 73.27, description: '投资完成率 (%); null without a plan (or of 0), or outside the reader’s unit' })
  completionRate: number | null;
  @ApiProperty({
    type: String,
    ...projectLightLevel,
    nullable: true,
    description:
      'the project light: the worst of the milestone RAG (amber is yellow) and the investment, start and registration lights; null outside the reader’s unit',
  })
  light: string | null;
  @ApiProperty({ ...dateTime, description: '最近更新: the latest change to the project or any of its milestones' }) lastChangedAt: string;
  @ApiProperty({
    type: NextMilestoneDto,
    nullable: true,
    description: 'the open milestone due first (overdue ones first of all); null when none is open with a date',
  })
  nextMilestone: NextMilestoneDto | null;
}

export class ProjectPageDto {
  @ApiProperty({ type: [ProjectListItemDto] }) items: ProjectListItemDto[];
  @ApiProperty({ ...int, description: 'projects matching the filters' }) total: number;
  @ApiProperty(int) page: number;
  @ApiProperty(int) pageSize: number;
  @ApiProperty({ ...int, description: 'the year of the rows’ investment figures' }) year: number;
  @ApiProperty({ ...int, description: 'the figures are of months 1–month' }) month: number;
}

/** A place in the plan: 篇, 章, 节, 专栏 or a column's item. */
export class PlanRefDto {
  @ApiProperty(int) no: number;
  @ApiProperty({ example: '专栏2' }) label: string;
  @ApiProperty() title: string;
}

/** A clause of the plan that names the project, with where it stands. */
export class ProjectSourceDto {
  @ApiProperty() clause: string;
  @ApiProperty({ type: String, nullable: true }) mention: string | null;
  @ApiProperty({ type: PlanRefDto }) column: PlanRefDto;
  @ApiProperty({ type: PlanRefDto, nullable: true }) item: PlanRefDto | null;
  @ApiProperty({ type: PlanRefDto }) chapter: PlanRefDto;
  @ApiProperty({ type: PlanRefDto }) part: PlanRefDto;
}

/** A rule that set the project's light (libs/domain/src/rag.ts). */
export class RagReasonDto {
  @ApiProperty({ enum: ['milestone_overdue', 'forecast_slip', 'target_out_of_reach'] }) code: string;
  @ApiProperty({ enum: ['amber', 'red'] }) level: string;
  @ApiProperty({ description: 'milestone code' }) milestone: string;
  @ApiProperty(int) days: number;
}

/** A reason of the project light, with the light it came from. */
export class ProjectLightReasonDto {
  @ApiProperty({ enum: LIGHT_SOURCES, enumName: 'LightSource', description: 'milestones: the milestone RAG; else a light of the monthly 调度' }) source: string;
  @ApiProperty({ description: 'the rule: milestone_overdue, forecast_slip, target_out_of_reach, investment_behind, start_overdue, not_registered' })
  code: string;
  @ApiProperty({ enum: ['yellow', 'red'] }) level: string;
  @ApiProperty({ example: '「施工许可」已逾期 12 天', description: 'in the language Accept-Language asks for (en, else Chinese)' }) text: string;
}

/** The project light the console shows (`combineProjectLight` in libs/domain). */
export class ProjectLightDto {
  @ApiProperty(projectLightLevel) level: string;
  @ApiProperty({ ...int, description: 'the 调度 lights are of months 1–month of this year (the current report month)' }) year: number;
  @ApiProperty(int) month: number;
  @ApiProperty({ type: [ProjectLightReasonDto], description: 'every reason, worst first' }) reasons: ProjectLightReasonDto[];
}

export class ProjectDetailDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() key: string;
  @ApiProperty() name: string;
  @ApiProperty(sector) sector: string;
  @ApiProperty(projectStatus) stage: string;
  @ApiProperty(stage) target: string;
  @ApiProperty() targetAmbiguous: boolean;
  @ApiProperty() targetVerb: string;
  @ApiProperty(stage) baselineStage: string;
  @ApiProperty({ type: String, nullable: true }) baselineClause: string | null;
  @ApiProperty({ type: String, enum: PROJECT_STATUSES, nullable: true, description: 'the stage before on_hold' }) previousStage: string | null;
  @ApiProperty(ragLevel) rag: string;
  @ApiProperty({ type: [RagReasonDto], nullable: true }) ragReasons: RagReasonDto[] | null;
  @ApiProperty({ ...calendarDate, nullable: true, description: 'the day the light was computed for' }) ragOn: string | null;
  @ApiProperty({ ...dateTime, nullable: true, description: 'last update by a person' }) lastActivityAt: string | null;
  @ApiProperty({ ...dateTime, description: '最近更新: the latest change to the project or any of its milestones' }) lastChangedAt: string;
  @ApiProperty(int) column: number;
  @ApiProperty({ ...int, nullable: true }) item: number | null;
  @ApiProperty(int) chapter: number;
  @ApiProperty(int) part: number;
  @ApiProperty(int) version: number;
  @ApiProperty(dateTime) createdAt: string;
  @ApiProperty(dateTime) updatedAt: string;
  @ApiProperty({ type: String, nullable: true, example: '2501-500110-04-01-123456', description: '项目代码' }) projectCode: string | null;
  @ApiProperty({ ...amount, nullable: true, description: '总投资 (万元)' }) totalInvestment: string | null;
  @ApiProperty({ type: String, enum: INVESTMENT_TYPES, nullable: true }) investmentType: string | null;
  @ApiProperty({ ...int, nullable: true, description: '建设起始年' }) constructionStartYear: number | null;
  @ApiProperty({ ...int, nullable: true, description: '建设结束年' }) constructionEndYear: number | null;
  @ApiProperty({ type: String, nullable: true, description: '建设内容' }) constructionScope: string | null;
  @ApiProperty({ ...calendarDate, nullable: true, description: '入库纳统日期; null while not registered' }) statisticsRegisteredOn: string | null;
  @ApiProperty({ type: UnitRefDto }) unit: UnitRefDto;
  @ApiProperty({ type: [ProjectSourceDto] }) sources: ProjectSourceDto[];
  @ApiProperty({ type: ProjectLightDto, nullable: true, description: 'null for an owner of another unit (the 调度 figures are theirs to read)' })
  light: ProjectLightDto | null;
}
