import { INestApplication, Type } from '@nestjs/common';
import { ModulesContainer } from '@nestjs/core';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { PUBLIC_KEY } from '@loa/access';
import { ErrorResponse } from './common.responses';

/** The name of the security scheme: an API key, sent as a bearer token. */
export const API_KEY_SCHEME = 'apiKey';
/** A browser session (signing in on a page); the guard accepts it for reads only. */
export const SESSION_SCHEME = 'session';

/** `unitsList` for UnitsController.list: stable, and a valid identifier for generated clients. */
export function operationId(controller: string, method: string): string {
  const base = controller.replace(/Controller$/, '');
  return `${base[0].toLowerCase()}${base.slice(1)}${method[0].toUpperCase()}${method.slice(1)}`;
}

/** operationIds of the routes the guard lets through without a key (`@Public()` on the method or the class). */
function publicOperations(app: INestApplication): Set<string> {
  const ids = new Set<string>();
  for (const mod of app.get(ModulesContainer).values()) {
    for (const wrapper of mod.controllers.values()) {
      const ctrl = wrapper.metatype as Type | null;
      if (!ctrl) continue;
      const classPublic = Reflect.getMetadata(PUBLIC_KEY, ctrl) === true;
      for (const name of Object.getOwnPropertyNames(ctrl.prototype)) {
        const handler = (ctrl.prototype as Record<string, unknown>)[name];
        if (name === 'constructor' || typeof handler !== 'function') continue;
        const own = Reflect.getMetadata(PUBLIC_KEY, handler) as boolean | undefined;
        if (own ?? classPublic) ids.add(operationId(ctrl.name, name));
      }
    }
  }
  return ids;
}

/** A numeric path parameter: an id (`@IdParam()`); 2^31 − 1 for most tables, 2^53 − 1 for the bigserial ones. */
const INTEGER_ID = { type: 'integer', minimum: 1 };

type Ref = { $ref: string };
const errorAnswer = (description: string, schema: Ref) => ({
  description,
  content: { 'application/json': { schema } },
});

/**
 * The 4xx every input can earn: 400 where there are parameters or a body; 413 and 415 where there is a body
 * (the limits of BodyParsingInterceptor and multer).
 */
function inputErrors(op: { parameters?: object[]; requestBody?: { content?: Record<string, unknown> } }, schema: Ref) {
  const out: Record<string, object> = {};
  if (op.parameters?.length || op.requestBody) {
    out['400'] = errorAnswer(
      'Invalid input: the message and `fields` name each field or parameter at fault (an id out of range, a day ' +
        'that does not exist, a NUL character, JSON nested deeper than 32 levels or not JSON at all)',
      schema,
    );
  }
  if (op.requestBody) {
    out['413'] = errorAnswer(
      'The body is larger than its limit: `api.bodyLimit` (256 kB by default) for JSON, `api.bulkBodyLimit` (8 MB) ' +
        'for the lists of POST /installs and POST /dnc, `api.uploadLimitMb` for an uploaded file',
      schema,
    );
    out['415'] = errorAnswer('The body is not JSON (nor a multipart upload where a file is expected)', schema);
  }
  return out;
}

/**
 * The OpenAPI document of /api/docs-json: every operation with its responses (the DTO classes' schemas), an error
 * body for every failure, integer ids, and the API-key scheme required everywhere except on the public routes
 * (health, metrics, click redirects, gateway webhooks), which declare `security: []`.
 */
export function buildOpenApiDocument(app: INestApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('Loa')
    .setDescription(
      'Bluezone reminder campaigns over carrier SMS gateways and Zalo ZNS. Authenticate with an API key ' +
        '(`loa_<prefix>_<secret>`, from `npm run cli -- create-key` or POST /api/v1/api-keys) sent as ' +
        '`Authorization: Bearer <key>`. Dates are ISO 8601 instants; days (`from`, `to`) are Vietnam dates ' +
        '(Asia/Ho_Chi_Minh, UTC+7), `YYYY-MM-DD`.',
    )
    .setVersion('1')
    .addBearerAuth(
      {
        type: 'http',
        scheme: 'bearer',
        bearerFormat: 'loa_<prefix>_<secret>',
        description: 'A Loa API key (not a JWT), sent as `Authorization: Bearer loa_<prefix>_<secret>`.',
      },
      API_KEY_SCHEME,
    )
    .addCookieAuth(
      'loa_session',
      {
        type: 'apiKey',
        in: 'cookie',
        description:
          'A browser session id (`ls_…`), set HttpOnly by signing in with an API key on /dashboard/login; ' +
          'accepted for reads, and for changes only with the console header `X-Loa-Console: 1` from this origin, ' +
          'so that a cross-site form can change nothing.',
      },
      SESSION_SCHEME,
    )
    .addSecurityRequirements(API_KEY_SCHEME)
    .build();
  const doc = SwaggerModule.createDocument(app, config, {
    operationIdFactory: operationId,
    extraModels: [ErrorResponse],
  });
  const open = publicOperations(app);
  const error = { $ref: '#/components/schemas/ErrorResponse' };
  for (const item of Object.values(doc.paths)) {
    for (const [method, op] of Object.entries(item) as [
      string,
      {
        operationId?: string;
        security?: unknown;
        responses?: object;
        parameters?: object[];
        requestBody?: { content?: Record<string, unknown> };
      },
    ][]) {
      if (!op || typeof op !== 'object' || !('responses' in op)) continue;
      if (op.operationId && open.has(op.operationId)) op.security = [];
      else if (method === 'get') op.security = [{ [API_KEY_SCHEME]: [] }, { [SESSION_SCHEME]: [] }];
      // Numeric path parameters go through ParseIntPipe: integers (ids), which the reflected `number` does not say.
      for (const p of op.parameters ?? []) {
        const schema = (p as { schema?: { type?: string } }).schema;
        if ((p as { in?: string }).in === 'path' && schema?.type === 'number') Object.assign(schema, INTEGER_ID);
      }
      op.responses = {
        ...inputErrors(op, error),
        ...op.responses,
        default: {
          description: 'An error: status, message and, for a 400, the fields at fault',
          content: { 'application/json': { schema: error } },
        },
      };
    }
  }
  return doc;
}
