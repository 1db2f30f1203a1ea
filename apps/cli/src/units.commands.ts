import { readFileSync } from 'node:fs';
import { DataSource } from 'typeorm';
import { DemoSeedService, UnitImportError, UnitsService } from '@loa/units';
import { APP_CONFIG, AppConfig } from '@loa/core';
import { seedDemoSubscribers } from '@loa/subscribers';
import { seedDemoTemplates } from '@loa/templates';
import { CliCommand } from './commands';

export const seedDemoCommand: CliCommand = {
  name: 'seed-demo',
  usage: 'seed-demo [--subscribers <per commune, default 25; 0 for none>]',
  async run(ctx, args) {
    const units = await ctx.get(DemoSeedService).seedUnits();
    console.log(`Units: ${units.inserted} inserted, ${units.updated} updated, ${units.unchanged} unchanged.`);
    const per = Number(args.subscribers ?? 25);
    if (!Number.isInteger(per) || per < 0) throw new Error('--subscribers must be a whole number ≥ 0');
    if (per > 0) {
      const added = await seedDemoSubscribers(ctx.get(DataSource), per);
      console.log(`Demo subscribers: ${added} added (tagged "demo").`);
    }
    const t = await seedDemoTemplates(ctx.get(DataSource), ctx.get<AppConfig>(APP_CONFIG).gateways);
    console.log(
      `Demo templates: ${t.inserted.length ? `${t.inserted.join(', ')} inserted` : 'already there'}; ` +
        `the SMS reminder is registered at ${t.registeredAt.join(', ') || 'no configured gateway'}.`,
    );
  },
};

export const importUnitsCommand: CliCommand = {
  name: 'import-units',
  usage: 'import-units <file.csv>   (columns code,name,level,parent_code; upsert by code)',
  async run(ctx, args) {
    const file = args._0;
    if (!file) throw new Error('Give the CSV file: import-units <file.csv>');
    try {
      const r = await ctx.get(UnitsService).importCsv(readFileSync(file));
      console.log(`Units: ${r.inserted} inserted, ${r.updated} updated, ${r.unchanged} unchanged.`);
    } catch (e) {
      if (e instanceof UnitImportError) throw new Error(`${file} refused:\n  ${e.problems.join('\n  ')}`);
      throw e;
    }
  },
};
