import type { components, operations } from './schema';

/**
 * The API's answers as the console reads them: names for the types generated from the API's OpenAPI document
 * (schema.d.ts, `npm run api:types`), so a change on the server that the console does not follow fails to compile.
 */
type Schemas = components['schemas'];

export type Role = Schemas['Role'];
export type ProjectStatus = Schemas['ProjectStatus'];
export type Stage = Schemas['Stage'];
export type RagLevel = Schemas['RagLevel'];
export type Sector = Schemas['Sector'];
export type ProjectSort = Exclude<NonNullable<NonNullable<operations['ProjectsController_list']['parameters']['query']>['sort']>, `-${string}`>;

/** Every member of a generated union, as a list to render: a member missing or one the API does not have fails to compile. */
export const every =
  <T extends string>() =>
  <const L extends readonly T[]>(...values: L & ([T] extends [L[number]] ? unknown : never)): L =>
    values;

export const STAGES = every<Stage>()('study', 'start', 'complete');
export const PROJECT_STATUSES = every<ProjectStatus>()('study', 'start', 'complete', 'on_hold', 'cancelled');
export const RAG_LEVELS = every<RagLevel>()('green', 'amber', 'red');
export const SECTORS = every<Sector>()(
  'transport',
  'energy',
  'water',
  'logistics',
  'urban_renewal',
  'housing',
  'industry',
  'agriculture',
  'education',
  'health',
  'elderly_care',
  'culture_sports',
  'commerce',
  'ecology',
  'safety',
  'digital',
  'other',
);
export const PROJECT_SORTS = every<ProjectSort>()(
  'plan',
  'name',
  'stage',
  'target',
  'sector',
  'column',
  'chapter',
  'updatedAt',
  'plannedInvestment',
  'completedYtd',
  'completionRate',
  'lastChangedAt',
);

export type FieldError = Schemas['FieldErrorDto'];
export type UnitRef = Schemas['UnitRefDto'];
export type Profile = Schemas['ProfileDto'];
export type LoginResponse = Schemas['LoginResponseDto'];

export type ProjectListItem = Schemas['ProjectListItemDto'];
export type ProjectPage = Schemas['ProjectPageDto'];
export type NextMilestone = Schemas['NextMilestoneDto'];
export type PlanRef = Schemas['PlanRefDto'];
export type ProjectSource = Schemas['ProjectSourceDto'];
export type RagReason = Schemas['RagReasonDto'];
export type ProjectDetail = Schemas['ProjectDetailDto'];

/** As a project's milestone list gives it, with its days overdue computed by the server's one rule. */
export type Milestone = Schemas['ListedMilestoneDto'];
export type AllowedTransition = Schemas['AllowedTransitionDto'];
export type ChecklistItem = Schemas['ChecklistItemDto'];
export type GuardState = Schemas['GuardStateDto'];
export type TransitionsAnswer = Schemas['TransitionsDto'];
export type TransitionRequest = Schemas['TransitionRequestViewDto'];
export type FileRef = Schemas['FileRefDto'];
export type UploadedFile = Schemas['FileDto'];
export type TransitionRequestPage = Schemas['TransitionRequestPageDto'];
export type HistoryEvent = Schemas['HistoryEventDto'];
/** A 422's failed guard (problem details' `failedGuards`). */
export type FailedGuard = Schemas['FailedGuardDto'];

export type PlanColumn = Schemas['PlanColumnDto'];
export type PlanChapter = Schemas['PlanChapterDto'];
export type PlanPart = Schemas['PlanPartDto'];
export type PlanTree = Schemas['PlanTreeDto'];
export type UnitWithCount = Schemas['UnitSummaryDto'];
export type AdminUser = Schemas['AdminUserDto'];
export const ROLES = every<Role>()('owner', 'reviewer', 'leader', 'admin');

/** 操作日志 (GET /api/audit): one change across projects, its kind named in both languages. */
export type AuditLogItem = Schemas['AuditLogItemDto'];
export type AuditLogPage = Schemas['AuditLogPageDto'];
export type AuditKindOption = Schemas['AuditKindDto'];
/** Someone who appears in the log (GET /api/audit/actors), the user filter's options. */
export type AuditActor = Schemas['AuditActorOptionDto'];

export type NotificationKind = Schemas['NotificationKind'];
/** GET /api/notifications: an in-app notification (站内通知) of the signed-in user. */
export type AppNotification = Schemas['NotificationDto'];
/** Which e-mail the user receives (GET/PUT /api/me/notification-preferences); in-app notifications always arrive. */
export type NotificationPreferences = Schemas['NotificationPreferencesViewDto'];
/** A digest as composed for sending (GET /api/me/digest-preview, POST /api/admin/digests/preview; GET /api/me/digests/:week as it was sent). */
export type DigestPreview = Schemas['ComposedDigestDto'];
export type SentDigest = Schemas['SentDigestDto'];

export type MailStatus = Schemas['MailStatus'];
export type OutboxMail = Schemas['MailDto'];
export type FailedJob = Schemas['FailedJobDto'];
export type FailedJobsPage = Schemas['FailedJobsPageDto'];
export type OperationsSettings = Schemas['OperationsSettingsDto'];

export type MilestoneImportRow = Schemas['ImportRowDto'];
export type MilestoneImportResult = Schemas['MilestoneImportResultDto'];

export type RollupDimension = Schemas['RollupDimension'];
export type RollupRow = Schemas['RollupRowDto'];
export type RollupList = Schemas['RollupListDto'];
export type DistrictWeek = Schemas['DistrictWeekDto'];
export type RollupTrend = Schemas['RollupTrendDto'];

/** 项目事实 (PATCH /api/projects/:id). */
export type UpdateProjectFacts = Schemas['UpdateProjectFactsDto'];
export type InvestmentType = NonNullable<ProjectDetail['investmentType']>;
export const INVESTMENT_TYPES = every<InvestmentType>()('government', 'enterprise');

/** 年度计划 (PUT/GET /api/projects/:id/investment-plans/:year[/versions]). */
export type IssueInvestmentPlan = Schemas['IssueInvestmentPlanDto'];
export type InvestmentPlan = Schemas['InvestmentPlanDto'];
export type InvestmentPlanVersion = Schemas['InvestmentPlanVersionDto'];
export type InvestmentPlanVersionList = Schemas['InvestmentPlanVersionListDto'];

/** 月报 (PUT …/monthly-reports/:month, the month's grid, the Excel import). */
export type SaveMonthlyReport = Schemas['SaveMonthlyReportDto'];
export type MonthlyReport = Schemas['MonthlyReportDto'];
export type ReportGrid = Schemas['ReportGridDto'];
export type ReportGridRow = Schemas['ReportGridRowDto'];
export type ReportGridStatus = ReportGridRow['status'];
export type ReportImportResult = Schemas['ReportImportResultDto'];
export type PlanImportResult = Schemas['PlanImportResultDto'];
export type PlanImportRow = Schemas['PlanImportRowDto'];
export type ReportImportRow = Schemas['ReportImportRowDto'];

/** 投资调度 figures (GET /api/projects/:id/investment, /api/investment/summary, /api/rankings). */
export type InvestmentLight = Schemas['InvestmentLight'];
export type LightReason = Schemas['LightReasonDto'];
export type ProjectInvestment = Schemas['ProjectInvestmentDto'];
export type ProjectFiguresPage = Schemas['ProjectFiguresPageDto'];
export type ProjectLight = Schemas['ProjectLightDto'];
export type ProjectLightReason = Schemas['ProjectLightReasonDto'];
export type ProjectFiguresItem = Schemas['ProjectFiguresItemDto'];
export type InvestmentDimension = Schemas['InvestmentDimension'];
export type InvestmentSummary = Schemas['InvestmentSummaryDto'];
export type InvestmentSummaryItem = Schemas['InvestmentSummaryItemDto'];
export type RankingMetric = Schemas['RankingMetric'];
export type Rankings = Schemas['RankingsDto'];
export type RankedUnit = Schemas['RankedUnitDto'];
export type UnrankedUnit = Schemas['UnrankedUnitDto'];

export type Bulletin = Schemas['BulletinDto'];
export type BulletinList = Schemas['BulletinListDto'];
export type BulletinAccepted = Schemas['BulletinAcceptedDto'];
export type BulletinStatus = Schemas['BulletinStatus'];

/** 前期手续 (GET /api/projects/:id/approvals, PATCH /api/approvals/:id, GET /api/prework/summary). */
export type Approval = Schemas['ApprovalDto'];
export type ApprovalStatus = Schemas['ApprovalStatus'];
export type ProjectApprovals = Schemas['ProjectApprovalsDto'];
export type UpdateApproval = Schemas['UpdateApprovalDto'];
export const APPROVAL_STATUSES = every<ApprovalStatus>()('not_started', 'in_progress', 'done', 'not_applicable');
export type PreworkSummary = Schemas['PreworkSummaryDto'];
export type PreworkSummaryItem = Schemas['PreworkSummaryItemDto'];
export type DemoStatus = Schemas['DemoStatusDto'];
export type DemoLoaded = Schemas['DemoLoadedDto'];
export type DemoCleared = Schemas['DemoClearedDto'];

/** 问题清单 (POST /api/projects/:id/problems, GET /api/problems[/:id], …/assign, …/replies, …/close, …/reopen). */
export type ProblemCategory = Schemas['ProblemCategory'];
export type ProblemStatus = Schemas['ProblemStatus'];
export const PROBLEM_CATEGORIES = every<ProblemCategory>()('land', 'demolition', 'funding', 'approval', 'utilities', 'planning', 'other');
export const PROBLEM_STATUSES = every<ProblemStatus>()('open', 'assigned', 'closed');
export type Problem = Schemas['ProblemDto'];
export type ProblemDetail = Schemas['ProblemDetailDto'];
export type ProblemReply = Schemas['ProblemReplyDto'];
export type ProblemList = Schemas['ProblemListDto'];
/** GET /api/problems/summary: the open problems by category and age. */
export type ProblemSummary = Schemas['ProblemSummaryDto'];
/** 督办单 (GET /api/supervision-notices). */
export type SupervisionNotice = Schemas['SupervisionNoticeDto'];
