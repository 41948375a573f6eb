import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  Descriptions,
  Flex,
  Input,
  Modal,
  Popconfirm,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { PageContainer } from '@/components/PageContainer';
import { errorText, QueryState } from '@/components/QueryState';
import { useLabel } from '@/lib/dictionaries';
import { formatTime } from '@/lib/format';
import { closeLead, type Lead, leadContact, leadKeys, linkLead, triageLead, useLead } from './api';
import { STATUS_COLOR } from './MyLeadsPage';

type Candidate = Lead['candidates'][number];

/** A phone as a `tel:` link: one tap on a phone dials it. */
function Phone({ phone, label }: { phone: string; label: string }) {
  return (
    <a href={`tel:${phone}`} aria-label={label} data-testid="lead-tel">
      {phone}
    </a>
  );
}

/**
 * /leads/:id: one lead for the community's staff: what happened (decrypted for them), the
 * registered households the registry check found (masked), and the decisions: link one
 * (关联家庭), close with a reason (结束), mark triaged (已研判), or go on to the emergency
 * intake (登记急难救助, which registers the household and ends the lead as registered).
 * The numbers are masked until 查看联系方式, which asks the API for them in clear (the read is
 * recorded for supervisors) and shows the phones as `tel:` links.
 */
export function LeadPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation('leads');
  const label = useLabel();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const lead = useLead(id);
  const [closing, setClosing] = useState(false);
  const [triaging, setTriaging] = useState(false);
  const [text, setText] = useState('');
  // Keyed by the lead it was asked for: another lead on the same page starts masked again.
  const contact = useMutation({
    mutationFn: (leadId: string) => leadContact(leadId),
    onError: (e) => void message.error(errorText(e)),
  });
  const shown = contact.variables === id ? contact.data : undefined;

  const decide = useMutation({
    mutationFn: (step: { kind: 'link'; householdId: string } | { kind: 'close' | 'triage' }) =>
      step.kind === 'link'
        ? linkLead(id, step.householdId)
        : step.kind === 'close'
          ? closeLead(id, text.trim())
          : triageLead(id, text.trim() || undefined),
    onSuccess: (updated) => {
      queryClient.setQueryData(leadKeys.one(id), updated);
      void queryClient.invalidateQueries({ queryKey: ['leads', 'queue'] });
      setClosing(false);
      setTriaging(false);
      setText('');
    },
    onError: (e) => void message.error(errorText(e)),
  });

  const l = lead.data;
  const open = l && (l.status === 'reported' || l.status === 'triaged');
  return (
    <PageContainer
      title={l ? t('lead.title', { reference: l.reference }) : t('queue.title')}
      crumbs={[[t('queue.title'), '/leads']]}
      extra={
        open && (
          <Space wrap>
            <Link to={`/relief/intake?leadId=${id}`}>
              <Button type="primary">{t('lead.intake')}</Button>
            </Link>
            {l.status === 'reported' && (
              <Button onClick={() => setTriaging(true)}>{t('lead.triage')}</Button>
            )}
            <Button danger onClick={() => setClosing(true)}>
              {t('lead.close')}
            </Button>
          </Space>
        )
      }
    >
      <QueryState isLoading={lead.isLoading} error={lead.error} onRetry={() => void lead.refetch()}>
        {l && (
          <Flex vertical gap={16}>
            <Card>
              <Space style={{ marginBottom: 12 }} wrap>
                <Tag color={STATUS_COLOR[l.status]} data-testid="lead-status">
                  {label('leadStatus', l.status)}
                </Tag>
                {l.overdue && <Tag color="red">{t('queue.overdue')}</Tag>}
                {l.escalatedAt && <Tag color="volcano">{t('queue.escalated')}</Tag>}
                {shown ? (
                  <Typography.Text type="secondary" data-testid="lead-contact-recorded">
                    {t('lead.contactRecorded')}
                  </Typography.Text>
                ) : (
                  (l.phoneMasked || l.reporterPhoneMasked || l.idMasked) && (
                    <Button
                      size="small"
                      title={t('lead.contactHelp')}
                      loading={contact.isPending}
                      onClick={() => contact.mutate(id)}
                    >
                      {t('lead.contact')}
                    </Button>
                  )
                )}
                {/* Linked or registered: the household it became, one click away. */}
                {l.householdId && (
                  <Link to={`/households/${l.householdId}`} data-testid="lead-household">
                    {t('lead.open')}
                  </Link>
                )}
              </Space>
              {l.closeReason && (
                <Alert
                  type="info"
                  style={{ marginBottom: 12 }}
                  message={t('lead.closedBecause', { reason: l.closeReason })}
                />
              )}
              <Descriptions column={{ xs: 1, md: 2 }} size="small" bordered>
                <Descriptions.Item label={t('queue.subject')}>{l.subjectName}</Descriptions.Item>
                <Descriptions.Item label={t('queue.community')}>
                  {l.communityName}
                </Descriptions.Item>
                <Descriptions.Item label={t('lead.idNumber')}>
                  {shown?.idNumber ?? l.idMasked ?? '—'}
                </Descriptions.Item>
                <Descriptions.Item label={t('lead.phone')}>
                  {shown?.phone ? (
                    <Phone phone={shown.phone} label={t('lead.call', { phone: shown.phone })} />
                  ) : (
                    (l.phoneMasked ?? '—')
                  )}
                </Descriptions.Item>
                <Descriptions.Item label={t('lead.address')} span={2}>
                  {l.address ?? '—'}
                </Descriptions.Item>
                <Descriptions.Item label={t('lead.situation')} span={2}>
                  <Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-wrap' }}>
                    {l.situation}
                  </Typography.Paragraph>
                </Descriptions.Item>
                <Descriptions.Item label={t('lead.reporter')}>
                  {l.reporterName} · {label('leadSource', l.source)}
                  {l.reporterRelation ? ` · ${l.reporterRelation}` : ''}
                </Descriptions.Item>
                <Descriptions.Item label={t('lead.reporterPhone')}>
                  {shown?.reporterPhone ? (
                    <Phone
                      phone={shown.reporterPhone}
                      label={t('lead.call', { phone: shown.reporterPhone })}
                    />
                  ) : (
                    (l.reporterPhoneMasked ?? '—')
                  )}
                </Descriptions.Item>
                <Descriptions.Item label={t('queue.reportedAt')}>
                  {formatTime(l.reportedAt)}
                </Descriptions.Item>
                <Descriptions.Item label={t('queue.due')}>
                  {formatTime(l.triageDueAt)}
                </Descriptions.Item>
              </Descriptions>
            </Card>
            <Card title={t('lead.candidates')}>
              <Table<Candidate>
                rowKey="householdId"
                size="small"
                pagination={false}
                scroll={{ x: 560 }}
                dataSource={l.candidates}
                locale={{ emptyText: t('lead.noCandidates') }}
                columns={[
                  { title: t('lead.head'), dataIndex: 'headNameMasked' },
                  { title: t('queue.community'), dataIndex: 'communityName' },
                  {
                    title: t('lead.matchedBy'),
                    render: (_, c) => (
                      <Space size={4} wrap>
                        {c.matchedBy.map((m) => (
                          <Tag key={m}>{label('leadMatch', m)}</Tag>
                        ))}
                      </Space>
                    ),
                  },
                  {
                    title: t('lead.householdStatus'),
                    render: (_, c) => label('householdStatus', c.householdStatus),
                  },
                  {
                    key: 'actions',
                    render: (_, c) => (
                      <Space wrap>
                        <Link to={`/households/${c.householdId}`}>{t('lead.open')}</Link>
                        {open ? (
                          <Popconfirm
                            title={t('lead.linkConfirm')}
                            onConfirm={() =>
                              decide.mutate({ kind: 'link', householdId: c.householdId })
                            }
                          >
                            <Button size="small" type="primary" loading={decide.isPending}>
                              {t('lead.link')}
                            </Button>
                          </Popconfirm>
                        ) : (
                          l.householdId === c.householdId && (
                            <Tag color="green">{t('lead.linked')}</Tag>
                          )
                        )}
                      </Space>
                    ),
                  },
                ]}
              />
            </Card>
          </Flex>
        )}
      </QueryState>
      <Modal
        open={closing}
        title={t('lead.close')}
        okText={t('lead.close')}
        okButtonProps={{ danger: true, disabled: !text.trim(), loading: decide.isPending }}
        onOk={() => decide.mutate({ kind: 'close' })}
        onCancel={() => setClosing(false)}
      >
        <Input.TextArea
          aria-label={t('lead.closeReason')}
          rows={3}
          maxLength={500}
          placeholder={t('lead.closeReasonPlaceholder')}
          value={text}
          onChange={(e) => setText(e.target.value)}
        />
      </Modal>
      <Modal
        open={triaging}
        title={t('lead.triage')}
        okText={t('lead.triage')}
        okButtonProps={{ loading: decide.isPending }}
        onOk={() => decide.mutate({ kind: 'triage' })}
        onCancel={() => setTriaging(false)}
      >
        <Input.TextArea
          aria-label={t('lead.triageNote')}
          rows={3}
          maxLength={500}
          value={text}
          onChange={(e) => setText(e.target.value)}
        />
      </Modal>
    </PageContainer>
  );
}
