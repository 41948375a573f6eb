import type { AuditLogEntity } from './audit-log.entity';
import { AuditSeals } from './audit-seals';

const row = (id: string, entityType: string, entityId: string): AuditLogEntity =>
  ({
    id,
    entityType,
    entityId,
    action: 'submit',
    actorId: 'user-1',
    actorRole: 'provider',
    at: new Date('2026-01-01T00:00:00Z'),
    fromState: null,
    toState: 'submitted',
    reason: null,
    data: { projectId: 'p', replaces: 'b0' },
    areaPath: null,
  }) as AuditLogEntity;

describe(AuditSeals.name, () => {
  it('redacts the rows its sealer says are sealed, and only those, one question per page', async () => {
    const sut = new AuditSeals();
    const asked: string[][] = [];
    sut.register('bid', {
      sealedIds: async (ids) => {
        asked.push(ids);
        return new Set(['b1']);
      },
      redact: (e) => ({ ...e, actorId: null, data: null }),
    });
    const out = await sut.toDtos([
      row('1', 'bid', 'b1'),
      row('2', 'bid', 'b2'),
      row('3', 'area', 'b1'),
    ]);
    expect(out.map((e) => e.actorId)).toEqual([null, 'user-1', 'user-1']);
    expect(out[0].data).toBeNull();
    expect(asked).toEqual([['b1', 'b2']]);
  });

  it('refuses a second sealer for the same entity type', () => {
    const sut = new AuditSeals();
    const sealer = { sealedIds: async () => new Set<string>(), redact: (e: never) => e };
    sut.register('bid', sealer);
    expect(() => sut.register('bid', sealer)).toThrow(/already registered/);
  });
});
