import { InjectQueue } from '@nestjs/bullmq';
import { ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import { Clock, JobPayloads, QueueName, vietnamDateTime } from '@loa/core';
import { assertWithin, AuditService, Principal } from '@loa/access';
import { assertCanApply, CampaignAction } from './campaign-status';
import { Campaign } from './campaign.types';
import { CampaignsRepository } from './campaigns.repository';
import { PreviewService } from './preview.service';
import { firstFireFrom } from './schedule';

/** A one-off may be scheduled this late (clock skew between an operator and the server). */
const ONE_OFF_GRACE_MS = 60_000;

/**
 * schedule / pause / resume / cancel. Each is one transaction on the locked campaign row, so two operators (or an
 * operator and the scheduler) cannot interleave; what dispatch must see (campaign status, cancelled deliveries)
 * is committed before the call returns, which is what makes pause and cancel take effect within seconds.
 */
@Injectable()
export class CampaignLifecycleService {
  constructor(
    private readonly ds: DataSource,
    private readonly repo: CampaignsRepository,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly previews: PreviewService,
    @InjectQueue(QueueName.Dispatch) private readonly dispatch: Queue<JobPayloads['dispatch-run']>,
  ) {}

  private async apply<T>(
    id: number,
    action: CampaignAction,
    who: Principal,
    change: (c: Campaign, now: Date, m: import('typeorm').EntityManager) => Promise<T>,
  ): Promise<T> {
    return this.ds.transaction(async (m) => {
      const found = await this.repo.find(id, m, true);
      if (!found) throw new NotFoundException(`Campaign ${id} does not exist`);
      assertWithin(who, found.unitPath, `Campaign ${id}`);
      assertCanApply(action, found.campaign.status, id);
      const result = await change(found.campaign, this.clock.now(), m);
      await this.audit.record(who, action, 'campaign', id, (result ?? {}) as Record<string, unknown>, m);
      return result;
    });
  }

  /**
   * draft → scheduled: computes the first fire time, refusing a schedule that never fires, and refusing before
   * anything is sent a campaign whose templates the gateways would refuse or garble (the preview's
   * `registrationProblems`): a sender that finds out at send time has already lost the run.
   */
  async schedule(id: number, who: Principal): Promise<Campaign> {
    await this.apply(id, 'schedule', who, async (c, now, m) => {
      if (c.runAt && c.runAt.getTime() < now.getTime() - ONE_OFF_GRACE_MS) {
        throw new ConflictException(`Cannot schedule campaign ${id}: its runAt ${vietnamDateTime(c.runAt)} is past`);
      }
      const from = c.runAt && c.runAt < now ? c.runAt : now;
      const next = firstFireFrom(c, from);
      if (!next) throw new ConflictException(`Cannot schedule campaign ${id}: its schedule has no fire time left`);
      const { problems } = await this.previews.registrationCheck(c);
      if (problems.length) {
        throw new ConflictException({
          statusCode: 409,
          error: 'Conflict',
          message: `Cannot schedule campaign ${id}: ${problems.join('; ')}`,
          registrationProblems: problems,
        });
      }
      await this.repo.setStatus(id, 'scheduled', next, m);
      return { nextFireAt: next.toISOString() };
    });
    return this.get(id);
  }

  /** Stops new runs at once; dispatch sees the status before each send and leaves deliveries pending. */
  async pause(id: number, who: Principal): Promise<Campaign> {
    await this.apply(id, 'pause', who, async (_c, _now, m) => {
      await this.repo.setStatus(id, 'paused', undefined, m);
      return {};
    });
    return this.get(id);
  }

  /**
   * paused → running (or scheduled if it never fired). Fire times that passed while paused are not made up:
   * the next fire time is the first after now. Runs with deliveries still waiting are handed to dispatch again.
   */
  async resume(id: number, who: Principal): Promise<Campaign> {
    await this.apply(id, 'resume', who, async (c, now, m) => {
      const [fired] = await m.query(`SELECT 1 FROM campaign_runs WHERE campaign_id = $1 LIMIT 1`, [id]);
      const next = firstFireFrom(c, now);
      await this.repo.setStatus(id, fired ? 'running' : 'scheduled', next, m);
      return { nextFireAt: next?.toISOString() ?? null };
    });
    for (const runId of await this.repo.runsWithWaitingDeliveries(id)) {
      // A fresh job id per resume: an earlier dispatch job of the run may still be kept in Redis.
      await this.dispatch.add('dispatch-run', { runId }, { jobId: `dispatch-${runId}-resume-${Date.now()}` });
    }
    return this.get(id);
  }

  /** Cancels the campaign, its open runs and every delivery not yet handed to a gateway, in one transaction. */
  async cancel(id: number, who: Principal): Promise<Campaign> {
    await this.apply(id, 'cancel', who, async (_c, now, m) => {
      await this.repo.setStatus(id, 'cancelled', null, m);
      return this.repo.cancelOpenWork(id, now, m);
    });
    return this.get(id);
  }

  private async get(id: number): Promise<Campaign> {
    return (await this.repo.find(id))!.campaign;
  }
}
