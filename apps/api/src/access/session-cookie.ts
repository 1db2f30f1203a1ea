import type { Response } from 'express';
import { SESSION_COOKIE, SESSION_HOURS } from '@loa/access';
import { AppConfig } from '@loa/core';

/** Gives the browser its session id: HttpOnly (no script reads it), SameSite=Strict, Secure behind https. */
export function setSessionCookie(res: Response, token: string, cfg: AppConfig): void {
  res.cookie(SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'strict',
    secure: cfg.api.publicBaseUrl.startsWith('https:'),
    path: '/',
    maxAge: SESSION_HOURS * 3_600_000,
  });
}

export function clearSessionCookie(res: Response): void {
  res.clearCookie(SESSION_COOKIE, { path: '/' });
}
