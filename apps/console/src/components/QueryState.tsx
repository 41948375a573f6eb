import { Alert, Button, Empty, Result, Skeleton } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '@/lib/api-error';

interface Props {
  isLoading: boolean;
  error: unknown;
  /** True when loaded but there is nothing to show. */
  empty?: boolean;
  emptyText?: ReactNode;
  onRetry?: () => void;
  children: ReactNode;
}

/** Loading, error (the API's own message) and empty states, the same on every page. */
export function QueryState({ isLoading, error, empty, emptyText, onRetry, children }: Props) {
  const { t } = useTranslation();
  if (isLoading) return <Skeleton active paragraph={{ rows: 6 }} />;
  if (error) {
    if (error instanceof ApiError && error.status === 403)
      return <Result status="403" title="403" subTitle={error.message || t('forbidden')} />;
    if (error instanceof ApiError && error.status === 404)
      return <Result status="404" title="404" subTitle={error.message} />;
    return (
      <Alert
        type="error"
        showIcon
        message={t('state.error')}
        description={error instanceof Error ? error.message : String(error)}
        action={onRetry && <Button onClick={onRetry}>{t('state.retry')}</Button>}
      />
    );
  }
  if (empty) return <Empty description={emptyText ?? t('state.empty')} />;
  return <>{children}</>;
}

/** The API's message for an error, for message.error / notifications. */
export function errorText(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  return error instanceof Error ? error.message : String(error);
}
