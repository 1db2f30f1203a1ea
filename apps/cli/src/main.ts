import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { DataSource } from 'typeorm';
import { ConfigError, dataSourceOptions, loadConfig, migrateUnderLock } from '@loa/core';
import { CliModule } from './cli.module';
import { CLI_DOMAIN_MODULES, COMMANDS } from './cli.commands';
import { parseArgs } from './commands';

function usage(): string {
  return ['Usage: npm run cli -- <command> [options]', '  migrate', ...COMMANDS.map((c) => `  ${c.usage}`)].join('\n');
}

async function main(): Promise<void> {
  const [name, ...rest] = process.argv.slice(2);
  const config = loadConfig();
  if (name === 'migrate') {
    const ds = await new DataSource(dataSourceOptions(config)).initialize();
    const applied = await migrateUnderLock(ds);
    console.log(applied.length ? `Applied: ${applied.join(', ')}` : 'Database is up to date.');
    await ds.destroy();
    return;
  }
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) {
    console.error(name ? `Unknown command "${name}".\n${usage()}` : usage());
    process.exit(2);
  }
  const ctx = await NestFactory.createApplicationContext(CliModule.forRoot(config, CLI_DOMAIN_MODULES), {
    logger: ['error', 'warn'],
  });
  try {
    await ctx.init();
    await command.run(ctx, parseArgs(rest));
  } finally {
    await ctx.close();
  }
}

main().catch((e) => {
  console.error(e instanceof ConfigError ? e.message : `Error: ${(e as Error).message}`);
  process.exit(1);
});
