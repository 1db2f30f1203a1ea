import { Module } from '@nestjs/common';
import { CsvExportService } from './csv-export.service';
import { ImportsRepository } from './import/imports.repository';
import { SubscriberImportService } from './import/subscriber-import.service';
import { SubscribersService } from './subscribers.service';
import { SuppressionService } from './suppression.service';

const SERVICES = [SubscribersService, SuppressionService, SubscriberImportService, ImportsRepository, CsvExportService];

/** Subscribers, their imports, the DNC list and carrier overrides (no HTTP here: controllers live in apps/api). */
@Module({ providers: SERVICES, exports: SERVICES })
export class SubscribersModule {}
