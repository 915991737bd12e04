/**
 * Every error code the API answers with, once: its HTTP status and its message in each language the console
 * speaks. A `{name}` in a template is filled from the params the thrower gives (typed: a template's placeholders
 * are the params it needs). The problem filter renders `detail` in the request's language (`Accept-Language`).
 */
export const LANGUAGES = ['zh', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

/** A param that reads differently per language (a stage's name, a request's status). */
export type LocalizedText = { readonly zh: string; readonly en: string };
export type ErrorParam = string | number | LocalizedText;

interface ErrorEntry {
  readonly status: number;
  readonly zh: string;
  readonly en: string;
}

export const ERRORS = {
  // 400: the request itself.
  validation_failed: { status: 400, zh: '请求参数有误：{fields}', en: 'Invalid request parameters: {fields}' },
  malformed_json: { status: 400, zh: '请求体不是合法的 JSON', en: 'The request body is not valid JSON' },
  body_too_deep: { status: 400, zh: '请求体的 JSON 嵌套不能超过 {depth} 层', en: 'The request body may not nest JSON deeper than {depth} levels' },
  body_too_large: { status: 413, zh: '请求体不能超过 {megabytes} MB', en: 'The request body may not exceed {megabytes} MB' },
  unsupported_charset: { status: 415, zh: '请求体的字符集不受支持，请使用 UTF-8', en: 'The request body’s charset is not supported; use UTF-8' },
  unsupported_encoding: { status: 415, zh: '请求体的压缩方式（Content-Encoding）不受支持', en: 'The request body’s Content-Encoding is not supported' },
  body_incomplete: {
    status: 400,
    zh: '请求体不完整（长度与 Content-Length 不符或传输中断）',
    en: 'The request body is incomplete (its length differs from Content-Length, or the transfer was cut)',
  },
  undecodable_path: {
    status: 400,
    zh: '请求地址含有无法解码的字符（无效的百分号编码）',
    en: 'The request URL has characters that cannot be decoded (invalid percent-encoding)',
  },
  body_unprocessable: { status: 400, zh: '请求体无法处理：{reason}', en: 'The request body cannot be processed: {reason}' },
  route_not_found: { status: 404, zh: '没有这个地址：{method} {url}', en: 'No such address: {method} {url}' },
  // Files.
  file_missing: { status: 400, zh: '请用表单字段 {field} 上传一个 .xlsx 文件', en: 'Upload one .xlsx file in the form field {field}' },
  file_not_xlsx: { status: 400, zh: '{reason}', en: '{reason}' },
  file_too_large: { status: 413, zh: '文件不能超过 {megabytes} MB', en: 'The file may not exceed {megabytes} MB' },
  file_inflates_too_large: {
    status: 413,
    zh: '文件解压后不能超过 {megabytes} MB：请上传本系统下载的模板',
    en: 'Unzipped, the file may not exceed {megabytes} MB: upload the template this system gave you',
  },
  file_not_template: { status: 422, zh: '{reason}', en: '{reason}' },
  invalid_upload: { status: 400, zh: '{reason}：请用表单字段 {field} 上传一个 .xlsx 文件', en: '{reason}: upload one .xlsx file in the form field {field}' },
  invalid_file: { status: 400, zh: '{reason}', en: '{reason}' },
  evidence_missing_file: { status: 400, zh: '请用表单字段 {field} 上传一个文件（{types}）', en: 'Upload one file ({types}) in the form field {field}' },
  evidence_upload_invalid: { status: 400, zh: '{reason}：请用表单字段 {field} 上传一个文件', en: '{reason}: upload one file in the form field {field}' },
  file_type_unsupported: {
    status: 415,
    zh: '文件内容不是支持的格式（只支持 {types}，按文件内容而非扩展名判断）',
    en: 'The file’s content is not a supported type (only {types}, judged by the content, not the name)',
  },
  import_rows_invalid: {
    status: 422,
    zh: '有 {count} 行有错误，未导入任何数据；请修改后重新上传',
    en: '{count} rows have errors, so nothing was imported; correct them and upload again',
  },
  // 401 / 403: who may.
  unauthenticated: { status: 401, zh: '未登录或登录已过期', en: 'Not signed in, or the session has expired' },
  metrics_unauthenticated: {
    status: 401,
    zh: '未授权：/metrics 需要 Authorization: Bearer <METRICS_TOKEN>',
    en: 'Unauthorized: /metrics needs Authorization: Bearer <METRICS_TOKEN>',
  },
  invalid_credentials: { status: 401, zh: '用户名或密码错误', en: 'Wrong user name or password' },
  login_locked: { status: 429, zh: '登录失败次数过多，请 {wait}后再试', en: 'Too many failed sign-ins; try again in {wait}' },
  forbidden: { status: 403, zh: '无权执行此操作', en: 'You may not do this' },
  no_unit: { status: 403, zh: '您的账号未关联责任单位', en: 'Your account belongs to no responsible unit' },
  outside_unit: { status: 403, zh: '无权执行此操作：{subject}不属于您的单位', en: 'You may not do this: {subject} does not belong to your unit' },
  files_not_attachable: {
    status: 403,
    zh: '您的角色不能附加文件（{field}）：只有能上传文件的角色（项目责任单位、区发展改革委审核人、管理员）可以附加',
    en: 'Your role may not attach files ({field}): only the roles that upload them (project owners, the DRC’s reviewers, admins) may',
  },
  own_request: { status: 403, zh: '不能审批本人提交的申请', en: 'You may not decide a request you filed yourself' },
  not_requester: { status: 403, zh: '只有申请人本人可以撤回申请', en: 'Only the requester may withdraw a request' },
  reviewer_rebaseline_only: {
    status: 403,
    zh: '审核人只能调整基线日期（须说明原因），预计和实际日期由项目责任单位填写',
    en: 'Reviewers change only the baseline date (with a reason); forecast and actual dates are the responsible unit’s',
  },
  rebaseline_needs_reviewer: { status: 403, zh: '调整基线日期须由审核人（区发展改革委）批准', en: 'A baseline change needs a reviewer’s (the DRC’s) approval' },
  // 404: what is not there.
  project_not_found: { status: 404, zh: '没有编号为 {id} 的项目', en: 'No project with id {id}' },
  milestone_not_found: { status: 404, zh: '没有编号为 {id} 的里程碑', en: 'No milestone with id {id}' },
  approval_not_found: { status: 404, zh: '没有编号为 {id} 的前期手续', en: 'No approval with id {id}' },
  request_not_found: { status: 404, zh: '没有编号为 {id} 的申请', en: 'No request with id {id}' },
  user_not_found: { status: 404, zh: '没有编号为 {id} 的用户', en: 'No user with id {id}' },
  unit_not_found: { status: 404, zh: '没有编号为 {id} 的单位', en: 'No unit with id {id}' },
  digest_not_found: { status: 404, zh: '没有 {week} 的周报', en: 'No digest for {week}' },
  notification_not_found: { status: 404, zh: '通知不存在', en: 'No such notification' },
  file_not_found: { status: 404, zh: '没有编号为 {id} 的文件', en: 'No file with id {id}' },
  file_no_thumbnail: { status: 404, zh: '文件 {id} 不是图片，没有缩略图', en: 'File {id} is not an image and has no thumbnail' },
  job_not_found: { status: 404, zh: '未找到任务：队列 {queue} 中没有编号为 {jobId} 的任务', en: 'No job {jobId} in queue {queue}' },
  // 409: the state does not allow it now.
  version_conflict: { status: 409, zh: '{subject}已被他人修改，请刷新后重试', en: 'Someone else changed this {subject} meanwhile; reload and try again' },
  username_taken: { status: 409, zh: '用户名 {username} 已被使用', en: 'The user name {username} is taken' },
  last_admin: { status: 409, zh: '至少需要保留一名启用的管理员', en: 'At least one active administrator must remain' },
  unit_code_taken: { status: 409, zh: '单位代码 {code} 已被使用', en: 'The unit code {code} is taken' },
  unit_in_use: {
    status: 409,
    zh: '单位仍有 {projects} 个项目、{users} 名启用的用户，不能停用；请先调整项目的责任单位并停用或转移用户',
    en: 'The unit still has {projects} projects and {users} active users and cannot be disabled: reassign its projects and disable or move its users first',
  },
  pending_request_exists: {
    status: 409,
    zh: '{subject}已有待审批的申请，请等待审核或撤回后再提交',
    en: 'This {subject} already has a pending request; wait for it or withdraw it',
  },
  request_already_decided: { status: 409, zh: '该申请已处理（{status}）', en: 'This request has already been handled ({status})' },
  workflow_version_retired: {
    status: 409,
    zh: '该申请依据的流程版本（第 {version} 版）已停用，只能驳回或由申请人撤回',
    en: 'The workflow version of this request ({version}) is retired: it can only be rejected or withdrawn by its requester',
  },
  milestone_done: { status: 409, zh: '该里程碑{state}，无需调整基线', en: 'This milestone is {state}: its baseline needs no change' },
  milestone_not_pending: { status: 409, zh: '「{name}」{state}，不能再标记为不适用', en: '“{name}” is {state} and cannot be marked not applicable' },
  milestone_not_marked: { status: 409, zh: '「{name}」没有标记为不适用', en: '“{name}” is not marked not applicable' },
  job_not_failed: {
    status: 409,
    zh: '任务 {queue}/{jobId} 当前状态为 {state}，不是失败任务，不能重试或删除',
    en: 'Job {queue}/{jobId} is {state}, not failed: it cannot be retried or discarded',
  },
  // The workflow engine's refusals (libs/workflow), by their codes.
  unknown_state: { status: 409, zh: '未知状态：{state}', en: 'Unknown state: {state}' },
  terminal_state: { status: 409, zh: '项目已{state}，状态不能再变更', en: 'The project is {state}: its stage can no longer change' },
  transition_not_allowed: { status: 409, zh: '不能从「{from}」变更为「{to}」', en: 'A project cannot go from “{from}” to “{to}”' },
  unknown_transition: { status: 409, zh: '流程中没有此操作：{transitionId}', en: 'The workflow has no such step: {transitionId}' },
  approval_not_required: { status: 409, zh: '此操作无需审批', en: 'This step needs no approval' },
  approval_required: { status: 409, zh: '此操作须经审批，请先提交申请', en: 'This needs approval: file a request first' },
  reason_required: { status: 422, zh: '须填写原因', en: 'A reason is required' },
  evidence_missing: { status: 422, zh: '缺少材料：{fields}', en: 'Evidence missing: {fields}' },
  guard_failed: { status: 422, zh: '{details}', en: '{details}' },
  approval_on_checklist: {
    status: 422,
    zh: '「{name}」是前期手续：办结须有批复文号和批复日期，请在前期手续中办理（PATCH /api/approvals/{id}）；里程碑只能修改其基准和预计日期',
    en: '“{name}” is an approval (a pre-construction permit): done needs its document number and date, so record it on the approvals checklist (PATCH /api/approvals/{id}); the milestone routes change only its baseline and forecast dates',
  },
  target_milestone: {
    status: 422,
    zh: '「{name}」是实现 2030 年目标的里程碑，不能标记为不适用',
    en: '“{name}” is the milestone that realises the 2030 target and cannot be marked not applicable',
  },
  // The monthly 调度: facts, annual plans, monthly reports.
  project_code_taken: { status: 409, zh: '项目代码 {code} 已被「{holder}」使用', en: 'The project code {code} is already used by “{holder}”' },
  plan_not_found: { status: 404, zh: '该项目尚未下达 {year} 年度计划', en: 'No {year} annual plan has been issued for this project' },
  month_locked: {
    status: 409,
    zh: '{months} 的调度通报已发布，该月月报不能再修改',
    en: 'The bulletin of {months} is published: that month’s reports can no longer change',
  },
  bulletin_not_found: { status: 404, zh: '没有编号为 {id} 的调度通报', en: 'No bulletin with id {id}' },
  bulletin_published: {
    status: 409,
    zh: '{month} 的调度通报已发布，不能再生成或发布',
    en: 'The bulletin of {month} is published: it can be neither generated nor published again',
  },
  bulletin_not_ready: {
    status: 409,
    zh: '{month} 的调度通报尚未生成草稿（当前状态：{status}），请待生成完成或重新生成',
    en: 'The bulletin of {month} has no draft yet (status: {status}); wait for it to be generated, or generate it again',
  },
  report_not_found: { status: 404, zh: '该项目没有 {month} 的月报，请先填写保存', en: 'This project has no report for {month}: fill it in and save it first' },
  report_not_submitted: {
    status: 409,
    zh: '{month} 的月报尚未报送（{state}），不能退回',
    en: 'The report for {month} is not submitted ({state}) and cannot be returned',
  },
  report_submitted: {
    status: 409,
    zh: '{month} 的月报已报送，不能修改；如需更正，请联系区发展改革委退回',
    en: 'The report for {month} is submitted and cannot change; to correct it, ask the DRC to return it',
  },
  report_already_submitted: { status: 409, zh: '{month} 的月报已报送', en: 'The report for {month} is already submitted' },
  plan_year_missing: {
    status: 400,
    zh: '请用 year 字段指定年度，或使用模板中的「年度」列（整份文件同一年度）',
    en: 'Give the year in the year field, or fill the template’s year column (one year for the whole file)',
  },
  // The problem list (问题清单).
  problem_not_found: { status: 404, zh: '没有编号为 {id} 的问题', en: 'No problem with id {id}' },
  problem_closed: { status: 409, zh: '该问题已销号，请先重新打开', en: 'This problem is closed: reopen it first' },
  supervision_notice_not_found: { status: 404, zh: '没有编号为 {id} 的督办单', en: 'No supervision notice with id {id}' },
  problem_not_closed: { status: 409, zh: '该问题尚未销号，无需重新打开', en: 'This problem is not closed: there is nothing to reopen' },
  // The demo history (演示数据): loaded on a tracker with no activity only, cleared only when loaded.
  demo_tracker_active: {
    status: 409,
    zh: '平台已有使用记录（{activity}），不能载入演示数据：演示数据只能载入到尚无任何活动的平台',
    en: 'The tracker is already in use ({activity}), so the demo history cannot be loaded: it goes only on a tracker with no activity',
  },
  demo_loaded: { status: 409, zh: '演示数据已载入；如需重新载入，请先清除', en: 'The demo history is already loaded; clear it first to load it again' },
  demo_not_loaded: { status: 409, zh: '当前没有载入演示数据', en: 'No demo history is loaded' },
  // 503: a backend is away.
  not_ready: { status: 503, zh: '未就绪：{failed} 无法访问', en: 'Not ready: {failed} cannot be reached' },
  backend_unavailable: {
    status: 503,
    zh: '数据库或队列服务暂时无法访问，请稍后重试',
    en: 'The database or the queue service cannot be reached right now; try again shortly',
  },
  internal: {
    status: 500,
    zh: '服务器内部错误，请联系管理员并提供错误编号 {errorId}',
    en: 'Internal server error: tell an administrator the error id {errorId}',
  },
} as const satisfies Record<string, ErrorEntry>;

export type ErrorCode = keyof typeof ERRORS;

type Placeholders<T extends string> = T extends `${string}{${infer Name}}${infer Rest}` ? Name | Placeholders<Rest> : never;

/** The params a code's messages need: exactly the placeholders of its templates. */
export type ErrorParams<C extends ErrorCode> = { [Name in Placeholders<(typeof ERRORS)[C]['zh'] | (typeof ERRORS)[C]['en']>]: ErrorParam };

export function isErrorCode(code: string): code is ErrorCode {
  return Object.hasOwn(ERRORS, code);
}

export function localize(text: string | LocalizedText, language: Language): string {
  return typeof text === 'string' ? text : text[language];
}

function localizeParam(param: ErrorParam, language: Language): string {
  return typeof param === 'number' ? String(param) : localize(param, language);
}

/** A code's message in a language, its placeholders filled (a missing param stays visible as `{name}`). */
export function renderError(code: ErrorCode, params: Readonly<Record<string, ErrorParam>>, language: Language): string {
  return ERRORS[code][language].replace(/\{(\w+)\}/g, (placeholder, name: string) =>
    Object.hasOwn(params, name) ? localizeParam(params[name], language) : placeholder,
  );
}

/**
 * The language a request asks for: English when `Accept-Language` prefers it over Chinese, else Chinese (the
 * users' language, and the answer to a request that states no preference).
 */
export function languageOf(acceptLanguage: string | undefined): Language {
  if (!acceptLanguage) return 'zh';
  const ranked = acceptLanguage
    .split(',')
    .map((part, index) => {
      const [tag, ...attributes] = part.trim().toLowerCase().split(';');
      const q = attributes.map((attribute) => /^\s*q=([0-9.]+)\s*$/.exec(attribute)?.[1]).find((value) => value !== undefined);
      return { primary: tag.split('-')[0], q: q === undefined ? 1 : Number(q), index };
    })
    .filter((entry) => entry.q > 0 && (entry.primary === 'zh' || entry.primary === 'en'))
    .sort((a, b) => b.q - a.q || a.index - b.index);
  return ranked[0]?.primary === 'en' ? 'en' : 'zh';
}
