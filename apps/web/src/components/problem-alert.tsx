import { Alert, Button, Result } from 'antd';
import type { ReactNode } from 'react';
import { isApiError } from '../api/client';
import type { FailedGuard } from '../api/types';
import { useI18n } from '../i18n';

/** The API's words for a refusal: `detail`, then each invalid field and failed guard. */
export function ProblemAlert({ error, onRetry, onClose, style }: { error: unknown; onRetry?: () => void; onClose?: () => void; style?: React.CSSProperties }) {
  const { t } = useI18n();
  if (!error) return null;
  const detail = isApiError(error)
    ? error.code === 'network'
      ? t('error.network')
      : error.detail
    : error instanceof Error
      ? error.message
      : t('common.unknownError');
  // The detail often repeats the first guard or field message: list only what it does not already say.
  const fields = (isApiError(error) ? error.errors : []).filter((field) => field.message !== detail);
  const guards = (isApiError(error) && Array.isArray(error.body.failedGuards) ? (error.body.failedGuards as FailedGuard[]) : []).filter(
    (guard) => guard.detail !== detail,
  );
  const description: ReactNode =
    fields.length || guards.length ? (
      <ul style={{ margin: 0, paddingLeft: 20 }}>
        {guards.map((guard) => (
          <li key={`g-${guard.guard}`}>{guard.detail}</li>
        ))}
        {fields.map((field) => (
          <li key={`f-${field.field}`}>{field.message}</li>
        ))}
      </ul>
    ) : undefined;
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      message={detail}
      description={description}
      closable={!!onClose}
      onClose={onClose}
      style={{ marginBottom: 16, ...style }}
      action={
        onRetry ? (
          <Button size="small" onClick={onRetry}>
            {t('common.retry')}
          </Button>
        ) : undefined
      }
    />
  );
}

/** A whole page that could not load. */
export function PageError({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useI18n();
  const status = isApiError(error) ? error.status : 0;
  return (
    <Result
      status={status === 404 ? '404' : status === 403 ? '403' : 'error'}
      title={t('error.title')}
      subTitle={isApiError(error) ? (error.code === 'network' ? t('error.network') : error.detail) : String((error as Error)?.message ?? error)}
      extra={onRetry ? <Button onClick={onRetry}>{t('common.retry')}</Button> : undefined}
    />
  );
}

/** Maps `evidence.approvalDate` style fields onto antd form names. */
export function formFieldErrors(error: unknown, known: (path: string[]) => boolean): Array<{ name: string[]; errors: string[] }> {
  if (!isApiError(error)) return [];
  return error.errors.map((e) => ({ name: e.field.split('.'), errors: [e.message] })).filter((field) => known(field.name));
}
