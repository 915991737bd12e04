import { Badge, Space, Table, Tabs, Tag, Typography } from 'antd';
import type { TableProps } from 'antd';
import { Link } from 'react-router-dom';
import { api } from '../api/client';
import type { AdminUser, UnitWithCount } from '../api/types';
import { PageError } from '../components/problem-alert';
import { useI18n } from '../i18n';
import { formatDateTime } from '../lib/dates';
import { ROLE_COLORS } from '../lib/role-colors';
import { projectListLink } from '../lib/project-filters';
import { useAsync } from '../lib/use-async';

/** 用户与单位: who may sign in with which role and unit, and the units with their projects. */
export default function AdminPage() {
  const { t, tv } = useI18n();
  const users = useAsync((signal) => api.get<{ items: AdminUser[] }>('/api/admin/users', undefined, signal), []);
  const units = useAsync((signal) => api.get<{ items: UnitWithCount[] }>('/api/units', undefined, signal), []);

  const userColumns: TableProps<AdminUser>['columns'] = [
    {
      title: t('admin.username'),
      dataIndex: 'username',
      key: 'username',
      width: 210,
      render: (v: string) => (
        <Typography.Text code style={{ whiteSpace: 'nowrap' }}>
          {v}
        </Typography.Text>
      ),
    },
    { title: t('admin.displayName'), dataIndex: 'displayName', key: 'displayName', width: 200 },
    {
      title: t('admin.role'),
      dataIndex: 'role',
      key: 'role',
      width: 190,
      render: (role: AdminUser['role']) => <Tag color={ROLE_COLORS[role]}>{t(`role.${role}`)}</Tag>,
    },
    { title: t('admin.unit'), key: 'unit', width: 140, render: (_, u) => u.unit?.name ?? '—' },
    { title: t('admin.email'), dataIndex: 'email', key: 'email', width: 200, responsive: ['xxl'], render: (v: string | null) => v ?? '—' },
    {
      title: t('admin.active'),
      dataIndex: 'active',
      key: 'active',
      width: 90,
      render: (active: boolean) => <Badge status={active ? 'success' : 'default'} text={active ? t('admin.activeYes') : t('admin.activeNo')} />,
    },
    {
      title: t('admin.createdAt'),
      dataIndex: 'createdAt',
      key: 'createdAt',
      width: 160,
      responsive: ['xxl'],
      render: (v: string) => formatDateTime(v),
    },
  ];
  const unitColumns: TableProps<UnitWithCount>['columns'] = [
    { title: t('admin.code'), dataIndex: 'code', key: 'code', width: 160, render: (v: string) => <Typography.Text code>{v}</Typography.Text> },
    { title: t('admin.unitName'), dataIndex: 'name', key: 'name', width: 200 },
    {
      title: t('admin.sectors'),
      dataIndex: 'sectors',
      key: 'sectors',
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
      width: 120,
      align: 'right',
      render: (n: number, u) => <Link to={projectListLink({ unit: u.code })}>{n}</Link>,
    },
  ];

  return (
    <>
      <div className="page-header">
        <Typography.Title level={3}>{t('admin.title')}</Typography.Title>
      </div>
      <Tabs
        items={[
          {
            key: 'users',
            label: `${t('admin.users')}${users.data ? ` (${users.data.items.length})` : ''}`,
            children:
              users.error && !users.data ? (
                <PageError error={users.error} onRetry={users.reload} />
              ) : (
                <Table<AdminUser>
                  rowKey="id"
                  columns={userColumns}
                  dataSource={users.data?.items ?? []}
                  loading={users.loading}
                  pagination={false}
                  scroll={{ x: 900 }}
                  size="middle"
                />
              ),
          },
          {
            key: 'units',
            label: `${t('admin.units')}${units.data ? ` (${units.data.items.length})` : ''}`,
            children:
              units.error && !units.data ? (
                <PageError error={units.error} onRetry={units.reload} />
              ) : (
                <Table<UnitWithCount>
                  rowKey="id"
                  columns={unitColumns}
                  dataSource={units.data?.items ?? []}
                  loading={units.loading}
                  pagination={false}
                  scroll={{ x: 700 }}
                  size="middle"
                />
              ),
          },
        ]}
      />
    </>
  );
}
