import { DownloadOutlined, InboxOutlined } from '@ant-design/icons';
import { Alert, App, Button, Table, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { QueryState, errorText } from '@/components/QueryState';
import { formatTime } from '@/lib/format';
import { type BidFile, downloadBidFile, useBidFiles, useUploadBidFile } from './api';

/** What the API takes (it checks the content itself): offered first by the file picker. */
export const BID_FILE_ACCEPT = '.pdf,.png,.jpg,.jpeg,.doc,.docx,.xls,.xlsx';

export function fileSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/**
 * A bid's files: listed and downloadable by whoever the API lets read them; with `canUpload`
 * (the bidder, bidding open) a drop zone that uploads at once and shows the API's refusal
 * (413 too large, 415 not an accepted type) as it says it.
 */
export function BidFiles({ bidId, canUpload = false }: { bidId: string; canUpload?: boolean }) {
  const { t } = useTranslation(['tenders', 'common']);
  const { message } = App.useApp();
  const files = useBidFiles(bidId);
  const upload = useUploadBidFile(bidId);
  const [refusal, setRefusal] = useState<string | null>(null);

  const download = (file: BidFile) =>
    downloadBidFile(bidId, file).catch((e: unknown) => message.error(errorText(e)));

  return (
    <div data-testid={`bid-files-${bidId}`}>
      {canUpload && (
        <>
          <Upload.Dragger
            accept={BID_FILE_ACCEPT}
            multiple
            showUploadList={false}
            customRequest={({ file, onSuccess, onError }) => {
              const f = file as File;
              setRefusal(null);
              upload
                .mutateAsync(f)
                .then((saved) => {
                  message.success(t('bid.uploaded', { name: f.name }));
                  onSuccess?.(saved);
                })
                .catch((e: unknown) => {
                  setRefusal(t('bid.uploadFailed', { name: f.name, reason: errorText(e) }));
                  onError?.(e as Error);
                });
            }}
          >
            <p className="ant-upload-drag-icon">
              <InboxOutlined />
            </p>
            <p className="ant-upload-text">{t('bid.filesHint')}</p>
            <p className="ant-upload-hint">{t('bid.filesTypes')}</p>
          </Upload.Dragger>
          {refusal && (
            <Alert
              type="error"
              showIcon
              message={refusal}
              style={{ marginTop: 8 }}
              data-testid="upload-error"
            />
          )}
        </>
      )}
      <QueryState isLoading={files.isLoading} error={files.error}>
        <Table<BidFile>
          size="small"
          rowKey="id"
          pagination={false}
          style={{ marginTop: canUpload ? 12 : 0 }}
          scroll={{ x: 560 }}
          locale={{ emptyText: t('bid.noFiles') }}
          dataSource={files.data?.items ?? []}
          columns={[
            {
              title: t('bid.fileName'),
              dataIndex: 'name',
              render: (name: string) => <Typography.Text>{name}</Typography.Text>,
            },
            {
              title: t('bid.fileSize'),
              dataIndex: 'size',
              width: 100,
              align: 'right',
              render: (size: number) => fileSize(size),
            },
            {
              title: t('bid.uploadedAt'),
              dataIndex: 'uploadedAt',
              width: 150,
              render: (at: string) => formatTime(at),
            },
            {
              title: t('common:action.download'),
              key: 'download',
              width: 90,
              render: (_v, f) => (
                <Button
                  size="small"
                  icon={<DownloadOutlined />}
                  aria-label={`${t('common:action.download')} ${f.name}`}
                  onClick={() => void download(f)}
                >
                  {t('common:action.download')}
                </Button>
              ),
            },
          ]}
        />
      </QueryState>
    </div>
  );
}
