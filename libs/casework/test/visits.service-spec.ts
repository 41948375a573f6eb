import { CaseworkModule, VisitScheduleService, VisitsService } from '@onedoor/casework';
import { CasesRepository, CasesService, HouseholdsService } from '@onedoor/households';
import { PiiCipher, type Principal } from '@onedoor/platform';
import { type District, householdInput } from '../../../tests/factories';
import { type ServiceContext, startServices } from '../../../tests/service/support/service-context';

const DAY = 24 * 3600_000;
const page = { page: 1, limit: 100 };

describe(VisitsService.name, () => {
  let ctx: ServiceContext;
  let sut: VisitsService;
  let schedule: VisitScheduleService;
  let cases: CasesService;
  let households: HouseholdsService;
  let tree: District;
  let adviser: Principal;
  let otherAssessor: Principal;
  let streetStaff: Principal;
  let provider: Principal;

  beforeAll(async () => {
    ctx = await startServices([CaseworkModule]);
    sut = ctx.get(VisitsService);
    schedule = ctx.get(VisitScheduleService);
    cases = ctx.get(CasesService);
    households = ctx.get(HouseholdsService);
    tree = await ctx.factory.district();
    adviser = await ctx.factory.principal('assessor', tree.communityA);
    otherAssessor = await ctx.factory.principal('assessor', tree.communityA);
    streetStaff = await ctx.factory.principal('civil_affairs', tree.streetA);
    const org = await ctx.factory.provider(tree.streetA);
    provider = await ctx.factory.principal('provider', tree.streetA, org.id);
  });
  afterAll(() => ctx.close());

  /** A household registered by the adviser: its case opens assigned to them. */
  const openCase = async (by: Principal = adviser) => {
    const household = await households.register(householdInput(tree.communityA), by);
    return cases.ofHousehold(household.id, by);
  };

  const readsOf = (visitId: string): Promise<Array<{ reader_id: string; purpose: string }>> =>
    ctx.dataSource.query(
      `SELECT reader_id, purpose FROM case_note_read WHERE visit_id = $1 ORDER BY read_at, id`,
      [visitId],
    );

  const dueOf = async (who: Principal) =>
    (await sut.due(Object.assign({ assignedTo: 'me' as const }, page), who)).items;

  it('notes are not readable in the database and are readable only in scope', async () => {
    const opened = await openCase();
    const note = `入户走访：老人腿脚不便，需要助餐服务 ${Date.now()}`;
    const recorded = await sut.record(
      opened.id,
      { kind: 'home_visit', occurredAt: new Date(Date.now() - 3600_000).toISOString(), note },
      adviser,
    );
    expect(recorded).toMatchObject({ status: 'done', note, noteHidden: false, noteEditable: true });

    // The row holds no clear text of the note in any column.
    const [row] = await ctx.dataSource.query(`SELECT * FROM case_visit WHERE id = $1`, [
      recorded.id,
    ]);
    expect(row.note_enc).toBeInstanceOf(Buffer);
    for (const value of Object.values(row)) {
      const text = Buffer.isBuffer(value) ? value.toString('utf8') : JSON.stringify(value);
      expect(text).not.toContain('老人腿脚不便');
    }
    const audit = await ctx.dataSource.query(
      `SELECT data::text AS data FROM audit_log WHERE entity_id = $1`,
      [recorded.id],
    );
    expect(audit).toHaveLength(1);
    expect(audit[0].data).not.toContain('老人腿脚不便');
    expect(JSON.parse(audit[0].data)).toMatchObject({
      householdId: opened.householdId,
      caseId: opened.id,
    });

    // The adviser and the street's civil-affairs staff read it…
    expect((await sut.list(opened.id, adviser))[0]).toMatchObject({ note, noteHidden: false });
    expect((await sut.list(opened.id, streetStaff))[0]).toMatchObject({
      note,
      noteHidden: false,
      noteEditable: false,
    });
    // …another assessor of the same community sees the visit, not what was said…
    expect((await sut.list(opened.id, otherAssessor))[0]).toMatchObject({
      id: recorded.id,
      kind: 'home_visit',
      recordedBy: adviser.userId,
      note: null,
      noteHidden: true,
    });
    // …and a provider is refused.
    await expect(sut.list(opened.id, provider)).rejects.toMatchObject({ code: 'FORBIDDEN' });

    // Each read wrote its record: the recording's, the adviser's and the supervisor's; none
    // for the assessor who got no note.
    expect(await readsOf(recorded.id)).toEqual([
      { reader_id: adviser.userId, purpose: 'record' },
      { reader_id: adviser.userId, purpose: 'list' },
      { reader_id: streetStaff.userId, purpose: 'list' },
    ]);
    const listed = await sut.noteReads(opened.id, page, streetStaff);
    expect(listed.total).toBe(3);
    expect(listed.items.map((r) => r.readerId)).toContain(streetStaff.userId);
  });

  it('lets only the adviser and supervisors write notes, and only the author correct one within 7 days', async () => {
    const opened = await openCase();
    const input = {
      kind: 'phone_call' as const,
      occurredAt: new Date().toISOString(),
      note: '电话回访',
    };
    await expect(sut.record(opened.id, input, otherAssessor)).rejects.toMatchObject({
      code: 'CASE_VISIT_NOTE_FORBIDDEN',
    });
    await expect(
      sut.record(
        opened.id,
        { ...input, occurredAt: new Date(Date.now() + DAY).toISOString() },
        adviser,
      ),
    ).rejects.toMatchObject({ code: 'CASE_VISIT_IN_FUTURE' });
    const byStaff = await sut.record(opened.id, input, streetStaff);
    await expect(
      sut.correct(opened.id, byStaff.id, { note: '改', version: byStaff.version }, adviser),
    ).rejects.toMatchObject({ code: 'CASE_VISIT_NOTE_FORBIDDEN' });

    const mine = await sut.record(opened.id, input, adviser);
    const corrected = await sut.correct(
      opened.id,
      mine.id,
      { note: '电话回访：已确认地址', version: mine.version },
      adviser,
    );
    expect(corrected).toMatchObject({ note: '电话回访：已确认地址', version: mine.version + 1 });
    await expect(
      sut.correct(opened.id, mine.id, { note: '再改', version: mine.version }, adviser),
    ).rejects.toMatchObject({ code: 'STALE_VERSION' });
    const [{ n }] = await ctx.dataSource.query(
      `SELECT count(*)::int AS n FROM audit_log WHERE entity_id = $1 AND action = 'correct_note'`,
      [mine.id],
    );
    expect(n).toBe(1);

    await ctx.dataSource.query(
      `UPDATE case_visit SET recorded_at = now() - interval '8 days' WHERE id = $1`,
      [mine.id],
    );
    await expect(
      sut.correct(opened.id, mine.id, { note: '再改', version: corrected.version }, adviser),
    ).rejects.toMatchObject({ code: 'CASE_VISIT_CORRECTION_CLOSED' });
  });

  it('the sweep creates one due visit per revisit date and reruns create none', async () => {
    const opened = await openCase();
    const first = new Date(Date.now() + 3 * DAY);
    const setRevisit = (at: Date) =>
      ctx.dataSource.query(`UPDATE household SET next_revisit_at = $2 WHERE id = $1`, [
        opened.householdId,
        at,
      ]);
    const dueRows = () =>
      ctx.dataSource.query(
        `SELECT id, status, due_at FROM case_visit WHERE case_id = $1 AND due_at IS NOT NULL ORDER BY due_at`,
        [opened.id],
      );
    await setRevisit(first);
    await schedule.sweep();
    await schedule.sweep();
    const rows = await dueRows();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ status: 'due', due_at: first });
    // The adviser is told once, per visit.
    const events = await ctx.dataSource.query(
      `SELECT audience FROM outbox_event WHERE type = 'case.visit_due' AND dedup_key = $1`,
      [`case.visit_due:${rows[0].id}`],
    );
    expect(events).toHaveLength(1);
    expect(JSON.stringify(events[0].audience)).toContain(adviser.userId);
    expect((await dueOf(adviser)).map((v) => v.id)).toContain(rows[0].id);

    // Recording a home visit completes it; the same date is not scheduled again.
    const made = await sut.record(
      opened.id,
      { kind: 'home_visit', occurredAt: new Date().toISOString(), note: '已入户' },
      adviser,
    );
    expect(made).toMatchObject({ id: rows[0].id, status: 'done' });
    expect((await dueOf(adviser)).map((v) => v.id)).not.toContain(rows[0].id);
    await schedule.sweep();
    expect(await dueRows()).toHaveLength(1);

    // A new revisit date (the next assessment) is a new due visit; one a month away is not yet.
    const second = new Date(Date.now() + 10 * DAY);
    await setRevisit(second);
    await schedule.sweep();
    await schedule.sweep();
    expect((await dueRows()).map((r: { status: string }) => r.status)).toEqual(['done', 'due']);
    await setRevisit(new Date(Date.now() + 40 * DAY));
    await schedule.sweep();
    expect(await dueRows()).toHaveLength(2);
  });

  it('a visit entered late, before the due visit was scheduled, is recorded beside it and leaves it due', async () => {
    const opened = await openCase();
    const dueAt = new Date(Date.now() + 3 * DAY);
    await ctx.dataSource.query(`UPDATE household SET next_revisit_at = $2 WHERE id = $1`, [
      opened.householdId,
      dueAt,
    ]);
    await schedule.sweep();
    const statusOf = (id: string) =>
      ctx.dataSource
        .query(`SELECT status FROM case_visit WHERE id = $1`, [id])
        .then(([r]: Array<{ status: string }>) => r.status);
    const [due] = await ctx.dataSource.query(
      `SELECT id FROM case_visit WHERE case_id = $1 AND status = 'due'`,
      [opened.id],
    );

    // Two months ago: long before the schedule's 14 days' lead, not this due visit.
    const late = await sut.record(
      opened.id,
      {
        kind: 'home_visit',
        occurredAt: new Date(Date.now() - 60 * DAY).toISOString(),
        note: '补录两个月前的走访',
      },
      adviser,
    );
    expect(late).toMatchObject({ status: 'done', dueAt: null });
    expect(late.id).not.toBe(due.id);
    expect(await statusOf(due.id)).toBe('due');
    // 20 days ago is still before the lead (due in 3 days: from 11 days ago)…
    const before = await sut.record(
      opened.id,
      {
        kind: 'phone_call',
        occurredAt: new Date(Date.now() - 20 * DAY).toISOString(),
        note: '补录',
      },
      adviser,
    );
    expect(before.id).not.toBe(due.id);
    expect(await statusOf(due.id)).toBe('due');
    // …10 days ago is within it, and completes the due visit.
    const within = await sut.record(
      opened.id,
      {
        kind: 'phone_call',
        occurredAt: new Date(Date.now() - 10 * DAY).toISOString(),
        note: '电话回访',
      },
      adviser,
    );
    expect(within).toMatchObject({ id: due.id, status: 'done' });
  });

  it('checks the writer against the case as locked: a hand-over committed meanwhile refuses the former adviser', async () => {
    const opened = await openCase();
    const successor = await ctx.factory.principal('assessor', tree.communityA);
    const repo = ctx.get(CasesRepository);
    const lock = repo.lock.bind(repo);
    // The hand-over commits (in its own transaction) after the recording first read the case
    // and before it takes the case's lock: the window the check must not fall in.
    const spy = jest.spyOn(repo, 'lock').mockImplementationOnce(async (id, manager) => {
      await cases.handover(
        opened.id,
        { adviserId: successor.userId, reason: '原顾问调岗', version: opened.version },
        streetStaff,
      );
      return lock(id, manager);
    });
    try {
      await expect(
        sut.record(
          opened.id,
          { kind: 'home_visit', occurredAt: new Date().toISOString(), note: '交接后的记录' },
          adviser,
        ),
      ).rejects.toMatchObject({ code: 'CASE_VISIT_NOTE_FORBIDDEN' });
    } finally {
      spy.mockRestore();
    }
    const [{ n }] = await ctx.dataSource.query(
      `SELECT count(*)::int AS n FROM case_visit WHERE case_id = $1`,
      [opened.id],
    );
    expect(n).toBe(0);
    // Afterwards, plainly: the former adviser is refused, the successor records.
    await expect(
      sut.record(
        opened.id,
        { kind: 'phone_call', occurredAt: new Date().toISOString(), note: '回访' },
        adviser,
      ),
    ).rejects.toMatchObject({ code: 'CASE_VISIT_NOTE_FORBIDDEN' });
    await expect(
      sut.record(
        opened.id,
        { kind: 'phone_call', occurredAt: new Date().toISOString(), note: '回访' },
        successor,
      ),
    ).resolves.toMatchObject({ status: 'done', note: '回访' });
  });

  it('checks a correction against the case as locked: a hand-over committed meanwhile refuses its author', async () => {
    const opened = await openCase();
    const recorded = await sut.record(
      opened.id,
      { kind: 'home_visit', occurredAt: new Date().toISOString(), note: '原记录' },
      adviser,
    );
    const successor = await ctx.factory.principal('assessor', tree.communityA);
    const repo = ctx.get(CasesRepository);
    const lock = repo.lock.bind(repo);
    const spy = jest.spyOn(repo, 'lock').mockImplementationOnce(async (id, manager) => {
      const current = (await cases.get(opened.id, streetStaff)).version;
      await cases.handover(
        opened.id,
        { adviserId: successor.userId, reason: '原顾问调岗', version: current },
        streetStaff,
      );
      return lock(id, manager);
    });
    try {
      await expect(
        sut.correct(
          opened.id,
          recorded.id,
          { note: '交接后的更正', version: recorded.version },
          adviser,
        ),
      ).rejects.toMatchObject({ code: 'CASE_VISIT_NOTE_FORBIDDEN' });
    } finally {
      spy.mockRestore();
    }
    const [{ note_enc }] = await ctx.dataSource.query(
      `SELECT note_enc FROM case_visit WHERE id = $1`,
      [recorded.id],
    );
    expect(ctx.get(PiiCipher).decryptBytes(note_enc).toString('utf8')).toBe('原记录');
  });

  it('hand-over moves caseload and due visits', async () => {
    const opened = await openCase();
    const successor = await ctx.factory.principal('assessor', tree.communityA);
    await ctx.dataSource.query(`UPDATE household SET next_revisit_at = $2 WHERE id = $1`, [
      opened.householdId,
      new Date(Date.now() - 5 * DAY),
    ]);
    await schedule.sweep();
    const [visit] = await ctx.dataSource.query(
      `SELECT id FROM case_visit WHERE case_id = $1 AND status = 'due'`,
      [opened.id],
    );
    const before = (await dueOf(adviser)).find((v) => v.id === visit.id);
    expect(before).toMatchObject({ caseId: opened.id, adviserId: adviser.userId, overdue: true });

    await cases.handover(
      opened.id,
      { adviserId: successor.userId, reason: '原顾问调岗', version: opened.version },
      streetStaff,
    );
    expect((await dueOf(successor)).map((v) => v.id)).toContain(visit.id);
    expect((await dueOf(adviser)).map((v) => v.id)).not.toContain(visit.id);
    // The notes follow the case too: the old adviser no longer reads them.
    await sut.record(
      opened.id,
      { kind: 'other', occurredAt: new Date().toISOString(), note: '交接说明' },
      successor,
    );
    const seenByOld = await sut.list(opened.id, adviser);
    expect(seenByOld.find((v) => v.kind === 'other')).toMatchObject({
      note: null,
      noteHidden: true,
    });
  });
});
