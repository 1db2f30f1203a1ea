import { DynamicModule, Module, Type } from '@nestjs/common';
import { AppConfig, CoreModule } from '@loa/core';
import { AccessModule } from '@loa/access';

/** Operator commands: the core plus whichever domain modules the commands need (no HTTP, no queue consumers). */
@Module({})
export class CliModule {
  static forRoot(config: AppConfig, domainModules: Type[]): DynamicModule {
    return { module: CliModule, imports: [CoreModule.forRoot(config), AccessModule, ...domainModules] };
  }
}
