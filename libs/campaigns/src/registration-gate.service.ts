import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { APP_CONFIG, AppConfig } from '@loa/core';
import { longestUnitNameWithin } from '@loa/templates';
import { campaignRegistrationProblems, RegistrationCheck, RegistrationTemplateRow } from './campaign-registrations';
import { ChannelStep } from './campaign.types';

/** Loads what `campaignRegistrationProblems` needs: the campaign's templates and the longest unit name of its area. */
@Injectable()
export class RegistrationGateService {
  constructor(
    private readonly ds: DataSource,
    @Inject(APP_CONFIG) private readonly cfg: AppConfig,
  ) {}

  /** `unitId`: the campaign's unit; its subtree is where the longest unit name is taken from (null: everywhere). */
  async check(
    channels: ChannelStep[],
    carriers: string[],
    brandname: string,
    unitId: number | null,
  ): Promise<RegistrationCheck> {
    const templates: RegistrationTemplateRow[] = await this.ds.query(
      `SELECT id, channel, body, unaccented, zns_template_id AS "znsTemplateId", zns_params AS "znsParams",
              registrations
         FROM templates WHERE id = ANY($1::int[])`,
      [channels.map((c) => c.templateId)],
    );
    const ctx = {
      publicBaseUrl: this.cfg.api.publicBaseUrl,
      linkCodeLength: this.cfg.links.codeLength,
      longestUnitName: await longestUnitNameWithin(this.ds, unitId),
    };
    return campaignRegistrationProblems(this.cfg, channels, templates, carriers, ctx, brandname);
  }
}
