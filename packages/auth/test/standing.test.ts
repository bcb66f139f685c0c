import { rememberedStanding } from '../src/standing';

describe('rememberedStanding', () => {
  it('asks again for a good standing after ttl, never again once withdrawn', async () => {
    let clock = 0;
    const answers = new Map([
      ['org-a', true],
      ['org-b', false],
    ]);
    const asked: string[] = [];
    const standing = rememberedStanding(
      async (id) => {
        asked.push(id);
        return answers.get(id) ?? true;
      },
      1000,
      () => clock,
    );

    expect(await standing('org-a')).toBe(true);
    expect(await standing('org-a')).toBe(true);
    expect(asked).toEqual(['org-a']);

    answers.set('org-a', false); // withdrawn meanwhile: seen once the good standing has expired
    clock = 999;
    expect(await standing('org-a')).toBe(true);
    clock = 1000;
    expect(await standing('org-a')).toBe(false);

    answers.set('org-a', true); // a withdrawal is final: not asked again
    clock = 5000;
    expect(await standing('org-a')).toBe(false);
    expect(await standing('org-b')).toBe(false);
    expect(await standing('org-b')).toBe(false);
    expect(asked).toEqual(['org-a', 'org-a', 'org-b']);
  });
});
