import { DISCIPLINES, FORMATS, LANGUAGES, type Offer } from '@koppel/contracts';
import {
  agesFromGradeText,
  type Bm25Params,
  DEFAULT_MATCHING_CONFIG,
  detectLanguage,
  GeoGrid,
  haversineKmOf,
  InvertedIndex,
  analyseText,
  normaliseText,
  THEME_TERM_PREFIX,
} from '@koppel/matching';
import { cardOf, type OfferCard } from './card';
import { PageHeap } from './page-heap';
import type { CatalogueQuery, CatalogueSort, InclusionFlag } from './query';
import { type WordGroup, wordGroupsOf } from './text-query';
import { TitleOrder } from './title-order';

export interface CatalogueHit {
  offer: OfferCard;
  /** BM25 of the search words (rounded to 4 decimals); only when the search has words. */
  score?: number;
  /** Great-circle km from lat/lon to the offer's place (1 decimal); only when the search has lat/lon. */
  distanceKm?: number;
}

export interface CatalogueResult {
  /** Offers matching the whole search (every page). */
  total: number;
  page: number;
  pageSize: number;
  items: CatalogueHit[];
}

export interface Catalogue {
  /** Inserts the offer, or replaces the one with its id. The catalogue keeps the object: do not mutate it afterwards. */
  put(offer: Offer): void;
  /** Removes the offer with this id; a no-op when there is none. */
  remove(offerId: string): void;
  size(): number;
  get(offerId: string): Offer | undefined;
  search(query: CatalogueQuery): CatalogueResult;
}

export interface CatalogueOptions {
  /** BM25 parameters; default the matching engine's. */
  bm25?: Bm25Params;
  /** A title word counts this many description words; default the matching engine's. */
  titleWeight?: number;
  /** Weight of a taxonomy theme term in an offer; default the matching engine's. */
  themeWeight?: number;
  /**
   * How searches without words find their candidates: `selective` (default) walks the
   * smallest of the per-discipline/format/language/flag slot sets and the geo grid;
   * `scan` checks every offer. `scan` exists to measure what the sets buy (bench --plan scan).
   */
  plan?: 'selective' | 'scan';
}

/** Bits of the per-offer flag column. */
const FREE = 1;
const SOCIAL = 2;
const FLAG_BITS: Record<InclusionFlag, number> = { newcomerClasses: 4, specialNeeds: 8, wheelchairAccess: 16, languageSupport: 32 };
const FLAG_COUNT = 6;

const DISCIPLINE_BIT = new Map<string, number>(DISCIPLINES.map((d, i) => [d, 1 << i]));
const FORMAT_INDEX = new Map<string, number>(FORMATS.map((f, i) => [f, i]));
const LANGUAGE_INDEX = new Map<string, number>(LANGUAGES.map((l, i) => [l, i]));

const KM_PER_DEGREE_LAT = 111.2;
const EARTH_RADIUS_KM = 6371;
const RADIANS = Math.PI / 180;
/** Chords within this relative margin of the km limit are decided by haversine itself. */
const CHORD_MARGIN = 1e-9;
/** Coarse cells that only count offers, to estimate how many the geo grid would visit. */
const COARSE_LAT = 0.2;
const COARSE_LON = 0.3;

const round = (x: number, decimals: number): number => Math.round(x * 10 ** decimals) / 10 ** decimals;

/** The filters of one search, as numbers the per-offer check reads. */
interface Plan {
  groups: WordGroup[];
  /** -1: no age filter. */
  age: number;
  /** Audience must overlap [gradeMin, gradeMax]; -1: no grade filter. */
  gradeMin: number;
  gradeMax: number;
  maxPrice: number;
  disciplineMask: number;
  formatMask: number;
  languageMask: number;
  requiredFlags: number;
  /** NaN without lat/lon. */
  lat: number;
  lon: number;
  /** The point on the unit sphere (see `x`, `y`, `z` of the catalogue). */
  x: number;
  y: number;
  z: number;
  /** Infinity without km. */
  km: number;
  /** Squared chord of km, and the band around it where haversine decides. */
  chord2Low: number;
  chord2High: number;
  sort: CatalogueSort;
}

/** The catalogue: see README.md. Pure: offers in, pages of result cards out. */
export function createCatalogue(options: CatalogueOptions = {}): Catalogue {
  return new OfferCatalogue(options);
}

class OfferCatalogue implements Catalogue {
  private readonly index: InvertedIndex;
  private readonly titleWeight: number;
  private readonly themeWeight: number;
  private readonly scanOnly: boolean;
  private readonly offers: Array<Offer | undefined> = [];
  private readonly slotOf = new Map<string, number>();
  private readonly freeSlots: number[] = [];
  private readonly titleKeys: string[] = [];
  private readonly titles: TitleOrder;
  // Per-slot columns the filters read.
  private alive = new Uint8Array(1024);
  private ageMin = new Uint8Array(1024);
  private ageMax = new Uint8Array(1024);
  private price = new Float64Array(1024);
  private lat = new Float64Array(1024);
  private lon = new Float64Array(1024);
  /**
   * The place on the unit sphere. The squared chord between two such points grows with
   * the haversine distance (haversine's h is chord²/4), so the km filter and the
   * distance sort compare chords: no trigonometry per offer and per search.
   */
  private x = new Float64Array(1024);
  private y = new Float64Array(1024);
  private z = new Float64Array(1024);
  private disciplineMask = new Uint16Array(1024);
  private formatBit = new Uint8Array(1024);
  private languageBit = new Uint8Array(1024);
  private flags = new Uint8Array(1024);
  // Candidate sources for searches without words.
  private readonly byDiscipline = DISCIPLINES.map(() => new Set<number>());
  private readonly byFormat = FORMATS.map(() => new Set<number>());
  private readonly byLanguage = LANGUAGES.map(() => new Set<number>());
  private readonly byFlag = Array.from({ length: FLAG_COUNT }, () => new Set<number>());
  private readonly grid = new GeoGrid();
  private readonly coarseCounts = new Map<number, number>();
  // Per-search scratch.
  private stamp = new Int32Array(1024);
  private hits = new Uint8Array(1024);
  private scores = new Float64Array(1024);
  private touched = new Int32Array(1024);
  private queryStamp = 0;
  private readonly heap = new PageHeap();

  constructor(options: CatalogueOptions) {
    this.index = new InvertedIndex(options.bm25 ?? DEFAULT_MATCHING_CONFIG.bm25);
    this.titleWeight = options.titleWeight ?? DEFAULT_MATCHING_CONFIG.text.titleWeight;
    this.themeWeight = options.themeWeight ?? DEFAULT_MATCHING_CONFIG.text.themeWeight;
    this.scanOnly = options.plan === 'scan';
    this.titles = new TitleOrder(
      (slot) => this.titleKeys[slot],
      (slot) => this.offers[slot]!.id,
      (slot) => this.alive[slot] === 1,
    );
  }

  size(): number {
    return this.slotOf.size;
  }

  get(offerId: string): Offer | undefined {
    const slot = this.slotOf.get(offerId);
    return slot === undefined ? undefined : this.offers[slot];
  }

  put(offer: Offer): void {
    // Analysed as the matching engine analyses offers (features.ts): language detected from the text.
    const text = analyseText(offer.title, offer.description, {
      language: detectLanguage(`${offer.title} ${offer.description}`),
      titleWeight: this.titleWeight,
      themeWeight: this.themeWeight,
    });
    // Declared disciplines count as a mention of their discipline theme: "muziek" finds every music offer.
    for (const d of offer.disciplines) {
      const term = THEME_TERM_PREFIX + d;
      if (!text.termWeights.has(term)) text.termWeights.set(term, 0.5 * this.themeWeight);
    }
    this.remove(offer.id);
    const slot = this.freeSlots.pop() ?? this.offers.length;
    this.ensureCapacity(slot + 1);
    this.offers[slot] = offer;
    this.slotOf.set(offer.id, slot);
    this.titleKeys[slot] = normaliseText(offer.title).trim();
    this.index.add(slot, text.termWeights);

    this.alive[slot] = 1;
    this.ageMin[slot] = Math.min(255, offer.audience.ageMin);
    this.ageMax[slot] = Math.min(255, offer.audience.ageMax);
    this.price[slot] = offer.pricePerPupil;
    this.lat[slot] = offer.location.lat;
    this.lon[slot] = offer.location.lon;
    const latR = offer.location.lat * RADIANS;
    const lonR = offer.location.lon * RADIANS;
    this.x[slot] = Math.cos(latR) * Math.cos(lonR);
    this.y[slot] = Math.cos(latR) * Math.sin(lonR);
    this.z[slot] = Math.sin(latR);
    let mask = 0;
    for (const d of offer.disciplines) {
      mask |= DISCIPLINE_BIT.get(d)!;
      this.byDiscipline[DISCIPLINES.indexOf(d)].add(slot);
    }
    this.disciplineMask[slot] = mask;
    const format = FORMAT_INDEX.get(offer.format)!;
    this.formatBit[slot] = 1 << format;
    this.byFormat[format].add(slot);
    const language = LANGUAGE_INDEX.get(offer.language)!;
    this.languageBit[slot] = 1 << language;
    this.byLanguage[language].add(slot);
    const flags = flagsOf(offer);
    this.flags[slot] = flags;
    for (let bit = 0; bit < FLAG_COUNT; bit++) if (flags & (1 << bit)) this.byFlag[bit].add(slot);
    this.grid.add(slot, offer.location.lat, offer.location.lon);
    this.countCell(offer.location.lat, offer.location.lon, 1);
    this.titles.add(slot);
  }

  remove(offerId: string): void {
    const slot = this.slotOf.get(offerId);
    if (slot === undefined) return;
    const offer = this.offers[slot]!;
    this.index.remove(slot);
    for (const d of offer.disciplines) this.byDiscipline[DISCIPLINES.indexOf(d)].delete(slot);
    this.byFormat[FORMAT_INDEX.get(offer.format)!].delete(slot);
    this.byLanguage[LANGUAGE_INDEX.get(offer.language)!].delete(slot);
    for (const set of this.byFlag) set.delete(slot);
    this.grid.remove(slot, this.lat[slot], this.lon[slot]);
    this.countCell(this.lat[slot], this.lon[slot], -1);
    this.titles.remove(slot);
    this.alive[slot] = 0;
    this.offers[slot] = undefined;
    this.titleKeys[slot] = '';
    this.slotOf.delete(offerId);
    this.freeSlots.push(slot);
  }

  search(query: CatalogueQuery): CatalogueResult {
    this.titles.flush();
    const plan = this.planOf(query);
    const k = query.page * query.pageSize;
    this.heap.reset(k);
    const total = plan.groups.length > 0 ? this.searchWords(plan) : this.searchFilters(plan);
    const from = (query.page - 1) * query.pageSize;
    const slots = this.heap.sorted().slice(from, from + query.pageSize);
    const hasWords = plan.groups.length > 0;
    const hasPlace = !Number.isNaN(plan.lat);
    const items = slots.map((slot): CatalogueHit => {
      const hit: CatalogueHit = { offer: cardOf(this.offers[slot]!) };
      if (hasWords) hit.score = round(this.scores[slot], 4);
      if (hasPlace) hit.distanceKm = round(haversineKmOf(plan.lat, plan.lon, this.lat[slot], this.lon[slot]), 1);
      return hit;
    });
    return { total, page: query.page, pageSize: query.pageSize, items };
  }

  private planOf(query: CatalogueQuery): Plan {
    const groups = query.q ? wordGroupsOf(query.q) : [];
    const grade = query.grade ? agesFromGradeText(query.grade) : null;
    let requiredFlags = 0;
    if (query.price === 'free') requiredFlags |= FREE;
    if (query.price === 'social') requiredFlags |= SOCIAL;
    for (const name of Object.keys(FLAG_BITS) as InclusionFlag[]) if (query[name] === true) requiredFlags |= FLAG_BITS[name];
    const hasPlace = query.lat !== undefined && query.lon !== undefined;
    const latR = hasPlace ? query.lat! * RADIANS : NaN;
    const lonR = hasPlace ? query.lon! * RADIANS : NaN;
    const km = hasPlace && query.km !== undefined ? query.km : Infinity;
    const chord2 = km === Infinity ? Infinity : (2 * Math.sin(Math.min(Math.PI / 2, km / (2 * EARTH_RADIUS_KM)))) ** 2;
    return {
      groups,
      age: query.age ?? -1,
      gradeMin: grade ? grade.ageMin : -1,
      gradeMax: grade ? grade.ageMax : -1,
      maxPrice: query.maxPrice ?? Infinity,
      disciplineMask: (query.discipline ?? []).reduce((m, d) => m | DISCIPLINE_BIT.get(d)!, 0),
      formatMask: (query.format ?? []).reduce((m, f) => m | (1 << FORMAT_INDEX.get(f)!), 0),
      languageMask: (query.language ?? []).reduce((m, l) => m | (1 << LANGUAGE_INDEX.get(l)!), 0),
      requiredFlags,
      lat: hasPlace ? query.lat! : NaN,
      lon: hasPlace ? query.lon! : NaN,
      x: Math.cos(latR) * Math.cos(lonR),
      y: Math.cos(latR) * Math.sin(lonR),
      z: Math.sin(latR),
      km,
      chord2Low: chord2 * (1 - CHORD_MARGIN),
      chord2High: chord2 * (1 + CHORD_MARGIN),
      sort: query.sort ?? (groups.length > 0 ? 'relevance' : 'title'),
    };
  }

  /** Words: walks the posting lists of each word's terms; an offer must have a term of every word. */
  private searchWords(plan: Plan): number {
    const stamp = this.nextStamp();
    const stamps = this.stamp;
    const hits = this.hits;
    const scores = this.scores;
    const touched = this.touched;
    let touchedCount = 0;
    // Rarest word first: it decides which offers are touched at all.
    const groups = plan.groups
      .map((group) => ({ group, df: [...group.terms.keys()].reduce((n, term) => n + this.index.documentFrequency(term), 0) }))
      .sort((a, b) => a.df - b.df)
      .map((g) => g.group);
    for (let g = 0; g < groups.length; g++) {
      if (g > 0 && touchedCount === 0) break;
      this.index.search(groups[g].terms, (slot, score) => {
        if (g === 0) {
          stamps[slot] = stamp;
          hits[slot] = 1;
          scores[slot] = score;
          touched[touchedCount++] = slot;
        } else if (stamps[slot] === stamp && hits[slot] === g) {
          hits[slot] = g + 1;
          scores[slot] += score;
        }
      });
    }
    const all = groups.length;
    let total = 0;
    for (let i = 0; i < touchedCount; i++) {
      const slot = touched[i];
      if (hits[slot] !== all || !this.passes(slot, plan)) continue;
      total++;
      this.consider(slot, plan);
    }
    return total;
  }

  /** No words: walks the smallest candidate source the filters allow. */
  private searchFilters(plan: Plan): number {
    let total = 0;
    const visit = (slot: number): void => {
      if (!this.passes(slot, plan)) return;
      total++;
      this.consider(slot, plan);
    };
    const source = this.scanOnly ? null : this.smallestSource(plan);
    if (source === null) {
      const alive = this.alive;
      for (let slot = 0; slot < this.offers.length; slot++) if (alive[slot] === 1) visit(slot);
    } else if (source === 'geo') {
      this.grid.near(plan.lat, plan.lon, plan.km, visit);
    } else if (source.length === 1) {
      for (const slot of source[0]) visit(slot);
    } else {
      // A union of sets that may overlap (an offer has several disciplines): visit each slot once.
      const stamp = this.nextStamp();
      const stamps = this.stamp;
      for (const set of source) {
        for (const slot of set) {
          if (stamps[slot] === stamp) continue;
          stamps[slot] = stamp;
          visit(slot);
        }
      }
    }
    return total;
  }

  /** The candidate source with the fewest slots to visit: a union of slot sets, the geo grid, or null for every offer. */
  private smallestSource(plan: Plan): Array<Set<number>> | 'geo' | null {
    let best: Array<Set<number>> | 'geo' | null = null;
    let bestSize = this.slotOf.size;
    const consider = (sets: Array<Set<number>>): void => {
      const size = sets.reduce((n, s) => n + s.size, 0);
      if (size < bestSize) {
        best = sets;
        bestSize = size;
      }
    };
    if (plan.disciplineMask) consider(this.byDiscipline.filter((_, i) => plan.disciplineMask & (1 << i)));
    if (plan.formatMask) consider(this.byFormat.filter((_, i) => plan.formatMask & (1 << i)));
    if (plan.languageMask) consider(this.byLanguage.filter((_, i) => plan.languageMask & (1 << i)));
    for (let bit = 0; bit < FLAG_COUNT; bit++) if (plan.requiredFlags & (1 << bit)) consider([this.byFlag[bit]]);
    if (Number.isFinite(plan.km) && this.estimateNear(plan.lat, plan.lon, plan.km) < bestSize) best = 'geo';
    return best;
  }

  /** Every filter of the plan, cheapest first; distance last. */
  private passes(slot: number, plan: Plan): boolean {
    if (plan.age >= 0 && (this.ageMin[slot] > plan.age || this.ageMax[slot] < plan.age)) return false;
    if (plan.gradeMin >= 0 && (this.ageMin[slot] > plan.gradeMax || this.ageMax[slot] < plan.gradeMin)) return false;
    if (this.price[slot] > plan.maxPrice) return false;
    if (plan.formatMask !== 0 && (this.formatBit[slot] & plan.formatMask) === 0) return false;
    if (plan.disciplineMask !== 0 && (this.disciplineMask[slot] & plan.disciplineMask) === 0) return false;
    if (plan.languageMask !== 0 && (this.languageBit[slot] & plan.languageMask) === 0) return false;
    if ((this.flags[slot] & plan.requiredFlags) !== plan.requiredFlags) return false;
    if (plan.km !== Infinity) {
      const chord2 = this.chord2(slot, plan);
      if (chord2 > plan.chord2High) return false;
      if (chord2 >= plan.chord2Low && haversineKmOf(plan.lat, plan.lon, this.lat[slot], this.lon[slot]) > plan.km) return false;
    }
    return true;
  }

  /** Squared chord between the search's place and the offer's, on the unit sphere. */
  private chord2(slot: number, plan: Plan): number {
    const dx = this.x[slot] - plan.x;
    const dy = this.y[slot] - plan.y;
    const dz = this.z[slot] - plan.z;
    return dx * dx + dy * dy + dz * dz;
  }

  private consider(slot: number, plan: Plan): void {
    const tie = this.titles.rank[slot];
    switch (plan.sort) {
      case 'relevance':
        this.heap.offer(slot, plan.groups.length > 0 ? -this.scores[slot] : 0, tie);
        return;
      case 'distance':
        this.heap.offer(slot, this.chord2(slot, plan), tie);
        return;
      case 'price':
        this.heap.offer(slot, this.price[slot], tie);
        return;
      case 'title':
        this.heap.offer(slot, tie, tie);
        return;
    }
  }

  /** Roughly how many offers lie within km of a point: coarse cell counts scaled by the circle's share of their area. */
  private estimateNear(lat: number, lon: number, km: number): number {
    const dLat = km / KM_PER_DEGREE_LAT;
    const cosLat = Math.max(0.05, Math.cos((Math.min(89, Math.abs(lat)) * Math.PI) / 180));
    const dLon = km / (KM_PER_DEGREE_LAT * cosLat);
    const rowFrom = Math.floor((lat - dLat) / COARSE_LAT);
    const rowTo = Math.floor((lat + dLat) / COARSE_LAT);
    const colFrom = Math.floor((lon - dLon) / COARSE_LON);
    const colTo = Math.floor((lon + dLon) / COARSE_LON);
    let count = 0;
    for (let row = rowFrom; row <= rowTo; row++) {
      for (let col = colFrom; col <= colTo; col++) count += this.coarseCounts.get(coarseKey(row, col)) ?? 0;
    }
    const cellsKm2 =
      (rowTo - rowFrom + 1) * (colTo - colFrom + 1) * COARSE_LAT * KM_PER_DEGREE_LAT * COARSE_LON * KM_PER_DEGREE_LAT * cosLat;
    return count * Math.min(1, (Math.PI * km * km) / cellsKm2);
  }

  private countCell(lat: number, lon: number, delta: number): void {
    const key = coarseKey(Math.floor(lat / COARSE_LAT), Math.floor(lon / COARSE_LON));
    const count = (this.coarseCounts.get(key) ?? 0) + delta;
    if (count > 0) this.coarseCounts.set(key, count);
    else this.coarseCounts.delete(key);
  }

  private nextStamp(): number {
    this.queryStamp++;
    if (this.queryStamp === 0x7fffffff) {
      this.stamp.fill(0);
      this.queryStamp = 1;
    }
    return this.queryStamp;
  }

  private ensureCapacity(size: number): void {
    if (size <= this.alive.length) return;
    let capacity = this.alive.length;
    while (capacity < size) capacity *= 2;
    const grow = <T extends Uint8Array | Uint16Array | Int32Array | Float64Array>(old: T, make: (n: number) => T): T => {
      const next = make(capacity);
      next.set(old);
      return next;
    };
    this.alive = grow(this.alive, (n) => new Uint8Array(n));
    this.ageMin = grow(this.ageMin, (n) => new Uint8Array(n));
    this.ageMax = grow(this.ageMax, (n) => new Uint8Array(n));
    this.price = grow(this.price, (n) => new Float64Array(n));
    this.lat = grow(this.lat, (n) => new Float64Array(n));
    this.lon = grow(this.lon, (n) => new Float64Array(n));
    this.x = grow(this.x, (n) => new Float64Array(n));
    this.y = grow(this.y, (n) => new Float64Array(n));
    this.z = grow(this.z, (n) => new Float64Array(n));
    this.disciplineMask = grow(this.disciplineMask, (n) => new Uint16Array(n));
    this.formatBit = grow(this.formatBit, (n) => new Uint8Array(n));
    this.languageBit = grow(this.languageBit, (n) => new Uint8Array(n));
    this.flags = grow(this.flags, (n) => new Uint8Array(n));
    this.stamp = grow(this.stamp, (n) => new Int32Array(n));
    this.hits = new Uint8Array(capacity);
    this.scores = new Float64Array(capacity);
    this.touched = new Int32Array(capacity);
  }
}

function coarseKey(row: number, col: number): number {
  return (row + 1000) * 10_000 + (col + 5000);
}

function flagsOf(offer: Offer): number {
  const inclusion = offer.inclusion ?? {};
  let flags = 0;
  if (offer.pricePerPupil === 0) flags |= FREE | SOCIAL;
  if (inclusion.freeOrSocialTariff) flags |= SOCIAL;
  for (const name of Object.keys(FLAG_BITS) as InclusionFlag[]) if (inclusion[name]) flags |= FLAG_BITS[name];
  return flags;
}
