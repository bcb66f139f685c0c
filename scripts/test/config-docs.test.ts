import { readFileSync } from 'node:fs';
import { CONFIGURATION_DOC, configurationDoc } from '../config-docs';

/** The configuration reference is generated from the schemas (issue #12: the hand-kept table missed required variables). */
describe('docs/configuration.md', () => {
  it("is what the services' env schemas say (else: npm run --silent docs:config)", () => {
    expect(readFileSync(CONFIGURATION_DOC, 'utf8')).toBe(configurationDoc());
  });

  it('names every variable a service reads, required secrets marked', () => {
    const doc = configurationDoc();
    for (const variable of [
      'ANSWER_LINK_SECRET',
      'REVIEW_PUBLIC_URL',
      'MAIL_MAX_ATTEMPTS',
      'SIGNIN_LINK_KEY',
      'KAFKA_MAX_COMPACTION_LAG_MS',
    ])
      expect(doc).toContain(`| \`${variable}\` |`);
    expect(doc).toMatch(/\| `AUTH_TOKEN_SECRET` \| \*\*required\*\* \|/);
  });
});
