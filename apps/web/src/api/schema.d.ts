/**
 * Generated from the API's OpenAPI document (/api/docs/openapi.json) by openapi-typescript: do not edit.
 * `npm run api:types` rewrites it; test/contract/openapi.e2e-spec.ts fails while it differs from the document.
 */

export interface paths {
    "/health": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Liveness: the process answers */
        get: operations["HealthController_alive"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/health/ready": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Readiness: PostgreSQL and Redis answer (503 naming the one that failed) */
        get: operations["HealthController_ready"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/projects/export.xlsx": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 导出 Excel: the project list as a 台账 (.xlsx), same filters, sort and investment figures (年度计划, 累计完成, 完成率 of `year`/`month`) as GET /api/projects (page and pageSize are ignored: every row) */
        get: operations["ProjectExportController_export"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/plan": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The plan tree: parts (篇) → chapters (章) → sections (节) and columns (专栏), each with its number of projects */
        get: operations["PlanController_tree"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/indicators": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The 22 key indicators of column 1 (2025 value, 2030 target, 预期性/约束性, annual-growth flag) */
        get: operations["PlanController_indicators"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/projects": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 项目清单: filter by part, chapter, column, sector, stage, target, unit, rag, overdue, stale, q (Chinese or pinyin); sort; paginate. Each row has its 年度计划, 累计完成 and 完成率 for months 1–m of `year` (default: the current report month), the same figures as GET /api/projects/:id/investment; an owner sees them for their own unit’s projects only (null elsewhere) */
        get: operations["ProjectsController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/projects/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A project with the plan clauses that name it (column, item, chapter, part), and its project light: the milestone RAG combined with the investment, start and registration lights of the current report month, each reason with its source, in the language Accept-Language asks for (null for an owner of another unit) */
        get: operations["ProjectsController_detail"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Edit the investment facts (项目代码, 总投资, 投资类型, 建设年限, 建设内容, 入库纳统): owners of the unit, reviewers, admins; send the version you saw (or If-Match). Audited; an edit that changes nothing writes nothing */
        patch: operations["ProjectsController_updateFacts"];
        trace?: never;
    };
    "/api/auth/login": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Sign in with username and password; returns a bearer token valid for 12 hours (or until the user's sessions end) */
        post: operations["AuthController_login"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/password": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Change one's own password: every session of the user ends, and the answer carries a fresh token for this one */
        post: operations["AuthController_changePassword"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/logout": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Sign out everywhere: every token of the user, this one included, stops working */
        post: operations["AuthController_logout"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The signed-in user, with their unit (责任单位) if any */
        get: operations["AuthController_me"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/milestones/import-template.xlsx": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 里程碑更新模板: one row per not-done milestone (owners: their unit; reviewers/admins: all, or unitId / projectId), with a 说明 sheet */
        get: operations["MilestoneImportController_template"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/milestones/import": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Import the filled-in template (multipart field `file`, .xlsx, ≤ 2 MB, ≤ 20 MB inflated, checked before parsing): every row validated; 422 with each row’s errors and nothing applied, else all updates in one transaction. dryRun=true only validates */
        post: operations["MilestoneImportController_import"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/projects/{id}/milestones": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A project's milestones with baseline, forecast and actual dates */
        get: operations["MilestonesController_listMilestones"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/milestones/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Update forecast / actual dates (owner of the unit) or re-baseline (reviewer); send the version you saw (or If-Match): 409 if it changed. An approval (kind approval) is done or reopened only by PATCH /api/approvals/:id, with its 批复文号 and date: here its actual date is refused (422 approval_on_checklist) */
        patch: operations["MilestonesController_updateMilestone"];
        trace?: never;
    };
    "/api/milestones/{id}/not-applicable": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Mark a milestone 不适用 with a reason (owner of the unit): settled without being done; not the one that realises the 2030 target */
        post: operations["MilestonesController_markNotApplicable"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/milestones/{id}/applicable": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Reopen a milestone marked 不适用 (owner of the unit): pending again */
        post: operations["MilestonesController_markApplicable"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/milestones/{id}/rebaseline-requests": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** An owner asks to move a baseline date (re-baselining); a reviewer decides */
        post: operations["MilestonesController_requestRebaseline"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/rebaseline-requests": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Re-baselining requests (status=pending for the reviewers’ inbox); owners see their own unit only */
        get: operations["MilestonesController_listRebaselines"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/rebaseline-requests/{id}/approve": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Approve a re-baselining request (reviewer): the baseline moves */
        post: operations["MilestonesController_approveRebaseline"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/rebaseline-requests/{id}/reject": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Reject a re-baselining request (reviewer), with a comment */
        post: operations["MilestonesController_rejectRebaseline"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/rebaseline-requests/{id}/withdraw": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** The requester withdraws a pending re-baselining request (others: 403; decided: 409) */
        post: operations["MilestonesController_withdrawRebaseline"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/projects/{id}/transitions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The current stage and the transitions the signed-in user may request or approve now, each with its guards’ checklist (which milestones are settled, which are missing) */
        get: operations["WorkflowController_allowed"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/projects/{id}/transition-requests": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Request a stage change with evidence (owner): 409 if not allowed now, 422 naming a failed guard or missing evidence */
        post: operations["WorkflowController_requestTransition"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/transition-requests": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Transition requests (filter status=pending for the approvals inbox); owners see their own unit only */
        get: operations["WorkflowController_listRequests"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/transition-requests/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One transition request (owners: their own unit’s) */
        get: operations["WorkflowController_getRequest"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/transition-requests/{id}/approve": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Approve (DRC reviewer; never one’s own request): the project moves to the requested stage */
        post: operations["WorkflowController_approve"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/transition-requests/{id}/reject": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Reject with a comment (DRC reviewer) */
        post: operations["WorkflowController_reject"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/transition-requests/{id}/withdraw": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** The requester withdraws a pending transition request (others: 403; decided: 409) */
        post: operations["WorkflowController_withdraw"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/projects/{id}/override": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Admin override: move a project outside the declared transitions, with a recorded reason */
        post: operations["WorkflowController_override"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/projects/{id}/unit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Admin: reassign the responsible unit (责任单位), audited */
        patch: operations["WorkflowController_reassignUnit"];
        trace?: never;
    };
    "/api/projects/{id}/history": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every change to the project, oldest first: who, when, before and after */
        get: operations["WorkflowController_history"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/notifications": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** My notifications, newest first, with the number unread */
        get: operations["NotificationsController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/notifications/read-all": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Mark all my notifications read */
        post: operations["NotificationsController_readAll"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/notifications/{id}/read": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Mark one of my notifications read */
        post: operations["NotificationsController_read"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/me/notification-preferences": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Which e-mail I receive: { alert, workflow, digest, report } */
        get: operations["NotificationsController_getPreferences"];
        /** Turn e-mail kinds on or off; a kind left out stays as it is */
        put: operations["NotificationsController_setPreferences"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/unsubscribe": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A confirmation page for turning one kind of e-mail off; changes nothing */
        get: operations["UnsubscribeController_confirm"];
        put?: never;
        /** Turn one kind of e-mail off for the user the token names (no sign-in; RFC 8058 one-click) */
        post: operations["UnsubscribeController_unsubscribe"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/outbox": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Mail outbox, newest first, optionally by status (pending, sending, sent, failed, skipped) */
        get: operations["AdminOutboxController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/digests/preview": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Compose a user's weekly digest as of today without sending it */
        post: operations["DigestsController_preview"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/me/digest-preview": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** My weekly digest as of today, composed as the Monday mail would be, without sending it */
        get: operations["MyDigestController_preview"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/me/digests/{week}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One of my weekly digests, as composed for that period (its notification links here) */
        get: operations["MyDigestsController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/rollups": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Per part, chapter, column, sector or unit: projects per stage against the 2030 targets, RAG, overdue milestones, stale projects, pending requests; with last week’s snapshot. `multiCounted`: projects counted under more than one key (so the items add up to more than the projects) */
        get: operations["RollupsController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/rollups/trend": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The district's weekly totals from the snapshots, oldest first: projects per stage, RAG, overdue milestones, stale projects, pending requests */
        get: operations["RollupsController_trend"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/rollups/history": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The weekly snapshots of one roll-up, oldest first: the trend */
        get: operations["RollupsController_history"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/projects/{id}/investment-plans/{year}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The year’s current plan with the original amount beside it (owners: their unit’s projects) */
        get: operations["InvestmentPlansController_current"];
        /** Issue the year’s plan (reviewers, admins): the first issue is the original; other values later are an adjustment (中期调整) and need a reason; the same values again change nothing */
        put: operations["InvestmentPlansController_issue"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/projects/{id}/investment-plans/{year}/versions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every issue of the year’s plan, oldest first: the original and each adjustment, who issued it, when and why */
        get: operations["InvestmentPlansController_versions"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/investment-plans/template.xlsx": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 年度计划模板: every project in the caller’s scope, prefilled with its current plan for the year, with a 说明 sheet */
        get: operations["InvestmentPlansController_template"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/investment-plans/import": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Import the filled-in plan template (reviewers, admins; multipart field `file`, .xlsx ≤ 2 MB; the year as `year` in the query or the form, else the sheet’s 年度): every row checked like PUT; 422 with each row’s errors and nothing applied, else every issue and adjustment in one transaction */
        post: operations["InvestmentPlansController_import"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/projects/{id}/monthly-reports/{month}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Save the month’s report as a draft (owners of the unit, admins): 本月完成投资 (zero is a report), 形象进度, 存在问题; a returned report may be edited, a submitted one not (409) */
        put: operations["MonthlyReportsController_save"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/projects/{id}/monthly-reports/{month}/submit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Submit (报送) the saved report (owners of the unit, admins); late when first submitted after REPORT_DUE_DAY of the next month (APP_TIMEZONE) */
        post: operations["MonthlyReportsController_submit"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/projects/{id}/monthly-reports/{month}/return": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Return (退回) a submitted report to its unit with a comment (reviewers, admins): the owners may edit and submit it again */
        post: operations["MonthlyReportsController_returnReport"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/projects/{id}/monthly-reports": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A project’s year of reports: the twelve months, each with its report or `missing`, its due day, overdue, late, locked */
        get: operations["MonthlyReportsController_year"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/monthly-reports": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The month’s grid: every project of the caller’s scope (an owner: their unit) with its report or none */
        get: operations["MonthlyReportsController_grid"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/monthly-reports/template.xlsx": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 月报模板: every project of the caller’s scope for the month, prefilled with any report saved, with a 说明 sheet */
        get: operations["MonthlyReportsController_template"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/monthly-reports/import": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Import the filled-in report template (owners: their unit’s projects; admins; multipart field `file`, .xlsx ≤ 2 MB): every row checked like PUT; 422 with each row’s errors and nothing applied, else saved as drafts in one transaction — and all submitted with submit=true */
        post: operations["MonthlyReportsController_import"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/projects/{id}/investment": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A project’s investment figures for months 1–m of a year: plan, 本年累计完成投资 (submitted reports only), 投资完成率, 序时进度, the gap and the investment light with its reasons; the start (开工) and registration (入库纳统) lights and the project light (worst of the three); the months for the bars. Owners: their own unit’s projects */
        get: operations["InvestmentController_project"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/investment/summary": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Investment summary for months 1–m of a year, for the district or per part, chapter, column, sector or unit (key: the unit code): planned (current and original), completed, 投资完成率 against 序时进度, projects per light, 开工率 and 竣工率 each with numerator, denominator and which denominator. Only projects with a plan for the year; a project named in several chapters counts in each (`multiCounted`). Owners: their own unit’s projects, never by=district */
        get: operations["InvestmentController_summary"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/investment/projects": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The projects with a plan for the year by light (the red list: light=red), each with its figures for months 1–m and every reason of its lights, worst first; filter by unitId and chapter; paged. `kind` says which light: the project light (default) or investment, start, registration. The members are those whose GET /api/projects/:id/investment light is that light. Owners: their own unit’s projects */
        get: operations["InvestmentController_projects"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/rankings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Units ranked by 投资完成率 or 开工率 for months 1–m of a year, with the definition to publish beside them; ties share a rank; units with nothing planned are listed apart (`unranked`). Reviewers and admins */
        get: operations["InvestmentController_rankings"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/bulletins": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Bulletins, newest month first (reviewers and admins: every one; owners: published ones) */
        get: operations["BulletinsController_list"];
        put?: never;
        /** Generate the month’s bulletin (reviewers, admins): a job renders the Word document and the Excel annex as a draft; GET it until status is draft (or failed, with the reason). Generating again before publishing replaces the draft; the reviewers are notified when it is ready */
        post: operations["BulletinsController_generate"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/bulletins/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One bulletin: generating, draft, published or failed (with failureReason); owners read published ones only */
        get: operations["BulletinsController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/bulletins/{id}/publish": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Publish the draft (reviewers, admins): the month’s investment figures are snapshotted and its monthly reports lock (409 month_locked), in one transaction */
        post: operations["BulletinsController_publish"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/bulletins/{id}/document.docx": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The bulletin as a Word document (.docx) */
        get: operations["BulletinsController_document"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/bulletins/{id}/annex.xlsx": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The bulletin’s Excel annex (.xlsx): its tables, one sheet each, the district total (全区合计) closing each figure sheet */
        get: operations["BulletinsController_annex"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/projects/{id}/problems": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Raise a problem that blocks the project (its owners; admins), with its evidence files if any: open until a reviewer assigns it; the reviewers are notified */
        post: operations["ProblemsController_raise"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/problems": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The problem list of the caller’s scope (reviewers, admins: all; an owner: their unit’s projects’ problems and those assigned to their unit), overdue first */
        get: operations["ProblemsController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/problems/summary": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The open problems of the caller’s scope (as GET /api/problems scopes them): how many, how many overdue, by category and by age (days since raised) */
        get: operations["ProblemsController_summary"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/problems/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One problem with its files and its thread, each reply with its files (404 outside the caller’s scope). Whoever reads the problem reads its files (GET /api/files/:id), the assigned unit too */
        get: operations["ProblemsController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/problems/{id}/assign": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Assign (交办) the problem to the unit that can solve it, with the date it must answer by (reviewers, admins); again to reassign */
        post: operations["ProblemsController_assign"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/problems/{id}/replies": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Write in the thread, with files if any (owners of the project’s unit and of the assigned unit, reviewers, admins; leaders comment without files); the others concerned are notified */
        post: operations["ProblemsController_reply"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/problems/{id}/close": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Close (销号) the problem with a note (reviewers, admins) */
        post: operations["ProblemsController_close"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/problems/{id}/reopen": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Reopen a closed problem with a note (reviewers, admins): assigned again when it had a unit, else open */
        post: operations["ProblemsController_reopen"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/supervision-notices": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 督办单, newest first (reviewers, leaders, admins: all; an owner: those sent to their unit or about their unit’s projects) */
        get: operations["SupervisionNoticesController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/supervision-notices/{id}/document.docx": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The 督办单 as a Word document (.docx): the problem, the reply demanded and by when, and its history */
        get: operations["SupervisionNoticesController_document"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/files": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Upload one evidence file (multipart field `file`; PDF, JPEG, PNG or WebP by its content, ≤ 20 MB). Attach it by its id (`fileIds`) to a transition request, a monthly report, an approval, a problem or a reply; until then only its uploader sees it. The same bytes are stored once */
        post: operations["FilesController_upload"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/files/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The file’s content, inline (its uploader while unattached; else whoever may read what it is attached to; others 404) */
        get: operations["FilesController_content"];
        put?: never;
        post?: never;
        /** Admin: remove a file wherever it is attached (audited on each project); its content goes when no other file holds it */
        delete: operations["FilesController_remove"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/files/{id}/thumbnail": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** An image’s thumbnail: WebP, at most 320 px on its longer side (same access as the file; not an image: 404) */
        get: operations["FilesController_thumbnail"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/projects/{id}/approvals": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A project’s approvals (前期手续) in order, the parallel ones sharing a group, each with its department, status (未启动/办理中/已办结/不适用), document number and date, and files; the project type and its 前期手续办结率. Owners: their own unit’s projects */
        get: operations["PreworkController_ofProject"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/approvals/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Set an approval’s status and files (owners of the unit, admins): done needs documentNo and documentDate (not after today), not_applicable a reason; not_started and in_progress clear them. fileIds, when sent, is the whole list of its files (the 批复 scan). Send the version you saw: 409 if it changed */
        patch: operations["PreworkController_update"];
        trace?: never;
    };
    "/api/prework/summary": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 前期手续办结率 of the projects in preparation (前期研究), for the district or per part, chapter, column, sector or unit (key: the unit code): approvals required, done, 不适用 and the rate = done ÷ (required − 不适用). A project named in several chapters counts in each. Owners: their own unit’s projects, never by=district */
        get: operations["PreworkController_summary"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/users": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every user with their role, unit and whether they may sign in (never a password hash) */
        get: operations["AdminUsersController_list"];
        put?: never;
        /** Create a user; owners need a unit (责任单位) */
        post: operations["AdminUsersController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/users/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Change display name, role, unit, e-mail, password, or deactivate; a new password, role or unit and (de)activation end the user's sessions */
        patch: operations["AdminUsersController_update"];
        trace?: never;
    };
    "/api/admin/users/{id}/password": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 重置密码: set a user's password (checked against the policy); every session of the user ends at once */
        post: operations["AdminUsersController_resetPassword"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/units": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 责任单位: every responsible unit with its default sectors, whether it is enabled, and its numbers of projects and enabled users */
        get: operations["UnitsController_list"];
        put?: never;
        /** Create a responsible unit (admins) */
        post: operations["UnitsController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/units/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Rename a unit, change its sectors, disable it (停用: only when no project and no enabled user belongs to it) or enable it (admins) */
        patch: operations["UnitsController_update"];
        trace?: never;
    };
    "/api/audit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 操作日志: audit rows across projects and of admins’ changes to users and units, newest first, filtered by unit, user, kind and days (inclusive, APP_TIMEZONE) */
        get: operations["AuditController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/audit/kinds": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every kind of change the log names, with its label in both languages (the filter’s options) */
        get: operations["AuditController_kinds"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/audit/actors": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Everyone who appears in the log as the one who acted (the user filter’s options), with their unit now */
        get: operations["AuditController_actors"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/audit/export.xlsx": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 导出 Excel: the operation log with the same filters, newest first, at most 10000 rows (the sheet says when it is cut) */
        get: operations["AuditController_export"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/demo": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Whether the demo history is loaded (every page shows 演示数据 while it is), and whether an admin may load it now */
        get: operations["DemoController_status"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/demo": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Load the demo history (admins): January to last month of plans, monthly reports, milestone updates and approved stage changes, made by demo users through the services (`npm run demo:load` does the same) */
        post: operations["DemoController_load"];
        /** Remove the demo history and nothing else (admins; `npm run demo:clear` does the same) */
        delete: operations["DemoController_clear"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/queue-dashboard/session": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Sets a 30-minute HttpOnly, SameSite=Strict cookie scoped to /admin/queues; then open /admin/queues in a new tab */
        post: operations["QueueDashboardSessionController_open"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/jobs/failed": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Jobs that failed for good, newest first per queue (all queues, or one with ?queue=) */
        get: operations["FailedJobsController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/jobs/{queue}/{jobId}/retry": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Puts a failed job back in its queue with its attempts reset (404 unknown job, 409 not failed) */
        post: operations["FailedJobsController_retry"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/jobs/{queue}/{jobId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Discards a failed job for good (404 unknown job, 409 not failed) */
        delete: operations["FailedJobsController_discard"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/operations/settings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Mail transport (smtp, or eml files when SMTP_URL is unset) and the queue prefix */
        get: operations["OperationsSettingsController_settings"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        CheckStatusDto: {
            /** @example up */
            status: string;
        };
        LivenessDto: {
            /** @enum {string} */
            status: "ok";
        };
        ReadinessDto: {
            /** @enum {string} */
            status: "ok";
            /** @description the checks that passed */
            info: {
                [key: string]: components["schemas"]["CheckStatusDto"];
            };
            /** @description the checks that failed (none in a 200) */
            error: {
                [key: string]: components["schemas"]["CheckStatusDto"];
            };
            /** @description every check */
            details: {
                [key: string]: components["schemas"]["CheckStatusDto"];
            };
        };
        MultiCountedDto: {
            part: number;
            chapter: number;
            column: number;
        };
        PlanCountDto: {
            no: number;
            /** @example 专栏2 */
            label: string;
            title: string;
            /** @description projects the plan names under it */
            projectCount: number;
        };
        PlanColumnDto: {
            no: number;
            /** @example 专栏2 */
            label: string;
            title: string;
            /** @description the 节 it stands in */
            sectionNo: number | null;
            /** @description projects the plan names under it */
            projectCount: number;
            items: components["schemas"]["PlanCountDto"][];
        };
        PlanChapterDto: {
            no: number;
            /** @example 专栏2 */
            label: string;
            title: string;
            /** @description projects the plan names under it */
            projectCount: number;
            sections: components["schemas"]["PlanCountDto"][];
            columns: components["schemas"]["PlanColumnDto"][];
        };
        PlanPartDto: {
            no: number;
            /** @example 专栏2 */
            label: string;
            title: string;
            /** @description projects the plan names under it */
            projectCount: number;
            chapters: components["schemas"]["PlanChapterDto"][];
        };
        PlanTreeDto: {
            /** @description every project */
            total: number;
            multiCounted: components["schemas"]["MultiCountedDto"];
            parts: components["schemas"]["PlanPartDto"][];
        };
        IndicatorDto: {
            no: number;
            /** @example 经济发展 */
            category: string;
            /** @example 地区生产总值增长 */
            name: string;
            /** @example % */
            unit: string | null;
            /** @example 6.3 */
            value2025: string;
            /** @example 6 */
            target2030: string;
            value2025Number: number | null;
            target2030Number: number | null;
            /**
             * @description 预期性 | 约束性
             * @enum {string}
             */
            nature: "expected" | "binding";
            /** @example 预期性 */
            natureLabel: string;
            /** @description the plan marks annual averages with * */
            annualGrowth: boolean;
        };
        IndicatorListDto: {
            items: components["schemas"]["IndicatorDto"][];
        };
        /** @enum {string} */
        Sector: "transport" | "energy" | "water" | "logistics" | "urban_renewal" | "housing" | "industry" | "agriculture" | "education" | "health" | "elderly_care" | "culture_sports" | "commerce" | "ecology" | "safety" | "digital" | "other";
        /**
         * @description current stage
         * @enum {string}
         */
        ProjectStatus: "study" | "start" | "complete" | "on_hold" | "cancelled";
        /**
         * @description what the plan wants by 2030
         * @enum {string}
         */
        Stage: "study" | "start" | "complete";
        /** @enum {string} */
        RagLevel: "green" | "amber" | "red";
        NextMilestoneDto: {
            /** Format: uuid */
            id: string;
            /** @example construction_permit */
            code: string;
            /** @example 施工许可 */
            name: string;
            /**
             * Format: date
             * @description its forecast, else its baseline
             * @example 2027-06-30
             */
            dueDate: string;
            /** @description days past due today; 0 unless overdue */
            overdueDays: number;
        };
        ProjectListItemDto: {
            /** Format: uuid */
            id: string;
            /** @description the catalog key (the plan’s name of the project) */
            key: string;
            name: string;
            /** @description 专栏 number where the project is first named */
            column: number;
            /** @description item number within the column */
            item: number | null;
            /** @description 章 number */
            chapter: number;
            /** @description 篇 number */
            part: number;
            /** @description every column that names the project */
            columns: number[];
            sector: components["schemas"]["Sector"];
            /** @description current stage */
            stage: components["schemas"]["ProjectStatus"];
            /** @description what the plan wants by 2030 */
            target: components["schemas"]["Stage"];
            /** @description the plan’s wording leaves the target open to reading */
            targetAmbiguous: boolean;
            /** @example 建成 */
            targetVerb: string;
            baselineStage: components["schemas"]["Stage"];
            /** Format: uuid */
            unitId: string;
            /** @example transport */
            unitCode: string;
            /** @example 区交通局 */
            unitName: string;
            rag: components["schemas"]["RagLevel"];
            version: number;
            /** Format: date-time */
            updatedAt: string;
            /**
             * @description 项目代码
             * @example 2501-500110-04-01-123456
             */
            projectCode: string | null;
            /**
             * @description 总投资 (万元)
             * @example 1234.50
             */
            totalInvestment: string | null;
            /** @enum {string|null} */
            investmentType: "government" | "enterprise" | null;
            /** @description 建设起始年 */
            constructionStartYear: number | null;
            /** @description 建设结束年 */
            constructionEndYear: number | null;
            /** @description 建设内容 */
            constructionScope: string | null;
            /**
             * Format: date
             * @description 入库纳统日期; null while not registered
             * @example 2027-06-30
             */
            statisticsRegisteredOn: string | null;
            /**
             * @description 年度计划 (万元) of the page’s year; null without a plan, or outside the reader’s unit
             * @example 1234.50
             */
            plannedInvestment: string | null;
            /**
             * @description 本年累计完成 (万元, submitted reports of months 1–m); null outside the reader’s unit
             * @example 1234.50
             */
            completedYtd: string | null;
            /**
             * @description 投资完成率 (%); null without a plan (or of 0), or outside the reader’s unit
             * @example 73.27
             */
            completionRate: number | null;
            /**
             * @description the project light: the worst of the milestone RAG (amber is yellow) and the investment, start and registration lights; null outside the reader’s unit
             * @enum {string|null}
             */
            light: "green" | "yellow" | "red" | null;
            /**
             * Format: date-time
             * @description 最近更新: the latest change to the project or any of its milestones
             */
            lastChangedAt: string;
            /** @description the open milestone due first (overdue ones first of all); null when none is open with a date */
            nextMilestone: components["schemas"]["NextMilestoneDto"] | null;
        };
        ProjectPageDto: {
            items: components["schemas"]["ProjectListItemDto"][];
            /** @description projects matching the filters */
            total: number;
            page: number;
            pageSize: number;
            /** @description the year of the rows’ investment figures */
            year: number;
            /** @description the figures are of months 1–month */
            month: number;
        };
        RagReasonDto: {
            /** @enum {string} */
            code: "milestone_overdue" | "forecast_slip" | "target_out_of_reach";
            /** @enum {string} */
            level: "amber" | "red";
            /** @description milestone code */
            milestone: string;
            days: number;
        };
        UnitRefDto: {
            /** Format: uuid */
            id: string;
            /** @example transport */
            code: string;
            /** @example 区交通局 */
            name: string;
        };
        PlanRefDto: {
            no: number;
            /** @example 专栏2 */
            label: string;
            title: string;
        };
        ProjectSourceDto: {
            clause: string;
            mention: string | null;
            column: components["schemas"]["PlanRefDto"];
            item: components["schemas"]["PlanRefDto"] | null;
            chapter: components["schemas"]["PlanRefDto"];
            part: components["schemas"]["PlanRefDto"];
        };
        /** @enum {string} */
        InvestmentLight: "green" | "yellow" | "red";
        /**
         * @description milestones: the milestone RAG; else a light of the monthly 调度
         * @enum {string}
         */
        LightSource: "milestones" | "investment" | "start" | "registration";
        ProjectLightReasonDto: {
            /** @description milestones: the milestone RAG; else a light of the monthly 调度 */
            source: components["schemas"]["LightSource"];
            /** @description the rule: milestone_overdue, forecast_slip, target_out_of_reach, investment_behind, start_overdue, not_registered */
            code: string;
            /** @enum {string} */
            level: "yellow" | "red";
            /**
             * @description in the language Accept-Language asks for (en, else Chinese)
             * @example 「施工许可」已逾期 12 天
             */
            text: string;
        };
        ProjectLightDto: {
            level: components["schemas"]["InvestmentLight"];
            /** @description the 调度 lights are of months 1–month of this year (the current report month) */
            year: number;
            month: number;
            /** @description every reason, worst first */
            reasons: components["schemas"]["ProjectLightReasonDto"][];
        };
        ProjectDetailDto: {
            /** Format: uuid */
            id: string;
            key: string;
            name: string;
            sector: components["schemas"]["Sector"];
            stage: components["schemas"]["ProjectStatus"];
            target: components["schemas"]["Stage"];
            targetAmbiguous: boolean;
            targetVerb: string;
            baselineStage: components["schemas"]["Stage"];
            baselineClause: string | null;
            /**
             * @description the stage before on_hold
             * @enum {string|null}
             */
            previousStage: "study" | "start" | "complete" | "on_hold" | "cancelled" | null;
            rag: components["schemas"]["RagLevel"];
            ragReasons: components["schemas"]["RagReasonDto"][] | null;
            /**
             * Format: date
             * @description the day the light was computed for
             * @example 2027-06-30
             */
            ragOn: string | null;
            /**
             * Format: date-time
             * @description last update by a person
             */
            lastActivityAt: string | null;
            /**
             * Format: date-time
             * @description 最近更新: the latest change to the project or any of its milestones
             */
            lastChangedAt: string;
            column: number;
            item: number | null;
            chapter: number;
            part: number;
            version: number;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            updatedAt: string;
            /**
             * @description 项目代码
             * @example 2501-500110-04-01-123456
             */
            projectCode: string | null;
            /**
             * @description 总投资 (万元)
             * @example 1234.50
             */
            totalInvestment: string | null;
            /** @enum {string|null} */
            investmentType: "government" | "enterprise" | null;
            /** @description 建设起始年 */
            constructionStartYear: number | null;
            /** @description 建设结束年 */
            constructionEndYear: number | null;
            /** @description 建设内容 */
            constructionScope: string | null;
            /**
             * Format: date
             * @description 入库纳统日期; null while not registered
             * @example 2027-06-30
             */
            statisticsRegisteredOn: string | null;
            unit: components["schemas"]["UnitRefDto"];
            sources: components["schemas"]["ProjectSourceDto"][];
            /** @description null for an owner of another unit (the 调度 figures are theirs to read) */
            light: components["schemas"]["ProjectLightDto"] | null;
        };
        UpdateProjectFactsDto: {
            /** @description the project version the client saw (or send If-Match) */
            version?: number;
            /**
             * @description 项目代码 (投资项目在线审批监管平台), unique
             * @example 2501-500110-04-01-123456
             */
            projectCode?: string | null;
            /**
             * @description 总投资: 万元, ≥ 0, ≤ 100000000, at most two decimals; a JSON number is accepted too and answered as a decimal string
             * @example 1234.50
             */
            totalInvestment?: string | null;
            /**
             * @description government 政府投资 / enterprise 企业投资
             * @enum {string|null}
             */
            investmentType?: "government" | "enterprise" | null;
            /** @description 建设起始年 */
            constructionStartYear?: number | null;
            /** @description 建设结束年 (not before the start year) */
            constructionEndYear?: number | null;
            /** @description 建设内容, a few sentences */
            constructionScope?: string | null;
            /**
             * Format: date
             * @description 入库纳统日期 (not after today); null: not registered yet
             * @example 2027-06-30
             */
            statisticsRegisteredOn?: string | null;
        };
        ProjectFactsDto: {
            /**
             * @description 项目代码
             * @example 2501-500110-04-01-123456
             */
            projectCode: string | null;
            /**
             * @description 总投资 (万元)
             * @example 1234.50
             */
            totalInvestment: string | null;
            /** @enum {string|null} */
            investmentType: "government" | "enterprise" | null;
            constructionStartYear: number | null;
            constructionEndYear: number | null;
            /** @description 建设内容 */
            constructionScope: string | null;
            /**
             * Format: date
             * @description 入库纳统日期; null while not registered
             * @example 2027-06-30
             */
            statisticsRegisteredOn: string | null;
            /** Format: uuid */
            id: string;
            /** @description the project version now */
            version: number;
            /** Format: date-time */
            updatedAt: string;
        };
        LoginDto: {
            /** @example owner_transport */
            username: string;
            /**
             * Format: password
             * @example qijiang2030
             */
            password: string;
        };
        /** @enum {string} */
        Role: "owner" | "reviewer" | "leader" | "admin";
        ProfileDto: {
            /** Format: uuid */
            id: string;
            /** @example owner_transport */
            username: string;
            /** @example 区交通局项目负责人 */
            displayName: string;
            role: components["schemas"]["Role"];
            unit: components["schemas"]["UnitRefDto"] | null;
            /** @description true when the password last used to sign in is below the password policy (e.g. a demo password): the console asks for a new one */
            mustChangePassword: boolean;
            /**
             * @description APP_TIMEZONE: the IANA zone of the tracker's calendar dates; the console shows dates and times in it
             * @example Asia/Shanghai
             */
            timeZone: string;
        };
        LoginResponseDto: {
            /** @description JWT (HS256), valid for 12 hours or until the user's sessions end; send as `Authorization: Bearer <token>` */
            accessToken: string;
            user: components["schemas"]["ProfileDto"];
        };
        ChangePasswordDto: {
            /** Format: password */
            currentPassword: string;
            /**
             * Format: password
             * @description at least 10 characters with three of lower case, upper case, digits and symbols; not containing the username; not a common password
             */
            newPassword: string;
        };
        ImportChangeDto: {
            /** @enum {string} */
            field: "baselineDate" | "forecastDate" | "actualDate";
            /**
             * Format: date
             * @example 2027-06-30
             */
            from: string | null;
            /**
             * Format: date
             * @example 2027-06-30
             */
            to: string | null;
        };
        FieldErrorDto: {
            /** @example evidence.approvalDate */
            field: string;
            /** @example 缺少批复日期（evidence.approvalDate） */
            message: string;
        };
        ImportRowDto: {
            /** @description the row number in the sheet */
            row: number;
            /** Format: uuid */
            milestoneId: string | null;
            projectKey: string | null;
            projectName: string | null;
            milestoneName: string | null;
            /** @enum {string} */
            status: "update" | "unchanged" | "error";
            changes: components["schemas"]["ImportChangeDto"][];
            errors: components["schemas"]["FieldErrorDto"][];
        };
        ImportSummaryDto: {
            total: number;
            update: number;
            unchanged: number;
            error: number;
        };
        MilestoneImportResultDto: {
            /** @description false for dryRun=true (and in the 422, which carries the same rows and summary) */
            applied: boolean;
            rows: components["schemas"]["ImportRowDto"][];
            summary: components["schemas"]["ImportSummaryDto"];
        };
        /**
         * @description not_applicable: 不适用, settled by its owner with a reason
         * @enum {string}
         */
        MilestoneStatus: "pending" | "done" | "not_applicable";
        /**
         * @description approval: a 前期手续 (GET /api/projects/:id/approvals shows its document)
         * @enum {string}
         */
        MilestoneKind: "milestone" | "approval";
        ListedMilestoneDto: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            projectId: string;
            /** @example construction_permit */
            code: string;
            /** @example 施工许可 */
            name: string;
            stage: components["schemas"]["Stage"];
            sortOrder: number;
            /** @description the milestone that realises the 2030 target (never 不适用) */
            realisesTarget: boolean;
            /**
             * Format: date
             * @example 2027-06-30
             */
            baselineDate: string | null;
            /**
             * Format: date
             * @example 2027-06-30
             */
            forecastDate: string | null;
            /**
             * Format: date
             * @example 2027-06-30
             */
            actualDate: string | null;
            /** @description not_applicable: 不适用, settled by its owner with a reason */
            status: components["schemas"]["MilestoneStatus"];
            notApplicableReason: string | null;
            /** @description approval: a 前期手续 (GET /api/projects/:id/approvals shows its document) */
            kind: components["schemas"]["MilestoneKind"];
            version: number;
            /** Format: date-time */
            updatedAt: string;
            overdueDays: number;
        };
        MilestoneListDto: {
            items: components["schemas"]["ListedMilestoneDto"][];
        };
        UpdateMilestoneDto: {
            /** @description the milestone version the client saw (or send If-Match) */
            version?: number;
            /** @description 预计完成日期 YYYY-MM-DD */
            forecastDate?: Record<string, never> | null;
            /** @description 实际完成日期 YYYY-MM-DD (not in the future); setting it marks the milestone done */
            actualDate?: Record<string, never> | null;
            /** @description 基线日期 YYYY-MM-DD: re-baselining, by a reviewer only */
            baselineDate?: string;
            /** @description what changed and why */
            comment?: string;
        };
        UpdatedMilestoneDto: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            projectId: string;
            /** @example construction_permit */
            code: string;
            /** @example 施工许可 */
            name: string;
            stage: components["schemas"]["Stage"];
            sortOrder: number;
            /** @description the milestone that realises the 2030 target (never 不适用) */
            realisesTarget: boolean;
            /**
             * Format: date
             * @example 2027-06-30
             */
            baselineDate: string | null;
            /**
             * Format: date
             * @example 2027-06-30
             */
            forecastDate: string | null;
            /**
             * Format: date
             * @example 2027-06-30
             */
            actualDate: string | null;
            /** @description not_applicable: 不适用, settled by its owner with a reason */
            status: components["schemas"]["MilestoneStatus"];
            notApplicableReason: string | null;
            /** @description approval: a 前期手续 (GET /api/projects/:id/approvals shows its document) */
            kind: components["schemas"]["MilestoneKind"];
            version: number;
            /** Format: date-time */
            updatedAt: string;
            overdue: boolean;
        };
        MarkNotApplicableDto: {
            /** @description the milestone version the client saw */
            version: number;
            /** @description 不适用的原因（如：本项目为改扩建，无需单独立项） */
            reason: string;
        };
        MilestoneDto: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            projectId: string;
            /** @example construction_permit */
            code: string;
            /** @example 施工许可 */
            name: string;
            stage: components["schemas"]["Stage"];
            sortOrder: number;
            /** @description the milestone that realises the 2030 target (never 不适用) */
            realisesTarget: boolean;
            /**
             * Format: date
             * @example 2027-06-30
             */
            baselineDate: string | null;
            /**
             * Format: date
             * @example 2027-06-30
             */
            forecastDate: string | null;
            /**
             * Format: date
             * @example 2027-06-30
             */
            actualDate: string | null;
            /** @description not_applicable: 不适用, settled by its owner with a reason */
            status: components["schemas"]["MilestoneStatus"];
            notApplicableReason: string | null;
            /** @description approval: a 前期手续 (GET /api/projects/:id/approvals shows its document) */
            kind: components["schemas"]["MilestoneKind"];
            version: number;
            /** Format: date-time */
            updatedAt: string;
        };
        MarkApplicableDto: {
            /** @description the milestone version the client saw */
            version: number;
            /** @description why it applies after all */
            comment?: string;
        };
        RebaselineRequestDto: {
            /** @description 拟调整的基线日期 YYYY-MM-DD */
            baselineDate: string;
            /** @description 调整原因 */
            reason: string;
        };
        /** @enum {string} */
        RequestStatus: "pending" | "approved" | "rejected" | "withdrawn";
        RebaselineRequestViewDto: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            milestoneId: string;
            milestoneName: string;
            /** Format: uuid */
            projectId: string;
            projectName: string;
            /** Format: uuid */
            unitId: string;
            /**
             * Format: date
             * @example 2027-06-30
             */
            currentBaseline: string | null;
            /**
             * Format: date
             * @example 2027-06-30
             */
            proposedBaseline: string;
            reason: string;
            status: components["schemas"]["RequestStatus"];
            /** Format: uuid */
            requestedBy: string;
            requestedByName: string;
            /** Format: date-time */
            requestedAt: string;
            /** Format: uuid */
            decidedBy: string | null;
            decidedByName: string | null;
            /** Format: date-time */
            decidedAt: string | null;
            decisionComment: string | null;
        };
        RebaselineRequestPageDto: {
            items: components["schemas"]["RebaselineRequestViewDto"][];
            total: number;
        };
        DecisionDto: {
            comment?: string;
        };
        LocalizedNameDto: {
            /** @example 开工 */
            zh: string;
            /** @example Begin construction */
            en: string;
        };
        /** @enum {string} */
        ChecklistState: "done" | "not_applicable" | "by_evidence" | "needs_evidence" | "pending" | "untracked";
        ChecklistItemDto: {
            /** @description milestone code */
            milestone: string;
            name: string;
            state: components["schemas"]["ChecklistState"];
            /** @description needs_evidence: the evidence date fields that complete it */
            evidence?: string[];
        };
        GuardStateDto: {
            /** @example milestonesSettled */
            guard: string;
            ok: boolean;
            detail: string | null;
            checklist: components["schemas"]["ChecklistItemDto"][];
        };
        AllowedTransitionDto: {
            /** @example begin_construction */
            transitionId: string;
            name: components["schemas"]["LocalizedNameDto"];
            to: components["schemas"]["ProjectStatus"];
            /** @description the signed-in user may request it now */
            canRequest: boolean;
            /** @description the signed-in user may approve such a request */
            canApprove: boolean;
            requiresApproval: boolean;
            approverRoles: components["schemas"]["Role"][];
            /** @description evidence fields the request must carry */
            requiredEvidence: string[];
            requiresReason: boolean;
            /** @description each guard with its checklist: what the owner reads first */
            guards: components["schemas"]["GuardStateDto"][];
        };
        TransitionsDto: {
            currentStage: components["schemas"]["ProjectStatus"];
            /** @description the project version */
            version: number;
            /** @description the workflow version new requests are filed under */
            workflowVersion: number;
            transitions: components["schemas"]["AllowedTransitionDto"][];
            /** @description admins: the stages an override may move to */
            overrideTargets: components["schemas"]["ProjectStatus"][];
        };
        EvidenceDto: {
            /** @description 批复文号 */
            approvalDocNo?: string;
            /** @description 批复日期 YYYY-MM-DD */
            approvalDate?: string;
            /** @description 施工许可证号 */
            constructionPermitNo?: string;
            /** @description 施工许可日期 YYYY-MM-DD: marks 施工许可 done on this date when it is still open */
            constructionPermitDate?: string;
            /** @description 实际开工日期 YYYY-MM-DD */
            actualStartDate?: string;
            /** @description 竣工验收日期 YYYY-MM-DD */
            acceptanceDate?: string;
            /** @description 投入使用日期 YYYY-MM-DD (the acceptance date when absent) */
            inServiceDate?: string;
        };
        CreateTransitionRequestDto: {
            /**
             * @description the stage asked for
             * @enum {string}
             */
            to: "study" | "start" | "complete" | "on_hold" | "cancelled";
            evidence?: components["schemas"]["EvidenceDto"];
            /** @description required for on_hold and cancelled */
            reason?: string;
            comment?: string;
            /** @description evidence files (the scanned 批复, the permit) uploaded with POST /api/files */
            fileIds?: string[];
            /** @description the project version the owner saw; a newer one gives 409 */
            version?: number;
        };
        /**
         * @description sniffed from the content, never from the name
         * @enum {string}
         */
        EvidenceContentType: "application/pdf" | "image/jpeg" | "image/png" | "image/webp";
        FileLocationDto: {
            latitude: number;
            longitude: number;
        };
        FileRefDto: {
            /** Format: uuid */
            id: string;
            /** @description the name it was uploaded with */
            name: string;
            /** @description bytes */
            size: number;
            /** @description sniffed from the content, never from the name */
            contentType: components["schemas"]["EvidenceContentType"];
            /**
             * Format: date-time
             * @description a photo’s capture time (EXIF), when it has one
             */
            takenAt: string | null;
            /** @description a photo’s capture place (EXIF GPS), when it has one */
            location: components["schemas"]["FileLocationDto"] | null;
        };
        TransitionRequestViewDto: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            projectId: string;
            projectName: string;
            /** Format: uuid */
            unitId: string;
            /** @example begin_construction */
            transitionId: string;
            /** @description the workflow version it was filed under, and is decided by */
            workflowVersion: number;
            fromStage: components["schemas"]["ProjectStatus"];
            toStage: components["schemas"]["ProjectStatus"];
            /** @description the evidence as filed (document numbers, YYYY-MM-DD dates) */
            evidence: {
                [key: string]: string;
            };
            reason: string | null;
            comment: string | null;
            status: components["schemas"]["RequestStatus"];
            /** Format: uuid */
            requestedBy: string;
            requestedByName: string;
            /** Format: date-time */
            requestedAt: string;
            /** Format: uuid */
            decidedBy: string | null;
            decidedByName: string | null;
            /** Format: date-time */
            decidedAt: string | null;
            decisionComment: string | null;
            /** @description evidence files attached, in upload order */
            files: components["schemas"]["FileRefDto"][];
        };
        TransitionRequestPageDto: {
            items: components["schemas"]["TransitionRequestViewDto"][];
            total: number;
        };
        OverrideDto: {
            /** @enum {string} */
            to: "study" | "start" | "complete" | "on_hold" | "cancelled";
            /** @description why the workflow is bypassed; recorded in the history */
            reason: string;
        };
        OverrideResultDto: {
            /** Format: uuid */
            id: string;
            stage: components["schemas"]["ProjectStatus"];
            /** @enum {string|null} */
            previousStage: "study" | "start" | "complete" | "on_hold" | "cancelled" | null;
            version: number;
        };
        ReassignUnitDto: {
            /**
             * Format: uuid
             * @description the new responsible unit (责任单位)
             */
            unitId: string;
            /** @description the project version the admin saw */
            version: number;
            comment?: string;
        };
        UnitReassignmentDto: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            unitId: string;
            version: number;
        };
        HistoryEventDto: {
            /** @description the audit row’s number (a bigint, as a string) */
            id: string;
            /** Format: date-time */
            at: string;
            /** @example milestone */
            entityType: string;
            entityId: string;
            /** @example milestone.updated */
            action: string;
            /** Format: uuid */
            actorId: string | null;
            actorName: string;
            before: {
                [key: string]: unknown;
            } | null;
            after: {
                [key: string]: unknown;
            } | null;
            comment: string | null;
        };
        HistoryDto: {
            items: components["schemas"]["HistoryEventDto"][];
        };
        /** @enum {string} */
        NotificationKind: "alert" | "workflow" | "digest" | "report";
        NotificationDto: {
            /** @description a bigint, as a string */
            id: string;
            kind: components["schemas"]["NotificationKind"];
            /**
             * @description alerts only
             * @enum {string|null}
             */
            level: "overdue" | "escalated_14" | "supervision_30" | "stale" | null;
            title: string;
            body: string;
            /** Format: uuid */
            projectId: string | null;
            /** Format: uuid */
            milestoneId: string | null;
            /** @description where it opens in the console (a digest: /digests/<week>); else the project’s page */
            link: string | null;
            /** Format: date-time */
            readAt: string | null;
            /** Format: date-time */
            createdAt: string;
        };
        NotificationListDto: {
            items: components["schemas"]["NotificationDto"][];
            /** @description all my unread notifications, not only those listed */
            unread: number;
        };
        ReadAllResultDto: {
            /** @description notifications marked read now */
            updated: number;
            /** @enum {integer} */
            unread: 0;
        };
        NotificationPreferencesViewDto: {
            /** @description overdue, escalation, 督办 and stale-project alerts */
            alert: boolean;
            /** @description requests filed, decided or withdrawn; milestones marked 不适用 (审批通知) */
            workflow: boolean;
            /** @description the weekly digest (周报) */
            digest: boolean;
            /** @description the monthly 调度: 月报 reminders and late notices, returned reports, adjusted annual plans (月报提醒) */
            report: boolean;
        };
        NotificationPreferencesDto: {
            /** @description overdue, escalation, 督办 and stale-project alerts */
            alert?: boolean;
            /** @description requests filed, decided or withdrawn; milestones marked 不适用 (审批通知) */
            workflow?: boolean;
            /** @description the weekly digest (周报) */
            digest?: boolean;
            /** @description the monthly 调度: 月报 reminders and late notices, returned reports, adjusted annual plans (月报提醒) */
            report?: boolean;
        };
        /** @enum {string} */
        MailStatus: "pending" | "sending" | "sent" | "failed" | "skipped";
        MailDto: {
            /** @description a bigint, as a string */
            id: string;
            /** Format: uuid */
            userId: string | null;
            username: string | null;
            toAddress: string | null;
            /** @enum {string} */
            kind: "alert" | "digest" | "stale" | "workflow" | "report";
            /** @description what makes the mail unique (no mail is sent twice) */
            dedupeKey: string;
            subject: string;
            status: components["schemas"]["MailStatus"];
            attempts: number;
            lastError: string | null;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            sentAt: string | null;
        };
        OutboxListDto: {
            items: components["schemas"]["MailDto"][];
            /**
             * @description mails per status (statuses with none left out)
             * @example {
             *       "sent": 12,
             *       "pending": 1
             *     }
             */
            counts: {
                [key: string]: number;
            };
        };
        ComposedDigestDto: {
            subject: string;
            /** @description the mail’s HTML part */
            html: string;
            /** @description the mail’s text part */
            text: string;
        };
        SentDigestDto: {
            subject: string;
            /** @description the mail’s HTML part */
            html: string;
            /** @description the mail’s text part */
            text: string;
            /**
             * @description the period key
             * @example 2026-W48
             */
            week: string;
            /**
             * @description the week as the mails name it, in the language Accept-Language asks for
             * @example 第48周（11月23日—29日）
             */
            weekLabel: string;
            /** Format: date-time */
            createdAt: string;
        };
        /** @enum {string} */
        RollupDimension: "part" | "chapter" | "column" | "sector" | "unit";
        StageCountsDto: {
            study: number;
            start: number;
            complete: number;
            on_hold: number;
            cancelled: number;
        };
        TargetCountsDto: {
            study: number;
            start: number;
            complete: number;
        };
        RagCountsDto: {
            green: number;
            amber: number;
            red: number;
        };
        RollupPreworkDto: {
            required: number;
            done: number;
            notApplicable: number;
            /**
             * @description 前期手续办结率 = done ÷ (required − notApplicable) × 100; null when nothing is left to require
             * @example 66.67
             */
            rate: number | null;
        };
        RollupSnapshotDataDto: {
            label: string;
            total: number;
            byStage: components["schemas"]["StageCountsDto"];
            targets: components["schemas"]["TargetCountsDto"];
            reached: components["schemas"]["TargetCountsDto"];
            rag: components["schemas"]["RagCountsDto"];
            overdueMilestones: number;
            staleProjects: number;
            pendingRequests: number;
            /** @description absent from snapshots taken before 前期手续 were tracked */
            prework?: components["schemas"]["RollupPreworkDto"];
            /** Format: date-time */
            computedAt: string;
        };
        RollupRowDto: {
            dimension: components["schemas"]["RollupDimension"];
            /** @description chapter/column/part number, sector code or unit id: what the project list filters by */
            key: string;
            /** @example 第五章 强化区域协作联动 */
            label: string;
            sortOrder: number;
            total: number;
            byStage: components["schemas"]["StageCountsDto"];
            targets: components["schemas"]["TargetCountsDto"];
            reached: components["schemas"]["TargetCountsDto"];
            rag: components["schemas"]["RagCountsDto"];
            overdueMilestones: number;
            staleProjects: number;
            pendingRequests: number;
            prework: components["schemas"]["RollupPreworkDto"];
            /** Format: date-time */
            computedAt: string;
            /** @description last week’s snapshot of this key, if any */
            lastWeek: components["schemas"]["RollupSnapshotDataDto"] | null;
        };
        RollupListDto: {
            by: components["schemas"]["RollupDimension"];
            /**
             * @description the ISO week of the snapshot compared against
             * @example 2026-W47
             */
            lastWeek: string;
            /** @description projects counted under more than one key, so the items add up to more than the projects */
            multiCounted: number;
            items: components["schemas"]["RollupRowDto"][];
        };
        DistrictWeekDto: {
            /** @example 2026-W47 */
            week: string;
            /**
             * @description the week as the mails name it, in the language Accept-Language asks for
             * @example 第47周（11月16日—22日）
             */
            weekLabel: string;
            total: number;
            byStage: components["schemas"]["StageCountsDto"];
            rag: components["schemas"]["RagCountsDto"];
            overdueMilestones: number;
            staleProjects: number;
            pendingRequests: number;
        };
        RollupTrendDto: {
            items: components["schemas"]["DistrictWeekDto"][];
        };
        RollupSnapshotDto: {
            /** @example 2026-W47 */
            week: string;
            data: components["schemas"]["RollupSnapshotDataDto"];
            /** Format: date-time */
            takenAt: string;
        };
        RollupHistoryDto: {
            by: components["schemas"]["RollupDimension"];
            key: string;
            items: components["schemas"]["RollupSnapshotDto"][];
        };
        IssueInvestmentPlanDto: {
            /**
             * @description 年度计划投资 (万元), ≥ 0, ≤ 100000000, at most two decimals; a JSON number is accepted too
             * @example 1200.00
             */
            plannedInvestment: string;
            /** @description 计划开工月份 (this year) */
            plannedStartMonth?: number | null;
            /** @description 计划竣工月份 (this year), not before the start month */
            plannedCompletionMonth?: number | null;
            /** @description 调整原因: required for an adjustment (a plan for the year exists already) */
            reason?: string;
        };
        InvestmentPlanDto: {
            /** Format: uuid */
            projectId: string;
            year: number;
            /** @description 1 for the original plan; each adjustment (中期调整) adds one */
            version: number;
            /**
             * @description 年度计划投资 now (万元)
             * @example 1234.50
             */
            plannedInvestment: string;
            /**
             * @description the original plan’s amount (万元), kept through adjustments
             * @example 1234.50
             */
            originalInvestment: string;
            plannedStartMonth: number | null;
            plannedCompletionMonth: number | null;
            /** @description the plan has been adjusted (version > 1) */
            adjusted: boolean;
            /** Format: date-time */
            updatedAt: string;
        };
        InvestmentPlanVersionDto: {
            version: number;
            /**
             * @description original (年初下达) or adjustment (中期调整)
             * @enum {string}
             */
            kind: "original" | "adjustment";
            /** @example 1234.50 */
            plannedInvestment: string;
            plannedStartMonth: number | null;
            plannedCompletionMonth: number | null;
            reason: string | null;
            /** Format: uuid */
            issuedBy: string | null;
            /** @example 区发展改革委审核员 */
            issuedByName: string | null;
            /** Format: date-time */
            issuedAt: string;
        };
        InvestmentPlanVersionListDto: {
            /** Format: uuid */
            projectId: string;
            year: number;
            /** @description oldest first */
            items: components["schemas"]["InvestmentPlanVersionDto"][];
        };
        PlanImportRowDto: {
            /** @description the row number in the sheet */
            row: number;
            projectId: string | null;
            projectName: string | null;
            /**
             * @description issued: the year’s first plan; adjusted: 中期调整; skipped: no amount and no plan
             * @enum {string}
             */
            status: "issued" | "adjusted" | "unchanged" | "skipped" | "error";
            errors: components["schemas"]["FieldErrorDto"][];
        };
        PlanImportSummaryDto: {
            total: number;
            issued: number;
            adjusted: number;
            unchanged: number;
            skipped: number;
            error: number;
        };
        PlanImportResultDto: {
            /** @description true: every issue and adjustment written (in one transaction) */
            applied: boolean;
            year: number;
            rows: components["schemas"]["PlanImportRowDto"][];
            summary: components["schemas"]["PlanImportSummaryDto"];
        };
        SaveMonthlyReportDto: {
            /**
             * @description 本月完成投资 (万元), ≥ 0 (zero is a report), ≤ 100000000, at most two decimals; a JSON number is accepted too
             * @example 320.00
             */
            completedInvestment: string;
            /** @description 形象进度, in words */
            progress?: string;
            /** @description 存在问题 */
            problems?: string;
            /** @description the report’s files (形象进度 photos), the whole list: files left out are detached; omitted: the files stay as they are */
            fileIds?: string[];
            /** @description the report version you saw: 409 if it changed since */
            version?: number;
        };
        /**
         * @description draft (saved), submitted (报送, counted in the figures), returned (退回 by a reviewer)
         * @enum {string}
         */
        MonthlyReportStatus: "draft" | "submitted" | "returned";
        MonthlyReportDto: {
            /** Format: uuid */
            projectId: string;
            /** @example 2027-03 */
            month: string;
            year: number;
            /**
             * @description 本月完成投资 (万元)
             * @example 1234.50
             */
            completedInvestment: string;
            /** @description 形象进度 */
            progress: string;
            /** @description 存在问题 */
            problems: string;
            /** @description draft (saved), submitted (报送, counted in the figures), returned (退回 by a reviewer) */
            status: components["schemas"]["MonthlyReportStatus"];
            /** @description first submitted after its due day */
            late: boolean;
            /** Format: date-time */
            submittedAt: string | null;
            /** Format: uuid */
            submittedBy: string | null;
            submittedByName: string | null;
            /** Format: date-time */
            returnedAt: string | null;
            /** Format: uuid */
            returnedBy: string | null;
            returnedByName: string | null;
            /** @description 退回意见 */
            returnComment: string | null;
            version: number;
            /** Format: uuid */
            updatedBy: string | null;
            /** Format: date-time */
            updatedAt: string;
            /** @description files attached (形象进度 photos with their capture time and place when their EXIF has them) */
            files: components["schemas"]["FileRefDto"][];
            /**
             * Format: date
             * @description the day the report is due (REPORT_DUE_DAY of the next month)
             * @example 2027-06-30
             */
            dueOn: string;
        };
        SubmitMonthlyReportDto: {
            /** @description the report version you saw: 409 if it changed since */
            version?: number;
        };
        ReturnMonthlyReportDto: {
            /** @description why the report goes back to its unit (退回意见) */
            comment: string;
        };
        ReportMonthDto: {
            /** @example 2027-03 */
            month: string;
            /**
             * @description missing: no report saved for the month
             * @enum {string}
             */
            status: "missing" | "draft" | "submitted" | "returned";
            /**
             * Format: date
             * @example 2027-06-30
             */
            dueOn: string;
            /** @description not submitted and its due day has passed */
            overdue: boolean;
            /** @description submitted after its due day */
            late: boolean;
            /** @description the month’s bulletin is published: its report can no longer change */
            locked: boolean;
            report: components["schemas"]["MonthlyReportDto"] | null;
        };
        ReportYearDto: {
            /** Format: uuid */
            projectId: string;
            year: number;
            /** @description REPORT_DUE_DAY: reports are due on this day of the next month */
            dueDay: number;
            /** @description January to December */
            months: components["schemas"]["ReportMonthDto"][];
        };
        ReportGridRowDto: {
            /** Format: uuid */
            projectId: string;
            projectName: string;
            projectCode: string | null;
            /** Format: uuid */
            unitId: string;
            unitName: string;
            /** @enum {string} */
            status: "missing" | "draft" | "submitted" | "returned";
            /** @description not submitted and its due day has passed */
            overdue: boolean;
            report: components["schemas"]["MonthlyReportDto"] | null;
        };
        ReportGridDto: {
            /** @example 2027-03 */
            month: string;
            /**
             * Format: date
             * @example 2027-06-30
             */
            dueOn: string;
            locked: boolean;
            /** @description every project of the caller’s scope (an owner: their unit), in plan order */
            items: components["schemas"]["ReportGridRowDto"][];
        };
        ReportImportRowDto: {
            /** @description the row number in the sheet */
            row: number;
            projectId: string | null;
            projectName: string | null;
            /** @example 2027-03 */
            month: string | null;
            /**
             * @description skipped: no amount filled in (no report for the project)
             * @enum {string}
             */
            status: "saved" | "unchanged" | "skipped" | "error";
            /** @description submitted (报送) by this import */
            submitted: boolean;
            errors: components["schemas"]["FieldErrorDto"][];
        };
        ReportImportSummaryDto: {
            total: number;
            saved: number;
            unchanged: number;
            skipped: number;
            submitted: number;
            error: number;
        };
        ReportImportResultDto: {
            /** @description true: every row written (in one transaction) */
            applied: boolean;
            /** @description submit=true: the reports were submitted too */
            submitted: boolean;
            rows: components["schemas"]["ReportImportRowDto"][];
            summary: components["schemas"]["ReportImportSummaryDto"];
        };
        /** @enum {string} */
        InvestmentReasonCode: "investment_behind" | "start_overdue" | "not_registered";
        LightReasonDto: {
            code: components["schemas"]["InvestmentReasonCode"];
            /** @enum {string} */
            level: "yellow" | "red";
            /**
             * @description in the language Accept-Language asks for (en, else Chinese)
             * @example 投资完成率 40.00%，低于序时进度 43.33 个百分点
             */
            text: string;
        };
        ProjectLightsDto: {
            /** @description 投资完成率 against 序时进度 */
            investment: components["schemas"]["InvestmentLight"];
            /** @description 开工: planned start month passed without a start */
            start: components["schemas"]["InvestmentLight"];
            /** @description 入库纳统: started and not registered */
            registration: components["schemas"]["InvestmentLight"];
        };
        InvestmentMonthDto: {
            month: number;
            /**
             * @description completed that month (submitted report; 0.00 where none)
             * @example 405.34
             */
            completed: string;
            /**
             * @description completed in months 1–month
             * @example 405.34
             */
            cumulative: string;
        };
        ProjectInvestmentDto: {
            /** Format: uuid */
            projectId: string;
            year: number;
            month: number;
            /**
             * @description 年度计划投资 (current plan); null without a plan for the year
             * @example 405.34
             */
            plannedInvestment: string | null;
            /**
             * @description the original plan (version 1)
             * @example 405.34
             */
            originalInvestment: string | null;
            /** @description version of the current plan (1: original; more: 中期调整) */
            planVersion: number | null;
            /**
             * @description 本年累计完成投资: submitted reports of months 1–m
             * @example 405.34
             */
            completedYtd: string;
            /**
             * @description 投资完成率 = completedYtd ÷ plannedInvestment × 100; null without a plan or with a plan of 0
             * @example 73.27
             */
            completionRate: number | null;
            /**
             * @description 序时进度 = m ÷ 12 × 100
             * @example 83.33
             */
            scheduleRate: number;
            /**
             * @description completionRate − scheduleRate, percentage points; negative when behind
             * @example -43.33
             */
            gapPoints: number | null;
            /** @description the investment light */
            light: components["schemas"]["InvestmentLight"];
            lightReasons: components["schemas"]["LightReasonDto"][];
            lights: components["schemas"]["ProjectLightsDto"];
            /** @description the project light: the worst of investment, start and registration */
            projectLight: components["schemas"]["InvestmentLight"];
            /** @description every reason of the three lights, worst first */
            projectLightReasons: components["schemas"]["LightReasonDto"][];
            /** @description 计划开工 month of the year */
            plannedStartMonth: number | null;
            /** @description 计划竣工 month of the year */
            plannedCompletionMonth: number | null;
            /**
             * Format: date
             * @description actual 开工 (null while not started)
             * @example 2027-06-30
             */
            startedOn: string | null;
            /**
             * Format: date
             * @description actual 竣工 (null while not complete)
             * @example 2027-06-30
             */
            completedOn: string | null;
            /**
             * Format: date
             * @description 入库纳统
             * @example 2027-06-30
             */
            statisticsRegisteredOn: string | null;
            /** @description months 1–m: completed each month and cumulative (the console’s bars) */
            months: components["schemas"]["InvestmentMonthDto"][];
        };
        /** @enum {string} */
        InvestmentDimension: "district" | "part" | "chapter" | "column" | "sector" | "unit";
        LightCountsDto: {
            green: number;
            yellow: number;
            red: number;
        };
        LightCountsByKindDto: {
            investment: components["schemas"]["LightCountsDto"];
            start: components["schemas"]["LightCountsDto"];
            registration: components["schemas"]["LightCountsDto"];
        };
        CountRateDto: {
            numerator: number;
            denominator: number;
            /**
             * @description null when nothing was planned
             * @example 85.07
             */
            rate: number | null;
            /** @example 开工率＝截至 10 月末已开工项目数 ÷ 计划 1—10 月开工项目数（分母：截至本月计划开工） */
            label: string;
        };
        InvestmentSummaryItemDto: {
            /** @description 'district', the part/chapter/column number, the sector code or the unit code */
            key: string;
            /** @example 区交通局 */
            label: string;
            /** @description projects with a plan for the year under this key */
            projectCount: number;
            /**
             * @description current plans (after 中期调整)
             * @example 405.34
             */
            plannedInvestment: string;
            /**
             * @description the original plans
             * @example 405.34
             */
            originalPlannedInvestment: string;
            /**
             * @description 万元, exact, two decimals
             * @example 405.34
             */
            completedYtd: string;
            /**
             * @description of the sums; null when nothing is planned
             * @example 73.27
             */
            completionRate: number | null;
            /**
             * @description %, two decimals
             * @example 83.33
             */
            scheduleRate: number;
            gapPoints: number | null;
            /** @description projects by their project light (worst of the three) */
            lights: components["schemas"]["LightCountsDto"];
            lightsBy: components["schemas"]["LightCountsByKindDto"];
            startRateToDate: components["schemas"]["CountRateDto"];
            startRateYear: components["schemas"]["CountRateDto"];
            completionRateToDate: components["schemas"]["CountRateDto"];
            completionRateYear: components["schemas"]["CountRateDto"];
        };
        InvestmentSummaryDto: {
            year: number;
            month: number;
            by: components["schemas"]["InvestmentDimension"];
            /**
             * @description district: every unit's projects; unit: an owner's own unit only
             * @enum {string}
             */
            scope: "district" | "unit";
            /** @description projects counted under more than one key (part, chapter, column), so the items add up to more */
            multiCounted: number;
            items: components["schemas"]["InvestmentSummaryItemDto"][];
        };
        /** @enum {string} */
        LightKind: "project" | "investment" | "start" | "registration";
        ProjectFiguresItemDto: {
            /** Format: uuid */
            projectId: string;
            name: string;
            /** Format: uuid */
            unitId: string;
            /** @example 区交通局 */
            unitName: string;
            /**
             * @description 年度计划投资 (current plan)
             * @example 405.34
             */
            plannedInvestment: string;
            /**
             * @description the original plan
             * @example 405.34
             */
            originalInvestment: string;
            planVersion: number;
            /**
             * @description 本年累计完成投资: submitted reports of months 1–m
             * @example 405.34
             */
            completedYtd: string;
            /**
             * @description null with a plan of 0
             * @example 73.27
             */
            completionRate: number | null;
            /**
             * @description %, two decimals
             * @example 83.33
             */
            scheduleRate: number;
            /** @example -43.33 */
            gapPoints: number | null;
            /** @description the investment light */
            light: components["schemas"]["InvestmentLight"];
            lights: components["schemas"]["ProjectLightsDto"];
            /** @description the project light: the worst of investment, start and registration */
            projectLight: components["schemas"]["InvestmentLight"];
            /** @description every reason of the three lights, worst first */
            projectLightReasons: components["schemas"]["LightReasonDto"][];
            plannedStartMonth: number | null;
            /**
             * Format: date
             * @example 2027-06-30
             */
            startedOn: string | null;
            /**
             * Format: date
             * @example 2027-06-30
             */
            statisticsRegisteredOn: string | null;
        };
        ProjectFiguresPageDto: {
            year: number;
            month: number;
            kind: components["schemas"]["LightKind"];
            /** @description the light filtered on; null: every project */
            light: components["schemas"]["InvestmentLight"] | null;
            /** @description projects matching (0 past the last page) */
            total: number;
            page: number;
            pageSize: number;
            /** @description worst first: by the light, then the furthest behind */
            items: components["schemas"]["ProjectFiguresItemDto"][];
        };
        /** @enum {string} */
        RankingMetric: "completion_rate" | "start_rate";
        /** @enum {string} */
        RateBasis: "to_date" | "year";
        RankedUnitDto: {
            /** @description ties share a rank (1, 1, 3) */
            rank: number;
            /** @description unit code */
            key: string;
            label: string;
            /**
             * @description %, two decimals
             * @example 73.27
             */
            rate: number;
            /** @description completed (万元) or projects started */
            numerator: string;
            /** @description planned (万元) or projects planned to start */
            denominator: string;
        };
        UnrankedUnitDto: {
            key: string;
            label: string;
            /** @example 无年度计划投资 */
            reason: string;
        };
        RankingsDto: {
            year: number;
            month: number;
            metric: components["schemas"]["RankingMetric"];
            basis: components["schemas"]["RateBasis"];
            /** @description the formula and its denominator, in Chinese, to publish with the ranking */
            definition: string;
            /**
             * @description what numerator and denominator count
             * @enum {string}
             */
            numeratorUnit: "万元" | "个";
            /** @description highest first */
            items: components["schemas"]["RankedUnitDto"][];
            /** @description units with nothing to be measured against: listed apart, not ranked last */
            unranked: components["schemas"]["UnrankedUnitDto"][];
        };
        GenerateBulletinDto: {
            /**
             * @description YYYY-MM, 2026-01 … 2030-12, not after the current month
             * @example 2026-09
             */
            month: string;
        };
        BulletinAcceptedDto: {
            /** Format: uuid */
            id: string;
            /** @example 2026-09 */
            month: string;
            /** @enum {string} */
            status: "generating";
            /** @description the generation (1, then one more per regeneration of the draft) */
            version: number;
        };
        /** @enum {string} */
        BulletinStatus: "generating" | "draft" | "published" | "failed";
        BulletinDto: {
            /** Format: uuid */
            id: string;
            /** @example 2026-09 */
            month: string;
            status: components["schemas"]["BulletinStatus"];
            /** @description why the last generation failed (status failed) */
            failureReason: string | null;
            /** @description the generation; a regeneration before publishing replaces the draft and adds one */
            version: number;
            /** @description who asked for the current generation */
            requestedByName: string | null;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            generatedAt: string | null;
            /** Format: date-time */
            publishedAt: string | null;
            publishedByName: string | null;
            /**
             * @description the Word document, once generated
             * @example /api/bulletins/…/document.docx
             */
            documentUrl: string | null;
            /**
             * @description the Excel annex, once generated
             * @example /api/bulletins/…/annex.xlsx
             */
            annexUrl: string | null;
        };
        BulletinListDto: {
            /** @description newest month first; owners see published bulletins only */
            items: components["schemas"]["BulletinDto"][];
        };
        /**
         * @description 用地 land, 征地拆迁 demolition, 资金 funding, 审批 approval, 水电气等要素 utilities, 规划 planning, 其他 other
         * @enum {string}
         */
        ProblemCategory: "land" | "demolition" | "funding" | "approval" | "utilities" | "planning" | "other";
        RaiseProblemDto: {
            /** @example 渝贵高铁綦江段用地指标未落实 */
            title: string;
            /** @description what blocks the project, and what is needed */
            description: string;
            /** @description 用地 land, 征地拆迁 demolition, 资金 funding, 审批 approval, 水电气等要素 utilities, 规划 planning, 其他 other */
            category: components["schemas"]["ProblemCategory"];
            /**
             * Format: date
             * @description by when the project needs it solved: today or later (APP_TIMEZONE)
             * @example 2027-06-30
             */
            neededBy: string;
            /** @description evidence of the problem (site photos, letters), attached with it; omitted: none */
            fileIds?: string[];
        };
        /**
         * @description open (待交办), assigned (已交办), closed (已销号)
         * @enum {string}
         */
        ProblemStatus: "open" | "assigned" | "closed";
        ProblemReplyDto: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            authorId: string | null;
            authorName: string;
            /** Format: uuid */
            authorUnitId: string | null;
            /** @description the author's unit (null for the DRC's reviewers) */
            authorUnitName: string | null;
            text: string;
            /** Format: date-time */
            createdAt: string;
            /** @description files attached to the reply, in upload order */
            files: components["schemas"]["FileRefDto"][];
        };
        ProblemDetailDto: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            projectId: string;
            projectName: string;
            /** @description 项目代码 */
            projectCode: string | null;
            /**
             * Format: uuid
             * @description the project's unit (who raised it)
             */
            projectUnitId: string;
            projectUnitName: string;
            title: string;
            description: string;
            category: components["schemas"]["ProblemCategory"];
            /**
             * @description the category as the district names it
             * @example 用地
             */
            categoryLabel: string;
            /**
             * Format: date
             * @example 2027-06-30
             */
            neededBy: string;
            /** @description open (待交办), assigned (已交办), closed (已销号) */
            status: components["schemas"]["ProblemStatus"];
            /** Format: uuid */
            assignedUnitId: string | null;
            assignedUnitName: string | null;
            /**
             * Format: date
             * @description 办结时限
             * @example 2027-06-30
             */
            dueDate: string | null;
            /** @description past its due date and not closed (APP_TIMEZONE) */
            overdue: boolean;
            /** @description days past the due date (0 when not overdue) */
            overdueDays: number;
            /** Format: uuid */
            raisedBy: string | null;
            raisedByName: string | null;
            /** Format: date-time */
            assignedAt: string | null;
            assignedByName: string | null;
            /** Format: date-time */
            closedAt: string | null;
            closedByName: string | null;
            /** @description 销号说明 */
            closeNote: string | null;
            /** @description rises with each change of status or assignment */
            version: number;
            replyCount: number;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            updatedAt: string;
            /** @description files attached when it was raised (photos with their capture time and place when their EXIF has them) */
            files: components["schemas"]["FileRefDto"][];
            /** @description oldest first */
            replies: components["schemas"]["ProblemReplyDto"][];
        };
        ProblemDto: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            projectId: string;
            projectName: string;
            /** @description 项目代码 */
            projectCode: string | null;
            /**
             * Format: uuid
             * @description the project's unit (who raised it)
             */
            projectUnitId: string;
            projectUnitName: string;
            title: string;
            description: string;
            category: components["schemas"]["ProblemCategory"];
            /**
             * @description the category as the district names it
             * @example 用地
             */
            categoryLabel: string;
            /**
             * Format: date
             * @example 2027-06-30
             */
            neededBy: string;
            /** @description open (待交办), assigned (已交办), closed (已销号) */
            status: components["schemas"]["ProblemStatus"];
            /** Format: uuid */
            assignedUnitId: string | null;
            assignedUnitName: string | null;
            /**
             * Format: date
             * @description 办结时限
             * @example 2027-06-30
             */
            dueDate: string | null;
            /** @description past its due date and not closed (APP_TIMEZONE) */
            overdue: boolean;
            /** @description days past the due date (0 when not overdue) */
            overdueDays: number;
            /** Format: uuid */
            raisedBy: string | null;
            raisedByName: string | null;
            /** Format: date-time */
            assignedAt: string | null;
            assignedByName: string | null;
            /** Format: date-time */
            closedAt: string | null;
            closedByName: string | null;
            /** @description 销号说明 */
            closeNote: string | null;
            /** @description rises with each change of status or assignment */
            version: number;
            replyCount: number;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            updatedAt: string;
        };
        ProblemListDto: {
            /** @description overdue first (most days first), then the newest */
            items: components["schemas"]["ProblemDto"][];
            total: number;
        };
        ProblemCategoryCountDto: {
            category: components["schemas"]["ProblemCategory"];
            /** @example 用地 */
            label: string;
            /** @description open (not closed) problems of the category */
            open: number;
            /** @description of them, past their due date */
            overdue: number;
        };
        /**
         * @description days since raised (APP_TIMEZONE): week ≤ 7, month 8–30, quarter 31–90, older > 90
         * @enum {string}
         */
        ProblemAgeBucket: "week" | "month" | "quarter" | "older";
        ProblemAgeCountDto: {
            /** @description days since raised (APP_TIMEZONE): week ≤ 7, month 8–30, quarter 31–90, older > 90 */
            bucket: components["schemas"]["ProblemAgeBucket"];
            /** @example 8–30天 */
            label: string;
            /** @description open (not closed) problems of that age */
            open: number;
        };
        ProblemSummaryDto: {
            /** @description open (not closed: 待交办 or 已交办) problems */
            open: number;
            /** @description of them, past their due date */
            overdue: number;
            /** @description every category, in the district’s order */
            byCategory: components["schemas"]["ProblemCategoryCountDto"][];
            /** @description every age bucket, youngest first */
            byAge: components["schemas"]["ProblemAgeCountDto"][];
        };
        AssignProblemDto: {
            /**
             * Format: uuid
             * @description the unit (责任单位) that can solve it
             */
            unitId: string;
            /**
             * Format: date
             * @description the date it must be answered by (办结时限): today or later (APP_TIMEZONE); past it, the problem is overdue
             * @example 2027-06-30
             */
            dueDate: string;
        };
        ReplyProblemDto: {
            text: string;
            /** @description files answering it (a reply letter, a photo of the work done), attached to the reply; omitted: none. Leaders (区领导) comment without files */
            fileIds?: string[];
        };
        ProblemNoteDto: {
            /** @description 销号说明 (how it was solved) or why it is reopened */
            note: string;
        };
        SupervisionNoticeDto: {
            /** Format: uuid */
            id: string;
            /** @example 督办〔2027〕3号 */
            number: string;
            year: number;
            /** @description its number within the year, from 1 without gaps */
            sequence: number;
            /** Format: uuid */
            problemId: string;
            problemTitle: string;
            /** Format: uuid */
            projectId: string;
            projectName: string;
            /**
             * Format: uuid
             * @description the unit it is sent to (the problem’s assigned unit)
             */
            unitId: string;
            unitName: string;
            /**
             * Format: date
             * @description the due date the problem missed
             * @example 2027-06-30
             */
            dueDate: string;
            /**
             * Format: date
             * @description the written reply demanded by
             * @example 2027-06-30
             */
            replyBy: string;
            /** Format: date-time */
            createdAt: string;
            /**
             * Format: date-time
             * @description the unit’s first reply in the problem’s thread since the notice
             */
            answeredAt: string | null;
            /** @example /api/supervision-notices/…/document.docx */
            documentUrl: string;
        };
        SupervisionNoticeListDto: {
            /** @description newest first */
            items: components["schemas"]["SupervisionNoticeDto"][];
        };
        FileDto: {
            /** Format: uuid */
            id: string;
            /** @description the name it was uploaded with */
            name: string;
            /** @description bytes */
            size: number;
            /** @description sniffed from the content, never from the name */
            contentType: components["schemas"]["EvidenceContentType"];
            /**
             * Format: date-time
             * @description a photo’s capture time (EXIF), when it has one
             */
            takenAt: string | null;
            /** @description a photo’s capture place (EXIF GPS), when it has one */
            location: components["schemas"]["FileLocationDto"] | null;
            /** @description SHA-256 of the content, hex */
            sha256: string;
            /** Format: uuid */
            uploadedBy: string;
            /** Format: date-time */
            createdAt: string;
        };
        ProjectTypeDto: {
            /** @example government_infrastructure */
            code: string;
            /** @example 政府投资基础设施 */
            label: string;
        };
        ApprovalCountsDto: {
            required: number;
            done: number;
            notApplicable: number;
            /**
             * @description 前期手续办结率 = done ÷ (required − notApplicable) × 100, two decimals; null when nothing is left to require
             * @example 66.67
             */
            rate: number | null;
        };
        /** @enum {string} */
        ApprovalStatus: "not_started" | "in_progress" | "done" | "not_applicable";
        ApprovalDto: {
            /**
             * Format: uuid
             * @description the milestone id: the milestone routes (dates, re-baselining) serve it too
             */
            id: string;
            /** Format: uuid */
            projectId: string;
            /** @example eia */
            code: string;
            /** @example 环评批复 */
            name: string;
            /**
             * @description 审批部门
             * @example 区生态环境局
             */
            department: string | null;
            /** @description the stage the approval serves */
            stage: components["schemas"]["Stage"];
            sortOrder: number;
            /**
             * @description approvals sharing a group may run in parallel (并联审批)
             * @example assessments
             */
            parallelGroup: string | null;
            status: components["schemas"]["ApprovalStatus"];
            /** @description 批复文号 */
            documentNo: string | null;
            /**
             * Format: date
             * @description 批复日期 (the milestone’s actual date)
             * @example 2027-06-30
             */
            documentDate: string | null;
            notApplicableReason: string | null;
            /**
             * Format: date
             * @example 2027-06-30
             */
            baselineDate: string | null;
            /**
             * Format: date
             * @example 2027-06-30
             */
            forecastDate: string | null;
            /** @description realises the 2030 target (never 不适用) */
            realisesTarget: boolean;
            version: number;
            /** Format: date-time */
            updatedAt: string;
            /** @description files attached (the 批复 scan), in upload order */
            files: components["schemas"]["FileRefDto"][];
        };
        ProjectApprovalsDto: {
            /** Format: uuid */
            projectId: string;
            projectType: components["schemas"]["ProjectTypeDto"] | null;
            counts: components["schemas"]["ApprovalCountsDto"];
            items: components["schemas"]["ApprovalDto"][];
        };
        UpdateApprovalDto: {
            /** @description the approval version the client saw */
            version: number;
            /** @description not_started 未启动, in_progress 办理中, done 已办结, not_applicable 不适用 */
            status: components["schemas"]["ApprovalStatus"];
            /**
             * @description 批复文号 (required for done)
             * @example 綦江发改投〔2026〕12号
             */
            documentNo?: string;
            /**
             * Format: date
             * @description 批复日期 YYYY-MM-DD, not after today (required for done)
             * @example 2027-06-30
             */
            documentDate?: string;
            /** @description 不适用的原因 (required for not_applicable) */
            reason?: string;
            /** @description the approval’s files (the 批复 scan), the whole list: files left out are detached; omitted: the files stay as they are */
            fileIds?: string[];
        };
        /** @enum {string} */
        PreworkDimension: "district" | "part" | "chapter" | "column" | "sector" | "unit";
        PreworkSummaryItemDto: {
            required: number;
            done: number;
            notApplicable: number;
            /**
             * @description 前期手续办结率 = done ÷ (required − notApplicable) × 100, two decimals; null when nothing is left to require
             * @example 66.67
             */
            rate: number | null;
            /**
             * @description part/chapter/column number, sector code, unit code; district
             * @example district
             */
            key: string;
            /** @example 全区 */
            label: string;
            /** @description projects in preparation counted */
            projects: number;
        };
        PreworkSummaryDto: {
            by: components["schemas"]["PreworkDimension"];
            /**
             * @description district: every unit’s projects; unit: an owner’s own
             * @enum {string}
             */
            scope: "district" | "unit";
            items: components["schemas"]["PreworkSummaryItemDto"][];
        };
        AdminUserDto: {
            /** Format: uuid */
            id: string;
            username: string;
            displayName: string;
            role: components["schemas"]["Role"];
            unit: components["schemas"]["UnitRefDto"] | null;
            email: string | null;
            /** @description false: cannot sign in */
            active: boolean;
            /** @description the last sign-in used a password below the policy: the console asks for a new one */
            mustChangePassword: boolean;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            updatedAt: string;
        };
        AdminUserListDto: {
            items: components["schemas"]["AdminUserDto"][];
        };
        CreateUserDto: {
            /**
             * @description stored lower-case
             * @example zhang_san
             */
            username: string;
            /** @example 张三 */
            displayName: string;
            /**
             * @description owner (项目责任单位) | reviewer (区发展改革委审核) | admin (管理员)
             * @enum {string}
             */
            role: "owner" | "reviewer" | "leader" | "admin";
            /**
             * Format: uuid
             * @description the unit (责任单位); required for owners
             */
            unitId?: string;
            /**
             * Format: password
             * @description at least 10 characters with three of lower case, upper case, digits and symbols; not containing the username; not a common password
             */
            password: string;
            /** @example zhangsan@qj.gov.cn */
            email?: string;
        };
        UpdateUserDto: {
            /** @example 张三 */
            displayName?: string;
            /** @enum {string} */
            role?: "owner" | "reviewer" | "leader" | "admin";
            /** Format: uuid */
            unitId?: Record<string, never> | null;
            /** @description false deactivates: the user can no longer sign in, and their tokens stop working at once */
            active?: boolean;
            /**
             * Format: password
             * @description at least 10 characters with three of lower case, upper case, digits and symbols; not containing the username; not a common password; ends the user's sessions
             */
            password?: string;
            email?: Record<string, never> | null;
        };
        ResetPasswordDto: {
            /**
             * Format: password
             * @description at least 10 characters with three of lower case, upper case, digits and symbols; not containing the username; not a common password; ends every session of the user
             */
            password: string;
        };
        UnitSummaryDto: {
            /** Format: uuid */
            id: string;
            /** @example transport */
            code: string;
            /** @example 区交通局 */
            name: string;
            sectors: components["schemas"]["Sector"][];
            /** @description false: 停用 (disabled), offered to no new user */
            active: boolean;
            projectCount: number;
            /** @description enabled users of the unit */
            userCount: number;
        };
        UnitListDto: {
            items: components["schemas"]["UnitSummaryDto"][];
        };
        CreateUnitDto: {
            /**
             * @description stored lower-case; unique
             * @example transport
             */
            code: string;
            /** @example 区交通局 */
            name: string;
            /** @description sectors whose imported projects go to this unit by default */
            sectors?: components["schemas"]["Sector"][];
        };
        UpdateUnitDto: {
            /** @example 区交通运输局 */
            name?: string;
            /** @description sectors whose imported projects go to this unit by default */
            sectors?: components["schemas"]["Sector"][];
            /** @description false disables the unit (only while no enabled user and no project belongs to it: else 409 unit_in_use); true enables it again */
            active?: boolean;
        };
        /** @enum {string} */
        AuditKind: "transition.requested" | "transition.approved" | "transition.rejected" | "transition.withdrawn" | "transition.overridden" | "milestone.updated" | "milestone.rebaselined" | "milestone.marked_not_applicable" | "milestone.applicable_again" | "rebaseline.requested" | "rebaseline.rejected" | "rebaseline.withdrawn" | "project.unit_reassigned" | "project.facts_updated" | "investment_plan.issued" | "investment_plan.adjusted" | "monthly_report.saved" | "monthly_report.submitted" | "monthly_report.returned" | "problem.raised" | "problem.assigned" | "problem.replied" | "problem.closed" | "problem.reopened" | "file.uploaded" | "file.removed" | "user.created" | "user.updated" | "user.disabled" | "user.enabled" | "user.password_reset" | "unit.created" | "unit.renamed" | "unit.sectors_changed" | "unit.disabled" | "unit.enabled";
        LabelTextDto: {
            /** @example 批准阶段转换 */
            zh: string;
            /** @example Stage change approved */
            en: string;
        };
        AuditActorDto: {
            /**
             * Format: uuid
             * @description null for the system
             */
            id: string | null;
            /** @description the name as it was when they acted */
            name: string;
        };
        AuditProjectDto: {
            /** Format: uuid */
            id: string;
            name: string;
            /** @description 项目代码, when known */
            code: string | null;
        };
        AuditLogItemDto: {
            /** @description the audit row id (bigint, as a string) */
            id: string;
            /** Format: date-time */
            at: string;
            /** @description the action code: one of transition.requested, transition.approved, transition.rejected, transition.withdrawn, transition.overridden, milestone.updated, milestone.rebaselined, milestone.marked_not_applicable, milestone.applicable_again, rebaseline.requested, rebaseline.rejected, rebaseline.withdrawn, project.unit_reassigned, project.facts_updated, investment_plan.issued, investment_plan.adjusted, monthly_report.saved, monthly_report.submitted, monthly_report.returned, problem.raised, problem.assigned, problem.replied, problem.closed, problem.reopened, file.uploaded, file.removed, user.created, user.updated, user.disabled, user.enabled, user.password_reset, unit.created, unit.renamed, unit.sectors_changed, unit.disabled, unit.enabled, or another (labelled 其他变更) */
            kind: string;
            kindLabel: components["schemas"]["LabelTextDto"];
            actor: components["schemas"]["AuditActorDto"];
            /** @description the project's unit; for an admin's change to a user or unit, that user's unit or the unit; for another row about no project, the actor's */
            unit: components["schemas"]["UnitRefDto"] | null;
            project: components["schemas"]["AuditProjectDto"] | null;
            /** @description what happened, in one Chinese sentence (as in the project history); never a password */
            summary: string;
        };
        AuditLogPageDto: {
            /** @description newest first */
            items: components["schemas"]["AuditLogItemDto"][];
            /** @description rows matching the filters */
            total: number;
            page: number;
            pageSize: number;
        };
        AuditKindDto: {
            code: components["schemas"]["AuditKind"];
            label: components["schemas"]["LabelTextDto"];
        };
        AuditKindListDto: {
            items: components["schemas"]["AuditKindDto"][];
        };
        AuditActorOptionDto: {
            /** Format: uuid */
            id: string;
            name: string;
            username: string;
            unit: components["schemas"]["UnitRefDto"] | null;
        };
        AuditActorListDto: {
            items: components["schemas"]["AuditActorOptionDto"][];
        };
        DemoStatusDto: {
            /** @description the demo history is loaded (or being loaded): every page shows 演示数据 */
            loaded: boolean;
            /** @enum {string|null} */
            status: "loading" | "loaded" | null;
            /** Format: date-time */
            loadedAt: string | null;
            /** @description the seed of its random choices */
            seed: number | null;
            /** @description it may be loaded now: nothing loaded and no activity on the tracker (an admin’s to do) */
            canLoad: boolean;
        };
        DemoActionCountsDto: {
            /** @description annual plans issued and adjusted */
            plan: number;
            /** @description project facts (总投资, 入库纳统) */
            facts: number;
            /** @description milestone updates */
            milestone: number;
            /** @description 开工 requests approved */
            start: number;
            /** @description 建成投用 requests approved */
            complete: number;
            /** @description monthly reports saved and submitted */
            report: number;
        };
        DemoLoadedDto: {
            seed: number;
            /** @example 2026 */
            year: number;
            /** @description the last month reported (the one before today’s) */
            lastMonth: number;
            actions: components["schemas"]["DemoActionCountsDto"];
            /** @description how long the load took */
            milliseconds: number;
        };
        DemoClearedDto: {
            /**
             * @example {
             *       "monthly_report": 2760,
             *       "audit_event": 9000
             *     }
             */
            removed: {
                [key: string]: number;
            };
            /** @description how long the clear took */
            milliseconds: number;
        };
        QueueDashboardSessionDto: {
            /** @example /admin/queues */
            url: string;
            /** Format: date-time */
            expiresAt: string;
        };
        /** @enum {string} */
        QueueName: "maintenance" | "outbox" | "events" | "rollups" | "notifications" | "alerts" | "mail" | "digest" | "bulletin" | "reports";
        FailedJobDto: {
            queue: components["schemas"]["QueueName"];
            id: string;
            /** @example digest.compose */
            name: string;
            /** @description the job’s payload */
            data: {
                [key: string]: unknown;
            };
            failedReason: string;
            attemptsMade: number;
            /** @description attempts the job was allowed */
            attempts: number;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            processedAt: string | null;
            /** Format: date-time */
            failedAt: string | null;
            stacktraceHead: string | null;
        };
        FailedJobCountsDto: {
            maintenance: number;
            outbox: number;
            events: number;
            rollups: number;
            notifications: number;
            alerts: number;
            mail: number;
            digest: number;
            bulletin: number;
            reports: number;
        };
        FailedJobsPageDto: {
            items: components["schemas"]["FailedJobDto"][];
            total: number;
            page: number;
            pageSize: number;
            /** @description failed jobs per queue, every queue named (0 when none) */
            counts: components["schemas"]["FailedJobCountsDto"];
        };
        RetriedJobDto: {
            queue: components["schemas"]["QueueName"];
            id: string;
            /**
             * @description the job’s state after the retry
             * @example waiting
             */
            state: string;
        };
        OperationsSettingsDto: {
            /** @enum {string} */
            mailTransport: "smtp" | "eml";
            /** @description where .eml files go when SMTP_URL is unset */
            emlDirectory: string | null;
            queuePrefix: string;
        };
        /**
         * @description machine-readable code of the refusal (the error catalogue: each code has one HTTP status and a message per language)
         * @enum {string}
         */
        ErrorCode: "validation_failed" | "malformed_json" | "body_too_deep" | "body_too_large" | "unsupported_charset" | "unsupported_encoding" | "body_incomplete" | "undecodable_path" | "body_unprocessable" | "route_not_found" | "file_missing" | "file_not_xlsx" | "file_too_large" | "file_inflates_too_large" | "file_not_template" | "invalid_upload" | "invalid_file" | "evidence_missing_file" | "evidence_upload_invalid" | "file_type_unsupported" | "import_rows_invalid" | "unauthenticated" | "metrics_unauthenticated" | "invalid_credentials" | "login_locked" | "forbidden" | "no_unit" | "outside_unit" | "files_not_attachable" | "own_request" | "not_requester" | "reviewer_rebaseline_only" | "rebaseline_needs_reviewer" | "project_not_found" | "milestone_not_found" | "approval_not_found" | "request_not_found" | "user_not_found" | "unit_not_found" | "digest_not_found" | "notification_not_found" | "file_not_found" | "file_no_thumbnail" | "job_not_found" | "version_conflict" | "username_taken" | "last_admin" | "unit_code_taken" | "unit_in_use" | "pending_request_exists" | "request_already_decided" | "workflow_version_retired" | "milestone_done" | "milestone_not_pending" | "milestone_not_marked" | "job_not_failed" | "unknown_state" | "terminal_state" | "transition_not_allowed" | "unknown_transition" | "approval_not_required" | "approval_required" | "reason_required" | "evidence_missing" | "guard_failed" | "approval_on_checklist" | "target_milestone" | "project_code_taken" | "plan_not_found" | "month_locked" | "bulletin_not_found" | "bulletin_published" | "bulletin_not_ready" | "report_not_found" | "report_not_submitted" | "report_submitted" | "report_already_submitted" | "plan_year_missing" | "problem_not_found" | "problem_closed" | "supervision_notice_not_found" | "problem_not_closed" | "demo_tracker_active" | "demo_loaded" | "demo_not_loaded" | "not_ready" | "backend_unavailable" | "internal";
        AllowedNowDto: {
            /** @example begin_construction */
            transitionId: string;
            /** @example start */
            to: string;
            /** @example 开工 */
            name: string;
            canRequest: boolean;
            requiredEvidence: string[];
            requiresReason: boolean;
        };
        FailedGuardDto: {
            /** @example milestonesSettled */
            guard: string;
            detail: string;
            /** @description milestone codes */
            missing: string[];
        };
        ProblemDetailsDto: {
            /**
             * Format: uri
             * @example https://qijiang-tracker.local/problems/validation-failed
             */
            type: string;
            /** @example 请求无效 */
            title: string;
            /** @example 400 */
            status: number;
            /** @example 请求参数有误：version */
            detail: string;
            /**
             * @description the request path
             * @example /api/milestones/6b0c…
             */
            instance?: string;
            /**
             * @description machine-readable code of the refusal (the error catalogue: each code has one HTTP status and a message per language)
             * @example version_conflict
             */
            code?: components["schemas"]["ErrorCode"];
            /** @description one entry per invalid field */
            errors?: components["schemas"]["FieldErrorDto"][];
            /**
             * Format: uuid
             * @description 500 only: the id under which the error is in the log
             */
            errorId?: string;
            /** @description 429: seconds to wait (also the Retry-After header) */
            retryAfterSeconds?: number;
            /** @description workflow refusals (409/422): the project’s stage now */
            currentStage?: string;
            /** @description workflow refusals: the stage before on_hold */
            previousStage?: string | null;
            /** @description workflow refusals: the transitions allowed now */
            allowed?: components["schemas"]["AllowedNowDto"][];
            /** @description guard_failed (422) */
            failedGuards?: components["schemas"]["FailedGuardDto"][];
            /** @description evidence_missing (422): the evidence fields missing */
            missingEvidence?: string[];
            /** @description version_conflict (409) on a project: its version now */
            currentVersion?: number;
            /** @description version_conflict (409) on a milestone: the milestone as it is now */
            current?: {
                [key: string]: unknown;
            };
            /** @description request_already_decided (409): approved, rejected or withdrawn */
            requestStatus?: string;
            /**
             * @description outside_unit (403): the permission refused
             * @example milestone.update
             */
            action?: string;
            /** @description not_ready (503): the services that did not answer */
            failed?: string[];
            /**
             * Format: uuid
             * @description project_code_taken (409): the project that has the code; outside_unit (403): the project
             */
            projectId?: string;
            /** @description project_code_taken (409): the name of the project that has the code */
            projectName?: string;
            /** @description project_code_taken (409): the 项目代码 asked for */
            projectCode?: string;
            /**
             * @description approval_on_checklist (422): the route that records the approval
             * @example /api/approvals/{id}
             */
            route?: string;
        } & {
            [key: string]: unknown;
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    HealthController_alive: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LivenessDto"];
                };
            };
        };
    };
    HealthController_ready: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReadinessDto"];
                };
            };
            /** @description not_ready: `failed` names the services that did not answer, `checks` gives each */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
        };
    };
    ProjectExportController_export: {
        parameters: {
            query?: {
                /** @description 篇 number (1–12); matches every part that names the project */
                part?: number;
                /** @description 章 number (1–36) */
                chapter?: number;
                /** @description 专栏 number (1–26) */
                column?: number;
                sector?: "transport" | "energy" | "water" | "logistics" | "urban_renewal" | "housing" | "industry" | "agriculture" | "education" | "health" | "elderly_care" | "culture_sports" | "commerce" | "ecology" | "safety" | "digital" | "other";
                /** @description current stage */
                stage?: "study" | "start" | "complete" | "on_hold" | "cancelled";
                /** @description what the plan wants by 2030 */
                target?: "study" | "start" | "complete";
                /** @description responsible unit (责任单位): its id or code, e.g. transport */
                unit?: string;
                /** @description search in names, full pinyin and pinyin initials (渝贵, yuguigaotie, yggt) */
                q?: string;
                /** @description 红黄绿灯 */
                rag?: "green" | "amber" | "red";
                /** @description true: has an overdue milestone; false: has none */
                overdue?: boolean;
                /** @description true: stale (no update for 30 days, not completed or cancelled); false: not stale */
                stale?: boolean;
                /** @description sort key; a leading "-" sorts descending. Unset: plan order, or with q the best matches first (whole-name pinyin initials, then an initials prefix, then the name or its pinyin, then initials within) */
                sort?: "plan" | "-plan" | "name" | "-name" | "stage" | "-stage" | "target" | "-target" | "sector" | "-sector" | "column" | "-column" | "chapter" | "-chapter" | "updatedAt" | "-updatedAt" | "plannedInvestment" | "-plannedInvestment" | "completedYtd" | "-completedYtd" | "completionRate" | "-completionRate" | "lastChangedAt" | "-lastChangedAt";
                /** @description year of the investment figures (年度计划, 累计完成, 完成率); default: the current report month’s (last month) */
                year?: number;
                /** @description figures for months 1–m of the year, not after the current month; default: the current report month (December of a past year) */
                month?: number;
                page?: number;
                pageSize?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description title row, a subtitle naming the filters, a frozen header with autofilter, one row per project; X-Total-Count says how many */
            200: {
                headers: {
                    /** @description attachment; the Chinese file name as filename* (RFC 5987) */
                    "Content-Disposition"?: string;
                    /** @description rows in the file */
                    "X-Total-Count"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": string;
                };
            };
            /** @description 请求无效 */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description 未登录或登录已过期 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description 服务暂时不可用 */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
        };
    };
    PlanController_tree: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PlanTreeDto"];
                };
            };
            /** @description 未登录或登录已过期 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description 服务暂时不可用 */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
        };
    };
    PlanController_indicators: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["IndicatorListDto"];
                };
            };
            /** @description 未登录或登录已过期 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description 服务暂时不可用 */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
        };
    };
    ProjectsController_list: {
        parameters: {
            query?: {
                /** @description 篇 number (1–12); matches every part that names the project */
                part?: number;
                /** @description 章 number (1–36) */
                chapter?: number;
                /** @description 专栏 number (1–26) */
                column?: number;
                sector?: "transport" | "energy" | "water" | "logistics" | "urban_renewal" | "housing" | "industry" | "agriculture" | "education" | "health" | "elderly_care" | "culture_sports" | "commerce" | "ecology" | "safety" | "digital" | "other";
                /** @description current stage */
                stage?: "study" | "start" | "complete" | "on_hold" | "cancelled";
                /** @description what the plan wants by 2030 */
                target?: "study" | "start" | "complete";
                /** @description responsible unit (责任单位): its id or code, e.g. transport */
                unit?: string;
                /** @description search in names, full pinyin and pinyin initials (渝贵, yuguigaotie, yggt) */
                q?: string;
                /** @description 红黄绿灯 */
                rag?: "green" | "amber" | "red";
                /** @description true: has an overdue milestone; false: has none */
                overdue?: boolean;
                /** @description true: stale (no update for 30 days, not completed or cancelled); false: not stale */
                stale?: boolean;
                /** @description sort key; a leading "-" sorts descending. Unset: plan order, or with q the best matches first (whole-name pinyin initials, then an initials prefix, then the name or its pinyin, then initials within) */
                sort?: "plan" | "-plan" | "name" | "-name" | "stage" | "-stage" | "target" | "-target" | "sector" | "-sector" | "column" | "-column" | "chapter" | "-chapter" | "updatedAt" | "-updatedAt" | "plannedInvestment" | "-plannedInvestment" | "completedYtd" | "-completedYtd" | "completionRate" | "-completionRate" | "lastChangedAt" | "-lastChangedAt";
                /** @description year of the investment figures (年度计划, 累计完成, 完成率); default: the current report month’s (last month) */
                year?: number;
                /** @description figures for months 1–m of the year, not after the current month; default: the current report month (December of a past year) */
                month?: number;
                page?: number;
                pageSize?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProjectPageDto"];
                };
            };
            /** @description 请求无效 */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description 未登录或登录已过期 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description 服务暂时不可用 */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
        };
    };
    ProjectsController_detail: {
        parameters: {
            query?: never;
            header: {
                "accept-language": string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProjectDetailDto"];
                };
            };
            /** @description 请求无效 */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description 未登录或登录已过期 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description no project with this id */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description 服务暂时不可用 */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
        };
    };
    ProjectsController_updateFacts: {
        parameters: {
            query?: never;
            header: {
                "if-match": string;
                /** @description the project version you saw, instead of `version` in the body */
                "If-Match"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateProjectFactsDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProjectFactsDto"];
                };
            };
            /** @description 请求无效 */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description 未登录或登录已过期 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description 无权执行此操作 (role, or a resource of another unit) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description 未找到 */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description version_conflict (with currentVersion), or project_code_taken: another project has this 项目代码 (projectId, projectName) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description 请求内容过大 */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description 服务暂时不可用 */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
        };
    };
    AuthController_login: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["LoginDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LoginResponseDto"];
                };
            };
            /** @description 请求无效 */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description 用户名或密码错误 (the same for an unknown user and a wrong password) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description 请求内容过大 */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description 登录失败次数过多：账号 5 次失败锁定 1 分钟、10 次锁定 15 分钟（同一地址 30 次、100 次），带 Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
        };
    };
    AuthController_changePassword: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ChangePasswordDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LoginResponseDto"];
                };
            };
            /** @description currentPassword is wrong, or newPassword breaks the password policy (the field is named) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description 未登录或登录已过期 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description 请求内容过大 */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description 登录失败次数过多：账号 5 次失败锁定 1 分钟、10 次锁定 15 分钟（同一地址 30 次、100 次），带 Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description 服务暂时不可用 */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
        };
    };
    AuthController_logout: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Signed out */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description 未登录或登录已过期 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description 服务暂时不可用 */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
        };
    };
    AuthController_me: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProfileDto"];
                };
            };
            /** @description 未登录或登录已过期 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description 服务暂时不可用 */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
        };
    };
    MilestoneImportController_template: {
        parameters: {
            query?: {
                /** @description reviewers and admins: one unit’s milestones (owners always get their own unit’s) */
                unitId?: string;
                /** @description one project’s milestones */
                projectId?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 里程碑更新模板-<单位>-<日期>.xlsx */
            200: {
                headers: {
                    /** @description attachment; the Chinese file name as filename* (RFC 5987) */
                    "Content-Disposition"?: string;
                    /** @description rows in the file */
                    "X-Total-Count"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": string;
                };
            };
            /** @description 请求无效 */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description 未登录或登录已过期 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description outside_unit: an owner asked for another unit */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description 服务暂时不可用 */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
        };
    };
    MilestoneImportController_import: {
        parameters: {
            query?: {
                /** @description true: validate and preview only, change nothing */
                dryRun?: boolean;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "multipart/form-data": {
                    /** Format: binary */
                    file: string;
                };
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MilestoneImportResultDto"];
                };
            };
            /** @description not an .xlsx, or a malformed upload (problem naming `file`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description 未登录或登录已过期 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description 无权执行此操作 (role, or a resource of another unit) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description the upload is over 2 MB, or inflates past 20 MB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description import_rows_invalid: each row’s errors, with `rows` and `summary` as in the 200; nothing applied; or more than a template can hold */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description 服务暂时不可用 */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
        };
    };
    MilestonesController_listMilestones: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MilestoneListDto"];
                };
            };
            /** @description 请求无效 */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description 未登录或登录已过期 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description 未找到 */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description 服务暂时不可用 */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
        };
    };
    MilestonesController_updateMilestone: {
        parameters: {
            query?: never;
            header: {
                "if-match": string;
                /** @description the version you saw, instead of `version` in the body */
                "If-Match"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateMilestoneDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UpdatedMilestoneDto"];
                };
            };
            /** @description 请求无效 */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description 未登录或登录已过期 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description 无权执行此操作 (role, or a resource of another unit) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description 未找到 */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description version_conflict: the milestone changed since (the body carries it as it is now) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description 请求内容过大 */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description approval_on_checklist: an approval’s actual date, set or cleared here (naming actualDate and the route to use) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description 服务暂时不可用 */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
        };
    };
    MilestonesController_markNotApplicable: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["MarkNotApplicableDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MilestoneDto"];
                };
            };
            /** @description 请求无效 */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description 未登录或登录已过期 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description 无权执行此操作 (role, or a resource of another unit) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description 未找到 */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description version_conflict, or the milestone is not pending */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description 请求内容过大 */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description target_milestone: it realises the 2030 target */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description 服务暂时不可用 */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
        };
    };
    MilestonesController_markApplicable: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["MarkApplicableDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MilestoneDto"];
                };
            };
            /** @description 请求无效 */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description 未登录或登录已过期 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description 无权执行此操作 (role, or a resource of another unit) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description 未找到 */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description version_conflict, or the milestone is not marked 不适用 */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description 请求内容过大 */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description 服务暂时不可用 */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
        };
    };
    MilestonesController_requestRebaseline: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RebaselineRequestDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RebaselineRequestViewDto"];
                };
            };
            /** @description 请求无效 */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description 未登录或登录已过期 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description 无权执行此操作 (role, or a resource of another unit) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description 未找到 */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description version_conflict, or the milestone is done or 不适用 */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description 请求内容过大 */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description 服务暂时不可用 */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
        };
    };
    MilestonesController_listRebaselines: {
        parameters: {
            query?: {
                /** @description one project's requests */
                projectId?: string;
                status?: "pending" | "approved" | "rejected";
                page?: number;
                pageSize?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RebaselineRequestPageDto"];
                };
            };
            /** @description 请求无效 */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description 未登录或登录已过期 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description 服务暂时不可用 */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
        };
    };
    MilestonesController_approveRebaseline: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["DecisionDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RebaselineRequestViewDto"];
                };
            };
            /** @description 请求无效 */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description 未登录或登录已过期 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description 无权执行此操作 (role, or a resource of another unit) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description 未找到 */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description request_already_decided */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description 请求内容过大 */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description 服务暂时不可用 */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
        };
    };
    MilestonesController_rejectRebaseline: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["DecisionDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RebaselineRequestViewDto"];
                };
            };
            /** @description 请求无效 */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description 未登录或登录已过期 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description 无权执行此操作 (role, or a resource of another unit) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description 未找到 */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description request_already_decided */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description 请求内容过大 */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description 服务暂时不可用 */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
        };
    };
    MilestonesController_withdrawRebaseline: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["DecisionDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RebaselineRequestViewDto"];
                };
            };
            /** @description 请求无效 */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description 未登录或登录已过期 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description 无权执行此操作 (role, or a resource of another unit) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description 未找到 */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description request_already_decided */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description 请求内容过大 */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description 服务暂时不可用 */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
        };
    };
    WorkflowController_allowed: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TransitionsDto"];
                };
            };
            /** @description 请求无效 */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description 未登录或登录已过期 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description 未找到 */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description 服务暂时不可用 */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
        };
    };
    WorkflowController_requestTransition: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateTransitionRequestDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TransitionRequestViewDto"];
                };
            };
            /** @description 请求无效 */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description 未登录或登录已过期 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description 无权执行此操作 (role, or a resource of another unit) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description 未找到 */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description not allowed now, a request already pending, or version_conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description 请求内容过大 */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description a guard failed, evidence or reason missing */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description 服务暂时不可用 */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
        };
    };
    WorkflowController_listRequests: {
        parameters: {
            query?: {
                /** @description one project's requests */
                projectId?: string;
                status?: "pending" | "approved" | "rejected";
                page?: number;
                pageSize?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TransitionRequestPageDto"];
                };
            };
            /** @description 请求无效 */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description 未登录或登录已过期 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description 服务暂时不可用 */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
        };
    };
    WorkflowController_getRequest: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TransitionRequestViewDto"];
                };
            };
            /** @description 请求无效 */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description 未登录或登录已过期 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description 未找到 */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description 服务暂时不可用 */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
        };
    };
    WorkflowController_approve: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["DecisionDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TransitionRequestViewDto"];
                };
            };
            /** @description 请求无效 */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description 未登录或登录已过期 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description 无权执行此操作 (role, or a resource of another unit) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description 未找到 */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description request_already_decided, workflow_version_retired, or no longer allowed */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description 请求内容过大 */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description a guard failed */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description 服务暂时不可用 */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
        };
    };
    WorkflowController_reject: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["DecisionDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TransitionRequestViewDto"];
                };
            };
            /** @description 请求无效 */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description 未登录或登录已过期 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description 无权执行此操作 (role, or a resource of another unit) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description 未找到 */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description request_already_decided */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description 请求内容过大 */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description 服务暂时不可用 */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
        };
    };
    WorkflowController_withdraw: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["DecisionDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TransitionRequestViewDto"];
                };
            };
            /** @description 请求无效 */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description 未登录或登录已过期 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description 无权执行此操作 (role, or a resource of another unit) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description 未找到 */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description request_already_decided */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description 请求内容过大 */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description 服务暂时不可用 */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
        };
    };
    WorkflowController_override: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["OverrideDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OverrideResultDto"];
                };
            };
            /** @description 请求无效 */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description 未登录或登录已过期 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description 无权执行此操作 (role, or a resource of another unit) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description 未找到 */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description not a stage an override may move to, or version_conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description 请求内容过大 */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description 无法处理的请求 */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description 服务暂时不可用 */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
        };
    };
    WorkflowController_reassignUnit: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ReassignUnitDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnitReassignmentDto"];
                };
            };
            /** @description 请求无效 */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description 未登录或登录已过期 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description 无权执行此操作 (role, or a resource of another unit) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description 未找到 */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description version_conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description 请求内容过大 */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description 服务暂时不可用 */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
        };
    };
    WorkflowController_history: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HistoryDto"];
                };
            };
            /** @description 请求无效 */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description 未登录或登录已过期 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description 未找到 */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description 服务暂时不可用 */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
        };
    };
    NotificationsController_list: {
        parameters: {
            query?: {
                limit?: number;
                /** @description true: only the unread ones */
                unread?: boolean;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NotificationListDto"];
                };
            };
            /** @description 请求无效 */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description 未登录或登录已过期 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description 服务暂时不可用 */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
        };
    };
    NotificationsController_readAll: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReadAllResultDto"];
                };
            };
            /** @description 未登录或登录已过期 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description 服务暂时不可用 */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
        };
    };
    NotificationsController_read: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description the notification’s number */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NotificationDto"];
                };
            };
            /** @description 请求无效 */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description 未登录或登录已过期 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description no such notification of mine */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description 服务暂时不可用 */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
        };
    };
    NotificationsController_getPreferences: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NotificationPreferencesViewDto"];
                };
            };
            /** @description 未登录或登录已过期 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description 服务暂时不可用 */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
        };
    };
    NotificationsController_setPreferences: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["NotificationPreferencesDto"];
            };
        };
        responses: {
            /** @description every kind, after the change */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NotificationPreferencesViewDto"];
                };
            };
            /** @description 请求无效 */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description 未登录或登录已过期 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description 请求内容过大 */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description 服务暂时不可用 */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
        };
    };
    UnsubscribeController_confirm: {
        parameters: {
            query: {
                /** @description the signed token of the mail’s link (an HMAC of user and kind) */
                token: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description a short HTML page whose button POSTs to the same URL */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
            /** @description the token is missing, malformed or not ours (problem+json naming `token`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
        };
    };
    UnsubscribeController_unsubscribe: {
        parameters: {
            query: {
                /** @description the signed token of the mail’s link (an HMAC of user and kind) */
                token: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description a short HTML page confirming it */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
            /** @description the token is missing, malformed or not ours (problem+json naming `token`); nothing changes */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
        };
    };
    AdminOutboxController_list: {
        parameters: {
            query?: {
                status?: components["schemas"]["MailStatus"];
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OutboxListDto"];
                };
            };
            /** @description 请求无效 */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description 未登录或登录已过期 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description 无权执行此操作 (admins only) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description 服务暂时不可用 */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
        };
    };
    DigestsController_preview: {
        parameters: {
            query: {
                /** @description the recipient */
                userId: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ComposedDigestDto"];
                };
            };
            /** @description 请求无效 */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description 未登录或登录已过期 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description 无权执行此操作 (role, or a resource of another unit) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description no active user with this id */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description 服务暂时不可用 */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
        };
    };
    MyDigestController_preview: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ComposedDigestDto"];
                };
            };
            /** @description 未登录或登录已过期 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description 无权执行此操作 (owners, reviewers and leaders only: they are the digest’s recipients) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description 服务暂时不可用 */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
        };
    };
    MyDigestsController_get: {
        parameters: {
            query?: never;
            header: {
                "accept-language": string;
            };
            path: {
                week: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SentDigestDto"];
                };
            };
            /** @description 请求无效 */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description 未登录或登录已过期 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description no digest of mine for that period */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description 服务暂时不可用 */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
        };
    };
    RollupsController_list: {
        parameters: {
            query?: {
                by?: components["schemas"]["RollupDimension"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RollupListDto"];
                };
            };
            /** @description 请求无效 */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description 未登录或登录已过期 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description 服务暂时不可用 */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
        };
    };
    RollupsController_trend: {
        parameters: {
            query?: never;
            header: {
                "accept-language": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RollupTrendDto"];
                };
            };
            /** @description 请求无效 */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description 未登录或登录已过期 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description 服务暂时不可用 */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
        };
    };
    RollupsController_history: {
        parameters: {
            query: {
                by?: components["schemas"]["RollupDimension"];
                /** @description the chapter/column/part number, sector code or unit id */
                key: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RollupHistoryDto"];
                };
            };
            /** @description 请求无效 */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description 未登录或登录已过期 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description 服务暂时不可用 */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
        };
    };
    InvestmentPlansController_current: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                /** @description the plan year */
                year: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InvestmentPlanDto"];
                };
            };
            /** @description 请求无效 */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description 未登录或登录已过期 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description outside_unit: an owner asked for another unit’s project */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description project_not_found, or plan_not_found: no plan issued for the year */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description 服务暂时不可用 */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
        };
    };
    InvestmentPlansController_issue: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                /** @description the plan year */
                year: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["IssueInvestmentPlanDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InvestmentPlanDto"];
                };
            };
            /** @description 请求无效 */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description 未登录或登录已过期 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description 无权执行此操作 (role, or a resource of another unit) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description 未找到 */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description 请求内容过大 */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description 服务暂时不可用 */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
        };
    };
    InvestmentPlansController_versions: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                /** @description the plan year */
                year: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InvestmentPlanVersionListDto"];
                };
            };
            /** @description 请求无效 */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description 未登录或登录已过期 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description outside_unit: an owner asked for another unit’s project */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description 未找到 */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description 服务暂时不可用 */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
        };
    };
    InvestmentPlansController_template: {
        parameters: {
            query: {
                /** @description the plan year */
                year: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description <年度>年度计划-<范围>-<日期>.xlsx */
            200: {
                headers: {
                    /** @description attachment; the Chinese file name as filename* (RFC 5987) */
                    "Content-Disposition"?: string;
                    /** @description rows in the file */
                    "X-Total-Count"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": string;
                };
            };
            /** @description 请求无效 */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description 未登录或登录已过期 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description 服务暂时不可用 */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
        };
    };
    InvestmentPlansController_import: {
        parameters: {
            query?: {
                /** @description the plan year (or the form field `year`, or the sheet’s 年度 column) */
                year?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "multipart/form-data": {
                    /** Format: binary */
                    file: string;
                    /** @description the plan year (or in the query, or the sheet’s 年度) */
                    year?: number;
                };
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PlanImportResultDto"];
                };
            };
            /** @description not an .xlsx, a malformed upload (naming `file`), or no year (naming `year`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description 未登录或登录已过期 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description 无权执行此操作 (role, or a resource of another unit) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description the upload is over 2 MB, or inflates past 20 MB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description import_rows_invalid: each row’s errors, with `rows` and `summary` as in the 200; nothing applied; or more than a template can hold */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description 服务暂时不可用 */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
        };
    };
    MonthlyReportsController_save: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                /** @description YYYY-MM, 2026-01 … 2030-12, not after the current month */
                month: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SaveMonthlyReportDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MonthlyReportDto"];
                };
            };
            /** @description 请求无效 */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description 未登录或登录已过期 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description 无权执行此操作 (role, or a resource of another unit) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description 未找到 */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description report_submitted (returned first by a reviewer), version_conflict, or month_locked: the month’s bulletin is published */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description 请求内容过大 */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description 服务暂时不可用 */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
        };
    };
    MonthlyReportsController_submit: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                /** @description YYYY-MM, 2026-01 … 2030-12, not after the current month */
                month: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SubmitMonthlyReportDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MonthlyReportDto"];
                };
            };
            /** @description 请求无效 */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description 未登录或登录已过期 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description 无权执行此操作 (role, or a resource of another unit) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description project_not_found, or report_not_found: save the report first */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description report_already_submitted, version_conflict, or month_locked */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description 请求内容过大 */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description 服务暂时不可用 */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
        };
    };
    MonthlyReportsController_returnReport: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                /** @description YYYY-MM, 2026-01 … 2030-12, not after the current month */
                month: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ReturnMonthlyReportDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MonthlyReportDto"];
                };
            };
            /** @description 请求无效 */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description 未登录或登录已过期 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description 无权执行此操作 (role, or a resource of another unit) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description project_not_found, or report_not_found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description report_not_submitted, or month_locked */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description 请求内容过大 */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description 服务暂时不可用 */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
        };
    };
    MonthlyReportsController_year: {
        parameters: {
            query: {
                year: number;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReportYearDto"];
                };
            };
            /** @description 请求无效 */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description 未登录或登录已过期 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description outside_unit: an owner asked for another unit’s project */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description 未找到 */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description 服务暂时不可用 */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
        };
    };
    MonthlyReportsController_grid: {
        parameters: {
            query: {
                /** @description YYYY-MM, 2026-01 … 2030-12, not after the current month */
                month: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReportGridDto"];
                };
            };
            /** @description 请求无效 */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description 未登录或登录已过期 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description 服务暂时不可用 */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
        };
    };
    MonthlyReportsController_template: {
        parameters: {
            query: {
                /** @description YYYY-MM, 2026-01 … 2030-12, not after the current month */
                month: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 月报-<月份>-<范围>-<日期>.xlsx */
            200: {
                headers: {
                    /** @description attachment; the Chinese file name as filename* (RFC 5987) */
                    "Content-Disposition"?: string;
                    /** @description rows in the file */
                    "X-Total-Count"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": string;
                };
            };
            /** @description 请求无效 */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description 未登录或登录已过期 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description 服务暂时不可用 */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
        };
    };
    MonthlyReportsController_import: {
        parameters: {
            query?: {
                /** @description the month of rows whose 月份 is blank (or the form field `month`) */
                month?: string;
                /** @description true: submit (报送) every report of the file once saved */
                submit?: boolean;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "multipart/form-data": {
                    /** Format: binary */
                    file: string;
                    /** @description the month of rows whose 月份 is blank (or in the query) */
                    month?: string;
                };
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReportImportResultDto"];
                };
            };
            /** @description not an .xlsx, a malformed upload (naming `file`), or a bad month (naming `month`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description 未登录或登录已过期 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description 无权执行此操作 (role, or a resource of another unit) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description the upload is over 2 MB, or inflates past 20 MB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description import_rows_invalid: each row’s errors, with `rows` and `summary` as in the 200; nothing applied; or more than a template can hold */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description 服务暂时不可用 */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
        };
    };
    InvestmentController_project: {
        parameters: {
            query: {
                /** @description the plan year (2026–2030) */
                year: number;
                /** @description figures for months 1–m of the year; not after the current month */
                month: number;
            };
            header: {
                "accept-language": string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProjectInvestmentDto"];
                };
            };
            /** @description 请求无效 */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description 未登录或登录已过期 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description outside_unit: an owner of another unit */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description no project with this id */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description 服务暂时不可用 */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
        };
    };
    InvestmentController_summary: {
        parameters: {
            query: {
                /** @description the plan year (2026–2030) */
                year: number;
                /** @description figures for months 1–m of the year; not after the current month */
                month: number;
                by?: components["schemas"]["InvestmentDimension"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InvestmentSummaryDto"];
                };
            };
            /** @description 请求无效 */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description 未登录或登录已过期 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description by=district asked by an owner */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description 服务暂时不可用 */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
        };
    };
    InvestmentController_projects: {
        parameters: {
            query: {
                /** @description the plan year (2026–2030) */
                year: number;
                /** @description figures for months 1–m of the year; not after the current month */
                month: number;
                /** @description only projects whose light (of `kind`) is this one */
                light?: components["schemas"]["InvestmentLight"];
                /** @description which light `light` filters on and the list is ordered by: the project light (worst of the three) or one of them */
                kind?: components["schemas"]["LightKind"];
                /** @description one unit’s projects (an owner: their own unit only) */
                unitId?: string;
                /** @description 章 number: the projects it names */
                chapter?: number;
                page?: number;
                pageSize?: number;
            };
            header: {
                "accept-language": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProjectFiguresPageDto"];
                };
            };
            /** @description 请求无效 */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description 未登录或登录已过期 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description outside_unit: an owner naming another unit */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description 服务暂时不可用 */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
        };
    };
    InvestmentController_rankings: {
        parameters: {
            query: {
                /** @description the plan year (2026–2030) */
                year: number;
                /** @description figures for months 1–m of the year; not after the current month */
                month: number;
                /** @description completion_rate: 投资完成率; start_rate: 开工率 */
                metric: components["schemas"]["RankingMetric"];
                /** @description start_rate only: divide by the projects planned to start by month m (to_date) or in the whole year (year) */
                basis?: components["schemas"]["RateBasis"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RankingsDto"];
                };
            };
            /** @description 请求无效 */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description 未登录或登录已过期 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description owners: a ranking compares every unit */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description 服务暂时不可用 */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
        };
    };
    BulletinsController_list: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BulletinListDto"];
                };
            };
            /** @description 未登录或登录已过期 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description 服务暂时不可用 */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
        };
    };
    BulletinsController_generate: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["GenerateBulletinDto"];
            };
        };
        responses: {
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BulletinAcceptedDto"];
                };
            };
            /** @description 请求无效 */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description 未登录或登录已过期 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description 无权执行此操作 (role, or a resource of another unit) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description bulletin_published: the month’s bulletin is published */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description 请求内容过大 */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description 服务暂时不可用 */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
        };
    };
    BulletinsController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BulletinDto"];
                };
            };
            /** @description 请求无效 */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description 未登录或登录已过期 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description no such bulletin (or, for an owner, not published) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description 服务暂时不可用 */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
        };
    };
    BulletinsController_publish: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BulletinDto"];
                };
            };
            /** @description 请求无效 */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description 未登录或登录已过期 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description 无权执行此操作 (role, or a resource of another unit) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description 未找到 */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description bulletin_published (published already), or bulletin_not_ready (generating or failed) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description 服务暂时不可用 */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
        };
    };
    BulletinsController_document: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 綦江区重点项目调度通报-<月份>.docx */
            200: {
                headers: {
                    /** @description attachment; the Chinese file name as filename* (RFC 5987) */
                    "Content-Disposition"?: string;
                    /** @description rows in the file */
                    "X-Total-Count"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": string;
                };
            };
            /** @description 请求无效 */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description 未登录或登录已过期 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description 未找到 */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description bulletin_not_ready: generating or failed */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description 服务暂时不可用 */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
        };
    };
    BulletinsController_annex: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 綦江区重点项目调度通报附表-<月份>.xlsx */
            200: {
                headers: {
                    /** @description attachment; the Chinese file name as filename* (RFC 5987) */
                    "Content-Disposition"?: string;
                    /** @description rows in the file */
                    "X-Total-Count"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": string;
                };
            };
            /** @description 请求无效 */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description 未登录或登录已过期 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description 未找到 */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description bulletin_not_ready: generating or failed */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description 服务暂时不可用 */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
        };
    };
    ProblemsController_raise: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RaiseProblemDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDetailDto"];
                };
            };
            /** @description 请求无效 */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description 未登录或登录已过期 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description 无权执行此操作 (role, or a resource of another unit) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description 未找到 */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description 请求内容过大 */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description 服务暂时不可用 */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
        };
    };
    ProblemsController_list: {
        parameters: {
            query?: {
                status?: components["schemas"]["ProblemStatus"];
                /** @description one category (the bulletin counts by it) */
                category?: components["schemas"]["ProblemCategory"];
                /** @description the unit the problems are assigned to (交办单位) */
                unitId?: string;
                /** @description one project's problems */
                projectId?: string;
                /** @description true: past its due date and not closed; false: not overdue */
                overdue?: boolean;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemListDto"];
                };
            };
            /** @description 请求无效 */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description 未登录或登录已过期 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description 服务暂时不可用 */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
        };
    };
    ProblemsController_summary: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemSummaryDto"];
                };
            };
            /** @description 未登录或登录已过期 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description 服务暂时不可用 */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
        };
    };
    ProblemsController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDetailDto"];
                };
            };
            /** @description 请求无效 */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description 未登录或登录已过期 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description 未找到 */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description 服务暂时不可用 */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
        };
    };
    ProblemsController_assign: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AssignProblemDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDetailDto"];
                };
            };
            /** @description 请求无效 */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description 未登录或登录已过期 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description 无权执行此操作 (role, or a resource of another unit) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description 未找到 */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description problem_closed: reopen it first */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description 请求内容过大 */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description 服务暂时不可用 */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
        };
    };
    ProblemsController_reply: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ReplyProblemDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDetailDto"];
                };
            };
            /** @description 请求无效 */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description 未登录或登录已过期 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /**
             * @description files_not_attachable: a leader’s reply with fileIds
             *
             *     无权执行此操作 (role, or a resource of another unit)
             */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description 未找到 */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description 请求内容过大 */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description 服务暂时不可用 */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
        };
    };
    ProblemsController_close: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ProblemNoteDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDetailDto"];
                };
            };
            /** @description 请求无效 */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description 未登录或登录已过期 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description 无权执行此操作 (role, or a resource of another unit) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description 未找到 */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description problem_closed: closed already */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description 请求内容过大 */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description 服务暂时不可用 */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
        };
    };
    ProblemsController_reopen: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ProblemNoteDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProblemDetailDto"];
                };
            };
            /** @description 请求无效 */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description 未登录或登录已过期 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description 无权执行此操作 (role, or a resource of another unit) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description 未找到 */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description problem_not_closed */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description 请求内容过大 */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description 服务暂时不可用 */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
        };
    };
    SupervisionNoticesController_list: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SupervisionNoticeListDto"];
                };
            };
            /** @description 未登录或登录已过期 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description 服务暂时不可用 */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
        };
    };
    SupervisionNoticesController_document: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 督办单-<年>-<号>.docx */
            200: {
                headers: {
                    /** @description attachment; the Chinese file name as filename* (RFC 5987) */
                    "Content-Disposition"?: string;
                    /** @description rows in the file */
                    "X-Total-Count"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": string;
                };
            };
            /** @description 请求无效 */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description 未登录或登录已过期 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description 未找到 */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description 服务暂时不可用 */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
        };
    };
    FilesController_upload: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "multipart/form-data": {
                    /** Format: binary */
                    file: string;
                };
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FileDto"];
                };
            };
            /** @description 请求无效 */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description 未登录或登录已过期 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description 无权执行此操作 (role, or a resource of another unit) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description over 20 MB (nothing stored) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description file_type_unsupported: the content is none of PDF, JPEG, PNG, WebP (problem naming `file`) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description 服务暂时不可用 */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
        };
    };
    FilesController_content: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the content, of its sniffed type */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/pdf": string;
                    "image/jpeg": string;
                    "image/png": string;
                    "image/webp": string;
                };
            };
            /** @description 请求无效 */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description 未登录或登录已过期 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description 未找到 */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description 服务暂时不可用 */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
        };
    };
    FilesController_remove: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description removed */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description 请求无效 */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description 未登录或登录已过期 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description 无权执行此操作 (role, or a resource of another unit) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description 未找到 */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description 服务暂时不可用 */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
        };
    };
    FilesController_thumbnail: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the thumbnail */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "image/webp": string;
                };
            };
            /** @description 请求无效 */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description 未登录或登录已过期 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description file_not_found, or file_no_thumbnail (a PDF) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description 服务暂时不可用 */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
        };
    };
    PreworkController_ofProject: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProjectApprovalsDto"];
                };
            };
            /** @description 请求无效 */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description 未登录或登录已过期 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description outside_unit: an owner of another unit */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description no project with this id */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description 服务暂时不可用 */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
        };
    };
    PreworkController_update: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateApprovalDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApprovalDto"];
                };
            };
            /** @description 请求无效 */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description 未登录或登录已过期 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /**
             * @description outside_unit: another unit’s project
             *
             *     无权执行此操作 (role, or a resource of another unit)
             */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description approval_not_found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description version_conflict (the body carries the approval as it is now) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description 请求内容过大 */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description target_milestone: it realises the 2030 target and cannot be 不适用 */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description 服务暂时不可用 */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
        };
    };
    PreworkController_summary: {
        parameters: {
            query?: {
                by?: components["schemas"]["PreworkDimension"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PreworkSummaryDto"];
                };
            };
            /** @description 请求无效 */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description 未登录或登录已过期 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description by=district asked by an owner */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description 服务暂时不可用 */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
        };
    };
    AdminUsersController_list: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AdminUserListDto"];
                };
            };
            /** @description 未登录或登录已过期 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description 无权执行此操作 (admins only) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description 服务暂时不可用 */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
        };
    };
    AdminUsersController_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateUserDto"];
            };
        };
        responses: {
            /** @description the user, as listed */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AdminUserDto"];
                };
            };
            /** @description 请求无效 */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description 未登录或登录已过期 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description 无权执行此操作 (role, or a resource of another unit) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description the username is taken */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description 请求内容过大 */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description 服务暂时不可用 */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
        };
    };
    AdminUsersController_update: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateUserDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AdminUserDto"];
                };
            };
            /** @description 请求无效 */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description 未登录或登录已过期 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description 无权执行此操作 (role, or a resource of another unit) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description no user with this id */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description the change would leave no active admin */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description 请求内容过大 */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description 服务暂时不可用 */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
        };
    };
    AdminUsersController_resetPassword: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ResetPasswordDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AdminUserDto"];
                };
            };
            /** @description 请求无效 */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description 未登录或登录已过期 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description 无权执行此操作 (role, or a resource of another unit) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description no user with this id */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description 请求内容过大 */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description 服务暂时不可用 */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
        };
    };
    UnitsController_list: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnitListDto"];
                };
            };
            /** @description 未登录或登录已过期 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description 服务暂时不可用 */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
        };
    };
    UnitsController_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateUnitDto"];
            };
        };
        responses: {
            /** @description the unit, as listed */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnitSummaryDto"];
                };
            };
            /** @description 请求无效 */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description 未登录或登录已过期 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /**
             * @description 无权执行此操作 (admins only)
             *
             *     无权执行此操作 (role, or a resource of another unit)
             */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description the code is taken (unit_code_taken) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description 请求内容过大 */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description 服务暂时不可用 */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
        };
    };
    UnitsController_update: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateUnitDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnitSummaryDto"];
                };
            };
            /** @description 请求无效 */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description 未登录或登录已过期 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /**
             * @description 无权执行此操作 (admins only)
             *
             *     无权执行此操作 (role, or a resource of another unit)
             */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description no unit with this id */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description a project or an enabled user still belongs to the unit (unit_in_use) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description 请求内容过大 */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description 服务暂时不可用 */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
        };
    };
    AuditController_list: {
        parameters: {
            query?: {
                /** @description the unit (责任单位): rows about its projects, admins’ changes to it and to its users, and other rows about no project by its users */
                unitId?: string;
                /** @description the user who acted */
                userId?: string;
                /** @description the kind of change (GET /api/audit/kinds names each) */
                kind?: components["schemas"]["AuditKind"];
                /** @description from this day (inclusive) */
                from?: string;
                /** @description to this day (inclusive); not before from */
                to?: string;
                page?: number;
                pageSize?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuditLogPageDto"];
                };
            };
            /** @description 请求无效 */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description 未登录或登录已过期 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description 无权执行此操作 (reviewers, leaders and admins only) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description 服务暂时不可用 */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
        };
    };
    AuditController_kinds: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuditKindListDto"];
                };
            };
            /** @description 未登录或登录已过期 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description 无权执行此操作 (reviewers, leaders and admins only) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description 服务暂时不可用 */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
        };
    };
    AuditController_actors: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuditActorListDto"];
                };
            };
            /** @description 未登录或登录已过期 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description 无权执行此操作 (reviewers, leaders and admins only) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description 服务暂时不可用 */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
        };
    };
    AuditController_export: {
        parameters: {
            query?: {
                /** @description the unit (责任单位): rows about its projects, admins’ changes to it and to its users, and other rows about no project by its users */
                unitId?: string;
                /** @description the user who acted */
                userId?: string;
                /** @description the kind of change (GET /api/audit/kinds names each) */
                kind?: components["schemas"]["AuditKind"];
                /** @description from this day (inclusive) */
                from?: string;
                /** @description to this day (inclusive); not before from */
                to?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description title row, a line naming the filters (and the cut, if any), a frozen header with autofilter, one row per change; X-Total-Count: rows matching */
            200: {
                headers: {
                    /** @description attachment; the Chinese file name as filename* (RFC 5987) */
                    "Content-Disposition"?: string;
                    /** @description rows in the file */
                    "X-Total-Count"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": string;
                };
            };
            /** @description 请求无效 */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description 未登录或登录已过期 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description 无权执行此操作 (reviewers, leaders and admins only) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description 服务暂时不可用 */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
        };
    };
    DemoController_status: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DemoStatusDto"];
                };
            };
            /** @description 未登录或登录已过期 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description 服务暂时不可用 */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
        };
    };
    DemoController_load: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DemoLoadedDto"];
                };
            };
            /** @description 未登录或登录已过期 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description 无权执行此操作 (role, or a resource of another unit) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description demo_tracker_active: the tracker has activity (named with counts), or demo_loaded: it is loaded already */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description 服务暂时不可用 */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
        };
    };
    DemoController_clear: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DemoClearedDto"];
                };
            };
            /** @description 未登录或登录已过期 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description 无权执行此操作 (role, or a resource of another unit) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description demo_not_loaded: no demo history is loaded */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description 服务暂时不可用 */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
        };
    };
    QueueDashboardSessionController_open: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description and Set-Cookie with the dashboard’s session */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["QueueDashboardSessionDto"];
                };
            };
            /** @description 未登录或登录已过期 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description 无权执行此操作 (role, or a resource of another unit) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description 服务暂时不可用 */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
        };
    };
    FailedJobsController_list: {
        parameters: {
            query?: {
                /** @description one queue; all when absent */
                queue?: components["schemas"]["QueueName"];
                page?: number;
                pageSize?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FailedJobsPageDto"];
                };
            };
            /** @description 请求无效 */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description 未登录或登录已过期 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description 无权执行此操作 (admins only) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description 服务暂时不可用 */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
        };
    };
    FailedJobsController_retry: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description the BullMQ job id */
                jobId: string;
                queue: components["schemas"]["QueueName"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RetriedJobDto"];
                };
            };
            /** @description 请求无效 */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description 未登录或登录已过期 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description 无权执行此操作 (role, or a resource of another unit) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description no such job */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description the job is not failed */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description 服务暂时不可用 */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
        };
    };
    FailedJobsController_discard: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description the BullMQ job id */
                jobId: string;
                queue: components["schemas"]["QueueName"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Discarded */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description 请求无效 */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description 未登录或登录已过期 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description 无权执行此操作 (role, or a resource of another unit) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description no such job */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description the job is not failed */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description 服务暂时不可用 */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
        };
    };
    OperationsSettingsController_settings: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OperationsSettingsDto"];
                };
            };
            /** @description 未登录或登录已过期 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description 无权执行此操作 (admins only) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description 服务暂时不可用 */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
        };
    };
}
