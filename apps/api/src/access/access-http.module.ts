import { Module } from '@nestjs/common';
import { UnitsModule } from '@loa/units';
import { ApiKeysController } from './api-keys.controller';
import { SessionController } from './session.controller';

@Module({ imports: [UnitsModule], controllers: [ApiKeysController, SessionController] })
export class AccessHttpModule {}
