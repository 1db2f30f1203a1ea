import { Type } from '@nestjs/common';
import { createKeyCommand } from './access.commands';
import { CliCommand } from './commands';
import { UnitsModule } from '@loa/units';
import { importUnitsCommand, seedDemoCommand } from './units.commands';

/** Every CLI command, and the domain modules they need. */
export const COMMANDS: CliCommand[] = [createKeyCommand, seedDemoCommand, importUnitsCommand];
export const CLI_DOMAIN_MODULES: Type[] = [UnitsModule];
