export type ClickPlatform = 'android' | 'ios' | 'other';
export type UaClass = 'human' | 'preview' | 'bot';

/**
 * Link-preview fetchers: chat apps fetch a link as soon as it is pasted or received, before (or without) any
 * person tapping it. Recorded, never counted as people.
 */
const PREVIEW =
  /facebookexternalhit|facebookcatalog|meta-externalagent|zalo[\s/-]?(preview|link|bot|crawler)|zalobot|whatsapp|telegrambot|slackbot|slack-imgproxy|twitterbot|discordbot|linkedinbot|skypeuripreview|viber|line-poker|embedly|iframely|pinterest|redditbot|applebot|google-?(pagerenderer|read-aloud)|snapchat/i;

/** Crawlers, scanners, HTTP libraries and monitoring: not people either. */
const BOT =
  /bot\b|bot\/|crawler|spider|preview|fetch|scan|slurp|curl|wget|python-requests|python-urllib|aiohttp|httpx|go-http-client|java\/|okhttp|libwww|node-fetch|undici|axios|postman|headless|phantomjs|lighthouse|pingdom|uptime|monitor|bingpreview|yandex|baidu|semrush|ahrefs|mj12|dotbot|petalbot|bytespider|gptbot|ccbot|safebrowsing|virustotal|urlscan/i;

/** Tells people from robots, and Android from iOS, from a User-Agent header (missing UA = a robot). */
export function classifyUserAgent(ua: string | undefined): { platform: ClickPlatform; uaClass: UaClass } {
  const s = ua ?? '';
  const platform: ClickPlatform = /android/i.test(s)
    ? 'android'
    : /iphone|ipad|ipod|ios\b|cfnetwork/i.test(s)
      ? 'ios'
      : 'other';
  const uaClass: UaClass = !s.trim() ? 'bot' : PREVIEW.test(s) ? 'preview' : BOT.test(s) ? 'bot' : 'human';
  return { platform, uaClass };
}
