import { useMutation } from '@tanstack/react-query';
import {
  Alert,
  Button,
  Card,
  Col,
  Form,
  Input,
  Radio,
  Result,
  Row,
  Select,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageContainer } from '@/components/PageContainer';
import { errorText } from '@/components/QueryState';
import { idNumberProblem, normalizeIdNumber } from '@/features/households/id-number';
import { formFieldErrors } from '@/lib/api-error';
import { useLabel, useOptions } from '@/lib/dictionaries';
import { formatDate } from '@/lib/format';
import { askLookup, type LookupAnswer, type LookupRequest } from './api';

interface Values {
  purpose: LookupRequest['purpose'];
  purposeNote?: string;
  question: LookupRequest['question'];
  categoryCode?: string;
  tier?: LookupRequest['tier'];
  idNumber: string;
}

/** The answer as a sentence: "是：自2026-10-03起享受医疗救助", or "否". */
function AnswerCard({ asked, answer }: { asked: Values; answer: LookupAnswer }) {
  const { t } = useTranslation('assistanceLookup');
  const label = useLabel();
  const since = answer.since ? formatDate(answer.since) : null;
  const until = answer.until ? formatDate(answer.until) : null;
  let sentence = t('answer.no');
  if (answer.answer && asked.question === 'receives') {
    const category = label('category', asked.categoryCode);
    sentence = until
      ? t('answer.yesReceivesUntil', { since, until, category })
      : t('answer.yesReceives', { since, category });
  } else if (answer.answer) {
    const tier = label('tier', asked.tier);
    sentence = since ? t('answer.yesTierSince', { since, tier }) : t('answer.yesTier', { tier });
  }
  return (
    <Card title={t('answer.title')} size="small" data-testid="lookup-answer">
      <Result
        status={answer.answer ? 'success' : 'info'}
        title={sentence}
        subTitle={answer.answer ? undefined : t('answer.noHint')}
        extra={
          <Typography.Text type="secondary">
            {t('answer.remaining', { count: answer.remainingToday })}
          </Typography.Text>
        }
      />
    </Card>
  );
}

/**
 * The lookup a department or provider asks with a declared purpose. The API answers yes or no
 * with the period and nothing else, logs the question, and refuses past the per-user limits
 * (its 429 message is shown as it comes).
 */
export function LookupPage() {
  const { t } = useTranslation(['assistanceLookup', 'common']);
  const [form] = Form.useForm<Values>();
  const purposes = useOptions('lookupPurpose');
  const questions = useOptions('lookupQuestion');
  const categories = useOptions('category');
  const tiers = useOptions('tier');
  const question = Form.useWatch('question', form);
  const purpose = Form.useWatch('purpose', form);
  const [asked, setAsked] = useState<Values | null>(null);
  const ask = useMutation({
    mutationFn: (values: Values) =>
      askLookup({
        idNumber: normalizeIdNumber(values.idNumber),
        question: values.question,
        purpose: values.purpose,
        ...(values.purposeNote?.trim() ? { purposeNote: values.purposeNote.trim() } : {}),
        ...(values.question === 'receives'
          ? { categoryCode: values.categoryCode }
          : { tier: values.tier }),
      }),
    onMutate: (values) => setAsked(values),
    onError: (e) => form.setFields(formFieldErrors(e) as Parameters<typeof form.setFields>[0]),
  });

  return (
    <PageContainer title={t('title')} subTitle={t('subTitle')}>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={12}>
          <Card size="small">
            <Form
              form={form}
              layout="vertical"
              name="assistanceLookup"
              initialValues={{ question: 'receives' }}
              onFinish={(values) => ask.mutate(values)}
            >
              <Form.Item
                name="purpose"
                label={t('form.purpose')}
                rules={[{ required: true, message: t('form.purposeRequired') }]}
              >
                <Select options={purposes} />
              </Form.Item>
              <Form.Item
                name="purposeNote"
                label={t('form.purposeNote')}
                rules={[
                  {
                    required: purpose === 'other',
                    whitespace: true,
                    message: t('form.purposeNoteRequired'),
                  },
                ]}
              >
                <Input maxLength={200} placeholder={t('form.purposeNotePlaceholder')} />
              </Form.Item>
              <Form.Item name="question" label={t('form.question')}>
                <Radio.Group options={questions} />
              </Form.Item>
              {question === 'tier' ? (
                <Form.Item
                  name="tier"
                  label={t('form.tier')}
                  rules={[{ required: true, message: t('form.tierRequired') }]}
                >
                  <Select options={tiers} />
                </Form.Item>
              ) : (
                <Form.Item
                  name="categoryCode"
                  label={t('form.category')}
                  rules={[{ required: true, message: t('form.categoryRequired') }]}
                >
                  <Select options={categories} showSearch optionFilterProp="label" />
                </Form.Item>
              )}
              <Form.Item
                name="idNumber"
                label={t('form.idNumber')}
                extra={t('form.idNumberHelp')}
                rules={[
                  { required: true, message: t('form.idNumberRequired') },
                  {
                    validator: (_r, value: string | undefined) =>
                      !value || idNumberProblem(value) === null
                        ? Promise.resolve()
                        : Promise.reject(new Error(t('form.idNumberInvalid'))),
                  },
                ]}
              >
                <Input maxLength={18} autoComplete="off" />
              </Form.Item>
              <Button type="primary" htmlType="submit" loading={ask.isPending}>
                {t('form.submit')}
              </Button>
            </Form>
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          {ask.error && <Alert type="error" showIcon message={errorText(ask.error)} />}
          {ask.data && asked && !ask.isPending && !ask.error && (
            <AnswerCard asked={asked} answer={ask.data} />
          )}
        </Col>
      </Row>
    </PageContainer>
  );
}
