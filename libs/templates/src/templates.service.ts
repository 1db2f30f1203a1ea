import { Inject, Injectable, NotFoundException } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { APP_CONFIG, AppConfig } from '@loa/core';
import { assertWithin, AuditService, Principal, unitScopeSql } from '@loa/access';
import { EstimateContext } from './estimate';
import { longestUnitNameWithin } from './longest-unit-name';
import { TemplateVars, renderTemplate } from './render';
import { TemplateRegistrations } from './registrations';
import { smsInfo, SmsInfo } from './sms-info';
import {
  badRequest,
  checkTemplate,
  mismatchedRegistrations,
  NormalisedTemplate,
  normaliseTemplate,
  TemplateChannel,
  TemplateEstimate,
  TemplateInput,
} from './template-checks';
import { sampleVars } from './template-renderings';
import { renderZnsParams, ZnsParamMapping } from './zns';

export interface Template {
  id: number;
  name: string;
  channel: TemplateChannel;
  body: string | null;
  unaccented: boolean;
  znsTemplateId: string | null;
  znsParams: ZnsParamMapping | null;
  registrations: TemplateRegistrations;
  unitId: number | null;
  createdAt: Date;
  updatedAt: Date;
}

/** A saved template, its longest rendering, and registrations that would not deliver what it renders. */
export type SavedTemplate = Template & { longest: TemplateEstimate; registrationProblems: string[] };

export interface TemplatePreview {
  /** The template rendered with the sample values (given ones, else defaults). */
  sample: string | Record<string, string>;
  sampleInfo: SmsInfo | null;
  longest: TemplateEstimate;
  warnings: string[];
  /** Registrations given that would not deliver what the template renders (sample or longest values). */
  registrationProblems: string[];
}

const COLUMNS = `t.id, t.name, t.channel, t.body, t.unaccented, t.zns_template_id AS "znsTemplateId",
  t.zns_params AS "znsParams", t.registrations, t.unit_id AS "unitId", t.created_at AS "createdAt",
  t.updated_at AS "updatedAt"`;

/** Drops undefined members: a DTO instance carries every declared property, even those not sent. */
function defined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/** Message templates: validated on save (placeholders, ZNS mapping, limits), previewed with their longest cost. */
@Injectable()
export class TemplatesService {
  constructor(
    private readonly ds: DataSource,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly cfg: AppConfig,
  ) {}

  /**
   * Lengths used by the longest-rendering estimate: the configured link and the longest unit name of the area the
   * template serves (its owner unit's subtree; for a preview, the caller's).
   */
  async estimateContext(unitId: number | null): Promise<EstimateContext> {
    return {
      publicBaseUrl: this.cfg.api.publicBaseUrl,
      linkCodeLength: this.cfg.links.codeLength,
      longestUnitName: await longestUnitNameWithin(this.ds, unitId),
    };
  }

  async list(who: Principal): Promise<Template[]> {
    const params: unknown[] = [];
    return this.ds.query(
      `SELECT ${COLUMNS} FROM templates t WHERE ${unitScopeSql(who, 't.unit_id', params)} ORDER BY t.id`,
      params,
    );
  }

  async get(who: Principal, id: number, manager: EntityManager = this.ds.manager): Promise<Template> {
    const [row] = await manager.query(
      `SELECT ${COLUMNS}, u.path FROM templates t LEFT JOIN units u ON u.id = t.unit_id WHERE t.id = $1`,
      [id],
    );
    if (!row) throw new NotFoundException(`Template ${id} does not exist`);
    assertWithin(who, row.path, `Template ${id}`);
    delete row.path;
    return row;
  }

  async create(who: Principal, input: TemplateInput): Promise<SavedTemplate> {
    const t = normaliseTemplate(input);
    const unitId = await this.checkOwner(who, input.unitId === undefined ? who.unitId : input.unitId);
    const checked = await this.check(t, unitId);
    return this.ds.transaction(async (m) => {
      const [row] = await m.query(
        `INSERT INTO templates (name, channel, body, unaccented, zns_template_id, zns_params, registrations, unit_id)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
        [...this.columns(t), unitId],
      );
      const saved = await this.get(who, row.id, m);
      await this.audit.record(who, 'create', 'template', row.id, { ...saved }, m);
      return { ...saved, ...checked };
    });
  }

  async update(who: Principal, id: number, patch: Partial<TemplateInput>): Promise<SavedTemplate> {
    return this.ds.transaction(async (m) => {
      const current = await this.get(who, id, m);
      const t = normaliseTemplate({ ...current, ...defined(patch) } as TemplateInput);
      const unitId = patch.unitId === undefined ? current.unitId : await this.checkOwner(who, patch.unitId);
      const checked = await this.check(t, unitId);
      await m.query(
        `UPDATE templates SET name = $2, channel = $3, body = $4, unaccented = $5, zns_template_id = $6, zns_params = $7,
                registrations = $8, unit_id = $9, updated_at = now() WHERE id = $1`,
        [id, ...this.columns(t), unitId],
      );
      const saved = await this.get(who, id, m);
      await this.audit.record(who, 'update', 'template', id, { before: current, after: saved }, m);
      return { ...saved, ...checked };
    });
  }

  async remove(who: Principal, id: number): Promise<void> {
    await this.ds.transaction(async (m) => {
      const current = await this.get(who, id, m);
      await m.query(`DELETE FROM templates WHERE id = $1`, [id]);
      await this.audit.record(who, 'delete', 'template', id, { before: current }, m);
    });
  }

  /** Renders a sample and measures the longest rendering for the caller's area, without saving anything. */
  async preview(
    who: Principal,
    input: Omit<TemplateInput, 'name' | 'unitId'>,
    vars: TemplateVars = {},
  ): Promise<TemplatePreview> {
    const t = normaliseTemplate({ ...input, name: 'preview' });
    const { longest, registrationProblems } = await this.check(t, who.unitId);
    const filled = sampleVars(await this.estimateContext(who.unitId), defined(vars));
    const warnings = longest.warnings;
    if (t.channel === 'sms') {
      const sample = renderTemplate(t.body!, filled, { unaccented: t.unaccented });
      return { sample, sampleInfo: smsInfo(sample), longest, warnings, registrationProblems };
    }
    const sample = renderZnsParams(t.znsParams!, filled);
    return { sample, sampleInfo: null, longest, warnings, registrationProblems };
  }

  /** 400 with every field problem, else the longest rendering and the registrations that do not match it. */
  private async check(
    t: NormalisedTemplate,
    unitId: number | null,
  ): Promise<Pick<SavedTemplate, 'longest' | 'registrationProblems'>> {
    const ctx = await this.estimateContext(unitId);
    const longest = checkTemplate(t, this.cfg.gateways, ctx);
    return { longest, registrationProblems: mismatchedRegistrations(t, this.cfg.gateways, ctx) };
  }

  private columns(t: NormalisedTemplate): unknown[] {
    const json = (v: object | null) => v && JSON.stringify(v);
    return [t.name, t.channel, t.body, t.unaccented, t.znsTemplateId, json(t.znsParams), json(t.registrations)];
  }

  private async checkOwner(who: Principal, unitId: number | null): Promise<number | null> {
    if (unitId === null) {
      assertWithin(who, null, 'A national template');
      return null;
    }
    const [unit] = await this.ds.query(`SELECT path FROM units WHERE id = $1`, [unitId]);
    if (!unit) throw badRequest([{ field: 'unitId', problems: [`unknown unit id: ${unitId}`] }]);
    assertWithin(who, unit.path, 'The template owner unit');
    return unitId;
  }
}
