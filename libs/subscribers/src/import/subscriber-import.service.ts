import {
  BadRequestException,
  ConflictException,
  Inject,
  Injectable,
  Logger,
  NotFoundException,
  OnApplicationBootstrap,
} from '@nestjs/common';
import { unlink } from 'node:fs/promises';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { APP_CONFIG, AppConfig } from '@loa/core';
import { AuditService, Principal, assertWithin } from '@loa/access';
import { ImportCancelled, ImportCounts, ImportJob, runSubscriberImport } from './import.pipeline';
import { ImportFileError } from '@loa/core';
import { IMPORT_LOCK_CLASS, ImportView, ImportsRepository } from './imports.repository';

export interface StartImport {
  path: string;
  filename: string;
  unitCode?: string;
  tags?: string[];
}

/**
 * Subscriber CSV imports, processed in the background of the api process. Each running import holds a session
 * advisory lock on its own connection: if the process dies, PostgreSQL drops the lock, and the next start (of any
 * api process) marks imports that are 'pending'/'running' but unlocked as failed, instead of 'running' forever.
 */
@Injectable()
export class SubscriberImportService implements OnApplicationBootstrap {
  private readonly log = new Logger('SubscriberImport');

  constructor(
    private readonly ds: DataSource,
    private readonly repo: ImportsRepository,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly cfg: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    try {
      const stale = await this.repo.failAbandoned();
      if (stale.length) this.log.warn(`marked interrupted imports as failed: ${stale.join(', ')}`);
    } catch (e) {
      this.log.error(`could not check for interrupted imports: ${(e as Error).message}`);
    }
  }

  /**
   * Registers the import and starts processing it; resolves once it is registered (its id), with `done` settling
   * when processing ends (never rejects: the outcome is in the import row). The uploaded file is deleted at the end.
   */
  async start(input: StartImport, who: Principal): Promise<{ id: number; done: Promise<ImportView> }> {
    let unitId: number | null = null;
    try {
      if (input.unitCode) {
        const [unit] = await this.ds.query(`SELECT id, path FROM units WHERE code = $1`, [input.unitCode]);
        if (!unit) throw new BadRequestException(`unitCode: no unit with code ${input.unitCode}`);
        assertWithin(who, unit.path, `Unit ${input.unitCode}`);
        unitId = unit.id;
      }
    } catch (e) {
      await unlink(input.path).catch(() => undefined);
      throw e;
    }
    const client = new Client({ connectionString: this.cfg.database.url, application_name: 'loa-import' });
    // A backend terminated while this client waits between statements must not kill the process: the next
    // statement on it fails with the error instead, and the caller handles that.
    client.on('error', () => undefined);
    await client.connect();
    let id: number;
    try {
      // The row becomes visible already locked (session lock taken inside the inserting transaction), so a
      // sweep by another process can never mistake it for an abandoned import. The lock is held for the whole
      // run on this connection and released by PostgreSQL if the process dies.
      await client.query('BEGIN');
      const { rows } = await client.query(
        `INSERT INTO imports (kind, status, filename, unit_id, api_key_id) VALUES ('subscribers', 'pending', $1, $2, $3)
         RETURNING id`,
        [input.filename.slice(0, 255), unitId, who.keyId],
      );
      id = Number(rows[0].id);
      await client.query(`SELECT pg_advisory_lock($1, $2)`, [IMPORT_LOCK_CLASS, id]);
      await client.query('COMMIT');
      await this.audit.record(who, 'import', 'subscribers', id, {
        filename: input.filename,
        unitCode: input.unitCode ?? null,
        tags: input.tags ?? [],
      });
    } catch (e) {
      await client.end().catch(() => undefined);
      await unlink(input.path).catch(() => undefined);
      throw e;
    }
    const job: ImportJob = {
      id,
      path: input.path,
      defaultUnitCode: input.unitCode ?? null,
      tags: input.tags ?? [],
      scopePath: who.unitPath,
    };
    const done = this.run(client, job).finally(async () => {
      await client.end().catch(() => undefined);
      await unlink(input.path).catch(() => undefined);
    });
    return { id, done: done.then(async () => (await this.repo.view(id))!) };
  }

  private async run(client: Client, job: ImportJob): Promise<ImportCounts | null> {
    try {
      if (!(await this.repo.markRunning(job.id))) return null; // cancelled before it started
      const counts = await runSubscriberImport(client, job, (p) => this.repo.progress(job.id, p));
      this.log.log(`import ${job.id}: ${JSON.stringify(counts)}`);
      return counts;
    } catch (e) {
      if (e instanceof ImportCancelled) return null;
      const message = e instanceof ImportFileError ? e.message : `Import failed: ${(e as Error).message}`;
      if (!(e instanceof ImportFileError)) this.log.error(`import ${job.id} failed: ${(e as Error).stack}`);
      await this.repo.markFailed(job.id, message).catch(() => undefined);
      return null;
    }
  }

  async view(id: number, who: Principal): Promise<ImportView> {
    const v = await this.repo.view(id);
    this.assertVisible(v, who, id);
    return v;
  }

  async cancel(id: number, who: Principal): Promise<ImportView> {
    this.assertVisible(await this.repo.view(id), who, id);
    if (!(await this.repo.cancel(id))) {
      const v = (await this.repo.view(id))!;
      throw new ConflictException(
        `Import ${id} is already ${v.status}; only pending or running imports can be cancelled`,
      );
    }
    await this.audit.record(who, 'cancel', 'import', id);
    return (await this.repo.view(id))!;
  }

  /** Imports are visible to their own key, and to any unscoped key. */
  assertVisible(v: ImportView | null, who: Principal, id = v?.id): asserts v is ImportView {
    if (!v || (who.unitPath !== null && v.apiKeyId !== who.keyId))
      throw new NotFoundException(`Import ${id} does not exist`);
  }
}
