import { InjectQueue, Processor } from '@nestjs/bullmq';
import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { LoggedWorkerHost } from '../logged-worker-host';
import { ConfigService } from '@nestjs/config';
import { Clock, type Env } from '@qj/config';
import { isoWeekOf } from '@qj/domain';
import { RollupRepository, StatusLightRepository } from '@qj/persistence';
import { CataloguedQueue, enqueue, ensureJobScheduler, JobHandlers, QUEUES, startupReconcileJobId } from '@qj/queue';

/**
 * Keeps the roll-ups current: the refresh of a project's roll-ups after each domain event about it (routed here by
 * events/), the nightly reconcile (status lights for the new day, then every roll-up from scratch) and the weekly
 * snapshot. The last two are job schedulers (ROLLUP_RECONCILE_CRON, ROLLUP_SNAPSHOT_CRON in APP_TIMEZONE), so they
 * fire once however many workers run. Refreshes recompute from the database, so an event seen twice changes nothing.
 */
@Processor(QUEUES.rollups, { concurrency: 4 })
@Injectable()
export class RollupsProcessor extends LoggedWorkerHost<'rollups'> implements OnApplicationBootstrap {
  static readonly queue = QUEUES.rollups;
  readonly handlers: JobHandlers<'rollups'> = {
    'rollups.reconcile': () => this.reconcile(),
    'rollups.refresh': (job) =>
      this.rollups.refreshForProjects([job.data.projectId], this.clock.businessDay(), job.data.formerUnitId ? [job.data.formerUnitId] : []),
    'rollups.snapshot': (job) => this.rollups.snapshot(job.data.week ?? isoWeekOf(this.clock.today()).key),
  };

  constructor(
    private readonly rollups: RollupRepository,
    private readonly lights: StatusLightRepository,
    private readonly config: ConfigService<Env, true>,
    private readonly clock: Clock,
    @InjectQueue(QUEUES.rollups) private readonly queue: CataloguedQueue<'rollups'>,
  ) {
    super();
  }

  private get timeZone(): string {
    return this.config.get('APP_TIMEZONE', { infer: true });
  }

  async onApplicationBootstrap(): Promise<void> {
    const tz = this.timeZone;
    await ensureJobScheduler(this.queue, 'rollups.reconcile', { pattern: this.config.get('ROLLUP_RECONCILE_CRON', { infer: true }), tz });
    await ensureJobScheduler(this.queue, 'rollups.snapshot', { pattern: this.config.get('ROLLUP_SNAPSHOT_CRON', { infer: true }), tz });
    // A worker that starts reconciles once, under a per-day id so several starting together do it once.
    await enqueue(this.queue, 'rollups.reconcile', {}, { jobId: startupReconcileJobId(this.clock.today()) });
  }

  private async reconcile(): Promise<void> {
    await this.lights.refreshAll();
    await this.rollups.recomputeAll(this.clock.businessDay());
  }
}
