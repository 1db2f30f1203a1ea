import { Module } from '@nestjs/common';
import { DemoSeedService } from './seed/demo-seed.service';
import { UnitsService } from './units.service';

@Module({ providers: [UnitsService, DemoSeedService], exports: [UnitsService, DemoSeedService] })
export class UnitsModule {}
