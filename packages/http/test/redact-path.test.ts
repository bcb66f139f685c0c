import { redactPath } from '../src/app';

describe('redactPath', () => {
  it('hides answer-link and sign-in tokens and keeps ids readable', () => {
    expect(redactPath('/answers/eyJtIjoiYSIsInMiOiJzY2hvb2wifQ.c2lnbmF0dXJlLXNpZ25hdHVyZQ')).toBe('/answers/:token');
    expect(redactPath(`/auth/exchange/${'A'.repeat(43)}`)).toBe('/auth/exchange/:token');
    expect(redactPath('/proposals/req-0001-x%3A%3Aoff-0002-x/approve')).toBe('/proposals/req-0001-x%3A%3Aoff-0002-x/approve');
    expect(redactPath('/offers/load-f1-off-12')).toBe('/offers/load-f1-off-12');
    expect(redactPath('/')).toBe('/');
  });
});
