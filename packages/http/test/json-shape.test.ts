import { jsonShapeProblem } from '../src/json-shape';

const bytes = (text: string) => Buffer.from(text, 'utf8');
const limits = { depth: 12, values: 5000 };

describe('jsonShapeProblem', () => {
  it('passes listings and anything within the limits', () => {
    const offer = {
      title: 'Toneel [1], {2}',
      provider: { id: 'p', name: 'A "quoted" \\ name, with commas' },
      audience: { ageMin: 9, ageMax: 12 },
      disciplines: ['theatre', 'music'],
    };
    expect(jsonShapeProblem(bytes(JSON.stringify(offer)), limits)).toBeUndefined();
    expect(jsonShapeProblem(bytes(`${'['.repeat(12)}${']'.repeat(12)}`), limits)).toBeUndefined();
    expect(jsonShapeProblem(bytes(`[${Array(4999).fill('1').join(',')}]`), limits)).toBeUndefined();
  });

  it('refuses deep and wide bodies without parsing them', () => {
    expect(jsonShapeProblem(bytes(`${'['.repeat(13)}${']'.repeat(13)}`), limits)).toMatch(/nested more than 12/);
    expect(jsonShapeProblem(bytes(`${'['.repeat(20_000)}1${']'.repeat(20_000)}`), limits)).toMatch(/nested/);
    expect(jsonShapeProblem(bytes(`[${Array(40_000).fill('1').join(',')}]`), limits)).toMatch(/more than 5000 values/);
    expect(jsonShapeProblem(bytes(`{${Array.from({ length: 9000 }, (_, i) => `"k${i}":1`).join(',')}}`), limits)).toMatch(/values/);
  });

  it('does not count brackets, commas or escaped quotes inside strings', () => {
    const text = JSON.stringify({ note: `${'[{'.repeat(50)} ${','.repeat(6000)} \\" é 😀` });
    expect(jsonShapeProblem(bytes(text), limits)).toBeUndefined();
  });
});
