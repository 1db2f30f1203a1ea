import { targetUrlProblem } from './campaign-input';

const HOSTS = ['bluezone.gov.vn', 'play.google.com'];

describe('targetUrlProblem: a campaign link leads only to an allowed https host', () => {
  it.each([
    ['https://bluezone.gov.vn/taiapp', null],
    ['https://play.google.com/store/apps/details?id=com.mic.bluezone', null],
    ['http://bluezone.gov.vn/taiapp', 'must be an https:// URL'],
    ['ftp://bluezone.gov.vn/taiapp', 'must be an https:// URL'],
    ['https://user:pw@bluezone.gov.vn/', 'must not carry a user name or password'],
    ['https://bluezone.gov.vn@evil.example/', 'must not carry a user name or password'],
    ['https://bluezone.gov.vn.evil.example/taiapp', 'host "bluezone.gov.vn.evil.example" is not one of'],
    ['https://bluezone-gov.vn/taiapp', 'host "bluezone-gov.vn" is not one of'],
    ['https://xn--bluezne-4ya.gov.vn/', 'host "xn--bluezne-4ya.gov.vn" is not one of'],
    ['bluezone.gov.vn/taiapp', 'must be an absolute URL'],
  ])('%s', (url, problem) => {
    const got = targetUrlProblem(url, HOSTS);
    if (problem === null) expect(got).toBeNull();
    else expect(got).toContain(problem);
  });
});
