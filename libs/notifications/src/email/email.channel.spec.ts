import type { Queue } from 'bullmq';
import type { AppConfig, OutboxEventEntity } from '@onedoor/platform';
import { EmailChannel } from './email.channel';

const event = {
  id: '7',
  type: 'resource.submitted',
  data: { resourceName: '助餐' },
  createdAt: new Date('2026-12-01T00:00:00Z'),
} as unknown as OutboxEventEntity;

function channel(smtpUrl: string | null) {
  const addBulk = jest.fn().mockResolvedValue([]);
  const config = { mail: { smtpUrl, from: 'x@y' } } as AppConfig;
  return { sut: new EmailChannel({ addBulk } as unknown as Queue, config), addBulk };
}

describe('EmailChannel', () => {
  it('does nothing without SMTP_URL', async () => {
    const { sut, addBulk } = channel(null);
    await sut.deliver(event, [{ userId: 'u1', channels: new Set(['email']) }]);
    expect(addBulk).not.toHaveBeenCalled();
  });

  it('queues one mail per recipient who wants e-mail, the address left to the worker', async () => {
    const { sut, addBulk } = channel('smtp://127.0.0.1:2525');
    await sut.deliver(event, [
      { userId: 'u1', channels: new Set(['email', 'inbox']) },
      { userId: 'u2', channels: new Set(['inbox']) },
    ]);
    expect(addBulk).toHaveBeenCalledWith([
      {
        name: 'send-mail',
        data: {
          userId: 'u1',
          subject: '[OneDoor] 资源待审核',
          text: expect.stringContaining('助餐'),
        },
        opts: { jobId: 'send-mail.7.u1' },
      },
    ]);
  });
});
