import {
  JOB_NAMES,
  JOB_SCHEDULES,
  jobIds,
  type QueueName,
  schedulesToRestore,
  schedulesWithEvery,
} from './queue.registry';

describe('JOB_SCHEDULES', () => {
  const queues = Object.keys(JOB_SCHEDULES) as QueueName[];

  it('schedules each declared job at most once, so scheduler ids never collide', () => {
    for (const queue of queues) {
      const jobs = JOB_SCHEDULES[queue].map((s) => s.job as string);
      expect(jobs.every((job) => (JOB_NAMES[queue] as readonly string[]).includes(job))).toBe(true);
      expect(new Set(jobs).size).toBe(jobs.length);
    }
  });

  it('keeps the scheduler ids the matcher has always upserted', () => {
    expect(jobIds.scheduler('maintenance', 'reconcile-matching')).toBe(
      'maintenance.reconcile-matching',
    );
  });
});

describe(schedulesToRestore.name, () => {
  const wanted = schedulesWithEvery('maintenance', { 'reconcile-matching': 5_000 });
  const present = (schedules: typeof wanted) =>
    schedules.map((s) => ({
      key: jobIds.scheduler('maintenance', s.job),
      every: 'every' in s.repeat ? s.repeat.every : undefined,
      pattern: 'pattern' in s.repeat ? s.repeat.pattern : undefined,
    }));

  it('restores every schedule after a flush left none', () => {
    expect(schedulesToRestore('maintenance', wanted, []).map((s) => s.job)).toEqual(
      JOB_SCHEDULES.maintenance.map((s) => s.job),
    );
  });

  it('restores only the missing one, and one whose interval is not the configured one', () => {
    const sut = present(wanted).filter((p) => !p.key.endsWith('sla-sweep'));
    expect(schedulesToRestore('maintenance', wanted, sut).map((s) => s.job)).toEqual(['sla-sweep']);
    expect(
      schedulesToRestore('maintenance', wanted, present([...JOB_SCHEDULES.maintenance])).map(
        (s) => s.job,
      ),
    ).toEqual(['reconcile-matching']);
  });
});
