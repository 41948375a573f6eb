import { InjectQueue } from '@nestjs/bullmq';
import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import type { Queue } from 'bullmq';
import { MatchRunService } from '@onedoor/matching';
import {
  APP_CONFIG,
  type AppConfig,
  jobIds,
  type JobName,
  JOB_SCHEDULES,
  type JobSchedule,
  QUEUES,
  schedulesToRestore,
  schedulesWithEvery,
} from '@onedoor/platform';

type Maintenance = typeof QUEUES.maintenance;
type Notifications = typeof QUEUES.notifications;

/**
 * Keeps the maintenance schedulers, and the notifications queue's outbox sweep, in Redis. They
 * are upserted at start (so matchers starting together keep one each), and then checked on a
 * plain timer in this process: a FLUSHALL, or a failover to an empty replica, deletes them with
 * every job, and a scheduled job could not notice that its own schedule is gone. A missing one
 * is re-created (an `every` schedule runs at once, so the reconciler re-queues needs never
 * looked at). When every maintenance one is gone, Redis lost its data, and with it jobs the
 * database has no mark of (the fan-out of new supply to households matched before): every
 * household with open needs is queued again.
 */
@Injectable()
export class ScheduleWatchdog implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(ScheduleWatchdog.name);
  private readonly schedules: Array<JobSchedule<Maintenance>>;
  private timer?: NodeJS.Timeout;
  private checking = false;

  constructor(
    @InjectQueue(QUEUES.maintenance) private readonly queue: Queue,
    @InjectQueue(QUEUES.notifications) private readonly notifications: Queue,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly matchRuns: MatchRunService,
  ) {
    this.schedules = schedulesWithEvery(QUEUES.maintenance, {
      'reconcile-matching': config.matching.reconcileSeconds * 1000,
    });
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.upsertOn(this.queue, QUEUES.maintenance, this.schedules);
    await this.upsertOn(this.notifications, QUEUES.notifications, JOB_SCHEDULES.notifications);
    this.logger.log('maintenance schedules in place');
    this.timer = setInterval(
      () => void this.check(),
      this.config.redis.scheduleCheckSeconds * 1000,
    );
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }

  /** One check; a failed one (Redis down) is logged and the next tick tries again. */
  async check(): Promise<number> {
    if (this.checking) return 0;
    this.checking = true;
    try {
      // Without its sweep no notice would go out until a restart: restored like the others.
      const sweeps = schedulesToRestore(
        QUEUES.notifications,
        JOB_SCHEDULES.notifications,
        await this.notifications.getJobSchedulers(0, -1),
      );
      await this.upsertOn(this.notifications, QUEUES.notifications, sweeps);
      const present = await this.queue.getJobSchedulers(0, -1);
      const missing = schedulesToRestore(QUEUES.maintenance, this.schedules, present);
      if (missing.length === 0) return sweeps.length;
      await this.upsertOn(this.queue, QUEUES.maintenance, missing);
      this.logger.warn(
        { restored: missing.map((s) => s.job) },
        `job schedulers missing from Redis, re-created: ${missing.map((s) => s.job).join(', ')}`,
      );
      if (present.length === 0) {
        const queued = await this.matchRuns.requeueAllOpen();
        this.logger.warn(
          { queued },
          `Redis lost its data: ${queued} households with open needs queued for matching again`,
        );
      }
      return missing.length;
    } catch (error) {
      this.logger.error(`job scheduler check failed: ${String(error)}`);
      return 0;
    } finally {
      this.checking = false;
    }
  }

  /** Upserted under one id per queue and job, so matchers starting together keep one each. */
  private async upsertOn<Q extends Maintenance | Notifications>(
    queue: Queue,
    name: Q,
    schedules: ReadonlyArray<JobSchedule<Q>>,
  ): Promise<void> {
    for (const { job, repeat, data, opts } of schedules) {
      await queue.upsertJobScheduler(jobIds.scheduler(name, job as JobName<Q>), repeat, {
        name: job,
        data,
        opts,
      });
    }
  }
}
