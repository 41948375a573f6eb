import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Cascader, Divider, Form, Input, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from '@/components/QueryState';
import { idNumberProblem, normalizeIdNumber } from '@/features/households/id-number';
import { formFieldErrors } from '@/lib/api-error';
import { leadKeys, publicAreas, reportLead, reportPublicLead, type PublicArea } from './api';

interface Values {
  subjectName: string;
  idNumber?: string;
  phone?: string;
  community: string[];
  address?: string;
  situation: string;
  reporterName?: string;
  reporterPhone?: string;
  reporterRelation?: string;
  website?: string;
}

interface AreaOption {
  value: string;
  label: string;
  isLeaf: boolean;
  children?: AreaOption[];
}

const toOption = (a: PublicArea): AreaOption => ({
  value: a.id,
  label: a.name,
  isLeaf: a.level === 'community',
});

/** District → street → community, each level loaded when opened (the public area tree). */
function useAreaTree() {
  const [options, setOptions] = useState<AreaOption[]>([]);
  useEffect(() => {
    void publicAreas({ level: 'district' }).then((items) => setOptions(items.map(toOption)));
  }, []);
  const loadData = (path: AreaOption[]) => {
    const target = path[path.length - 1];
    void publicAreas({ parentId: target.value }).then((items) => {
      target.children = items.map(toOption);
      setOptions((o) => [...o]);
    });
  };
  return { options, loadData };
}

const trimmed = (s?: string) => s?.trim() || undefined;

/**
 * 报告困难家庭: one form for the public page (the reporter names themselves; a hidden honeypot
 * field) and for signed-in users (their account is the reporter). One column, big touch
 * targets: it is filled in on a phone, in the street.
 */
export function LeadForm({
  publicForm,
  onSent,
}: {
  publicForm: boolean;
  onSent: (reference: string) => void;
}) {
  const { t } = useTranslation(['leads', 'households']);
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const tree = useAreaTree();
  const required = [{ required: true, whitespace: true, message: t('form.required') }];

  const send = useMutation({
    mutationFn: async (v: Values) => {
      const body = {
        subjectName: v.subjectName.trim(),
        idNumber: v.idNumber ? normalizeIdNumber(v.idNumber) : undefined,
        phone: trimmed(v.phone),
        communityId: v.community[v.community.length - 1],
        address: trimmed(v.address),
        situation: v.situation.trim(),
        reporterPhone: trimmed(v.reporterPhone),
        reporterRelation: trimmed(v.reporterRelation),
      };
      if (publicForm)
        return (
          await reportPublicLead({
            ...body,
            reporterName: v.reporterName!.trim(),
            website: v.website || undefined,
          })
        ).reference;
      return (await reportLead(body)).reference;
    },
    onSuccess: (reference) => {
      void queryClient.invalidateQueries({ queryKey: leadKeys.all });
      form.resetFields();
      onSent(reference);
    },
    onError: (e) => {
      const fields = formFieldErrors(e).map((f) => ({
        ...f,
        name: [f.name[0] === 'communityId' ? 'community' : f.name[0]],
      }));
      if (fields.length) form.setFields(fields as Parameters<typeof form.setFields>[0]);
      else void message.error(errorText(e));
    },
  });

  return (
    <Form<Values> form={form} layout="vertical" size="large" onFinish={(v) => send.mutate(v)}>
      <Typography.Paragraph type="secondary">{t('form.intro')}</Typography.Paragraph>
      <Divider orientation="left" plain>
        {t('form.family')}
      </Divider>
      <Form.Item name="subjectName" label={t('form.subjectName')} rules={required}>
        <Input maxLength={50} placeholder={t('form.subjectNamePlaceholder')} autoComplete="off" />
      </Form.Item>
      <Form.Item
        name="community"
        label={t('form.community')}
        rules={[{ required: true, message: t('form.required') }]}
      >
        <Cascader
          options={tree.options}
          loadData={(path) => tree.loadData(path as AreaOption[])}
          placeholder={t('form.communityPlaceholder')}
          changeOnSelect={false}
        />
      </Form.Item>
      <Form.Item name="address" label={t('form.address')}>
        <Input maxLength={200} placeholder={t('form.addressPlaceholder')} />
      </Form.Item>
      <Form.Item name="phone" label={t('form.phone')}>
        <Input maxLength={20} inputMode="tel" autoComplete="off" />
      </Form.Item>
      <Form.Item
        name="idNumber"
        label={t('form.idNumber')}
        rules={[
          {
            validator: (_r, value: string | undefined) => {
              const problem = value ? idNumberProblem(value) : null;
              return problem
                ? Promise.reject(new Error(t(`households:idNumber.${problem}`)))
                : Promise.resolve();
            },
          },
        ]}
      >
        <Input maxLength={18} autoComplete="off" />
      </Form.Item>
      <Form.Item name="situation" label={t('form.situation')} rules={required}>
        <Input.TextArea rows={4} maxLength={2000} placeholder={t('form.situationPlaceholder')} />
      </Form.Item>
      <Divider orientation="left" plain>
        {t('form.reporter')}
      </Divider>
      {publicForm && (
        <Form.Item name="reporterName" label={t('form.reporterName')} rules={required}>
          <Input maxLength={50} autoComplete="name" />
        </Form.Item>
      )}
      <Form.Item name="reporterPhone" label={t('form.reporterPhone')}>
        <Input maxLength={20} inputMode="tel" autoComplete="tel" />
      </Form.Item>
      <Form.Item name="reporterRelation" label={t('form.reporterRelation')}>
        <Input maxLength={30} placeholder={t('form.reporterRelationPlaceholder')} />
      </Form.Item>
      {publicForm && (
        // The honeypot: off screen and out of the tab order, so only a robot fills it.
        <div
          aria-hidden
          style={{
            position: 'absolute',
            left: -10_000,
            top: 'auto',
            height: 0,
            overflow: 'hidden',
          }}
        >
          <Form.Item name="website" label={t('form.website')}>
            <Input tabIndex={-1} autoComplete="off" />
          </Form.Item>
        </div>
      )}
      <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
        {t('form.privacy')}
      </Typography.Paragraph>
      <Button type="primary" htmlType="submit" block loading={send.isPending}>
        {t('form.submit')}
      </Button>
    </Form>
  );
}
