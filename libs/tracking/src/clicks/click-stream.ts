import { AppConfig, redisKey } from '@loa/core';

/** The Redis stream clicks are appended to before the redirect answers, and its consumer group. */
export const clickStreamKey = (cfg: AppConfig) => redisKey(cfg, 'clicks');
export const CLICK_WRITERS = 'writers';

/** One click as it travels through the stream (flat string fields). */
export interface ClickEntry {
  d: string; // delivery id
  c: string; // campaign id
  r: string; // run id
  s: string; // subscriber id
  at: string; // epoch ms
  p: string; // platform
  k: string; // ua class
  ua: string;
  ip: string; // hash
}
