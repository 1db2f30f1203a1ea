import { ConflictException, BadRequestException, Inject, Injectable, NotFoundException } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { APP_CONFIG, AppConfig } from '@loa/core';
import { assertWithin, AuditService, Principal, unitScopeSql } from '@loa/access';
import { assertCanApply } from './campaign-status';
import { Campaign, CampaignInput, CampaignRun } from './campaign.types';
import { campaignToInput, FieldProblem, resolveCampaignInput } from './campaign-input';
import { CampaignFields, CampaignsRepository } from './campaigns.repository';

/** A 400 in the same shape as the global validation pipe's: every field problem at once. */
export function badInput(fields: FieldProblem[]): BadRequestException {
  return new BadRequestException({
    statusCode: 400,
    error: 'Bad Request',
    message: `Invalid request: ${fields.map((f) => `${f.field}: ${f.problems.join(', ')}`).join('; ')}`,
    fields,
  });
}

/** Campaign CRUD: validation, references, unit scope and audit. State changes are in CampaignLifecycleService. */
@Injectable()
export class CampaignsService {
  constructor(
    private readonly ds: DataSource,
    private readonly repo: CampaignsRepository,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly cfg: AppConfig,
  ) {}

  /** Validates an input completely (shape rules done by the DTO) and resolves it to storable fields. */
  async resolve(input: CampaignInput, who: Principal): Promise<CampaignFields> {
    const { fields, problems } = resolveCampaignInput(input, this.cfg.campaignDefaults);
    fields.unitId = fields.unitId ?? who.unitId;
    problems.push(...(await this.referenceProblems(fields, who)));
    if (problems.length) throw badInput(problems);
    return fields;
  }

  private async referenceProblems(f: CampaignFields, who: Principal): Promise<FieldProblem[]> {
    const problems: FieldProblem[] = [];
    if (f.unitId !== null) {
      const [unit] = await this.ds.query(`SELECT path FROM units WHERE id = $1`, [f.unitId]);
      if (!unit) problems.push({ field: 'unitId', problems: [`unit ${f.unitId} does not exist`] });
      else assertWithin(who, unit.path, `Unit ${f.unitId}`);
    }
    const [seg] = await this.ds.query(
      `SELECT s.id, u.path FROM segments s LEFT JOIN units u ON u.id = s.unit_id WHERE s.id = $1`,
      [f.segmentId],
    );
    if (!seg) problems.push({ field: 'segmentId', problems: [`segment ${f.segmentId} does not exist`] });
    else assertWithin(who, seg.path, `Segment ${f.segmentId}`);

    const ids = f.channels.map((c) => c.templateId);
    const templates: { id: number; channel: string; path: string | null; unit_id: number | null }[] = ids.length
      ? await this.ds.query(
          `SELECT t.id, t.channel, t.unit_id, u.path FROM templates t LEFT JOIN units u ON u.id = t.unit_id
            WHERE t.id = ANY($1::int[])`,
          [ids],
        )
      : [];
    f.channels.forEach((step, n) => {
      const t = templates.find((x) => x.id === step.templateId);
      const field = `channels[${n}].templateId`;
      if (!t) problems.push({ field, problems: [`template ${step.templateId} does not exist`] });
      else if (t.channel !== step.channel) {
        problems.push({ field, problems: [`template ${t.id} is a ${t.channel} template, not ${step.channel}`] });
      } else if (t.unit_id !== null) assertWithin(who, t.path, `Template ${t.id}`);
    });
    return problems;
  }

  async create(input: CampaignInput, who: Principal): Promise<Campaign> {
    const fields = await this.resolve(input, who);
    return this.ds.transaction(async (m) => {
      const c = await this.repo.insert(fields, m);
      await this.audit.record(who, 'create', 'campaign', c.id, { name: c.name, segmentId: c.segmentId }, m);
      return c;
    });
  }

  /** Loads a campaign the principal may see, or 404 (outside the scope counts as absent for reads too). */
  async get(id: number, who: Principal): Promise<Campaign> {
    const found = await this.repo.find(id);
    if (!found) throw new NotFoundException(`Campaign ${id} does not exist`);
    assertWithin(who, found.unitPath, `Campaign ${id}`);
    return found.campaign;
  }

  list(who: Principal, status?: string, limit?: number, offset?: number): Promise<Campaign[]> {
    const params: unknown[] = [];
    return this.repo.list(unitScopeSql(who, 'c.unit_id', params), params, status, limit, offset);
  }

  async update(id: number, patch: Partial<CampaignInput>, who: Principal): Promise<Campaign> {
    const current = await this.get(id, who);
    const merged = { ...campaignToInput(current), ...patch };
    // Giving one kind of schedule replaces the other.
    if (patch.scheduleCron) merged.runAt = patch.runAt ?? null;
    if (patch.runAt) merged.scheduleCron = patch.scheduleCron ?? null;
    const fields = await this.resolve(merged, who);
    return this.ds.transaction(async (m) => {
      const locked = await this.repo.find(id, m, true);
      if (!locked) throw new NotFoundException(`Campaign ${id} does not exist`);
      assertCanApply('edit', locked.campaign.status, id);
      const targets = (['targetUrl', 'targetAndroid', 'targetIos'] as const).filter(
        (k) => fields[k] !== locked.campaign[k],
      );
      if (targets.length) {
        const [sent] = await m.query(
          `SELECT 1 FROM deliveries WHERE campaign_id = $1 AND sent_at IS NOT NULL LIMIT 1`,
          [id],
        );
        // People already hold short links to the old target: the campaign's links are fixed once anything was sent.
        if (sent) {
          throw new ConflictException(
            `Campaign ${id} has already sent links to ${targets.map((k) => `${k} ${locked.campaign[k]}`).join(', ')}: ` +
              'they cannot be changed now (create a new campaign for a new target)',
          );
        }
      }
      const c = await this.repo.update(id, fields, m);
      const moved = Object.fromEntries(targets.map((k) => [k, { from: locked.campaign[k], to: fields[k] }]));
      await this.audit.record(who, 'update', 'campaign', id, { changed: Object.keys(patch), ...moved }, m);
      return c;
    });
  }

  async delete(id: number, who: Principal): Promise<void> {
    await this.get(id, who);
    await this.ds.transaction(async (m) => {
      const locked = await this.repo.find(id, m, true);
      if (!locked) throw new NotFoundException(`Campaign ${id} does not exist`);
      assertCanApply('delete', locked.campaign.status, id);
      await this.repo.delete(id, m);
      await this.audit.record(who, 'delete', 'campaign', id, { name: locked.campaign.name }, m);
    });
  }

  async runs(id: number, who: Principal, limit = 100, before?: string): Promise<CampaignRun[]> {
    await this.get(id, who);
    return this.repo.runs(id, limit, before);
  }

  async run(runId: string, who: Principal): Promise<CampaignRun> {
    const run = await this.repo.run(runId);
    if (!run) throw new NotFoundException(`Run ${runId} does not exist`);
    await this.get(run.campaignId, who);
    return run;
  }
}
