import { classifyUserAgent } from './user-agent';

describe('classifyUserAgent', () => {
  it.each([
    [
      'Mozilla/5.0 (Linux; Android 10; SM-A505F) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/86.0 Mobile Safari/537.36',
      'android',
      'human',
    ],
    [
      'Mozilla/5.0 (iPhone; CPU iPhone OS 14_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/14.0 Mobile/15E148 Safari/604.1',
      'ios',
      'human',
    ],
    [
      'Mozilla/5.0 (Linux; Android 11; Redmi Note 8) AppleWebKit/537.36 Chrome/90 Mobile Safari/537.36 Zalo android/12100',
      'android',
      'human',
    ],
    ['Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 Chrome/120 Safari/537.36', 'other', 'human'],
    ['facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)', 'other', 'preview'],
    ['Mozilla/5.0 (compatible; Zalo-Preview/1.0)', 'other', 'preview'],
    ['ZaloBot/1.0', 'other', 'preview'],
    ['WhatsApp/2.23.20.0 A', 'other', 'preview'],
    ['TelegramBot (like TwitterBot)', 'other', 'preview'],
    ['Slackbot-LinkExpanding 1.0 (+https://api.slack.com/robots)', 'other', 'preview'],
    ['Twitterbot/1.0', 'other', 'preview'],
    ['Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)', 'other', 'bot'],
    ['curl/8.5.0', 'other', 'bot'],
    ['Wget/1.21', 'other', 'bot'],
    ['python-requests/2.31', 'other', 'bot'],
    ['Mozilla/5.0 (compatible; SomeCrawler/1.0)', 'other', 'bot'],
    ['Mozilla/5.0 (Linux; Android 10) HeadlessChrome/120', 'android', 'bot'],
    ['', 'other', 'bot'],
    [undefined, 'other', 'bot'],
  ])('%s → %s / %s', (ua, platform, uaClass) => {
    expect(classifyUserAgent(ua)).toEqual({ platform, uaClass });
  });
});
