import { InboxOutlined } from '@ant-design/icons';
import { App, Button, Col, Form, Input, InputNumber, Row, Space, Typography, Upload } from 'antd';
import type { UploadFile } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from '@/components/QueryState';
import { formatYuan } from '@/lib/format';
import { uploadBidFile } from '@/lib/upload';
import { type Bid, bidKeys, type TenderDetail, useSaveBid } from './api';
import { type BidValues as Values, bidFieldErrors, toBidBody } from './bid-body';
import { BID_FILE_ACCEPT } from './BidFiles';

/**
 * A new bid, or a replacement of `current` (PUT: the API keeps the old version and carries its
 * files). Files picked here are uploaded once the bid exists; each refusal is shown by name.
 */
export function BidForm({
  project,
  current,
  onDone,
  onCancel,
}: {
  project: TenderDetail;
  current?: Bid;
  onDone?: () => void;
  onCancel?: () => void;
}) {
  const { t } = useTranslation(['tenders', 'common']);
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const save = useSaveBid(project.id);
  const queryClient = useQueryClient();
  const [pending, setPending] = useState<UploadFile[]>([]);
  const [uploading, setUploading] = useState(false);

  const submit = async (values: Values) => {
    const body = toBidBody(values);
    let bid: Bid;
    try {
      bid = await save.mutateAsync({ body, replaces: current?.id });
    } catch (e) {
      const fields = bidFieldErrors(e);
      if (fields.length) form.setFields(fields);
      else message.error(errorText(e));
      return;
    }
    message.success(t(current ? 'bid.replaced' : 'bid.submitted'));
    setUploading(true);
    for (const item of pending) {
      try {
        await uploadBidFile(bid.id, item.originFileObj as File);
      } catch (e) {
        message.error(t('bid.uploadFailed', { name: item.name, reason: errorText(e) }));
      }
    }
    setUploading(false);
    setPending([]);
    // The bid's card may already have fetched its (then empty) file list while the uploads ran.
    if (pending.length) await queryClient.invalidateQueries({ queryKey: bidKeys.files(bid.id) });
    onDone?.();
  };

  return (
    <Form<Values>
      form={form}
      name="bid"
      layout="vertical"
      onFinish={(v) => void submit(v)}
      initialValues={
        current && {
          priceYuan: current.priceFen / 100,
          proposal: current.proposal,
          team: current.team,
        }
      }
    >
      <Row gutter={16}>
        <Col xs={24} md={8}>
          <Form.Item
            name="priceYuan"
            label={t('bid.price')}
            extra={t('bid.priceHint', { budget: formatYuan(project.budgetFen) })}
            rules={[{ required: true, message: t('bid.priceRequired') }]}
          >
            <InputNumber<number> min={0.01} precision={2} style={{ width: '100%' }} prefix="¥" />
          </Form.Item>
        </Col>
      </Row>
      <Typography.Text strong>{t('bid.teamTitle')}</Typography.Text>
      <Row gutter={16} style={{ marginTop: 8 }}>
        <Col xs={24} md={8}>
          <Form.Item
            name={['team', 'certifiedSocialWorkers']}
            label={t('bid.workers')}
            rules={[{ required: true, message: t('bid.workersRequired') }]}
          >
            <InputNumber min={0} max={10_000} precision={0} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item
            name={['team', 'yearsOperating']}
            label={t('bid.years')}
            rules={[{ required: true, message: t('bid.yearsRequired') }]}
          >
            <InputNumber min={0} max={200} precision={0} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item name={['team', 'staffCount']} label={t('bid.staff')}>
            <InputNumber min={0} max={100_000} precision={0} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item
        name="proposal"
        label={t('bid.proposal')}
        extra={t('bid.proposalHint')}
        rules={[{ required: true, whitespace: true, message: t('bid.proposalRequired') }]}
      >
        <Input.TextArea rows={5} maxLength={50_000} showCount />
      </Form.Item>
      {!current && (
        <Form.Item label={t('bid.files')} extra={pending.length > 0 && t('bid.pending')}>
          <Upload.Dragger
            accept={BID_FILE_ACCEPT}
            multiple
            fileList={pending}
            beforeUpload={(file) => {
              setPending((list) => [
                ...list,
                { uid: file.uid, name: file.name, size: file.size, originFileObj: file },
              ]);
              // Held until the bid exists: files belong to a bid.
              return false;
            }}
            onRemove={(file) => setPending((list) => list.filter((f) => f.uid !== file.uid))}
          >
            <p className="ant-upload-drag-icon">
              <InboxOutlined />
            </p>
            <p className="ant-upload-text">{t('bid.filesHint')}</p>
            <p className="ant-upload-hint">{t('bid.filesTypes')}</p>
          </Upload.Dragger>
        </Form.Item>
      )}
      <Space>
        <Button type="primary" htmlType="submit" loading={save.isPending || uploading}>
          {t(current ? 'bid.save' : 'bid.submit')}
        </Button>
        {onCancel && <Button onClick={onCancel}>{t('common:action.cancel')}</Button>}
      </Space>
    </Form>
  );
}
