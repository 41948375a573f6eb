import { DownloadOutlined, InboxOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Descriptions,
  Form,
  Input,
  Row,
  Select,
  Statistic,
  Table,
  Typography,
  Upload,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { PageContainer } from '@/components/PageContainer';
import { QueryState, errorText } from '@/components/QueryState';
import { ImportProgressCard, ImportStatusTag } from '@/features/imports/ImportProgressCard';
import { formFieldErrors } from '@/lib/api-error';
import { useMe } from '@/lib/auth';
import { useOptions } from '@/lib/dictionaries';
import { formatTime } from '@/lib/format';
import {
  type RollFields,
  type RollImport,
  rollDownloads,
  useRollImport,
  useRollImports,
  useStartRollImport,
} from './api';

/** The roll import being watched, with its counters: in the ledger, not found, refused, skipped. */
function RollImportProgress({ id }: { id: string }) {
  const { t } = useTranslation('rollImports');
  const current = useRollImport(id);
  const i = current.data;
  const stat = (key: string, value: number, color?: string) => (
    <Col xs={12} md={4} key={key}>
      <Statistic
        title={t(`stats.${key}`)}
        value={value}
        valueStyle={color && value > 0 ? { color } : undefined}
      />
    </Col>
  );
  return (
    <ImportProgressCard
      imp={i}
      isLoading={current.isLoading}
      error={current.error}
      onErrorSheet={() => rollDownloads.errors(id)}
      stats={
        i && [
          stat('total', i.totalRows),
          stat('imported', i.importedRows, '#389e0d'),
          stat('unmatched', i.unmatchedRows, '#d46b08'),
          stat('refused', i.refusedRows, '#cf1322'),
          stat('duplicate', i.duplicateRows),
        ]
      }
    />
  );
}

/**
 * /assistance/imports: another department's or a charity's roll into the assistance ledger —
 * the granting organization and the defaults for rows that leave them empty, the file, the
 * run's progress and error sheet, the template, and the recent imports.
 */
export function RollImportsPage() {
  const { t } = useTranslation('rollImports');
  const { message } = App.useApp();
  const me = useMe();
  const [form] = Form.useForm<RollFields>();
  const [file, setFile] = useState<File | null>(null);
  const [params, setParams] = useSearchParams();
  const [page, setPage] = useState(1);
  const currentId = params.get('id');
  const start = useStartRollImport();
  const list = useRollImports(page);
  const categories = useOptions('category');
  const forms = useOptions('resourceForm');
  const frequencies = useOptions('assistanceFrequency');
  const ownRoll = me.role === 'provider';

  const submit = (fields: RollFields) => {
    if (!file) {
      form.setFields([{ name: 'file' as never, errors: [t('form.fileRequired')] }]);
      return;
    }
    start
      .mutateAsync({ file, fields })
      .then((i) => {
        setFile(null);
        setParams({ id: i.id });
      })
      .catch((e: unknown) => {
        const fieldErrors = formFieldErrors(e);
        if (fieldErrors.some((f) => f.name[0] !== 'header' && f.name[0] !== 'file')) {
          form.setFields(fieldErrors as never);
        } else message.error(errorText(e));
      });
  };

  return (
    <PageContainer
      title={t('title')}
      extra={
        <Button
          icon={<DownloadOutlined />}
          onClick={() => rollDownloads.template().catch((e) => message.error(errorText(e)))}
        >
          {t('template')}
        </Button>
      }
    >
      <Card size="small" title={t('form.title')}>
        <Form form={form} layout="vertical" onFinish={submit} data-testid="roll-import-form">
          {ownRoll ? (
            <Alert
              type="info"
              showIcon
              message={t('form.ownOrganization')}
              style={{ marginBottom: 16 }}
            />
          ) : (
            <Form.Item
              name="grantedBy"
              label={t('form.grantedBy')}
              extra={t('form.grantedByHint')}
              rules={[{ required: true, whitespace: true, message: t('form.grantedByRequired') }]}
            >
              <Input maxLength={100} placeholder="和平区民政局" />
            </Form.Item>
          )}
          <Typography.Text type="secondary">{t('form.defaults')}</Typography.Text>
          <Row gutter={16} style={{ marginTop: 8 }}>
            <Col xs={24} md={6}>
              <Form.Item name="categoryCode" label={t('form.categoryCode')}>
                <Select allowClear options={categories} showSearch optionFilterProp="label" />
              </Form.Item>
            </Col>
            <Col xs={24} md={6}>
              <Form.Item name="title" label={t('form.titleField')}>
                <Input maxLength={100} />
              </Form.Item>
            </Col>
            <Col xs={24} md={6}>
              <Form.Item name="form" label={t('form.form')}>
                <Select allowClear options={forms} />
              </Form.Item>
            </Col>
            <Col xs={24} md={6}>
              <Form.Item name="frequency" label={t('form.frequency')}>
                <Select allowClear options={frequencies} />
              </Form.Item>
            </Col>
          </Row>
          <Form.Item name={'file' as never} label={t('form.file')} required>
            <Upload.Dragger
              accept=".xlsx,.csv"
              multiple={false}
              showUploadList={false}
              data-testid="roll-upload"
              beforeUpload={(chosen) => {
                setFile(chosen);
                form.setFields([{ name: 'file' as never, errors: [] }]);
                return false; // sent with the form, not on its own
              }}
            >
              <p className="ant-upload-drag-icon">
                <InboxOutlined />
              </p>
              <p className="ant-upload-text">
                {file ? t('upload.chosen', { name: file.name }) : t('upload.text')}
              </p>
              <p className="ant-upload-hint">{t('upload.hint')}</p>
            </Upload.Dragger>
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={start.isPending}>
            {t('form.submit')}
          </Button>
        </Form>
      </Card>

      {currentId && <RollImportProgress key={currentId} id={currentId} />}

      <Card title={t('recent.title')} size="small" style={{ marginTop: 16 }}>
        <QueryState isLoading={false} error={list.error} onRetry={() => void list.refetch()}>
          <Table
            size="small"
            rowKey="id"
            loading={list.isLoading}
            dataSource={list.data?.items ?? []}
            scroll={{ x: 900 }}
            data-testid="roll-imports"
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
              { title: t('recent.grantedBy'), dataIndex: 'grantedBy' },
              { title: t('recent.createdAt'), dataIndex: 'createdAt', render: formatTime },
              {
                title: t('recent.status'),
                dataIndex: 'status',
                render: (s: RollImport['status']) => <ImportStatusTag status={s} />,
              },
              { title: t('stats.imported'), dataIndex: 'importedRows' },
              { title: t('stats.unmatched'), dataIndex: 'unmatchedRows' },
              { title: t('stats.refused'), dataIndex: 'refusedRows' },
              { title: t('stats.duplicate'), dataIndex: 'duplicateRows' },
              {
                key: 'view',
                render: (_v, i) => (
                  <Button type="link" size="small" onClick={() => setParams({ id: i.id })}>
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
