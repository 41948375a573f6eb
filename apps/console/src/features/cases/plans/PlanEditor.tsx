import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import {
  App,
  Button,
  Card,
  Checkbox,
  Col,
  DatePicker,
  Drawer,
  Flex,
  Form,
  Input,
  Row,
  Select,
  Space,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from '@/components/QueryState';
import { ApiError, formFieldErrors } from '@/lib/api-error';
import { useOptions } from '@/lib/dictionaries';
import { type Plan, type SavePlan, useSavePlan } from './api';

interface ActionValues {
  id?: string;
  kind: string;
  referralId?: string | null;
  proposalId?: string | null;
  description: string;
  dueDate?: Dayjs | null;
  status: string;
}
interface GoalValues {
  id?: string;
  needId?: string | null;
  category: string;
  title: string;
  targetDate?: Dayjs | null;
  status: string;
  flagged?: boolean;
  wasFlagged?: boolean;
  actions: ActionValues[];
}

const day = (v: string | null) => (v ? dayjs(v) : null);
const iso = (v: Dayjs | null | undefined) => (v ? v.format('YYYY-MM-DD') : null);
const orUndefined = (v: string | null | undefined) => v ?? undefined;

function toValues(plan: Plan): { goals: GoalValues[] } {
  return {
    goals: plan.goals.map((g) => ({
      id: g.id,
      needId: g.needId,
      category: g.category,
      title: g.title,
      targetDate: day(g.targetDate),
      status: g.status,
      flagged: g.flagged,
      wasFlagged: g.flagged,
      actions: g.actions.map((a) => ({ ...a, dueDate: day(a.dueDate) })),
    })),
  };
}

function toBody(plan: Plan, values: { goals?: GoalValues[] }): SavePlan {
  return {
    revision: plan.revision,
    goals: (values.goals ?? []).map((g) => ({
      id: orUndefined(g.id),
      needId: orUndefined(g.needId),
      category: g.category,
      title: g.title,
      targetDate: iso(g.targetDate),
      status: g.status as SavePlan['goals'][number]['status'],
      ...(g.wasFlagged && !g.flagged ? { flagged: false } : {}),
      actions: (g.actions ?? []).map((a) => ({
        id: orUndefined(a.id),
        kind: a.kind as SavePlan['goals'][number]['actions'][number]['kind'],
        referralId: orUndefined(a.referralId),
        proposalId: orUndefined(a.proposalId),
        description: a.description,
        dueDate: iso(a.dueDate),
        status: a.status as SavePlan['goals'][number]['actions'][number]['status'],
      })),
    })),
  };
}

const HIDDEN_GOAL = ['id', 'needId', 'wasFlagged'] as const;
const HIDDEN_ACTION = ['id', 'referralId', 'proposalId'] as const;

/**
 * The whole plan in one form (goals and their actions added, changed, removed), saved with one
 * PUT: a draft in place; an agreed plan as its next version.
 */
export function PlanEditor({
  caseId,
  plan,
  open,
  onClose,
}: {
  caseId: string;
  plan: Plan;
  open: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation('casePlans');
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const save = useSavePlan(caseId);
  const categories = useOptions('category');
  const goalStatuses = useOptions('planGoalStatus');
  const kinds = useOptions('planActionKind');
  const actionStatuses = useOptions('planActionStatus');

  useEffect(() => {
    if (open) form.setFieldsValue(toValues(plan));
  }, [open, plan, form]);

  const submit = async (values: { goals?: GoalValues[] }) => {
    try {
      await save.mutateAsync(toBody(plan, values));
      message.success(t('editor.saved'));
      onClose();
    } catch (e) {
      const fields = formFieldErrors(e);
      if (fields.length > 0) form.setFields(fields);
      else if (e instanceof ApiError && e.code === 'STALE_VERSION') message.error(t('stale'));
      else message.error(errorText(e));
    }
  };

  return (
    <Drawer
      open={open}
      onClose={onClose}
      width={960}
      destroyOnHidden
      title={
        plan.status === 'draft'
          ? t('editor.title')
          : t('editor.titleNewVersion', { version: plan.version + 1 })
      }
      extra={
        <Space>
          <Button onClick={onClose}>{t('common:action.cancel')}</Button>
          <Button type="primary" loading={save.isPending} onClick={() => form.submit()}>
            {t('common:action.save')}
          </Button>
        </Space>
      }
    >
      <Form form={form} layout="vertical" onFinish={submit} preserve={false}>
        <Form.List name="goals">
          {(goals, { add, remove }) => (
            <Flex vertical gap={16}>
              {goals.map((goal, index) => (
                <Card
                  key={goal.key}
                  size="small"
                  title={t('editor.goal', { n: index + 1 })}
                  extra={
                    <Button
                      danger
                      type="text"
                      icon={<DeleteOutlined />}
                      onClick={() => remove(goal.name)}
                    >
                      {t('editor.removeGoal')}
                    </Button>
                  }
                >
                  {HIDDEN_GOAL.map((n) => (
                    <Form.Item key={n} name={[goal.name, n]} hidden>
                      <Input />
                    </Form.Item>
                  ))}
                  <Row gutter={12}>
                    <Col xs={24} md={12}>
                      <Form.Item
                        name={[goal.name, 'title']}
                        label={t('field.title')}
                        rules={[{ required: true, max: 200 }]}
                      >
                        <Input />
                      </Form.Item>
                    </Col>
                    <Col xs={24} md={12}>
                      <Form.Item
                        name={[goal.name, 'category']}
                        label={t('field.category')}
                        rules={[{ required: true }]}
                      >
                        <Select options={categories} showSearch optionFilterProp="label" />
                      </Form.Item>
                    </Col>
                    <Col xs={12} md={8}>
                      <Form.Item name={[goal.name, 'targetDate']} label={t('field.targetDate')}>
                        <DatePicker style={{ width: '100%' }} />
                      </Form.Item>
                    </Col>
                    <Col xs={12} md={8}>
                      <Form.Item
                        name={[goal.name, 'status']}
                        label={t('field.goalStatus')}
                        rules={[{ required: true }]}
                      >
                        <Select options={goalStatuses} />
                      </Form.Item>
                    </Col>
                    <Form.Item noStyle dependencies={[['goals', goal.name, 'wasFlagged']]}>
                      {() =>
                        form.getFieldValue(['goals', goal.name, 'wasFlagged']) ? (
                          <Col xs={24} md={8}>
                            <Form.Item
                              name={[goal.name, 'flagged']}
                              label={t('field.flag')}
                              valuePropName="checked"
                            >
                              <Checkbox>{t('editor.keepFlag')}</Checkbox>
                            </Form.Item>
                          </Col>
                        ) : null
                      }
                    </Form.Item>
                  </Row>
                  <Typography.Text strong>{t('editor.actions')}</Typography.Text>
                  <Form.List name={[goal.name, 'actions']}>
                    {(actions, ops) => (
                      <Flex vertical gap={4} style={{ marginTop: 8 }}>
                        {actions.map((action) => (
                          <Row key={action.key} gutter={8} align="top">
                            {HIDDEN_ACTION.map((n) => (
                              <Form.Item key={n} name={[action.name, n]} hidden>
                                <Input />
                              </Form.Item>
                            ))}
                            <Col xs={12} md={4}>
                              <Form.Item
                                name={[action.name, 'kind']}
                                label={t('field.kind')}
                                rules={[{ required: true }]}
                              >
                                <Select options={kinds} />
                              </Form.Item>
                            </Col>
                            <Col xs={24} md={9}>
                              <Form.Item
                                name={[action.name, 'description']}
                                label={t('field.description')}
                                rules={[{ required: true, max: 500 }]}
                              >
                                <Input />
                              </Form.Item>
                            </Col>
                            <Col xs={12} md={5}>
                              <Form.Item name={[action.name, 'dueDate']} label={t('field.dueDate')}>
                                <DatePicker style={{ width: '100%' }} />
                              </Form.Item>
                            </Col>
                            <Col xs={12} md={4}>
                              <Form.Item
                                name={[action.name, 'status']}
                                label={t('field.actionStatus')}
                                rules={[{ required: true }]}
                              >
                                <Select options={actionStatuses} />
                              </Form.Item>
                            </Col>
                            <Col xs={12} md={2}>
                              <Form.Item label=" ">
                                <Button
                                  danger
                                  type="text"
                                  aria-label={t('editor.removeAction')}
                                  icon={<DeleteOutlined />}
                                  onClick={() => ops.remove(action.name)}
                                />
                              </Form.Item>
                            </Col>
                          </Row>
                        ))}
                        <Button
                          type="dashed"
                          icon={<PlusOutlined />}
                          onClick={() =>
                            ops.add({ kind: 'adviser_service', status: 'todo', description: '' })
                          }
                        >
                          {t('editor.addAction')}
                        </Button>
                      </Flex>
                    )}
                  </Form.List>
                </Card>
              ))}
              <Button
                type="dashed"
                icon={<PlusOutlined />}
                onClick={() => add({ status: 'open', actions: [], title: '' })}
              >
                {t('editor.addGoal')}
              </Button>
            </Flex>
          )}
        </Form.List>
      </Form>
    </Drawer>
  );
}
