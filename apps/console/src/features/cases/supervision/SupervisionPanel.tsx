import {
  Alert,
  App,
  Button,
  Card,
  DatePicker,
  Empty,
  Flex,
  Form,
  Input,
  Popconfirm,
  Radio,
  Space,
  Tag,
  Typography,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText, QueryState } from '@/components/QueryState';
import { formFieldErrors } from '@/lib/api-error';
import { useLabel, useOptions } from '@/lib/dictionaries';
import { formatTime } from '@/lib/format';
import {
  type CreateSupervision,
  type SupervisionItem,
  useAnswerSupervision,
  usePostSupervision,
  useResolveSupervision,
  useSupervision,
} from './api';

const STATUS_COLORS: Record<string, string> = {
  open: 'orange',
  answered: 'blue',
  resolved: 'green',
};

interface PostValues {
  kind: CreateSupervision['kind'];
  text: string;
  dueDate?: Dayjs;
}

/** The supervisor's form: a comment, or a required action with its due date. */
function PostForm({ caseId }: { caseId: string }) {
  const { t } = useTranslation('supervision');
  const { message } = App.useApp();
  const kinds = useOptions('supervisionKind');
  const [form] = Form.useForm();
  const kind = Form.useWatch('kind', form);
  const post = usePostSupervision(caseId);
  return (
    <Card size="small" title={t('post.title')}>
      <Form
        form={form}
        name="supervision"
        layout="vertical"
        initialValues={{ kind: 'required_action' }}
        onFinish={(v: PostValues) =>
          post.mutate(
            {
              kind: v.kind,
              text: v.text.trim(),
              dueDate: v.kind === 'required_action' ? v.dueDate?.format('YYYY-MM-DD') : undefined,
            },
            {
              onSuccess: () => {
                void message.success(t('post.posted'));
                form.resetFields();
              },
              onError: (e) => {
                const fields = formFieldErrors(e);
                if (fields.length) form.setFields(fields);
                else void message.error(errorText(e));
              },
            },
          )
        }
      >
        <Form.Item name="kind" label={t('post.kind')}>
          <Radio.Group options={kinds} optionType="button" />
        </Form.Item>
        <Form.Item
          name="text"
          label={t('post.text')}
          rules={[
            { required: true, whitespace: true, message: t('required', { field: t('post.text') }) },
          ]}
        >
          <Input.TextArea rows={3} maxLength={2000} placeholder={t('post.textPlaceholder')} />
        </Form.Item>
        {kind === 'required_action' && (
          <Form.Item
            name="dueDate"
            label={t('post.dueDate')}
            rules={[{ required: true, message: t('required', { field: t('post.dueDate') }) }]}
          >
            <DatePicker />
          </Form.Item>
        )}
        <Button type="primary" htmlType="submit" loading={post.isPending}>
          {t('post.submit')}
        </Button>
      </Form>
    </Card>
  );
}

/** The adviser's answer to an open item. */
function AnswerForm({ caseId, item }: { caseId: string; item: SupervisionItem }) {
  const { t } = useTranslation('supervision');
  const { message } = App.useApp();
  const [text, setText] = useState('');
  const answer = useAnswerSupervision(caseId);
  const id = `answer-${item.id}`;
  return (
    <Flex vertical gap={8} style={{ marginTop: 8 }}>
      <label htmlFor={id}>{t('answer.label')}</label>
      <Input.TextArea
        id={id}
        rows={2}
        maxLength={2000}
        value={text}
        placeholder={t('answer.placeholder')}
        onChange={(e) => setText(e.target.value)}
      />
      <div>
        <Button
          type="primary"
          disabled={!text.trim()}
          loading={answer.isPending}
          onClick={() =>
            answer.mutate(
              { item, text: text.trim() },
              {
                onSuccess: () => void message.success(t('answer.done')),
                onError: (e) => void message.error(errorText(e)),
              },
            )
          }
        >
          {t('answer.submit')}
        </Button>
      </div>
    </Flex>
  );
}

function ItemCard(props: {
  caseId: string;
  item: SupervisionItem;
  maySupervise: boolean;
  mayAnswer: boolean;
}) {
  const { caseId, item, maySupervise, mayAnswer } = props;
  const { t } = useTranslation('supervision');
  const { message } = App.useApp();
  const label = useLabel();
  const resolve = useResolveSupervision(caseId);
  return (
    <Card
      size="small"
      data-testid="supervision-item"
      title={
        <Space size={4} wrap>
          <Tag color={item.kind === 'required_action' ? 'red' : 'default'}>
            {label('supervisionKind', item.kind)}
          </Tag>
          <Tag color={STATUS_COLORS[item.status]}>{label('supervisionStatus', item.status)}</Tag>
          {item.dueDate && (
            <Typography.Text type="secondary">
              {t('item.due', { date: item.dueDate })}
            </Typography.Text>
          )}
        </Space>
      }
      extra={
        maySupervise &&
        item.status !== 'resolved' && (
          <Popconfirm
            title={t('resolve.confirm')}
            onConfirm={() =>
              resolve.mutate(item, {
                onSuccess: () => void message.success(t('resolve.done')),
                onError: (e) => void message.error(errorText(e)),
              })
            }
          >
            <Button size="small" loading={resolve.isPending}>
              {t('resolve.action')}
            </Button>
          </Popconfirm>
        )
      }
    >
      <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 4 }}>
        {item.text}
      </Typography.Paragraph>
      <Typography.Text type="secondary">
        {t('item.by', { name: item.authorName })} · {formatTime(item.createdAt)}
      </Typography.Text>
      {item.answer && (
        <Alert
          style={{ marginTop: 8 }}
          type="info"
          message={
            <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>
              {item.answer}
            </Typography.Paragraph>
          }
          description={t('item.answeredBy', {
            name: item.answeredByName ?? '',
            time: formatTime(item.answeredAt),
          })}
        />
      )}
      {item.resolvedAt && (
        <div>
          <Typography.Text type="secondary">
            {t('item.resolvedAt', { time: formatTime(item.resolvedAt) })}
          </Typography.Text>
        </div>
      )}
      {mayAnswer && item.status === 'open' && <AnswerForm caseId={caseId} item={item} />}
    </Card>
  );
}

/**
 * The case's supervision (督导): the thread of comments and required actions with the
 * adviser's answers; the form for supervisors, the answer box for the adviser, as the API says.
 */
export function SupervisionPanel({ caseId }: { caseId: string }) {
  const { t } = useTranslation('supervision');
  const thread = useSupervision(caseId);
  const data = thread.data;
  return (
    <QueryState isLoading={thread.isLoading} error={thread.error}>
      {data && (
        <Flex vertical gap={12}>
          {data.maySupervise && <PostForm caseId={caseId} />}
          {data.items.length === 0 ? (
            <Card size="small">
              <Empty description={t('empty')} />
            </Card>
          ) : (
            [...data.items]
              .reverse()
              .map((item) => (
                <ItemCard
                  key={item.id}
                  caseId={caseId}
                  item={item}
                  maySupervise={data.maySupervise}
                  mayAnswer={data.mayAnswer}
                />
              ))
          )}
        </Flex>
      )}
    </QueryState>
  );
}
