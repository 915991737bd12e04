import { CheckCircleOutlined, CloseCircleOutlined, RollbackOutlined, SendOutlined } from '@ant-design/icons';
import { Alert, App, Breadcrumb, Button, Card, Col, Descriptions, Empty, Popconfirm, Row, Skeleton, Space, Steps, Tag, Typography } from 'antd';
import { ReactNode, useMemo, useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { api } from '../api/client';
import type {
  AllowedTransition,
  HistoryEvent,
  Milestone,
  TransitionRequestPage,
  ProjectDetail,
  ProjectStatus,
  RagReason,
  TransitionRequest,
  TransitionsAnswer,
} from '../api/types';
import { STAGES } from '../api/types';
import { useUser } from '../auth/auth';
import { ApprovalChecklist } from '../components/approval-checklist';
import { DecisionModal } from '../components/decision-modal';
import { EvidenceFiles } from '../components/evidence-files';
import { EvidenceList } from '../components/evidence-list';
import { HistoryTimeline } from '../components/history-timeline';
import { InvestmentCard } from '../components/investment-card';
import { LIGHT_COLORS, LightReasons, LightTag } from '../components/investment-tags';
import { MilestoneGantt } from '../components/milestone-gantt';
import { MilestoneTable, milestoneName } from '../components/milestone-table';
import { PageError, ProblemAlert } from '../components/problem-alert';
import { ProjectProblemsCard } from '../components/project-problems-card';
import { TransitionRequestModal } from '../components/transition-request-modal';
import { RAG_COLORS, RagLight, StageTag, TargetTag } from '../components/tags';
import { useI18n } from '../i18n';
import { formatDateTime } from '../lib/dates';
import { projectListLink } from '../lib/project-filters';
import { useAsync } from '../lib/use-async';

interface Loaded {
  project: ProjectDetail;
  milestones: Milestone[];
  transitions: TransitionsAnswer;
  pending: TransitionRequest | null;
  history: HistoryEvent[] | null;
}

/** The clause with the words that name the project marked. */
function Clause({ clause, mention, name }: { clause: string; mention: string | null; name: string }) {
  const needle = [mention, name].find((word): word is string => !!word && clause.includes(word));
  if (!needle) return <>{clause}</>;
  const at = clause.indexOf(needle);
  return (
    <>
      {clause.slice(0, at)}
      <mark>{needle}</mark>
      {clause.slice(at + needle.length)}
    </>
  );
}

export default function ProjectDetailPage() {
  const { id = '' } = useParams();
  const { t, tv, language } = useI18n();
  const { message } = App.useApp();
  const user = useUser();
  const [requesting, setRequesting] = useState<AllowedTransition | null>(null);
  const [deciding, setDeciding] = useState<{ request: TransitionRequest; verdict: 'approve' | 'reject' } | null>(null);
  const [withdrawError, setWithdrawError] = useState<unknown>(null);

  const state = useAsync<Loaded>(
    async (signal) => {
      const [project, milestones, transitions, pending] = await Promise.all([
        api.get<ProjectDetail>(`/api/projects/${id}`, undefined, signal),
        api.get<{ items: Milestone[] }>(`/api/projects/${id}/milestones`, undefined, signal).then((a) => a.items),
        api.get<TransitionsAnswer>(`/api/projects/${id}/transitions`, undefined, signal),
        api.get<TransitionRequestPage>('/api/transition-requests', { status: 'pending', projectId: id, pageSize: 1 }, signal),
      ]);
      const mayReadHistory = user.role !== 'owner' || user.unit?.id === project.unit.id;
      const history = mayReadHistory ? await api.get<{ items: HistoryEvent[] }>(`/api/projects/${id}/history`, undefined, signal).then((a) => a.items) : null;
      return { project, milestones, transitions, pending: pending.items[0] ?? null, history };
    },
    // The project light's reasons come in the console's language: asked again when it changes.
    [id, language],
  );

  const withdraw = async (request: TransitionRequest) => {
    setWithdrawError(null);
    try {
      await api.post(`/api/transition-requests/${request.id}/withdraw`, {});
      message.success(t('detail.withdrawn'));
    } catch (reason) {
      setWithdrawError(reason);
    }
    state.reload();
  };

  const data = state.data;
  const milestonesByCode = useMemo(() => new Map((data?.milestones ?? []).map((m) => [m.code, m])), [data?.milestones]);

  if (state.error && !data) return <PageError error={state.error} onRetry={state.reload} />;
  if (!data) return <Skeleton active paragraph={{ rows: 12 }} />;
  const { project, milestones, transitions, pending, history } = data;

  const isOwner = user.role === 'owner' && user.unit?.id === project.unit.id;
  const canEdit = isOwner || user.role === 'admin';
  const isReviewer = user.role === 'reviewer' || user.role === 'admin';
  const requestable = transitions.transitions.filter((tr) => tr.canRequest);
  const terminal = project.stage === 'complete' || project.stage === 'cancelled';

  const reasonText = (reason: RagReason) => {
    const m = milestonesByCode.get(reason.milestone);
    const name = m ? milestoneName(m, language, tv) : tv('milestone', reason.milestone);
    return t(`ragReason.${reason.code}`, { milestone: name, days: reason.days });
  };

  const stageStep = (() => {
    const stage: ProjectStatus = project.stage === 'on_hold' ? (project.previousStage ?? 'study') : project.stage;
    const index = STAGES.indexOf(stage as (typeof STAGES)[number]);
    return index < 0 ? 0 : index;
  })();
  const stepsStatus = project.stage === 'cancelled' ? 'error' : project.stage === 'on_hold' ? 'wait' : project.stage === 'complete' ? 'finish' : 'process';

  let actions: ReactNode;
  if (pending) {
    const own = pending.requestedBy === user.id;
    actions = (
      <Alert
        type="info"
        showIcon
        data-testid="pending-request"
        message={t('detail.pending')}
        description={
          <Space direction="vertical" style={{ width: '100%' }}>
            <span>
              {t('detail.pendingText', {
                who: pending.requestedByName,
                when: formatDateTime(pending.requestedAt),
                name: tv('transition', pending.transitionId),
                from: tv('stage', pending.fromStage),
                to: tv('stage', pending.toStage),
              })}
            </span>
            <EvidenceList evidence={pending.evidence} reason={pending.reason} comment={pending.comment} />
            <EvidenceFiles files={pending.files} />
            {isReviewer && !own ? (
              <Space wrap>
                <Button type="primary" icon={<CheckCircleOutlined />} onClick={() => setDeciding({ request: pending, verdict: 'approve' })}>
                  {t('approvals.approve')}
                </Button>
                <Button danger icon={<CloseCircleOutlined />} onClick={() => setDeciding({ request: pending, verdict: 'reject' })}>
                  {t('approvals.reject')}
                </Button>
              </Space>
            ) : (
              <Typography.Text type="secondary">{own && isReviewer ? t('detail.ownRequest') : t('detail.awaitingReview')}</Typography.Text>
            )}
            {own ? (
              <Popconfirm title={t('detail.withdrawConfirm')} okText={t('common.confirm')} cancelText={t('common.cancel')} onConfirm={() => withdraw(pending)}>
                <Button icon={<RollbackOutlined />} data-testid="withdraw-request">
                  {t('detail.withdraw')}
                </Button>
              </Popconfirm>
            ) : null}
          </Space>
        }
      />
    );
  } else if (terminal) {
    actions = <Typography.Text type="secondary">{t('detail.terminal', { stage: tv('stage', project.stage) })}</Typography.Text>;
  } else if (requestable.length) {
    actions = (
      <Space wrap>
        {requestable.map((transition) => (
          <Button
            key={transition.transitionId}
            type={transition.to === 'start' || transition.to === 'complete' ? 'primary' : 'default'}
            danger={transition.to === 'cancelled'}
            icon={<SendOutlined />}
            onClick={() => setRequesting(transition)}
            data-testid={`request-${transition.transitionId}`}
          >
            {t('detail.requestAction', { name: tv('transition', transition.transitionId) })}
          </Button>
        ))}
      </Space>
    );
  } else {
    actions = <Typography.Text type="secondary">{t('detail.noActions')}</Typography.Text>;
  }

  const reasons = project.ragReasons ?? [];
  return (
    <>
      <Breadcrumb style={{ marginBottom: 12 }} items={[{ title: <Link to="/projects">{t('nav.projects')}</Link> }, { title: project.name }]} />
      {state.error ? <ProblemAlert error={state.error} onRetry={state.reload} /> : null}
      <ProblemAlert error={withdrawError} onClose={() => setWithdrawError(null)} />
      <Card style={{ marginBottom: 16, borderTop: `4px solid ${RAG_COLORS[project.rag]}` }}>
        <Row gutter={[24, 16]} align="middle">
          <Col xs={24} lg={15}>
            <Typography.Title level={3} style={{ marginTop: 0 }} data-testid="project-name">
              {project.name}
            </Typography.Title>
            <Space wrap size={[8, 8]}>
              <span data-testid="project-stage">
                <StageTag stage={project.stage} />
              </span>
              <TargetTag target={project.target} ambiguous={project.targetAmbiguous} verb={project.targetVerb} />
              <Tag bordered={false}>{tv('sector', project.sector)}</Tag>
              <Tag bordered={false}>{project.unit.name}</Tag>
            </Space>
            <Descriptions
              size="small"
              column={{ xs: 1, sm: 2 }}
              style={{ marginTop: 12 }}
              items={[
                { key: 'verb', label: t('detail.verb'), children: `${project.targetVerb}${project.targetAmbiguous ? ' ?' : ''}` },
                { key: 'baseline', label: t('detail.baselineStage'), children: tv('stage', project.baselineStage) },
                { key: 'updated', label: t('list.updatedAt'), children: formatDateTime(project.lastChangedAt) },
              ]}
            />
          </Col>
          <Col xs={24} lg={9}>
            {project.light ? (
              <div
                data-testid="project-light"
                data-light={project.light.level}
                style={{ background: `${LIGHT_COLORS[project.light.level]}14`, borderRadius: 8, padding: 16 }}
              >
                <Space align="center" style={{ marginBottom: 4, display: 'flex' }}>
                  <LightTag light={project.light.level} />
                  <Typography.Text strong style={{ fontSize: 16 }}>
                    {t('detail.projectLight')}
                  </Typography.Text>
                </Space>
                <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginBottom: 8 }}>
                  {t('detail.projectLightMonth', { year: project.light.year, month: project.light.month })}
                </Typography.Paragraph>
                <LightReasons reasons={project.light.reasons} />
              </div>
            ) : (
              <div data-testid="rag-panel" style={{ background: `${RAG_COLORS[project.rag]}14`, borderRadius: 8, padding: 16 }}>
                <Space align="center" style={{ marginBottom: 8, display: 'flex' }}>
                  <RagLight rag={project.rag} size={18} showLabel={false} />
                  <Typography.Text strong style={{ fontSize: 16 }}>
                    {t('detail.ragTitle')}
                    {t('common.colon')}
                    {tv('rag', project.rag)}
                  </Typography.Text>
                </Space>
                {reasons.length ? (
                  <ul style={{ margin: 0, paddingLeft: 20 }}>
                    {reasons.map((reason, i) => (
                      <li key={i} style={{ color: reason.level === 'red' ? '#cf1322' : '#ad6800' }}>
                        {reasonText(reason)}
                      </li>
                    ))}
                  </ul>
                ) : (
                  <Typography.Text type="secondary">{t('ragReason.none')}</Typography.Text>
                )}
              </div>
            )}
          </Col>
        </Row>
      </Card>

      <Row gutter={[16, 16]}>
        <Col xs={24} xl={16}>
          <Space direction="vertical" size={16} style={{ width: '100%' }}>
            <Card title={t('detail.sources')} extra={<Typography.Text type="secondary">{t('detail.sourcesHint')}</Typography.Text>} size="small">
              {project.sources.map((source, i) => (
                <div key={i} style={{ marginBottom: i < project.sources.length - 1 ? 16 : 0 }} data-testid="source">
                  <blockquote className="clause">
                    <Clause clause={source.clause} mention={source.mention} name={project.name} />
                  </blockquote>
                  <Space wrap size={[4, 4]}>
                    <Link to={projectListLink({ column: source.column.no })}>
                      <Tag color="blue">{`${source.column.label} ${source.column.title}`}</Tag>
                    </Link>
                    {source.item ? <Tag>{source.item.label}</Tag> : null}
                    <Link to={projectListLink({ chapter: source.chapter.no })}>
                      <Tag>{`${source.chapter.label} ${source.chapter.title}`}</Tag>
                    </Link>
                    <Link to={projectListLink({ part: source.part.no })}>
                      <Tag bordered={false}>{`${source.part.label} ${source.part.title}`}</Tag>
                    </Link>
                  </Space>
                </div>
              ))}
              {project.baselineClause ? (
                <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
                  {t('detail.baseline', { stage: tv('stage', project.baselineStage) })} · {t('detail.baselineClause', { clause: project.baselineClause })}
                </Typography.Paragraph>
              ) : null}
            </Card>

            <Card title={t('detail.stages')} size="small">
              <Steps
                current={stageStep}
                status={stepsStatus}
                responsive
                items={STAGES.map((stage, i) => ({
                  title: tv('stage', stage),
                  description:
                    i === stageStep && project.stage === 'on_hold'
                      ? t('detail.onHoldFrom', { stage: tv('stage', project.previousStage ?? 'study') })
                      : i === stageStep && project.stage === 'cancelled'
                        ? t('detail.cancelledNote')
                        : stage === project.target
                          ? t('detail.target')
                          : undefined,
                }))}
              />
            </Card>
          </Space>
        </Col>
        <Col xs={24} xl={8}>
          <Space direction="vertical" size={16} style={{ width: '100%' }}>
            <Card title={t('detail.actions')} size="small" data-testid="actions-card">
              {actions}
            </Card>
            <Card title={t('detail.history')} size="small" styles={{ body: { maxHeight: 320, overflow: 'auto' } }}>
              {history ? (
                <HistoryTimeline events={history} milestones={milestones} />
              ) : (
                <Typography.Text type="secondary">{t('detail.historyHidden')}</Typography.Text>
              )}
            </Card>
          </Space>
        </Col>
      </Row>
      <InvestmentCard project={project} onFactsChanged={state.reload} />
      <ApprovalChecklist project={project} canEdit={canEdit} onChanged={state.reload} />
      <ProjectProblemsCard projectId={project.id} canRaise={canEdit} />
      <Card title={t('detail.milestones')} size="small" style={{ marginTop: 16 }}>
        {milestones.length ? <MilestoneGantt milestones={milestones} /> : <Empty description={t('ms.empty')} />}
        <div style={{ marginTop: 12 }}>
          <MilestoneTable milestones={milestones} canEdit={canEdit} canRebaseline={isReviewer} onChanged={() => state.reload()} />
        </div>
      </Card>

      {requesting ? (
        <TransitionRequestModal
          projectId={project.id}
          projectVersion={transitions.version}
          currentStage={transitions.currentStage}
          transition={requesting}
          onClose={() => setRequesting(null)}
          onSubmitted={() => {
            setRequesting(null);
            message.success(t('req.submitted'));
            state.reload();
          }}
        />
      ) : null}
      {deciding ? (
        <DecisionModal
          request={deciding.request}
          verdict={deciding.verdict}
          onClose={() => setDeciding(null)}
          onDecided={() => {
            setDeciding(null);
            state.reload();
          }}
        />
      ) : null}
    </>
  );
}
