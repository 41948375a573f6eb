import {
  Alert,
  App,
  Button,
  Card,
  Col,
  DatePicker,
  Form,
  Input,
  InputNumber,
  Row,
  Select,
  Space,
  Spin,
  Typography,
} from 'antd';
import dayjs from 'dayjs';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router-dom';
import { PageContainer } from '@/components/PageContainer';
import { errorText, QueryState } from '@/components/QueryState';
import { AreaSelect } from '@/features/areas/AreaSelect';
import { ApiError, formFieldErrors } from '@/lib/api-error';
import { useLabel, useOptions } from '@/lib/dictionaries';
import { BEIJING } from '@/lib/format';
import {
  type Resource,
  useEligibilityCheck,
  useResource,
  useResourceTransition,
  useSaveResource,
} from './api';
import { changesFrom, DAY, toBody, toValues, type Values } from './resource-form';
import { RuleBuilder } from './rules/RuleBuilder';
import {
  emptyTree,
  fromDocument,
  type Group,
  type NodeProblem,
  problemsByNode,
  toDocument,
} from './rules/tree';

/** The rule document checked by the API a moment after the last change (not on every key). */
function useDebounced<T>(value: T, ms: number): T {
  const [current, setCurrent] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setCurrent(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return current;
}

/** New resource (no id) or edit one: the basics, then the rule builder with its wording beside it. */
export function ResourceFormPage() {
  const { id } = useParams();
  const existing = useResource(id);
  return id ? (
    <QueryState
      isLoading={existing.isLoading}
      error={existing.error}
      onRetry={() => void existing.refetch()}
    >
      {existing.data && <ResourceForm key={existing.data.id} resource={existing.data} />}
    </QueryState>
  ) : (
    <ResourceForm />
  );
}

function ResourceForm({ resource }: { resource?: Resource }) {
  const { t } = useTranslation(['provider', 'common']);
  const label = useLabel();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<Values>();
  const categories = useOptions('category');
  const forms = useOptions('resourceForm');
  const levels = useOptions('serviceLevel');
  const save = useSaveResource();
  const transition = useResourceTransition();
  // Once a new resource is created this form is done: until the edit page replaces it, another
  // click must not create a second one (the router renders the edit page in a transition, so
  // this form can stay on screen, and clickable, for a moment after the URL has changed).
  const [created, setCreated] = useState(false);
  const [tree, setTree] = useState<Group>(() =>
    resource ? fromDocument(resource.eligibility) : emptyTree(),
  );
  // Errors of the last save, for the tree as it was saved (the live check replaces them).
  const [saved, setSaved] = useState<{
    tree: Group;
    errors: { field: string; message: string }[];
  }>();
  const doc = useMemo(() => toDocument(tree), [tree]);
  const debounced = useDebounced(doc, 400);
  const checked = useEligibilityCheck(debounced);
  // The answer is for the document as it was checked: while the tree has moved on since (a node
  // added or removed shifts the paths), its errors would land on the wrong nodes.
  const current = JSON.stringify(debounced) === JSON.stringify(doc) && !checked.isPlaceholderData;
  const problems = useMemo<Map<string, NodeProblem[]>>(
    () =>
      problemsByNode(tree, [
        ...(current ? (checked.data?.errors ?? []) : []),
        ...(saved?.tree === tree ? saved.errors : []),
      ]),
    [tree, checked.data, current, saved],
  );
  const locked = resource && (resource.status === 'pending_review' || resource.status === 'closed');

  const onSaveError = (e: unknown) => {
    if (e instanceof ApiError) {
      const problems = e.fieldProblems;
      setSaved({ tree, errors: problems.filter((p) => p.field.startsWith('eligibility')) });
      form.setFields(
        formFieldErrors(e)
          .filter((f) => f.name[0] !== 'eligibility')
          .map((f) =>
            f.name[0] === 'valuePerUnitFen' ? { ...f, name: ['valueYuan'] } : f,
          ) as Parameters<typeof form.setFields>[0],
      );
      if (e.code === 'RESOURCE_COVERAGE_OUT_OF_REACH') {
        form.setFields([{ name: 'coverageAreaId', errors: [errorText(e)] }]);
      }
    }
    void message.error(errorText(e));
  };

  const persist = async (then: 'stay' | 'submit') => {
    const values = await form.validateFields();
    const body = toBody(values, doc);
    try {
      const result = await save.mutateAsync({
        id: resource?.id,
        body: resource ? changesFrom(resource, body) : body,
      });
      if (!resource) setCreated(true);
      if (then === 'submit') {
        await transition.mutateAsync({ id: result.id, action: 'submit' });
        void message.success(t('form.submitted'));
        navigate('/provider/resources');
      } else {
        void message.success(t('form.saved'));
        if (!resource) navigate(`/provider/resources/${result.id}/edit`, { replace: true });
      }
    } catch (e) {
      onSaveError(e);
    }
  };

  const required = (field: string) => [
    { required: true, message: t('form.required', { field: t(field) }) },
  ];
  const busy = save.isPending || transition.isPending || created;
  const isDraft = !resource || resource.status === 'draft';

  return (
    <PageContainer
      title={resource ? t('form.editTitle') : t('form.newTitle')}
      subTitle={resource?.title}
      crumbs={[[t('resources.title'), '/provider/resources']]}
      extra={
        <>
          <Button onClick={() => navigate('/provider/resources')}>{t('form.back')}</Button>
          <Button
            onClick={() => void persist('stay')}
            loading={save.isPending}
            disabled={!!locked || busy}
          >
            {resource ? t('form.saveChanges') : t('form.save')}
          </Button>
          {isDraft && (
            <Button
              type="primary"
              onClick={() => void persist('submit')}
              loading={transition.isPending}
              disabled={busy}
            >
              {resource ? t('form.submit') : t('form.saveAndSubmit')}
            </Button>
          )}
        </>
      }
    >
      {resource && resource.status !== 'draft' && (
        <Alert
          style={{ marginBottom: 16 }}
          type={locked ? 'warning' : 'info'}
          showIcon
          message={
            t('form.statusNote', { status: label('resourceStatus', resource.status) }) +
            (locked ? t('form.noEdit') : t('form.limitedEdit'))
          }
        />
      )}
      <Form<Values>
        form={form}
        name="resource"
        layout="vertical"
        disabled={!!locked}
        initialValues={
          resource
            ? toValues(resource)
            : {
                form: 'in_kind',
                serviceLevel: 'community',
                capacity: 10,
                validFrom: dayjs(dayjs().tz(BEIJING).format(DAY)),
              }
        }
      >
        <Card title={t('form.basics')} style={{ marginBottom: 16 }}>
          <Row gutter={16}>
            <Col xs={24} lg={12}>
              <Form.Item name="title" label={t('form.title')} rules={required('form.title')}>
                <Input maxLength={200} />
              </Form.Item>
            </Col>
            <Col xs={24} sm={12} lg={6}>
              <Form.Item
                name="categoryCode"
                label={t('form.category')}
                rules={required('form.category')}
              >
                <Select options={categories} showSearch optionFilterProp="label" />
              </Form.Item>
            </Col>
            <Col xs={24} sm={12} lg={6}>
              <Form.Item name="form" label={t('form.form')} rules={required('form.form')}>
                <Select options={forms} />
              </Form.Item>
            </Col>
            <Col xs={24} sm={12} lg={6}>
              <Form.Item
                name="serviceLevel"
                label={t('form.serviceLevel')}
                rules={required('form.serviceLevel')}
              >
                <Select options={levels} />
              </Form.Item>
            </Col>
            <Col xs={24} sm={12} lg={6}>
              <Form.Item
                name="coverageAreaId"
                label={t('form.coverage')}
                tooltip={t('form.coverageHint')}
                rules={required('form.coverage')}
              >
                <AreaSelect />
              </Form.Item>
            </Col>
            <Col xs={12} lg={6}>
              <Form.Item
                name="capacity"
                label={t('form.capacity')}
                rules={required('form.capacity')}
              >
                <InputNumber min={0} precision={0} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col xs={12} lg={6}>
              <Form.Item name="valueYuan" label={t('form.value')} tooltip={t('form.valueHint')}>
                <InputNumber min={0} precision={2} style={{ width: '100%' }} prefix="¥" />
              </Form.Item>
            </Col>
            <Col xs={12} lg={6}>
              <Form.Item
                name="validFrom"
                label={t('form.validFrom')}
                rules={required('form.validFrom')}
              >
                <DatePicker style={{ width: '100%' }} format={DAY} />
              </Form.Item>
            </Col>
            <Col xs={12} lg={6}>
              <Form.Item
                name="validUntil"
                label={t('form.validUntil')}
                tooltip={t('form.validUntilHint')}
              >
                <DatePicker style={{ width: '100%' }} format={DAY} />
              </Form.Item>
            </Col>
            <Col xs={24} lg={12}>
              <Form.Item name="description" label={t('form.description')}>
                <Input.TextArea rows={2} maxLength={5000} />
              </Form.Item>
            </Col>
            <Col xs={24} lg={12}>
              <Form.Item name="contactNotes" label={t('form.contactNotes')}>
                <Input.TextArea rows={2} maxLength={2000} />
              </Form.Item>
            </Col>
          </Row>
        </Card>
      </Form>
      <Card title={t('form.rules')}>
        <Row gutter={[16, 16]}>
          <Col xs={24} xl={16}>
            <RuleBuilder value={tree} onChange={setTree} problems={problems} disabled={!!locked} />
          </Col>
          <Col xs={24} xl={8}>
            <Card size="small" type="inner" title={t('rules.description')}>
              <div data-testid="rule-description" aria-live="polite">
                {checked.isLoading ? (
                  <Spin size="small" />
                ) : checked.error ? (
                  <Typography.Text type="danger">{errorText(checked.error)}</Typography.Text>
                ) : checked.data?.valid ? (
                  <Typography.Paragraph style={{ fontSize: 15, marginBottom: 8 }}>
                    {checked.data.description}
                  </Typography.Paragraph>
                ) : (
                  <Typography.Text type="danger">{t('rules.invalid')}</Typography.Text>
                )}
              </div>
              <Space direction="vertical" size={0}>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {!current || checked.isFetching
                    ? t('rules.checking')
                    : t('rules.descriptionHint')}
                </Typography.Text>
              </Space>
            </Card>
          </Col>
        </Row>
      </Card>
    </PageContainer>
  );
}
