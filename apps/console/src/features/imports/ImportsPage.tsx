import { DownloadOutlined, InboxOutlined } from '@ant-design/icons';
import { App, Button, Card, Col, Descriptions, Statistic, Table, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { PageContainer } from '@/components/PageContainer';
import { QueryState, errorText } from '@/components/QueryState';
import { formatTime } from '@/lib/format';
import { downloads, type HouseholdImport, useImport, useImports, useStartImport } from './api';
import { ImportProgressCard, ImportStatusTag } from './ImportProgressCard';

/** The import being watched, with the household import's counters. */
function ImportProgress({ id }: { id: string }) {
  const { t } = useTranslation('imports');
  const current = useImport(id);
  const i = current.data;
  return (
    <ImportProgressCard
      imp={i}
      isLoading={current.isLoading}
      error={current.error}
      onErrorSheet={() => downloads.errors(id)}
      stats={
        i && (
          <>
            <Col xs={12} md={6}>
              <Statistic title={t('current.total')} value={i.totalRows} />
            </Col>
            <Col xs={12} md={6}>
              <Statistic title={t('current.processed')} value={i.processedRows} />
            </Col>
            <Col xs={12} md={6}>
              <Statistic
                title={t('current.imported')}
                value={i.importedRows}
                suffix={t('current.households', { count: i.importedHouseholds })}
                valueStyle={{ color: '#389e0d' }}
              />
            </Col>
            <Col xs={12} md={6}>
              <Statistic
                title={t('current.refused')}
                value={i.refusedRows}
                suffix={t('current.households', { count: i.refusedHouseholds })}
                valueStyle={i.refusedRows > 0 ? { color: '#cf1322' } : undefined}
              />
            </Col>
          </>
        )
      }
    />
  );
}

/**
 * /imports: upload an xlsx or CSV (UTF-8 or GBK), watch its progress, read why rows were refused
 * and download them as a sheet to correct and import again; templates; the recent imports.
 */
export function ImportsPage() {
  const { t } = useTranslation('imports');
  const { message } = App.useApp();
  const [params, setParams] = useSearchParams();
  const [page, setPage] = useState(1);
  const currentId = params.get('id');
  const start = useStartImport();
  const list = useImports(page);
  const watch = (id: string) => setParams({ id });
  const save = (run: () => Promise<void>) => run().catch((e) => message.error(errorText(e)));

  return (
    <PageContainer
      title={t('title')}
      extra={
        <>
          <Button icon={<DownloadOutlined />} onClick={() => save(downloads.templateXlsx)}>
            {t('templateXlsx')}
          </Button>
          <Button icon={<DownloadOutlined />} onClick={() => save(downloads.templateCsv)}>
            {t('templateCsv')}
          </Button>
        </>
      }
    >
      <Card size="small">
        <Upload.Dragger
          accept=".xlsx,.csv"
          multiple={false}
          showUploadList={false}
          disabled={start.isPending}
          data-testid="import-upload"
          customRequest={({ file, onSuccess, onError }) => {
            start.mutate(file as File, {
              onSuccess: (i) => {
                onSuccess?.(i);
                watch(i.id);
              },
              onError: (e) => {
                onError?.(e as Error);
                void message.error(errorText(e));
              },
            });
          }}
        >
          <p className="ant-upload-drag-icon">
            <InboxOutlined />
          </p>
          <p className="ant-upload-text">{t('upload.text')}</p>
          <p className="ant-upload-hint">{t('upload.hint')}</p>
        </Upload.Dragger>
      </Card>

      {currentId && <ImportProgress key={currentId} id={currentId} />}

      <Card title={t('recent.title')} size="small" style={{ marginTop: 16 }}>
        <QueryState isLoading={false} error={list.error} onRetry={() => void list.refetch()}>
          <Table
            size="small"
            rowKey="id"
            loading={list.isLoading}
            dataSource={list.data?.items ?? []}
            scroll={{ x: 760 }}
            pagination={{
              current: page,
              pageSize: 10,
              total: list.data?.total,
              onChange: setPage,
              showTotal: (total) => t('common:pagination.total', { total }),
            }}
            columns={[
              {
                title: t('recent.file'),
                dataIndex: 'filename',
                render: (name: string | null) => name ?? '—',
              },
              { title: t('recent.createdAt'), dataIndex: 'createdAt', render: formatTime },
              {
                title: t('recent.status'),
                dataIndex: 'status',
                render: (s: HouseholdImport['status']) => <ImportStatusTag status={s} />,
              },
              { title: t('current.imported'), dataIndex: 'importedRows' },
              { title: t('current.refused'), dataIndex: 'refusedRows' },
              {
                key: 'view',
                render: (_v, i) => (
                  <Button type="link" size="small" onClick={() => watch(i.id)}>
                    {t('common:action.view')}
                  </Button>
                ),
              },
            ]}
          />
        </QueryState>
      </Card>
      <Descriptions size="small" style={{ marginTop: 8 }}>
        <Descriptions.Item label={t('note.label')}>{t('note.text')}</Descriptions.Item>
      </Descriptions>
    </PageContainer>
  );
}
