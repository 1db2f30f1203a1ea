import { BadRequestException, Inject, Injectable, NotFoundException } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { APP_CONFIG, AppConfig } from '@loa/core';
import { assertWithin, AuditService, Principal, unitScopeSql } from '@loa/access';
import { EstimateContext, estimateLongestSms, estimateLongestZns, SmsEstimate, ZnsEstimate } from './estimate';
import { templateBodyProblems, TemplateVars, renderTemplate } from './render';
import { smsInfo, SmsInfo } from './sms-info';
import { renderZnsParams, ZNS_CONTENT_LIMIT, ZnsParamMapping, znsMappingProblems } from './zns';

export type TemplateChannel = 'sms' | 'zns';

export interface TemplateInput {
  name: string;
  channel: TemplateChannel;
  /** SMS text; for ZNS an optional local copy of the approved content (previews and the 400-character check). */
  body?: string | null;
  unaccented?: boolean;
  znsTemplateId?: string | null;
  znsParams?: ZnsParamMapping | null;
  unitId?: number | null;
}

export interface Template {
  id: number;
  name: string;
  channel: TemplateChannel;
  body: string | null;
  unaccented: boolean;
  znsTemplateId: string | null;
  znsParams: ZnsParamMapping | null;
  unitId: number | null;
  createdAt: Date;
  updatedAt: Date;
}

export type TemplateEstimate = ({ channel: 'sms' } & SmsEstimate) | ({ channel: 'zns' } & ZnsEstimate);

export interface TemplatePreview {
  /** The template rendered with the sample values (given ones, else defaults). */
  sample: string | Record<string, string>;
  sampleInfo: SmsInfo | null;
  longest: TemplateEstimate;
  warnings: string[];
}

const COLUMNS = `t.id, t.name, t.channel, t.body, t.unaccented, t.zns_template_id AS "znsTemplateId",
  t.zns_params AS "znsParams", t.unit_id AS "unitId", t.created_at AS "createdAt", t.updated_at AS "updatedAt"`;

/** Values a preview uses where the caller gave none. */
export const SAMPLE_VARS: TemplateVars = {
  name: 'Nguyễn Văn An',
  unit: 'Xã Tân Lễ',
  brandname: 'SOTTTT',
  phone_last4: '5678',
};

/** Drops undefined members: a DTO instance carries every declared property, even those not sent. */
function defined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}

type FieldProblems = { field: string; problems: string[] }[];

function badRequest(problems: FieldProblems): BadRequestException {
  return new BadRequestException({
    statusCode: 400,
    error: 'Bad Request',
    message: `Invalid request: ${problems.map((p) => `${p.field}: ${p.problems.join(', ')}`).join('; ')}`,
    fields: problems,
  });
}

/** Message templates: validated on save (placeholders, ZNS mapping, limits), previewed with their longest cost. */
@Injectable()
export class TemplatesService {
  constructor(
    private readonly ds: DataSource,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly cfg: AppConfig,
  ) {}

  /** Lengths used by the longest-rendering estimate: the configured link and the longest unit name in the DB. */
  async estimateContext(): Promise<EstimateContext> {
    const [row] = await this.ds.query(`SELECT name FROM units ORDER BY length(name) DESC LIMIT 1`);
    return {
      publicBaseUrl: this.cfg.api.publicBaseUrl,
      linkCodeLength: this.cfg.links.codeLength,
      longestUnitName: row?.name,
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

  async create(who: Principal, input: TemplateInput): Promise<Template & { longest: TemplateEstimate }> {
    const t = this.normalise(input);
    const longest = await this.check(t);
    const unitId = await this.checkOwner(who, input.unitId === undefined ? who.unitId : input.unitId);
    return this.ds.transaction(async (m) => {
      const [row] = await m.query(
        `INSERT INTO templates (name, channel, body, unaccented, zns_template_id, zns_params, unit_id)
         VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
        [t.name, t.channel, t.body, t.unaccented, t.znsTemplateId, t.znsParams && JSON.stringify(t.znsParams), unitId],
      );
      const saved = await this.get(who, row.id, m);
      await this.audit.record(who, 'create', 'template', row.id, { ...saved }, m);
      return { ...saved, longest };
    });
  }

  async update(
    who: Principal,
    id: number,
    patch: Partial<TemplateInput>,
  ): Promise<Template & { longest: TemplateEstimate }> {
    return this.ds.transaction(async (m) => {
      const current = await this.get(who, id, m);
      const t = this.normalise({ ...current, ...defined(patch) } as TemplateInput);
      const longest = await this.check(t);
      const unitId = patch.unitId === undefined ? current.unitId : await this.checkOwner(who, patch.unitId);
      await m.query(
        `UPDATE templates SET name = $2, channel = $3, body = $4, unaccented = $5, zns_template_id = $6, zns_params = $7,
                unit_id = $8, updated_at = now() WHERE id = $1`,
        [
          id,
          t.name,
          t.channel,
          t.body,
          t.unaccented,
          t.znsTemplateId,
          t.znsParams && JSON.stringify(t.znsParams),
          unitId,
        ],
      );
      const saved = await this.get(who, id, m);
      await this.audit.record(who, 'update', 'template', id, { before: current, after: saved }, m);
      return { ...saved, longest };
    });
  }

  async remove(who: Principal, id: number): Promise<void> {
    await this.ds.transaction(async (m) => {
      const current = await this.get(who, id, m);
      await m.query(`DELETE FROM templates WHERE id = $1`, [id]);
      await this.audit.record(who, 'delete', 'template', id, { before: current }, m);
    });
  }

  /** Renders a sample and measures the longest rendering, without saving anything. */
  async preview(input: Omit<TemplateInput, 'name' | 'unitId'>, vars: TemplateVars = {}): Promise<TemplatePreview> {
    const t = this.normalise({ ...input, name: 'preview' });
    const longest = await this.check(t);
    const ctx = await this.estimateContext();
    const filled: TemplateVars = {
      ...SAMPLE_VARS,
      link: `${ctx.publicBaseUrl.replace(/\/+$/, '')}/r/${'A'.repeat(ctx.linkCodeLength)}`,
      link_code: 'A'.repeat(ctx.linkCodeLength),
      ...defined(vars),
    };
    if (t.channel === 'sms') {
      const sample = renderTemplate(t.body!, filled, { unaccented: t.unaccented });
      return { sample, sampleInfo: smsInfo(sample), longest, warnings: longest.warnings };
    }
    return { sample: renderZnsParams(t.znsParams!, filled), sampleInfo: null, longest, warnings: longest.warnings };
  }

  private normalise(i: TemplateInput): Required<Omit<TemplateInput, 'unitId'>> {
    return {
      name: i.name,
      channel: i.channel,
      body: i.body ?? null,
      unaccented: i.unaccented ?? true,
      znsTemplateId: i.channel === 'zns' ? (i.znsTemplateId ?? null) : null,
      znsParams: i.channel === 'zns' ? (i.znsParams ?? null) : null,
    };
  }

  /** Every problem at once, each naming its field; returns the longest-rendering estimate when valid. */
  private async check(t: Required<Omit<TemplateInput, 'unitId'>>): Promise<TemplateEstimate> {
    const problems: FieldProblems = [];
    const add = (field: string, list: string[]) => list.length && problems.push({ field, problems: list });
    if (t.channel === 'sms') {
      if (!t.body?.trim()) add('body', ['an SMS template needs a body']);
      else add('body', templateBodyProblems(t.body));
    } else {
      if (!t.znsTemplateId) add('znsTemplateId', ['a ZNS template needs the template id Zalo issued']);
      if (!t.znsParams) add('znsParams', ['a ZNS template needs its params mapping']);
      else add('znsParams', znsMappingProblems(t.znsParams));
      if (t.body) add('body', templateBodyProblems(t.body));
    }
    if (problems.length) throw badRequest(problems);
    const ctx = await this.estimateContext();
    if (t.channel === 'sms') return { channel: 'sms', ...estimateLongestSms(t.body!, t.unaccented, ctx) };
    const zns = estimateLongestZns(t.znsParams!, t.body, ctx);
    if (zns.characters > ZNS_CONTENT_LIMIT) {
      throw badRequest([
        {
          field: t.body ? 'body' : 'znsParams',
          problems: [`longest content is ${zns.characters} characters; Zalo allows ${ZNS_CONTENT_LIMIT}`],
        },
      ]);
    }
    return { channel: 'zns', ...zns };
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
