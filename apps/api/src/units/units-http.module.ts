import { Module } from '@nestjs/common';
import { UnitsModule } from '@loa/units';
import { UploadsModule } from '../subscribers/upload.options';
import { UnitsController } from './units.controller';

/** Administrative units over HTTP. */
@Module({ imports: [UnitsModule, UploadsModule], controllers: [UnitsController] })
export class UnitsHttpModule {}
