import { JOB_NAMES, JOB_SCHEDULES, jobIds, type QueueName } from './queue.registry';

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
