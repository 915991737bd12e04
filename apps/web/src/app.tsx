import { Button, Result } from 'antd';
import { lazy, ReactNode, Suspense } from 'react';
import { Link, Navigate, Route, Routes } from 'react-router-dom';
import type { Role } from './api/types';
import { homePathFor, RequireAuth, useAuth } from './auth/auth';
import { AppLayout } from './components/app-layout';
import { PageLoading } from './components/page-loading';
import { useI18n } from './i18n';
import { LoginPage } from './pages/login-page';

// Every page but sign-in is its own chunk; the dashboard's (and ECharts') code loads only when opened.
const DashboardPage = lazy(() => import('./pages/dashboard-page'));
const ProjectListPage = lazy(() => import('./pages/project-list-page'));
const ProjectDetailPage = lazy(() => import('./pages/project-detail-page'));
const ApprovalsPage = lazy(() => import('./pages/approvals-page'));
const MyProjectsPage = lazy(() => import('./pages/my-projects-page'));
const PlanTreePage = lazy(() => import('./pages/plan-tree-page'));
const AdminPage = lazy(() => import('./pages/admin-page'));
const OperationsPage = lazy(() => import('./pages/operations-page'));
const NotificationsPage = lazy(() => import('./pages/notifications-page'));
const DigestPreviewPage = lazy(() => import('./pages/digest-preview-page'));
const DigestPage = lazy(() => import('./pages/digest-page'));
const MonthlyReportsPage = lazy(() => import('./pages/monthly-reports-page'));
const InvestmentPage = lazy(() => import('./pages/investment-page'));
const BulletinsPage = lazy(() => import('./pages/bulletins-page'));
const ProblemsPage = lazy(() => import('./pages/problems-page'));
const SettingsPage = lazy(() => import('./pages/settings-page'));
const AuditLogPage = lazy(() => import('./pages/audit-log-page'));

function Home() {
  const { user } = useAuth();
  return <Navigate to={user ? homePathFor(user.role) : '/login'} replace />;
}

function RoleGate({ roles, children }: { roles: Role[]; children: ReactNode }) {
  const { user } = useAuth();
  const { t } = useI18n();
  if (user && !roles.includes(user.role)) {
    return (
      <Result
        status="403"
        title="403"
        subTitle={t('error.forbiddenPage')}
        extra={
          <Link to="/">
            <Button type="primary">{t('error.backHome')}</Button>
          </Link>
        }
      />
    );
  }
  return <>{children}</>;
}

function NotFound() {
  const { t } = useI18n();
  return (
    <Result
      status="404"
      title={t('error.notFound')}
      subTitle={t('error.notFoundHint')}
      extra={
        <Link to="/">
          <Button type="primary">{t('error.backHome')}</Button>
        </Link>
      }
    />
  );
}

export function App() {
  return (
    <Routes>
      <Route path="/login" element={<LoginPage />} />
      <Route
        element={
          <RequireAuth>
            <AppLayout />
          </RequireAuth>
        }
      >
        <Route index element={<Home />} />
        <Route
          path="dashboard"
          element={
            <RoleGate roles={['reviewer', 'leader', 'admin']}>
              <DashboardPage />
            </RoleGate>
          }
        />
        <Route path="projects" element={<ProjectListPage />} />
        <Route path="projects/:id" element={<ProjectDetailPage />} />
        <Route
          path="approvals"
          element={
            <RoleGate roles={['reviewer', 'admin']}>
              <ApprovalsPage />
            </RoleGate>
          }
        />
        <Route
          path="mine"
          element={
            <RoleGate roles={['owner']}>
              <MyProjectsPage />
            </RoleGate>
          }
        />
        <Route path="monthly-reports" element={<MonthlyReportsPage />} />
        <Route
          path="investment"
          element={
            <RoleGate roles={['reviewer', 'leader', 'admin']}>
              <InvestmentPage />
            </RoleGate>
          }
        />
        <Route path="problems" element={<ProblemsPage />} />
        <Route path="bulletins" element={<BulletinsPage />} />
        <Route path="bulletins/:id" element={<BulletinsPage />} />
        <Route path="plan" element={<PlanTreePage />} />
        <Route path="notifications" element={<NotificationsPage />} />
        <Route path="digest-preview" element={<DigestPreviewPage />} />
        <Route path="digests/:week" element={<DigestPage />} />
        <Route path="settings" element={<SettingsPage />} />
        <Route
          path="audit-log"
          element={
            <RoleGate roles={['reviewer', 'leader', 'admin']}>
              <AuditLogPage />
            </RoleGate>
          }
        />
        <Route
          path="admin"
          element={
            <RoleGate roles={['admin']}>
              <AdminPage />
            </RoleGate>
          }
        />
        <Route
          path="operations"
          element={
            <RoleGate roles={['admin']}>
              <OperationsPage />
            </RoleGate>
          }
        />
        <Route path="*" element={<NotFound />} />
      </Route>
      <Route
        path="*"
        element={
          <Suspense fallback={<PageLoading />}>
            <NotFound />
          </Suspense>
        }
      />
    </Routes>
  );
}
