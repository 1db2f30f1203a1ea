import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Job } from 'bullmq';
import { JobPayloads, QueueName } from '@loa/core';
import { ReportApplierService } from './report-applier.service';
import { Batcher } from './report-batcher';

/**
 * `apply-report` jobs. High concurrency on purpose: jobs only wait on the batcher, which applies the reports of
 * many concurrent jobs in one transaction. An already-applied report is skipped by the applier, so redelivered
 * jobs are harmless.
 */
@Processor(QueueName.Reports, { concurrency: 200 })
export class ReportApplyProcessor extends WorkerHost {
  private readonly batcher: Batcher<string>;

  constructor(applier: ReportApplierService) {
    super();
    this.batcher = new Batcher((ids) => applier.apply(ids));
  }

  async process(job: Job<JobPayloads['apply-report']>): Promise<void> {
    await this.batcher.add(job.data.reportId);
  }
}
