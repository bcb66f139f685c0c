/**
 * The age bands of the supply–demand grid: roughly the stages of school in Flanders and
 * the Netherlands (pre-school, the three pairs of primary grades, lower and upper
 * secondary, adults). A listing counts in every band its age range overlaps: a request
 * for pupils of 8 to 10 is demand in 6–8 and in 9–11.
 */
export const AGE_BANDS = [
  { id: '0-5', min: 0, max: 5 },
  { id: '6-8', min: 6, max: 8 },
  { id: '9-11', min: 9, max: 11 },
  { id: '12-14', min: 12, max: 14 },
  { id: '15-17', min: 15, max: 17 },
  { id: '18+', min: 18, max: Number.POSITIVE_INFINITY },
] as const;

export type AgeBandId = (typeof AGE_BANDS)[number]['id'];

export const AGE_BAND_IDS: AgeBandId[] = AGE_BANDS.map((b) => b.id);

/** The bands an age range overlaps (both ends inclusive), youngest first; none for a range upside down. */
export function bandsOf(ageMin: number, ageMax: number): AgeBandId[] {
  return AGE_BANDS.filter((band) => ageMin <= band.max && ageMax >= band.min).map((band) => band.id);
}
