import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Job } from 'bullmq';
import { JobPayloads, QueueName } from '@loa/core';
import { ReportApplierService } from './report-applier.service';
import { Batcher } from './report-batcher';

type ReportJob =
  | Job<JobPayloads['apply-reports'], unknown, 'apply-reports'>
  | Job<JobPayloads['apply-report'], unknown, 'apply-report'>;

/**
 * Report application jobs. `apply-reports` carries the reports of one inbox batch (up to 500) and is applied in
 * one transaction. `apply-report` (one report: jobs queued by earlier versions) waits on a batcher that applies
 * the reports of many concurrent jobs in one transaction, hence the high concurrency. An already-applied report
 * is skipped by the applier, so redelivered jobs are harmless.
 */
@Processor(QueueName.Reports, { concurrency: 200 })
export class ReportApplyProcessor extends WorkerHost {
  private readonly batcher: Batcher<string>;

  constructor(private readonly applier: ReportApplierService) {
    super();
    this.batcher = new Batcher((ids) => applier.apply(ids));
  }

  async process(job: ReportJob): Promise<void> {
    if (job.name === 'apply-reports') await this.applier.apply((job.data as JobPayloads['apply-reports']).reportIds);
    else await this.batcher.add((job.data as JobPayloads['apply-report']).reportId);
  }
}
