import { createHmac } from 'node:crypto';
import { EVENT_TYPES } from '@onedoor/platform';
import { renderNotice } from '../inbox/templates';
import { dingTalkSignedUrl, signatureHeader, webhookBody } from './webhook-message';

const event = {
  id: '42',
  type: 'referral.created' as const,
  entityType: 'referral',
  entityId: '00000000-0000-4000-8000-000000000001',
  data: { resourceName: '助餐' },
  createdAt: new Date('2026-12-01T00:00:00Z'),
};

describe('webhook messages', () => {
  it('JSON: {id, type, occurredAt, entity, data}', () => {
    expect(JSON.parse(webhookBody('json', event))).toEqual({
      id: '42',
      type: 'referral.created',
      occurredAt: '2026-12-01T00:00:00.000Z',
      entity: { type: 'referral', id: event.entityId },
      data: { resourceName: '助餐' },
    });
  });

  it('WeCom and DingTalk robots get markdown with the Chinese title', () => {
    const wecom = JSON.parse(webhookBody('wecom', event));
    expect(wecom.msgtype).toBe('markdown');
    expect(wecom.markdown.content).toContain('新的转介');
    const ding = JSON.parse(webhookBody('dingtalk', event));
    expect(ding).toEqual({
      msgtype: 'markdown',
      markdown: { title: '新的转介', text: expect.stringContaining('助餐') },
    });
  });

  it('robots read yuan, Beijing time and labels; JSON keeps the data as sent', () => {
    const withCodes = {
      ...event,
      data: {
        referralId: 'r1',
        categoryCode: 'medical',
        amountFen: 9900,
        dueAt: '2026-12-01T00:00:00Z',
      },
    };
    const labels = { category: { medical: { 'zh-CN': '医疗救助', en: 'Medical aid' } } };
    const text = JSON.parse(webhookBody('wecom', withCodes, labels)).markdown.content;
    expect(text).toContain('> 类别：医疗救助');
    expect(text).toContain('> 金额：¥99.00');
    expect(text).toContain('> 截止时间：2026-12-01 08:00');
    expect(text).toContain('> 时间：2026-12-01 08:00');
    expect(text).not.toMatch(/referralId|\dZ/);
    expect(JSON.parse(webhookBody('json', withCodes, labels)).data).toEqual(withCodes.data);
  });

  it.each(EVENT_TYPES)('%s: the robot title is the inbox notice’s title', (type) => {
    const ding = JSON.parse(webhookBody('dingtalk', { ...event, type }));
    expect(ding.markdown.title).toBe(renderNotice(type, {}).title);
  });

  it('signs t.body with the secret', () => {
    const header = signatureHeader('s3cret', '{"a":1}', 1700000000);
    const mac = createHmac('sha256', 's3cret').update('1700000000.{"a":1}').digest('hex');
    expect(header).toBe(`t=1700000000,v1=${mac}`);
  });

  it('DingTalk 加签: timestamp and url-encoded base64 sign', () => {
    const url = dingTalkSignedUrl('https://oapi.dingtalk.com/robot/send?access_token=x', 'SEC', 1);
    const sign = createHmac('sha256', 'SEC').update('1\nSEC').digest('base64');
    const parsed = new URL(url);
    expect(parsed.searchParams.get('access_token')).toBe('x');
    expect(parsed.searchParams.get('timestamp')).toBe('1');
    expect(parsed.searchParams.get('sign')).toBe(sign);
    expect(url).toContain(`sign=${encodeURIComponent(sign)}`);
  });
});
