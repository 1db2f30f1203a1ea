import { INestApplication } from '@nestjs/common';
import { NestExpressApplication } from '@nestjs/platform-express';
import type { NextFunction, Request, Response } from 'express';
import { existsSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';

/** Where the staff console is served; its own routes (pages) live below it. */
export const CONSOLE_PATH = '/console';

/**
 * dist/console, built by `npm run build` (vite). This file runs from apps/api/src/console (tests, ts sources) or
 * from dist/apps/api/src/console (built): four levels up is the repository or dist/ itself.
 */
export function consoleDir(from = __dirname): string {
  const up = resolve(from, '..', '..', '..', '..');
  return basename(up) === 'dist' ? join(up, 'console') : join(up, 'dist', 'console');
}

const notBuilt = (dir: string) => `<!doctype html>
<html lang="vi"><head><meta charset="utf-8"><title>Loa: console not built</title></head>
<body><main><h1>Bảng điều khiển chưa được build / The console is not built</h1>
<p>Chạy <code>npm run build</code> rồi khởi động lại api. / Run <code>npm run build</code>, then restart the api.</p>
<p>(${dir}/index.html is missing.)</p></main></body></html>`;

/**
 * Serves the console's static files at /console (hashed assets cached for a year, index.html never), and
 * index.html for every other path below it so that the browser's router shows the page. `/` leads to it. Files
 * missing (not built): a 404 page that says which command builds them; the api itself runs on.
 */
export function mountConsole(app: INestApplication, dir = consoleDir()): void {
  const index = join(dir, 'index.html');
  const express = app as NestExpressApplication;
  express.useStaticAssets(join(dir, 'assets'), {
    prefix: `${CONSOLE_PATH}/assets/`,
    immutable: true,
    maxAge: '365d',
    fallthrough: true,
  });
  express.use((req: Request, res: Response, next: NextFunction) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return next();
    if (req.path === '/') return res.redirect(302, `${CONSOLE_PATH}/`);
    if (req.path !== CONSOLE_PATH && !req.path.startsWith(`${CONSOLE_PATH}/`)) return next();
    if (req.path === CONSOLE_PATH) return res.redirect(301, `${CONSOLE_PATH}/`);
    if (!existsSync(index)) return res.status(404).type('html').send(notBuilt(dir));
    if (req.path.startsWith(`${CONSOLE_PATH}/assets/`)) return res.status(404).type('text').send('No such file');
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(index);
  });
}
