import { DownloadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Progress, Row, Space, Table, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { QueryState, errorText } from '@/components/QueryState';

/** What every background import answers (household imports, the ledger's roll imports). */
export interface ImportLike {
  status: 'queued' | 'running' | 'done' | 'failed';
  filename: string | null;
  format: 'xlsx' | 'csv';
  encoding: string | null;
  progressPercent: number;
  failure: string | null;
  hasErrorSheet: boolean;
  refusedSample: { row: number; reasons: string[] }[];
}

export const IMPORT_STATUS_COLORS: Record<ImportLike['status'], string> = {
  queued: 'default',
  running: 'processing',
  done: 'success',
  failed: 'error',
};

/** An import's status as a coloured tag (the imports page's words for it). */
export function ImportStatusTag({
  status,
  testId,
}: {
  status: ImportLike['status'];
  testId?: string;
}) {
  const { t } = useTranslation('imports');
  return (
    <Tag color={IMPORT_STATUS_COLORS[status]} data-testid={testId}>
      {t(`status.${status}`)}
    </Tag>
  );
}

/**
 * The import being watched: status, format, progress, the import's own counters (`stats`, a
 * row of Statistic columns), why it failed, its first refused rows and the error sheet.
 */
export function ImportProgressCard({
  imp,
  isLoading,
  error,
  stats,
  onErrorSheet,
}: {
  imp: ImportLike | undefined;
  isLoading: boolean;
  error: unknown;
  stats: ReactNode;
  onErrorSheet: () => Promise<void>;
}) {
  const { t } = useTranslation('imports');
  const { message } = App.useApp();
  return (
    <Card
      title={t('current.title', { name: imp?.filename ?? '' })}
      size="small"
      style={{ marginTop: 16 }}
      data-testid="import-progress"
    >
      <QueryState isLoading={isLoading} error={error}>
        {imp && (
          <>
            <Space wrap style={{ marginBottom: 8 }}>
              <ImportStatusTag status={imp.status} testId="import-status" />
              <Typography.Text type="secondary">
                {t('current.format', {
                  format: imp.format.toUpperCase(),
                  encoding: imp.encoding ? `（${imp.encoding.toUpperCase()}）` : '',
                })}
              </Typography.Text>
            </Space>
            <Progress
              percent={imp.progressPercent}
              status={
                imp.status === 'failed' ? 'exception' : imp.status === 'done' ? 'success' : 'active'
              }
            />
            {imp.failure && (
              <Alert
                type="error"
                showIcon
                message={t('current.failed')}
                description={imp.failure}
              />
            )}
            <Row gutter={[16, 16]} style={{ marginTop: 8 }}>
              {stats}
            </Row>
            {imp.refusedSample.length > 0 && (
              <>
                <Typography.Title level={5} style={{ marginTop: 16 }}>
                  {t('current.refusedRows')}
                </Typography.Title>
                <Table
                  size="small"
                  rowKey="row"
                  pagination={false}
                  data-testid="refused-rows"
                  dataSource={imp.refusedSample}
                  columns={[
                    { title: t('current.row'), dataIndex: 'row', width: 90 },
                    {
                      title: t('current.reasons'),
                      dataIndex: 'reasons',
                      render: (reasons: string[]) => reasons.join('；'),
                    },
                  ]}
                />
              </>
            )}
            {imp.hasErrorSheet && (
              <Button
                style={{ marginTop: 16 }}
                icon={<DownloadOutlined />}
                onClick={() => onErrorSheet().catch((e) => message.error(errorText(e)))}
              >
                {t('current.errorSheet')}
              </Button>
            )}
          </>
        )}
      </QueryState>
    </Card>
  );
}
