import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Job } from 'bullmq';
import { JobPayloads, QueueName } from '@loa/core';
import { FanoutService } from './fanout.service';

/** Consumes `fanout-run` jobs. The payload is only the run id; the run's state in PostgreSQL says what is left. */
@Processor(QueueName.Fanout, { concurrency: 2 })
export class FanoutProcessor extends WorkerHost {
  constructor(private readonly fanout: FanoutService) {
    super();
  }

  async process(job: Job<JobPayloads['fanout-run']>): Promise<string> {
    return this.fanout.fanOut(job.data.runId);
  }
}
