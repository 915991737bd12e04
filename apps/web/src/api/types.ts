/** Shapes of the API's answers, as the console reads them (see test/ for every route's request and response). */

export type Role = 'owner' | 'reviewer' | 'admin';
export type ProjectStatus = 'study' | 'start' | 'complete' | 'on_hold' | 'cancelled';
export type Stage = 'study' | 'start' | 'complete';
export type RagLevel = 'green' | 'amber' | 'red';

export const STAGES: Stage[] = ['study', 'start', 'complete'];
export const PROJECT_STATUSES: ProjectStatus[] = ['study', 'start', 'complete', 'on_hold', 'cancelled'];
export const RAG_LEVELS: RagLevel[] = ['green', 'amber', 'red'];
export const SECTORS = [
  'transport', 'energy', 'water', 'logistics', 'urban_renewal', 'housing', 'industry', 'agriculture', 'education',
  'health', 'elderly_care', 'culture_sports', 'commerce', 'ecology', 'safety', 'digital', 'other',
] as const;
export const PROJECT_SORTS = ['plan', 'name', 'stage', 'target', 'sector', 'column', 'chapter', 'updatedAt'] as const;

export interface FieldError {
  field: string;
  message: string;
}

export interface UnitRef {
  id: string;
  code: string;
  name: string;
}

export interface Profile {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  unit: UnitRef | null;
  /** The password used to sign in is below the policy (e.g. a demo password): ask for a new one. */
  mustChangePassword: boolean;
}

export interface LoginResponse {
  accessToken: string;
  user: Profile;
}

export interface Page<T> {
  items: T[];
  total: number;
  page?: number;
  pageSize?: number;
}

export interface ProjectListItem {
  id: string;
  key: string;
  name: string;
  column: number;
  item: number | null;
  chapter: number;
  part: number;
  columns: number[];
  sector: string;
  stage: ProjectStatus;
  target: Stage;
  targetAmbiguous: boolean;
  targetVerb: string;
  baselineStage: Stage;
  unitId: string;
  unitCode: string;
  unitName: string;
  rag: RagLevel;
  version: number;
  updatedAt: string;
}

export interface PlanRef {
  no: number;
  label: string;
  title: string;
}

export interface ProjectSource {
  clause: string;
  mention: string | null;
  column: PlanRef;
  item: PlanRef | null;
  chapter: PlanRef;
  part: PlanRef;
}

export interface RagReason {
  code: 'milestone_overdue' | 'forecast_slip' | 'target_out_of_reach';
  level: 'amber' | 'red';
  milestone: string;
  days: number;
}

export interface ProjectDetail {
  id: string;
  key: string;
  name: string;
  sector: string;
  stage: ProjectStatus;
  target: Stage;
  targetAmbiguous: boolean;
  targetVerb: string;
  baselineStage: Stage;
  baselineClause: string | null;
  previousStage: ProjectStatus | null;
  rag: RagLevel;
  ragReasons: RagReason[] | null;
  ragOn: string | null;
  lastActivityAt: string | null;
  column: number;
  item: number | null;
  chapter: number;
  part: number;
  version: number;
  createdAt: string;
  updatedAt: string;
  unit: UnitRef;
  sources: ProjectSource[];
}

export interface Milestone {
  id: string;
  projectId: string;
  code: string;
  name: string;
  stage: Stage;
  sortOrder: number;
  realisesTarget: boolean;
  baselineDate: string | null;
  forecastDate: string | null;
  actualDate: string | null;
  /** not_applicable: 不适用, settled by its owner with a reason. */
  status: 'pending' | 'done' | 'not_applicable';
  notApplicableReason: string | null;
  version: number;
  updatedAt: string;
}

export interface AllowedTransition {
  transitionId: string;
  name: { zh: string; en: string };
  to: ProjectStatus;
  canRequest: boolean;
  canApprove: boolean;
  requiresApproval: boolean;
  approverRoles: Role[];
  requiredEvidence: string[];
  requiresReason: boolean;
  /** Each guard as it stands before the form: the checklist the owner reads first. */
  guards: GuardState[];
}

export interface ChecklistItem {
  milestone: string;
  name: string;
  state: 'done' | 'not_applicable' | 'by_evidence' | 'needs_evidence' | 'pending' | 'untracked';
  /** For needs_evidence: the evidence date fields that complete it. */
  evidence?: string[];
}

export interface GuardState {
  guard: string;
  ok: boolean;
  detail: string | null;
  checklist: ChecklistItem[];
}

export interface TransitionsAnswer {
  currentStage: ProjectStatus;
  version: number;
  transitions: AllowedTransition[];
  overrideTargets: ProjectStatus[];
}

export interface TransitionRequest {
  id: string;
  projectId: string;
  projectName: string;
  unitId: string;
  transitionId: string;
  fromStage: ProjectStatus;
  toStage: ProjectStatus;
  evidence: Record<string, string>;
  reason: string | null;
  comment: string | null;
  status: 'pending' | 'approved' | 'rejected' | 'withdrawn';
  requestedBy: string;
  requestedByName: string;
  requestedAt: string;
  decidedBy: string | null;
  decidedByName: string | null;
  decidedAt: string | null;
  decisionComment: string | null;
}

export interface HistoryEvent {
  id: string | number;
  at: string;
  entityType: string;
  entityId: string;
  action: string;
  actorId: string | null;
  actorName: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  comment: string | null;
}

export interface FailedGuard {
  guard: string;
  detail: string;
  missing: string[];
}

export interface PlanColumn extends PlanRef {
  sectionNo: number | null;
  projectCount: number;
  items: Array<PlanRef & { projectCount: number }>;
}

export interface PlanChapter extends PlanRef {
  projectCount: number;
  sections: Array<PlanRef & { projectCount: number }>;
  columns: PlanColumn[];
}

export interface PlanPart extends PlanRef {
  projectCount: number;
  chapters: PlanChapter[];
}

export interface PlanTree {
  total: number;
  /** Projects named in more than one part, chapter or column: they count in each. */
  multiCounted: { part: number; chapter: number; column: number };
  parts: PlanPart[];
}

export interface UnitWithCount extends UnitRef {
  sectors: string[];
  projectCount: number;
}

export interface AdminUser {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  unit: UnitRef | null;
  email: string | null;
  active: boolean;
  createdAt: string;
  updatedAt: string;
}

export type NotificationKind = 'alert' | 'workflow' | 'digest';

/** GET /api/notifications: an in-app notification (站内通知) of the signed-in user. */
export interface AppNotification {
  id: string;
  kind: NotificationKind;
  /** Alerts: overdue, escalated_14, supervision_30 or stale. */
  level: string | null;
  title: string;
  body: string;
  projectId: string | null;
  milestoneId: string | null;
  /** Where it opens in the console (a digest: `/digests/<week>`); else the project's page. */
  link: string | null;
  readAt: string | null;
  createdAt: string;
}

/** Which e-mail the user receives (GET/PUT /api/me/notification-preferences); in-app notifications always arrive. */
export type NotificationPreferences = Record<NotificationKind, boolean>;

/** A digest as composed for sending (GET /api/me/digest-preview, POST /api/admin/digests/preview; GET /api/me/digests/:week as it was sent). */
export interface DigestPreview {
  subject: string;
  html: string;
  text: string;
}

export type MailStatus = 'pending' | 'sending' | 'sent' | 'failed' | 'skipped';

/** GET /api/admin/outbox: one mail of the mail outbox (never its body). */
export interface OutboxMail {
  id: string;
  userId: string | null;
  username: string | null;
  toAddress: string | null;
  kind: 'alert' | 'digest' | 'stale' | 'workflow';
  subject: string;
  status: MailStatus;
  attempts: number;
  lastError: string | null;
  createdAt: string;
  sentAt: string | null;
}

/** GET /api/admin/jobs/failed: a job whose attempts are exhausted (失败任务). */
export interface FailedJob {
  queue: string;
  id: string;
  name: string;
  data: unknown;
  failedReason: string;
  attemptsMade: number;
  attempts: number;
  createdAt: string;
  processedAt: string | null;
  failedAt: string | null;
  stacktraceHead: string | null;
}

/** GET /api/admin/operations/settings. */
export interface OperationsSettings {
  mailTransport: 'smtp' | 'eml';
  emlDirectory: string | null;
  queuePrefix: string;
}

/** POST /api/milestones/import (and its 422): one row of the uploaded template, as checked. */
export interface MilestoneImportRow {
  row: number;
  milestoneId: string | null;
  projectKey: string | null;
  projectName: string | null;
  milestoneName: string | null;
  status: 'update' | 'unchanged' | 'error';
  changes: Array<{ field: 'baselineDate' | 'forecastDate' | 'actualDate'; from: string | null; to: string | null }>;
  errors: FieldError[];
}

export interface MilestoneImportResult {
  applied: boolean;
  rows: MilestoneImportRow[];
  summary: { total: number; update: number; unchanged: number; error: number };
}
