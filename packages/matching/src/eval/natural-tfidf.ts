/**
 * natural's TfIdf, loaded by file path (the package root pulls in database
 * adapters and dotenv, which prints on stdout). Used by the baselines and the
 * brute-force scan of the benchmark.
 */
export interface NaturalTfIdf {
  addDocument(text: string | string[], key?: string): void;
  tfidfs(text: string | string[], callback?: (i: number, measure: number, key?: string) => void): number[];
  tfidf(terms: string | string[], index: number): number;
}

// eslint-disable-next-line @typescript-eslint/no-require-imports
const TfIdf = require('natural/lib/natural/tfidf/tfidf') as new () => NaturalTfIdf;

export function newTfIdf(): NaturalTfIdf {
  return new TfIdf();
}
