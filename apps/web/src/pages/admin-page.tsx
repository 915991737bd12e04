import { PlusOutlined } from '@ant-design/icons';
import { App as AntApp, Badge, Button, Form, Input, Modal, Popconfirm, Select, Space, Table, Tabs, Tag, Typography } from 'antd';
import type { FormInstance, TableProps } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { api } from '../api/client';
import { ROLES, SECTORS } from '../api/types';
import type { AdminUser, Role, Sector, UnitWithCount } from '../api/types';
import { formFieldErrors, PageError, ProblemAlert } from '../components/problem-alert';
import { useI18n } from '../i18n';
import { formatDateTime } from '../lib/dates';
import { ROLE_COLORS } from '../lib/role-colors';
import { projectListLink } from '../lib/project-filters';
import { AsyncState, useAsync } from '../lib/use-async';

interface UserValues {
  username?: string;
  displayName: string;
  role: Role;
  unitId?: string | null;
  email?: string;
  password?: string;
}

/**
 * Puts the API's field errors (problem+json `errors`) under the form's fields; anything else (a 409, a network
 * failure) is returned for the dialog's alert.
 */
function showErrors<V>(form: FormInstance<V>, error: unknown, names: string[]): unknown {
  const fields = formFieldErrors(error, (path) => names.includes(path[0]));
  if (fields.length) {
    form.setFields(fields as Parameters<FormInstance<V>['setFields']>[0]);
    return null;
  }
  return error;
}

/** 新建用户 / 编辑用户: POST or PATCH /api/admin/users. An owner needs a unit; only enabled units are offered. */
function UserModal({
  user,
  units,
  open,
  onClose,
  onSaved,
}: {
  user: AdminUser | null;
  units: UnitWithCount[];
  open: boolean;
  onClose: () => void;
  onSaved: () => void;
}) {
  const { t } = useI18n();
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<UserValues>();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const role = Form.useWatch('role', form);
  const creating = user === null;
  const offered = units.filter((unit) => unit.active || unit.id === user?.unit?.id);

  const submit = async (values: UserValues) => {
    setSaving(true);
    setError(null);
    try {
      const email = values.email?.trim() ? values.email.trim() : creating ? undefined : null;
      if (creating) {
        const created = await api.post<AdminUser>('/api/admin/users', { ...values, unitId: values.unitId ?? undefined, email });
        message.success(t('admin.userCreated', { name: created.displayName }));
      } else {
        await api.patch<AdminUser>(`/api/admin/users/${user.id}`, {
          displayName: values.displayName,
          role: values.role,
          unitId: values.unitId ?? null,
          email,
        });
        message.success(t('common.saved'));
      }
      onSaved();
      onClose();
    } catch (caught) {
      setError(showErrors(form, caught, ['username', 'displayName', 'role', 'unitId', 'email', 'password']));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open={open}
      title={creating ? t('admin.createUser') : t('admin.editUser', { name: user.username })}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={saving}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnClose
      afterOpenChange={(visible) => visible || setError(null)}
    >
      <ProblemAlert error={error} />
      <Form<UserValues>
        form={form}
        layout="vertical"
        onFinish={submit}
        preserve={false}
        data-testid="user-form"
        initialValues={
          user ? { displayName: user.displayName, role: user.role, unitId: user.unit?.id ?? null, email: user.email ?? '' } : { role: 'owner' satisfies Role }
        }
      >
        {creating ? (
          <Form.Item
            name="username"
            label={t('admin.username')}
            extra={t('admin.usernameHint')}
            rules={[{ required: true, message: t('admin.usernameRequired') }]}
          >
            <Input autoComplete="off" />
          </Form.Item>
        ) : null}
        <Form.Item name="displayName" label={t('admin.displayName')} rules={[{ required: true, whitespace: true, message: t('admin.displayNameRequired') }]}>
          <Input maxLength={64} />
        </Form.Item>
        <Form.Item name="role" label={t('admin.role')} rules={[{ required: true }]}>
          <Select options={ROLES.map((value) => ({ value, label: t(`role.${value}`) }))} data-testid="user-role" />
        </Form.Item>
        <Form.Item
          name="unitId"
          label={t('admin.unit')}
          extra={role === 'owner' ? t('admin.unitRequiredHint') : undefined}
          rules={[{ required: role === 'owner', message: t('admin.unitRequired') }]}
        >
          <Select
            allowClear
            showSearch
            optionFilterProp="label"
            options={offered.map((unit) => ({ value: unit.id, label: unit.name }))}
            placeholder={t('admin.unitPlaceholder')}
            data-testid="user-unit"
          />
        </Form.Item>
        <Form.Item name="email" label={t('admin.email')} rules={[{ type: 'email', message: t('admin.emailInvalid') }]}>
          <Input autoComplete="off" />
        </Form.Item>
        {creating ? (
          <Form.Item
            name="password"
            label={t('admin.initialPassword')}
            extra={t('password.rules')}
            rules={[{ required: true, message: t('password.newRequired') }]}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
        ) : null}
      </Form>
    </Modal>
  );
}

/** 重置密码: POST /api/admin/users/:id/password; every session of the user ends. */
function ResetPasswordModal({ user, onClose }: { user: AdminUser | null; onClose: () => void }) {
  const { t } = useI18n();
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<{ password: string; confirm: string }>();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const submit = async (values: { password: string }) => {
    if (!user) return;
    setSaving(true);
    setError(null);
    try {
      await api.post(`/api/admin/users/${user.id}/password`, { password: values.password });
      message.success(t('admin.passwordReset', { name: user.displayName }));
      onClose();
    } catch (caught) {
      setError(showErrors(form, caught, ['password']));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open={user !== null}
      title={user ? t('admin.resetPasswordOf', { name: user.displayName }) : ''}
      okText={t('admin.resetPassword')}
      cancelText={t('common.cancel')}
      confirmLoading={saving}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnClose
      afterOpenChange={(visible) => visible || setError(null)}
    >
      <Typography.Paragraph type="secondary">{t('admin.resetPasswordHint')}</Typography.Paragraph>
      <ProblemAlert error={error} />
      <Form form={form} layout="vertical" onFinish={submit} preserve={false} data-testid="reset-password-form">
        <Form.Item name="password" label={t('password.new')} extra={t('password.rules')} rules={[{ required: true, message: t('password.newRequired') }]}>
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          name="confirm"
          label={t('password.confirm')}
          dependencies={['password']}
          rules={[
            { required: true, message: t('password.newRequired') },
            ({ getFieldValue }) => ({
              validator: (_rule, value) =>
                !value || value === getFieldValue('password') ? Promise.resolve() : Promise.reject(new Error(t('password.mismatch'))),
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

interface UnitValues {
  code?: string;
  name: string;
  sectors?: Sector[];
}

/** 新建单位 / 修改单位: POST or PATCH /api/units. */
function UnitModal({ unit, open, onClose, onSaved }: { unit: UnitWithCount | null; open: boolean; onClose: () => void; onSaved: () => void }) {
  const { t, tv } = useI18n();
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<UnitValues>();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const creating = unit === null;

  const submit = async (values: UnitValues) => {
    setSaving(true);
    setError(null);
    try {
      if (creating) {
        await api.post<UnitWithCount>('/api/units', { code: values.code, name: values.name, sectors: values.sectors ?? [] });
        message.success(t('admin.unitCreated', { name: values.name }));
      } else {
        await api.patch<UnitWithCount>(`/api/units/${unit.id}`, { name: values.name, sectors: values.sectors ?? [] });
        message.success(t('common.saved'));
      }
      onSaved();
      onClose();
    } catch (caught) {
      setError(showErrors(form, caught, ['code', 'name', 'sectors']));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open={open}
      title={creating ? t('admin.createUnit') : t('admin.editUnit', { name: unit.name })}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={saving}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnClose
      afterOpenChange={(visible) => visible || setError(null)}
    >
      <ProblemAlert error={error} />
      <Form<UnitValues>
        form={form}
        layout="vertical"
        onFinish={submit}
        preserve={false}
        data-testid="unit-form"
        initialValues={unit ? { name: unit.name, sectors: unit.sectors } : { sectors: [] }}
      >
        {creating ? (
          <Form.Item name="code" label={t('admin.code')} extra={t('admin.unitCodeHint')} rules={[{ required: true, message: t('admin.unitCodeRequired') }]}>
            <Input autoComplete="off" />
          </Form.Item>
        ) : null}
        <Form.Item name="name" label={t('admin.unitName')} rules={[{ required: true, whitespace: true, message: t('admin.unitNameRequired') }]}>
          <Input maxLength={64} />
        </Form.Item>
        <Form.Item name="sectors" label={t('admin.sectors')} extra={t('admin.sectorsHint')}>
          <Select mode="multiple" allowClear options={SECTORS.map((value) => ({ value, label: tv('sector', value) }))} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** A tab of 用户与单位: its 新建 button over the table, or the load's error with a retry. */
function AdminTable<T extends { id: string }>(props: {
  list: AsyncState<{ items: T[] }>;
  columns: TableProps<T>['columns'];
  scrollX: number;
  emptyText: string;
  testId: string;
  create: { label: string; onClick: () => void; testId: string };
}) {
  const { list, create } = props;
  if (list.error && !list.data) return <PageError error={list.error} onRetry={list.reload} />;
  return (
    <>
      <Button type="primary" icon={<PlusOutlined />} onClick={create.onClick} style={{ marginBottom: 12 }} data-testid={create.testId}>
        {create.label}
      </Button>
      <Table<T>
        rowKey="id"
        columns={props.columns}
        dataSource={list.data?.items ?? []}
        loading={list.loading}
        pagination={false}
        scroll={{ x: props.scrollX }}
        size="middle"
        locale={{ emptyText: props.emptyText }}
        data-testid={props.testId}
      />
    </>
  );
}

/** 用户与单位: who may sign in with which role and unit, and the units with their projects; admins create, edit, disable and reset here. */
export default function AdminPage() {
  const { t, tv } = useI18n();
  const { message } = AntApp.useApp();
  const users = useAsync((signal) => api.get<{ items: AdminUser[] }>('/api/admin/users', undefined, signal), []);
  const units = useAsync((signal) => api.get<{ items: UnitWithCount[] }>('/api/units', undefined, signal), []);
  const [editing, setEditing] = useState<{ user: AdminUser | null } | null>(null);
  const [resetting, setResetting] = useState<AdminUser | null>(null);
  const [unitEditing, setUnitEditing] = useState<{ unit: UnitWithCount | null } | null>(null);
  const [error, setError] = useState<unknown>(null);
  const reloadAll = () => {
    users.reload();
    units.reload();
  };

  const setUserActive = async (user: AdminUser, active: boolean) => {
    setError(null);
    try {
      await api.patch<AdminUser>(`/api/admin/users/${user.id}`, { active });
      message.success(t(active ? 'admin.userEnabled' : 'admin.userDisabled', { name: user.displayName }));
      reloadAll();
    } catch (caught) {
      setError(caught);
    }
  };
  const setUnitActive = async (unit: UnitWithCount, active: boolean) => {
    setError(null);
    try {
      await api.patch<UnitWithCount>(`/api/units/${unit.id}`, { active });
      message.success(t(active ? 'admin.unitEnabled' : 'admin.unitDisabled', { name: unit.name }));
      units.reload();
    } catch (caught) {
      setError(caught);
    }
  };

  const userColumns: TableProps<AdminUser>['columns'] = [
    {
      title: t('admin.username'),
      dataIndex: 'username',
      key: 'username',
      width: 140,
      render: (v: string) => (
        <Typography.Text code style={{ whiteSpace: 'nowrap' }}>
          {v}
        </Typography.Text>
      ),
    },
    { title: t('admin.displayName'), dataIndex: 'displayName', key: 'displayName', width: 130, ellipsis: true },
    {
      title: t('admin.role'),
      dataIndex: 'role',
      key: 'role',
      width: 110,
      render: (role: AdminUser['role']) => <Tag color={ROLE_COLORS[role]}>{t(`role.${role}`)}</Tag>,
    },
    { title: t('admin.unit'), key: 'unit', width: 120, ellipsis: true, render: (_, u) => u.unit?.name ?? '—' },
    { title: t('admin.email'), dataIndex: 'email', key: 'email', width: 160, ellipsis: true, render: (v: string | null) => v ?? '—' },
    {
      title: t('admin.active'),
      dataIndex: 'active',
      key: 'active',
      width: 80,
      render: (active: boolean) => <Badge status={active ? 'success' : 'default'} text={active ? t('admin.activeYes') : t('admin.activeNo')} />,
    },
    { title: t('admin.createdAt'), dataIndex: 'createdAt', key: 'createdAt', width: 130, render: (v: string) => formatDateTime(v) },
    {
      title: t('admin.actions'),
      key: 'actions',
      width: 150,
      render: (_, user) => (
        <Space size={0} wrap>
          <Button type="link" size="small" onClick={() => setEditing({ user })}>
            {t('common.edit')}
          </Button>
          <Button type="link" size="small" onClick={() => setResetting(user)}>
            {t('admin.resetPassword')}
          </Button>
          <Popconfirm
            title={t(user.active ? 'admin.disableUserConfirm' : 'admin.enableUserConfirm', { name: user.displayName })}
            okText={t('common.confirm')}
            cancelText={t('common.cancel')}
            onConfirm={() => setUserActive(user, !user.active)}
          >
            <Button type="link" size="small" danger={user.active}>
              {user.active ? t('admin.disable') : t('admin.enable')}
            </Button>
          </Popconfirm>
        </Space>
      ),
    },
  ];
  const unitColumns: TableProps<UnitWithCount>['columns'] = [
    { title: t('admin.code'), dataIndex: 'code', key: 'code', width: 150, render: (v: string) => <Typography.Text code>{v}</Typography.Text> },
    { title: t('admin.unitName'), dataIndex: 'name', key: 'name', width: 170 },
    {
      title: t('admin.sectors'),
      dataIndex: 'sectors',
      key: 'sectors',
      width: 200,
      render: (sectors: string[]) => (
        <Space wrap size={[4, 4]}>
          {sectors.map((s) => (
            <Tag key={s} bordered={false}>
              {tv('sector', s)}
            </Tag>
          ))}
        </Space>
      ),
    },
    {
      title: t('admin.projectCount'),
      dataIndex: 'projectCount',
      key: 'projectCount',
      width: 80,
      align: 'right',
      render: (n: number, u) => <Link to={projectListLink({ unit: u.code })}>{n}</Link>,
    },
    { title: t('admin.userCount'), dataIndex: 'userCount', key: 'userCount', width: 90, align: 'right' },
    {
      title: t('admin.active'),
      dataIndex: 'active',
      key: 'active',
      width: 80,
      render: (active: boolean) => <Badge status={active ? 'success' : 'default'} text={active ? t('admin.activeYes') : t('admin.activeNo')} />,
    },
    {
      title: t('admin.actions'),
      key: 'actions',
      width: 130,
      render: (_, unit) => (
        <Space size={0} wrap>
          <Button type="link" size="small" onClick={() => setUnitEditing({ unit })}>
            {t('admin.renameUnit')}
          </Button>
          <Popconfirm
            title={t(unit.active ? 'admin.disableUnitConfirm' : 'admin.enableUnitConfirm', { name: unit.name })}
            description={unit.active ? t('admin.disableUnitHint') : undefined}
            okText={t('common.confirm')}
            cancelText={t('common.cancel')}
            onConfirm={() => setUnitActive(unit, !unit.active)}
          >
            <Button type="link" size="small" danger={unit.active}>
              {unit.active ? t('admin.disable') : t('admin.enable')}
            </Button>
          </Popconfirm>
        </Space>
      ),
    },
  ];

  return (
    <>
      <div className="page-header">
        <Typography.Title level={3}>{t('admin.title')}</Typography.Title>
      </div>
      <ProblemAlert error={error} onClose={() => setError(null)} style={{ marginBottom: 16 }} />
      <Tabs
        items={[
          {
            key: 'users',
            label: `${t('admin.users')}${users.data ? ` (${users.data.items.length})` : ''}`,
            children: (
              <AdminTable
                list={users}
                columns={userColumns}
                scrollX={1020}
                emptyText={t('admin.usersEmpty')}
                testId="users-table"
                create={{ label: t('admin.createUser'), onClick: () => setEditing({ user: null }), testId: 'create-user' }}
              />
            ),
          },
          {
            key: 'units',
            label: `${t('admin.units')}${units.data ? ` (${units.data.items.length})` : ''}`,
            children: (
              <AdminTable
                list={units}
                columns={unitColumns}
                scrollX={900}
                emptyText={t('admin.unitsEmpty')}
                testId="units-table"
                create={{ label: t('admin.createUnit'), onClick: () => setUnitEditing({ unit: null }), testId: 'create-unit' }}
              />
            ),
          },
        ]}
      />
      <UserModal open={editing !== null} user={editing?.user ?? null} units={units.data?.items ?? []} onClose={() => setEditing(null)} onSaved={reloadAll} />
      <ResetPasswordModal user={resetting} onClose={() => setResetting(null)} />
      <UnitModal open={unitEditing !== null} unit={unitEditing?.unit ?? null} onClose={() => setUnitEditing(null)} onSaved={units.reload} />
    </>
  );
}
