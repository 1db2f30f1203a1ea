import { MulterModule } from '@nestjs/platform-express';
import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { APP_CONFIG, AppConfig } from '@loa/core';

/** Uploads go to a temp file (never memory), limited to `api.uploadLimitMb`; one file per request. */
export const UploadsModule = MulterModule.registerAsync({
  inject: [APP_CONFIG],
  useFactory: (cfg: AppConfig) => {
    const dest = join(tmpdir(), 'loa-uploads');
    mkdirSync(dest, { recursive: true });
    return { dest, limits: { fileSize: cfg.api.uploadLimitMb * 1024 * 1024, files: 1 } };
  },
});

/** Swagger body of a multipart upload with one CSV `file` and optional text fields. */
export function uploadSchema(fields: Record<string, string> = {}) {
  return {
    schema: {
      type: 'object',
      required: ['file'],
      properties: {
        file: { type: 'string', format: 'binary', description: 'CSV, UTF-8' },
        ...Object.fromEntries(Object.entries(fields).map(([k, d]) => [k, { type: 'string', description: d }])),
      },
    },
  };
}

/** What multer's disk storage hands over (the fields we use). */
export interface UploadedCsv {
  path: string;
  originalname: string;
  size: number;
}
