import { Module } from '@nestjs/common';

/** Administrative units over HTTP (placeholder until its domain lands) */
@Module({})
export class UnitsHttpModule {}
