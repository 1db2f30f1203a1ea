import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { APP_CONFIG, AppConfig } from '@loa/core';
import { campaignRegistrationProblems, RegistrationCheck, RegistrationTemplateRow } from './campaign-registrations';
import { ChannelStep } from './campaign.types';

/** Loads what `campaignRegistrationProblems` needs: the campaign's templates and the longest unit name. */
@Injectable()
export class RegistrationGateService {
  constructor(
    private readonly ds: DataSource,
    @Inject(APP_CONFIG) private readonly cfg: AppConfig,
  ) {}

  async check(channels: ChannelStep[], carriers: string[], brandname: string): Promise<RegistrationCheck> {
    const templates: RegistrationTemplateRow[] = await this.ds.query(
      `SELECT id, channel, body, unaccented, zns_template_id AS "znsTemplateId", zns_params AS "znsParams",
              registrations
         FROM templates WHERE id = ANY($1::int[])`,
      [channels.map((c) => c.templateId)],
    );
    const [longest] = await this.ds.query(`SELECT name FROM units ORDER BY length(name) DESC LIMIT 1`);
    const ctx = {
      publicBaseUrl: this.cfg.api.publicBaseUrl,
      linkCodeLength: this.cfg.links.codeLength,
      longestUnitName: longest?.name,
    };
    return campaignRegistrationProblems(this.cfg, channels, templates, carriers, ctx, brandname);
  }
}
