import { App, Button, Form, Input, InputNumber, Modal, Popconfirm, Select, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from '@/components/QueryState';
import { useOptions } from '@/lib/dictionaries';
import { yuanToFen } from '@/lib/format';
import { type DeclineReason, type InboxReferral, useReferralAction } from './api';
import { deliverBody } from './tabs';

/**
 * What the provider may do with a referral where it stands: accept or decline an open one,
 * deliver an accepted one. The API checks deadlines and capacity and answers the rest.
 */
export function ReferralActions({
  referral,
  size = 'small',
}: {
  referral: InboxReferral;
  size?: 'small' | 'middle';
}) {
  const { t } = useTranslation(['inbox', 'common']);
  const { message } = App.useApp();
  const action = useReferralAction(referral.id);
  const [declining, setDeclining] = useState(false);
  const [delivering, setDelivering] = useState(false);
  const [declineForm] = Form.useForm<{ reason: DeclineReason; note?: string }>();
  const [deliverForm] = Form.useForm<{ units?: number; amountYuan?: number; note?: string }>();
  const reasons = useOptions('declineReason');
  const what = referral.householdName
    ? `${referral.householdName} · ${referral.resourceTitle}`
    : referral.resourceTitle;

  const fail = (e: unknown) => void message.error(errorText(e));

  if (referral.status === 'open')
    return (
      <Space size={4} wrap>
        <Popconfirm
          title={t('accept.confirm')}
          description={what}
          okText={t('accept.ok')}
          cancelText={t('common:action.cancel')}
          onConfirm={() =>
            action
              .mutateAsync({ action: 'accept' })
              .then(() => void message.success(t('accept.done')), fail)
          }
        >
          <Button type="primary" size={size} loading={action.isPending}>
            {t('accept.button')}
          </Button>
        </Popconfirm>
        <Button danger size={size} onClick={() => setDeclining(true)}>
          {t('decline.button')}
        </Button>
        <Modal
          open={declining}
          title={t('decline.title')}
          okText={t('decline.ok')}
          okButtonProps={{ danger: true, loading: action.isPending }}
          cancelText={t('common:action.cancel')}
          onCancel={() => setDeclining(false)}
          onOk={() => declineForm.submit()}
          destroyOnClose
        >
          <p>{what}</p>
          <Form
            form={declineForm}
            layout="vertical"
            preserve={false}
            onFinish={(v) =>
              action.mutateAsync({ action: 'decline', reason: v.reason, note: v.note }).then(() => {
                setDeclining(false);
                void message.success(t('decline.done'));
              }, fail)
            }
          >
            <Form.Item
              name="reason"
              label={t('decline.reason')}
              rules={[{ required: true, message: t('decline.reasonRequired') }]}
            >
              <Select options={reasons} placeholder={t('decline.reasonPlaceholder')} />
            </Form.Item>
            <Form.Item name="note" label={t('decline.note')}>
              <Input.TextArea rows={3} maxLength={500} />
            </Form.Item>
            <p style={{ margin: 0, color: '#8c8c8c' }}>{t('decline.hint')}</p>
          </Form>
        </Modal>
      </Space>
    );

  if (referral.status === 'accepted')
    return (
      <>
        <Button type="primary" size={size} onClick={() => setDelivering(true)}>
          {t('deliver.button')}
        </Button>
        <Modal
          open={delivering}
          title={t('deliver.title')}
          okText={t('deliver.ok')}
          okButtonProps={{ loading: action.isPending }}
          cancelText={t('common:action.cancel')}
          onCancel={() => setDelivering(false)}
          onOk={() => deliverForm.submit()}
          destroyOnClose
        >
          <p>{what}</p>
          <Form
            form={deliverForm}
            layout="vertical"
            preserve={false}
            initialValues={{ units: 1 }}
            onFinish={(v) =>
              action
                .mutateAsync({
                  action: 'deliver',
                  body: deliverBody({ ...v, yuanToFen }),
                })
                .then(() => {
                  setDelivering(false);
                  void message.success(t('deliver.done'));
                }, fail)
            }
          >
            <Form.Item
              name="units"
              label={t('deliver.units')}
              extra={t('deliver.unitsHint')}
              rules={[{ required: true, message: t('deliver.unitsRequired') }]}
            >
              <InputNumber min={1} max={1000} precision={0} style={{ width: '100%' }} />
            </Form.Item>
            <Form.Item
              name="amountYuan"
              label={t('deliver.amount')}
              extra={t('deliver.amountHint')}
            >
              <InputNumber
                min={0}
                max={10_000_000}
                precision={2}
                step={1}
                prefix="¥"
                style={{ width: '100%' }}
              />
            </Form.Item>
            <Form.Item name="note" label={t('deliver.note')}>
              <Input.TextArea rows={3} maxLength={500} />
            </Form.Item>
          </Form>
        </Modal>
      </>
    );

  return null;
}
