import { Global, Module } from '@nestjs/common';
import { ApiKeysService } from './api-keys.service';
import { AuditService } from './audit.service';

/** API keys and the audit log. The HTTP guard is registered by the api app (the worker has no HTTP). */
@Global()
@Module({ providers: [ApiKeysService, AuditService], exports: [ApiKeysService, AuditService] })
export class AccessModule {}
