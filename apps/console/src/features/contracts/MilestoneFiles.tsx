import { PaperClipOutlined, UploadOutlined } from '@ant-design/icons';
import { App, Button, Flex, Typography, Upload } from 'antd';
import { useTranslation } from 'react-i18next';
import { errorText } from '@/components/QueryState';
import { downloadEvidence, useMilestoneFiles, useUploadEvidence } from './api';

/** Accepted by the API (checked again there, by content). */
export const EVIDENCE_ACCEPT = '.pdf,.png,.jpg,.jpeg,.doc,.docx,.xls,.xlsx';

/** A milestone's evidence files: each downloads with the caller's token; staff may add more. */
export function MilestoneFiles({
  contractId,
  milestoneId,
  canUpload,
}: {
  contractId: string;
  milestoneId: string;
  canUpload: boolean;
}) {
  const { t } = useTranslation('contracts');
  const { message } = App.useApp();
  const files = useMilestoneFiles(contractId, milestoneId);
  const upload = useUploadEvidence(contractId);
  const items = files.data?.items ?? [];

  return (
    <Flex vertical gap={2} align="flex-start" data-testid={`files-${milestoneId}`}>
      {items.map((f) => (
        <Button
          key={f.id}
          type="link"
          size="small"
          icon={<PaperClipOutlined />}
          style={{ padding: 0, height: 'auto', whiteSpace: 'normal', textAlign: 'left' }}
          onClick={() =>
            downloadEvidence(contractId, milestoneId, f).catch((e: unknown) =>
              message.error(t('downloadFailed', { error: errorText(e) })),
            )
          }
        >
          {f.name}
        </Button>
      ))}
      {!files.isLoading && items.length === 0 && (
        <Typography.Text type="secondary">{t('milestones.noFiles')}</Typography.Text>
      )}
      {canUpload && (
        <Upload
          accept={EVIDENCE_ACCEPT}
          showUploadList={false}
          beforeUpload={(file) => {
            upload
              .mutateAsync({ milestoneId, file })
              .then(() => void message.success(t('milestones.uploaded')))
              .catch((e: unknown) => void message.error(errorText(e)));
            return false;
          }}
        >
          <Button size="small" icon={<UploadOutlined />} loading={upload.isPending}>
            {t('milestones.upload')}
          </Button>
        </Upload>
      )}
    </Flex>
  );
}
