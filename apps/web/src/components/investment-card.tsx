import { EditOutlined, FundOutlined } from '@ant-design/icons';
import {
  App,
  Button,
  Card,
  Col,
  DatePicker,
  Descriptions,
  Empty,
  Form,
  Input,
  InputNumber,
  Modal,
  Row,
  Select,
  Space,
  Statistic,
  Timeline,
  Typography,
} from 'antd';
import type { FormInstance } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { api, isApiError } from '../api/client';
import type { InvestmentPlan, InvestmentPlanVersionList, ProjectDetail, ProjectInvestment, UpdateProjectFacts } from '../api/types';
import { INVESTMENT_TYPES } from '../api/types';
import { useUser } from '../auth/auth';
import { ProjectMonthsChart } from '../charts/investment-charts';
import { useI18n } from '../i18n';
import { formatDate, formatDateTime, trackerToday } from '../lib/dates';
import { amountProblem, defaultReportMonth, formatAmount, formatRate, yearMonthOf } from '../lib/investment';
import { useAsync } from '../lib/use-async';
import { LightReasons, LightTag, LIGHT_COLORS, useGapText } from './investment-tags';
import { MonthPicker } from './month-picker';
import { ProblemAlert } from './problem-alert';

interface Loaded {
  figures: ProjectInvestment | null;
  figuresError: unknown;
  plan: InvestmentPlan | null;
  versions: InvestmentPlanVersionList | null;
}

/**
 * 投资 on the project page: the facts (总投资, 项目代码, 投资类型, 建设年限, 入库纳统), this year's plan with its versions
 * (年初计划, 中期调整 with reasons), 本年累计完成, 完成率 against 序时进度 with the light and its reasons, and the months as
 * bars. Owners of the unit and reviewers edit the facts; reviewers issue or adjust the plan.
 */
export function InvestmentCard({ project, onFactsChanged }: { project: ProjectDetail; onFactsChanged: () => void }) {
  const { t, tv, language } = useI18n();
  const user = useUser();
  const gapText = useGapText();
  const [month, setMonth] = useState(defaultReportMonth);
  const [editingFacts, setEditingFacts] = useState(false);
  const [issuing, setIssuing] = useState(false);
  const { year, month: m } = yearMonthOf(month);
  const canEditFacts = user.role === 'reviewer' || user.role === 'admin' || (user.role === 'owner' && user.unit?.id === project.unit.id);
  const canIssue = user.role === 'reviewer' || user.role === 'admin';

  const state = useAsync<Loaded>(
    async (signal) => {
      const notFound = (reason: unknown) => {
        if (isApiError(reason) && reason.status === 404) return null;
        throw reason;
      };
      const [figures, plan] = await Promise.all([
        api.get<ProjectInvestment>(`/api/projects/${project.id}/investment`, { year, month: m }, signal).then(
          (value) => ({ value, error: null as unknown }),
          (error: unknown) => ({ value: null, error }),
        ),
        api.get<InvestmentPlan>(`/api/projects/${project.id}/investment-plans/${year}`, undefined, signal).catch(notFound),
      ]);
      const versions = plan
        ? await api.get<InvestmentPlanVersionList>(`/api/projects/${project.id}/investment-plans/${year}/versions`, undefined, signal)
        : null;
      return { figures: figures.value, figuresError: figures.error, plan, versions };
    },
    // The reasons come in the console's language: asked again when it changes.
    [project.id, project.version, year, m, language],
  );
  const data = state.data;
  const figures = data?.figures ?? null;

  const facts = (
    <Descriptions
      size="small"
      column={{ xs: 1, sm: 2, lg: 3 }}
      data-testid="investment-facts"
      items={[
        {
          key: 'total',
          label: t('invest.totalInvestment'),
          children: project.totalInvestment ? `${formatAmount(project.totalInvestment)} ${t('invest.unitWan')}` : '—',
        },
        { key: 'code', label: t('invest.projectCode'), children: project.projectCode ?? '—' },
        { key: 'type', label: t('invest.investmentType'), children: project.investmentType ? tv('investmentType', project.investmentType) : '—' },
        {
          key: 'years',
          label: t('invest.constructionYears'),
          children: project.constructionStartYear ? `${project.constructionStartYear}–${project.constructionEndYear ?? ''}` : '—',
        },
        {
          key: 'registered',
          label: t('invest.registeredOn'),
          children: project.statisticsRegisteredOn ? formatDate(project.statisticsRegisteredOn) : t('invest.notRegistered'),
        },
        { key: 'scope', label: t('invest.constructionScope'), children: project.constructionScope ?? '—' },
      ]}
    />
  );

  return (
    <Card
      size="small"
      title={
        <Space>
          <FundOutlined />
          {t('invest.cardTitle')}
        </Space>
      }
      style={{ marginTop: 16, borderTop: figures ? `4px solid ${LIGHT_COLORS[figures.light]}` : undefined }}
      data-testid="investment-card"
      extra={
        <Space wrap>
          <MonthPicker value={month} onChange={setMonth} testId="investment-month" />
          {canEditFacts ? (
            <Button size="small" icon={<EditOutlined />} onClick={() => setEditingFacts(true)} data-testid="edit-facts">
              {t('invest.editFacts')}
            </Button>
          ) : null}
          {canIssue ? (
            <Button size="small" type="primary" onClick={() => setIssuing(true)} data-testid="issue-plan">
              {data?.plan ? t('invest.adjustPlan') : t('invest.issuePlan')}
            </Button>
          ) : null}
        </Space>
      }
    >
      {facts}
      {state.error ? <ProblemAlert error={state.error} onRetry={state.reload} /> : null}
      {data?.figuresError ? <ProblemAlert error={data.figuresError} /> : null}
      {figures ? (
        <Row gutter={[16, 16]} style={{ marginTop: 8 }}>
          <Col xs={24} lg={10}>
            <Row gutter={[12, 12]}>
              <Col span={12}>
                <Statistic
                  title={t('invest.annualPlan', { year })}
                  value={figures.plannedInvestment ? formatAmount(figures.plannedInvestment) : '—'}
                  suffix={figures.plannedInvestment ? t('invest.unitWan') : undefined}
                />
                {figures.planVersion && figures.planVersion > 1 ? (
                  <Typography.Text type="secondary">{t('invest.originalPlan', { amount: formatAmount(figures.originalInvestment) })}</Typography.Text>
                ) : null}
              </Col>
              <Col span={12}>
                <Statistic title={t('invest.completedYtd', { m: figures.month })} value={formatAmount(figures.completedYtd)} suffix={t('invest.unitWan')} />
              </Col>
              <Col span={12}>
                <div data-testid="project-rate" data-rate={figures.completionRate ?? ''}>
                  <Statistic
                    title={t('invest.completionRate')}
                    value={formatRate(figures.completionRate)}
                    valueStyle={{ color: LIGHT_COLORS[figures.light] }}
                  />
                </div>
              </Col>
              <Col span={12}>
                <Statistic title={t('invest.scheduleRate')} value={formatRate(figures.scheduleRate)} />
              </Col>
            </Row>
            <Space style={{ marginTop: 12 }} wrap>
              <LightTag light={figures.light} />
              <Typography.Text strong data-testid="project-gap">
                {gapText(figures.gapPoints)}
              </Typography.Text>
            </Space>
            <div style={{ marginTop: 8 }}>
              <LightReasons reasons={figures.projectLightReasons} />
            </div>
          </Col>
          <Col xs={24} lg={14}>
            {figures.months.length ? <ProjectMonthsChart months={figures.months} /> : <Empty description={t('invest.noMonths')} />}
          </Col>
        </Row>
      ) : null}
      {data?.versions?.items.length ? (
        <div style={{ marginTop: 12 }} data-testid="plan-versions">
          <Typography.Text strong>{t('invest.versions', { year })}</Typography.Text>
          <Timeline
            style={{ marginTop: 8 }}
            items={data.versions.items.map((v) => ({
              color: v.kind === 'original' ? 'blue' : 'orange',
              children: (
                <>
                  <Typography.Text strong>{tv('invest.planKind', v.kind)}</Typography.Text> {formatAmount(v.plannedInvestment)} {t('invest.unitWan')}
                  <Typography.Text type="secondary">
                    {' · '}
                    {v.issuedByName ?? '—'} · {formatDateTime(v.issuedAt)}
                  </Typography.Text>
                  {v.reason ? <div>{t('invest.reasonIs', { reason: v.reason })}</div> : null}
                </>
              ),
            }))}
          />
        </div>
      ) : data && !data.plan ? (
        <Typography.Paragraph type="secondary" style={{ marginTop: 12 }}>
          {t('invest.noPlan', { year })}
        </Typography.Paragraph>
      ) : null}
      {editingFacts ? (
        <FactsModal
          project={project}
          onClose={() => setEditingFacts(false)}
          onSaved={() => {
            setEditingFacts(false);
            onFactsChanged();
          }}
        />
      ) : null}
      {issuing ? (
        <PlanModal
          projectId={project.id}
          year={year}
          plan={data?.plan ?? null}
          onClose={() => setIssuing(false)}
          onIssued={() => {
            setIssuing(false);
            state.reload();
          }}
        />
      ) : null}
    </Card>
  );
}

/** Puts the API's field errors on the form's fields; the rest go to the alert. */
function applyFieldErrors<T>(form: FormInstance<T>, reason: unknown, fields: string[]) {
  if (!isApiError(reason)) return;
  form.setFields(reason.errors.filter((e) => fields.includes(e.field)).map((e) => ({ name: e.field as never, errors: [e.message] })));
}

const FACT_FIELDS = [
  'projectCode',
  'totalInvestment',
  'investmentType',
  'constructionStartYear',
  'constructionEndYear',
  'constructionScope',
  'statisticsRegisteredOn',
];

interface FactsValues {
  projectCode?: string;
  totalInvestment?: string;
  investmentType?: UpdateProjectFacts['investmentType'];
  constructionStartYear?: number | null;
  constructionEndYear?: number | null;
  constructionScope?: string;
  statisticsRegisteredOn?: dayjs.Dayjs | null;
}

function FactsModal({ project, onClose, onSaved }: { project: ProjectDetail; onClose: () => void; onSaved: () => void }) {
  const { t, tv } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<FactsValues>();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const amountRule = {
    validator: (_: unknown, value: string) =>
      amountProblem(value, false) ? Promise.reject(new Error(t(`amount.${amountProblem(value, false)!}`))) : Promise.resolve(),
  };

  const save = async (values: FactsValues) => {
    setBusy(true);
    setError(null);
    const body: UpdateProjectFacts = {
      version: project.version,
      projectCode: values.projectCode?.trim() || null,
      totalInvestment: values.totalInvestment?.trim() || null,
      investmentType: values.investmentType ?? null,
      constructionStartYear: values.constructionStartYear ?? null,
      constructionEndYear: values.constructionEndYear ?? null,
      constructionScope: values.constructionScope?.trim() || null,
      statisticsRegisteredOn: values.statisticsRegisteredOn ? values.statisticsRegisteredOn.format('YYYY-MM-DD') : null,
    };
    try {
      await api.patch(`/api/projects/${project.id}`, body);
      message.success(t('invest.factsSaved'));
      onSaved();
    } catch (reason) {
      setError(reason);
      applyFieldErrors(form, reason, FACT_FIELDS);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open
      title={t('invest.editFacts')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      okButtonProps={{ loading: busy }}
      onOk={() => form.submit()}
      onCancel={onClose}
      width={640}
    >
      <ProblemAlert error={error} />
      <Form<FactsValues>
        form={form}
        layout="vertical"
        onFinish={(values) => void save(values)}
        initialValues={{
          projectCode: project.projectCode ?? '',
          totalInvestment: project.totalInvestment ?? '',
          investmentType: project.investmentType ?? undefined,
          constructionStartYear: project.constructionStartYear,
          constructionEndYear: project.constructionEndYear,
          constructionScope: project.constructionScope ?? '',
          statisticsRegisteredOn: project.statisticsRegisteredOn ? dayjs(project.statisticsRegisteredOn) : null,
        }}
      >
        <Row gutter={12}>
          <Col xs={24} sm={12}>
            <Form.Item name="projectCode" label={t('invest.projectCode')}>
              <Input placeholder="2501-500110-04-01-123456" maxLength={64} data-testid="facts-projectCode" />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="totalInvestment" label={`${t('invest.totalInvestment')}（${t('invest.unitWan')}）`} rules={[amountRule]}>
              <Input inputMode="decimal" data-testid="facts-totalInvestment" />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="investmentType" label={t('invest.investmentType')}>
              <Select allowClear options={INVESTMENT_TYPES.map((value) => ({ value, label: tv('investmentType', value) }))} />
            </Form.Item>
          </Col>
          <Col xs={12} sm={6}>
            <Form.Item name="constructionStartYear" label={t('invest.startYear')}>
              <InputNumber min={2000} max={2100} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={12} sm={6}>
            <Form.Item name="constructionEndYear" label={t('invest.endYear')}>
              <InputNumber min={2000} max={2100} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item name="constructionScope" label={t('invest.constructionScope')}>
              <Input.TextArea rows={3} maxLength={500} showCount />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="statisticsRegisteredOn" label={t('invest.registeredOn')}>
              <DatePicker style={{ width: '100%' }} disabledDate={(day) => day.format('YYYY-MM-DD') > trackerToday()} />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </Modal>
  );
}

interface PlanValues {
  plannedInvestment: string;
  plannedStartMonth?: number | null;
  plannedCompletionMonth?: number | null;
  reason?: string;
}

function PlanModal({
  projectId,
  year,
  plan,
  onClose,
  onIssued,
}: {
  projectId: string;
  year: number;
  plan: InvestmentPlan | null;
  onClose: () => void;
  onIssued: () => void;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<PlanValues>();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const months = Array.from({ length: 12 }, (_, i) => ({ value: i + 1, label: t('invest.chart.month', { m: i + 1 }) }));

  const issue = async (values: PlanValues) => {
    setBusy(true);
    setError(null);
    try {
      await api.put(`/api/projects/${projectId}/investment-plans/${year}`, {
        plannedInvestment: values.plannedInvestment.trim(),
        plannedStartMonth: values.plannedStartMonth ?? null,
        plannedCompletionMonth: values.plannedCompletionMonth ?? null,
        ...(values.reason?.trim() ? { reason: values.reason.trim() } : {}),
      });
      message.success(plan ? t('invest.planAdjusted') : t('invest.planIssued'));
      onIssued();
    } catch (reason) {
      setError(reason);
      applyFieldErrors(form, reason, ['plannedInvestment', 'plannedStartMonth', 'plannedCompletionMonth', 'reason']);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open
      title={plan ? t('invest.adjustPlanTitle', { year }) : t('invest.issuePlanTitle', { year })}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      okButtonProps={{ loading: busy }}
      onOk={() => form.submit()}
      onCancel={onClose}
    >
      <ProblemAlert error={error} />
      <Form<PlanValues>
        form={form}
        layout="vertical"
        onFinish={(values) => void issue(values)}
        initialValues={{
          plannedInvestment: plan?.plannedInvestment ?? '',
          plannedStartMonth: plan?.plannedStartMonth ?? undefined,
          plannedCompletionMonth: plan?.plannedCompletionMonth ?? undefined,
        }}
      >
        <Form.Item
          name="plannedInvestment"
          label={`${t('invest.annualPlan', { year })}（${t('invest.unitWan')}）`}
          rules={[
            { validator: (_, value: string) => (amountProblem(value) ? Promise.reject(new Error(t(`amount.${amountProblem(value)!}`))) : Promise.resolve()) },
          ]}
        >
          <Input inputMode="decimal" data-testid="plan-amount" />
        </Form.Item>
        <Space.Compact block>
          <Form.Item name="plannedStartMonth" label={t('invest.plannedStartMonth')} style={{ width: '50%' }}>
            <Select allowClear options={months} />
          </Form.Item>
          <Form.Item name="plannedCompletionMonth" label={t('invest.plannedCompletionMonth')} style={{ width: '50%' }}>
            <Select allowClear options={months} />
          </Form.Item>
        </Space.Compact>
        <Form.Item
          name="reason"
          label={t('invest.adjustReason')}
          extra={plan ? t('invest.adjustReasonHint') : undefined}
          rules={plan ? [{ required: true, whitespace: true, message: t('invest.adjustReasonRequired') }] : []}
        >
          <Input.TextArea rows={2} maxLength={500} data-testid="plan-reason" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
