import { Type } from '@nestjs/common';
import { createKeyCommand } from './access.commands';
import { CliCommand } from './commands';

/** Every CLI command, and the domain modules they need. */
export const COMMANDS: CliCommand[] = [createKeyCommand];
export const CLI_DOMAIN_MODULES: Type[] = [];
