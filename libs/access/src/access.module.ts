import { Global, Module } from '@nestjs/common';
import { ApiKeysService } from './api-keys.service';
import { AuditService } from './audit.service';
import { CredentialCache } from './credentials/credential-cache';
import { RequestCredentials } from './credentials/request-credentials';
import { SessionsService } from './credentials/sessions.service';

const PROVIDERS = [ApiKeysService, SessionsService, CredentialCache, RequestCredentials, AuditService];

/** API keys, sessions and the audit log. The HTTP guard is registered by the api app (the worker has no HTTP). */
@Global()
@Module({ providers: PROVIDERS, exports: PROVIDERS })
export class AccessModule {}
