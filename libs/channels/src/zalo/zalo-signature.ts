import { createHash } from 'node:crypto';

/** Zalo webhook mac: sha256 hex of app_id + raw body + timestamp + OA secret key. */
export function zaloMac(appId: string, rawBody: Buffer | string, timestamp: string, oaSecretKey: string): string {
  return createHash('sha256').update(appId).update(rawBody).update(timestamp).update(oaSecretKey).digest('hex');
}
