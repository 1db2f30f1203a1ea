import {
  BadRequestException,
  CallHandler,
  ExecutionContext,
  HttpException,
  Inject,
  Injectable,
  NestInterceptor,
  PayloadTooLargeException,
  SetMetadata,
  UnsupportedMediaTypeException,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { parse as parseForm } from 'node:querystring';
import { PUBLIC_KEY } from '@loa/access';
import { APP_CONFIG, AppConfig } from '@loa/core';
import { BodyTooLarge, BodyUnreadable, byteLimit, hasBody, readBody } from './request-body';

const BULK_KEY = 'loa:bulk-body';

/** The route takes lists of up to 100,000 numbers in JSON: its body may reach `api.bulkBodyLimit`. */
export const BulkBody = () => SetMetadata(BULK_KEY, true);

type BodyRequest = Request & { rawBody?: Buffer };

const mediaType = (req: Request) => (req.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
const isJson = (type: string) => type === 'application/json' || type.endsWith('+json');
const FORM = 'application/x-www-form-urlencoded';

function parseJson(text: string): unknown {
  // As body-parser's `strict`: an object or a list, never a bare "abc" or 12.
  if (!/^[\s]*[[{]/.test(text)) throw new BadRequestException('The JSON body must be an object or a list');
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new BadRequestException(`The body is not valid JSON: ${(e as Error).message}`);
  }
}

/**
 * Reads and parses JSON and form bodies. It is an interceptor, not Express middleware, so that it runs after the
 * guard: a request without a valid key is refused from its headers and its body is never kept (Node discards the
 * rest). Multipart uploads are left to multer (FileInterceptor, also after the guard); any other media type on
 * an authenticated route is a 415. Public routes (webhooks) get their raw bytes as `req.rawBody` for signatures.
 */
@Injectable()
export class BodyParsingInterceptor implements NestInterceptor {
  private readonly limit: number;
  private readonly bulkLimit: number;

  constructor(
    private readonly reflector: Reflector,
    @Inject(APP_CONFIG) cfg: AppConfig,
  ) {
    this.limit = byteLimit(cfg.api.bodyLimit);
    this.bulkLimit = byteLimit(cfg.api.bulkBodyLimit);
  }

  async intercept(ctx: ExecutionContext, next: CallHandler) {
    if (ctx.getType() !== 'http') return next.handle();
    const req = ctx.switchToHttp().getRequest<BodyRequest>();
    if (req.body !== undefined || !hasBody(req)) return next.handle();
    const targets = [ctx.getHandler(), ctx.getClass()];
    const type = mediaType(req);
    const isPublic = this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets);
    if (!isJson(type) && type !== FORM) {
      if (type === 'multipart/form-data' || isPublic) {
        return next.handle();
      }
      throw new UnsupportedMediaTypeException(
        `Unsupported Content-Type "${type || '(none)'}": send application/json (or a multipart upload where a file is expected)`,
      );
    }
    const charset = /;\s*charset=("?)([^";]+)\1/i.exec(req.headers['content-type'] ?? '')?.[2].toLowerCase();
    if (charset && charset !== 'utf-8' && charset !== 'utf8') {
      throw new UnsupportedMediaTypeException(`Unsupported charset "${charset}": send UTF-8`);
    }
    const limit = this.reflector.getAllAndOverride<boolean>(BULK_KEY, targets) ? this.bulkLimit : this.limit;
    let raw: Buffer | undefined;
    try {
      raw = await readBody(req, limit);
    } catch (e) {
      if (e instanceof BodyTooLarge) throw new PayloadTooLargeException(e.message);
      if (e instanceof BodyUnreadable) throw new HttpException(e.message, e.status);
      throw new BadRequestException(`The body could not be read: ${(e as Error).message}`);
    }
    if (isPublic) req.rawBody = raw; // webhooks: signatures are over the exact bytes
    const text = raw?.toString('utf8') ?? '';
    req.body = !text ? {} : isJson(type) ? parseJson(text) : { ...parseForm(text) };
    return next.handle();
  }
}
