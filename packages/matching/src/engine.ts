import type { Offer, Request } from '@koppel/contracts';
import { type MatchingConfig, resolveConfig } from './config';
import { agesOverlap, PRICE_CEILING_FACTOR, priceAllowed, reachedByAt, type ReachedBy } from './constraints';
import { analyseOffer, requestFeaturesOf, type OfferFeatures, type RequestFeatures } from './features';
import { haversineKm, haversineKmOf } from './geo/haversine';
import { AgeBandedGeoGrid, AgeBandedList } from './index/geo-grid';
import { InvertedIndex } from './index/inverted-index';
import { type NearMiss, type NearMissOptions, rankNearMisses } from './near-misses';
import { ageOverlapOf } from './signals/age';
import { combinedScore, isOverBudget, scoreOf, signalsOf, weightTotalOf, type SignalScores } from './signals/combine';
import { TopK } from './index/top-k';
import { THEME_TERM_PREFIX } from './text/analyse';
import type { TextLanguage } from './text/language';
import { THEMES_BY_ID } from './taxonomy/themes';

export type { SignalScores };

export interface MatchExplanation {
  signals: SignalScores;
  weights: SignalScores;
  /** null when online */
  distanceKm: number | null;
  reachedBy: ReachedBy;
  ageOverlap: { from: number; to: number; coverage: number };
  /** Words both texts share (readable words of the request, most telling first). */
  matchedTerms: string[];
  /** Taxonomy theme and discipline ids both texts are about. */
  matchedThemes: string[];
  overBudget: boolean;
  requestLanguage: TextLanguage;
  offerLanguage: TextLanguage;
  /** Language the activity should be in for this class (asked in the text, else the request's). */
  wantedLanguage: TextLanguage;
  /** Disciplines the request asks for (inferred from its text when it lists none). */
  requestDisciplines: string[];
}

export interface ScoredMatch {
  requestId: string;
  offerId: string;
  /** 0..1, rounded to 4 decimals */
  score: number;
  explanation: MatchExplanation;
}

export interface MatchOptions {
  top?: number;
  minScore?: number;
}

/** Radius tiers for at-school offers, so a school looks only as far as providers in each tier travel. */
const TRAVEL_TIERS_KM = [10, 20, 30, 50, 80, 150, 400, 1000];

const MODE_ONLINE = 0;
const MODE_ON_SITE = 1;
const MODE_AT_SCHOOL = 2;
const MODE_CODES: Record<Offer['reach']['mode'], number> = {
  online: MODE_ONLINE,
  on_site: MODE_ON_SITE,
  at_school: MODE_AT_SCHOOL,
  both: 3,
};

const round4 = (x: number): number => Math.round(x * 10_000) / 10_000;

/**
 * Matching engine: an in-memory, incrementally updated index of offers and open
 * requests. Pure: data in, ranked feasible matches with explanations out.
 *
 * A request is matched by (1) collecting offers that can reach the school from a
 * geographic grid (plus online offers), (2) dropping those failing the age and
 * price constraints, (3) scoring text with BM25 over the inverted index, and
 * (4) combining all signals for the feasible candidates only.
 */
export class MatchingEngine {
  readonly config: MatchingConfig;
  private readonly offerIndex: InvertedIndex;
  private readonly requestIndex: InvertedIndex;
  private readonly offersBySlot: Array<OfferFeatures | undefined> = [];
  private readonly offerSlots = new Map<string, number>();
  private readonly freeOfferSlots: number[] = [];
  private readonly onlineOffers = new AgeBandedList();
  private readonly onSiteGrid = new AgeBandedGeoGrid();
  private readonly atSchoolGrids = TRAVEL_TIERS_KM.map(() => new AgeBandedGeoGrid());
  /** Largest provider radius seen per tier: a school looks no further than providers travel. */
  private readonly atSchoolTierRadiusKm = TRAVEL_TIERS_KM.map(() => 0);
  private readonly requestsBySlot: Array<RequestFeatures | undefined> = [];
  private readonly requestSlots = new Map<string, number>();
  private readonly freeRequestSlots: number[] = [];
  private seen = new Int32Array(1024);
  private queryStamp = 0;
  private bm25BySlot = new Float64Array(1024);
  /** Reused per query: feasible offer slots, their distance (NaN when online) and how they reach the school. */
  /** Per offer slot, the numbers the hard constraints need, as typed columns (cache-friendly). */
  private columns = {
    lat: new Float64Array(1024),
    lon: new Float64Array(1024),
    ageMin: new Float64Array(1024),
    ageMax: new Float64Array(1024),
    price: new Float64Array(1024),
    travel: new Float64Array(1024),
    mode: new Uint8Array(1024),
  };
  private candidates = { slots: new Int32Array(1024), distances: new Float64Array(1024), reachedBy: [] as ReachedBy[] };

  constructor(config?: Partial<MatchingConfig>) {
    this.config = resolveConfig(config);
    this.offerIndex = new InvertedIndex(this.config.bm25);
    this.requestIndex = new InvertedIndex(this.config.bm25);
  }

  get offerCount(): number {
    return this.offerSlots.size;
  }

  get requestCount(): number {
    return this.requestSlots.size;
  }

  upsertOffer(offer: Offer): void {
    this.removeOffer(offer.id);
    const { features, termWeights } = analyseOffer(offer, this.config);
    const slot = this.freeOfferSlots.pop() ?? this.offersBySlot.length;
    this.offersBySlot[slot] = features;
    this.offerSlots.set(offer.id, slot);
    this.offerIndex.add(slot, termWeights);
    this.ensureScratch(this.offersBySlot.length);
    this.setColumns(slot, features);
    this.placeOffer(slot, features, true);
  }

  removeOffer(offerId: string): void {
    const slot = this.offerSlots.get(offerId);
    if (slot === undefined) return;
    const features = this.offersBySlot[slot]!;
    this.placeOffer(slot, features, false);
    this.offerIndex.remove(slot);
    this.offersBySlot[slot] = undefined;
    this.offerSlots.delete(offerId);
    this.freeOfferSlots.push(slot);
  }

  upsertRequest(request: Request): void {
    this.removeRequest(request.id);
    const features = requestFeaturesOf(request, this.config);
    const slot = this.freeRequestSlots.pop() ?? this.requestsBySlot.length;
    this.requestsBySlot[slot] = features;
    this.requestSlots.set(request.id, slot);
    this.requestIndex.add(slot, features.text.termWeights);
    this.ensureScratch(this.requestsBySlot.length);
  }

  removeRequest(requestId: string): void {
    const slot = this.requestSlots.get(requestId);
    if (slot === undefined) return;
    this.requestIndex.remove(slot);
    this.requestsBySlot[slot] = undefined;
    this.requestSlots.delete(requestId);
    this.freeRequestSlots.push(slot);
  }

  /**
   * Feasible offers for a request, best first. The request need not be stored. The offer
   * a request was made from (`askedForOfferId`, "ask for this offer", issue #13) comes
   * first whatever its score when it is feasible (reachable, ages, price), followed by the
   * best `top - 1` others; infeasible, it is left out like any other.
   */
  matchRequest(request: Request, options: MatchOptions = {}): ScoredMatch[] {
    const req = requestFeaturesOf(request, this.config);
    const count = this.collectFeasibleOffers(req);
    if (count === 0) return [];
    const stamp = this.nextStamp();
    const bm25 = this.bm25BySlot;
    const seen = this.seen;
    this.offerIndex.search(req.text.termWeights, (slot, score) => {
      seen[slot] = stamp;
      bm25[slot] = score;
    });
    const { slots, distances } = this.candidates;
    let best = 0;
    for (let i = 0; i < count; i++) {
      const slot = slots[i];
      if (seen[slot] === stamp && bm25[slot] > best) best = bm25[slot];
    }
    const scale = Math.max(best, this.config.text.relativeFloor * this.offerIndex.maxPossibleScore(req.text.termWeights), 1e-9);
    const wanted = options.top ?? this.config.top;
    const top = new TopK(wanted);
    const minScore = options.minScore ?? 0;
    const weightTotal = weightTotalOf(this.config);
    // Upper bound of a candidate's score given its text score (every other signal at 1):
    // candidates that cannot enter the top k are skipped without scoring.
    const textShare = this.config.weights.text / weightTotal;
    const otherMax = 1 - textShare;
    let asked: number | undefined;
    for (let i = 0; i < count; i++) {
      const slot = slots[i];
      if (request.askedForOfferId !== undefined && this.offersBySlot[slot]!.id === request.askedForOfferId) {
        asked = i;
        continue;
      }
      const text = seen[slot] === stamp ? bm25[slot] / scale : 0;
      if (otherMax + textShare * text < top.threshold) continue;
      const offer = this.offersBySlot[slot]!;
      const distanceKm = Number.isNaN(distances[i]) ? null : distances[i];
      const score = scoreOf(req, offer, distanceKm, text, this.config, weightTotal);
      if (round4(score) >= minScore) top.offer(score, i, offer.id);
    }
    const chosen = asked === undefined ? top.items : [asked, ...top.items.slice(0, Math.max(0, wanted - 1))];
    return chosen.map((i) => {
      const slot = slots[i];
      const offer = this.offersBySlot[slot]!;
      const distanceKm = Number.isNaN(distances[i]) ? null : distances[i];
      const text = seen[slot] === stamp ? bm25[slot] / scale : 0;
      const signals = signalsOf(req, offer, distanceKm, text, this.config);
      const score = combinedScore(signals, isOverBudget(offer.price, request.budgetPerPupil), this.config);
      return this.explained(req, offer, slot, distanceKm, this.candidates.reachedBy[i], signals, score, 'request');
    });
  }

  /**
   * Why a request got few or no proposals: the offers whose texts match it best (BM25
   * over the offer index, feasible or not; at most `pool` of them), each with the hard
   * constraints it fails (ages, distance, price) or, when it passes them all, its
   * score below `minScore`. Proposed offers are left out. Cost: one text search, as for
   * `matchRequest`, plus constraint checks on the pool; nothing grows with the index.
   */
  nearMisses(request: Request, options: NearMissOptions & { pool?: number } = {}): NearMiss[] {
    const req = requestFeaturesOf(request, this.config);
    const found: Array<{ slot: number; bm25: number }> = [];
    this.offerIndex.search(req.text.termWeights, (slot, bm25) => {
      if (bm25 > 0) found.push({ slot, bm25 });
    });
    found.sort((a, b) => b.bm25 - a.bm25);
    const candidates = found.slice(0, options.pool ?? 50).map(({ slot, bm25 }) => ({ offer: this.offersBySlot[slot]!, bm25 }));
    const weightTotal = weightTotalOf(this.config);
    const score = (offer: OfferFeatures, text: number) => {
      const distanceKm = offer.mode === 'online' ? null : haversineKm(request.school, offer);
      return scoreOf(req, offer, distanceKm, text, this.config, weightTotal);
    };
    return rankNearMisses(req, candidates, score, options);
  }

  /** Stored open requests that should hear about this offer, best first. The offer need not be stored. */
  matchOffer(offer: Offer, options: MatchOptions = {}): ScoredMatch[] {
    const { features, termWeights, surfaceOfStem } = analyseOffer(offer, this.config);
    const stamp = this.nextStamp();
    const bm25 = this.bm25BySlot;
    this.requestIndex.search(termWeights, (slot, score) => {
      this.seen[slot] = stamp;
      bm25[slot] = score;
    });
    const candidates: Array<{ req: RequestFeatures; distanceKm: number | null; reachedBy: ReachedBy; bm25: number }> = [];
    let best = 0;
    this.requestsBySlot.forEach((req, slot) => {
      if (!req) return;
      if (!agesOverlap(req.request.pupils, features) || !priceAllowed(features.price, req.request.budgetPerPupil)) return;
      const reach = this.reach(req.request, features);
      if (!reach) return;
      const text = this.seen[slot] === stamp ? bm25[slot] : 0;
      best = Math.max(best, text);
      candidates.push({ req, ...reach, bm25: text });
    });
    const scale = Math.max(best, this.config.text.relativeFloor * this.requestIndex.maxPossibleScore(termWeights), 1e-9);
    const top = new TopK(options.top ?? this.config.top);
    const minScore = options.minScore ?? 0;
    const weightTotal = weightTotalOf(this.config);
    candidates.forEach((c, i) => {
      const score = scoreOf(c.req, features, c.distanceKm, c.bm25 / scale, this.config, weightTotal);
      if (round4(score) >= minScore) top.offer(score, i, c.req.request.id);
    });
    return top.items.map((i) => {
      const c = candidates[i];
      const signals = signalsOf(c.req, features, c.distanceKm, c.bm25 / scale, this.config);
      const score = combinedScore(signals, isOverBudget(features.price, c.req.request.budgetPerPupil), this.config);
      return this.explained(c.req, features, -1, c.distanceKm, c.reachedBy, signals, score, 'offer', termWeights, surfaceOfStem);
    });
  }

  /**
   * Fills this.candidates with the offers passing every hard constraint, found
   * through the geographic grids (plus online offers), not by scanning all offers.
   * Returns how many there are.
   */
  private collectFeasibleOffers(req: RequestFeatures): number {
    const { school, pupils, budgetPerPupil, maxTravelKm } = req.request;
    const stamp = this.nextStamp();
    const seen = this.seen;
    let buffers = this.candidates;
    let count = 0;
    const { lat, lon, ageMin, ageMax, price, travel, mode } = this.columns;
    const maxPrice = budgetPerPupil === undefined ? Infinity : PRICE_CEILING_FACTOR * budgetPerPupil;
    // Typed columns instead of offer objects: this runs for every offer near the school.
    const consider = (slot: number): void => {
      if (seen[slot] === stamp) return;
      seen[slot] = stamp;
      if (ageMin[slot] > pupils.ageMax || ageMax[slot] < pupils.ageMin || price[slot] > maxPrice) return;
      let distanceKm = NaN;
      let reachedBy: ReachedBy;
      if (mode[slot] === MODE_ONLINE) reachedBy = 'online';
      else {
        distanceKm = haversineKmOf(school.lat, school.lon, lat[slot], lon[slot]);
        const byClass = mode[slot] !== MODE_AT_SCHOOL && distanceKm <= maxTravelKm;
        if (byClass) reachedBy = 'on_site';
        else if (mode[slot] !== MODE_ON_SITE && distanceKm <= travel[slot]) reachedBy = 'at_school';
        else return;
      }
      if (count === buffers.slots.length) {
        this.growCandidates();
        buffers = this.candidates;
      }
      buffers.slots[count] = slot;
      buffers.distances[count] = distanceKm;
      buffers.reachedBy[count] = reachedBy;
      count++;
    };
    this.onlineOffers.forEachOverlapping(pupils.ageMin, pupils.ageMax, consider);
    if (maxTravelKm > 0) this.onSiteGrid.near(school.lat, school.lon, maxTravelKm, pupils.ageMin, pupils.ageMax, consider);
    this.atSchoolGrids.forEach((grid, tier) => {
      if (grid.size > 0) grid.near(school.lat, school.lon, this.atSchoolTierRadiusKm[tier], pupils.ageMin, pupils.ageMax, consider);
    });
    return count;
  }

  private growCandidates(): void {
    const old = this.candidates;
    const slots = new Int32Array(old.slots.length * 2);
    slots.set(old.slots);
    const distances = new Float64Array(old.distances.length * 2);
    distances.set(old.distances);
    this.candidates = { slots, distances, reachedBy: old.reachedBy };
  }

  private reach(request: Request, offer: OfferFeatures): { distanceKm: number | null; reachedBy: ReachedBy } | null {
    if (offer.mode === 'online') return { distanceKm: null, reachedBy: 'online' };
    const distanceKm = haversineKm(request.school, offer);
    const reachedBy = reachedByAt(offer.mode, distanceKm, request.maxTravelKm, offer.providerTravelKm);
    return reachedBy ? { distanceKm, reachedBy } : null;
  }

  private placeOffer(slot: number, offer: OfferFeatures, add: boolean): void {
    const grids: AgeBandedGeoGrid[] = [];
    if (offer.mode === 'online') {
      if (add) this.onlineOffers.add(slot, offer.ageMin, offer.ageMax);
      else this.onlineOffers.remove(slot);
      return;
    }
    if (offer.mode === 'on_site' || offer.mode === 'both') grids.push(this.onSiteGrid);
    if (offer.mode === 'at_school' || offer.mode === 'both') {
      const tier = TRAVEL_TIERS_KM.findIndex((km) => offer.providerTravelKm <= km);
      const at = tier < 0 ? TRAVEL_TIERS_KM.length - 1 : tier;
      grids.push(this.atSchoolGrids[at]);
      if (add) this.atSchoolTierRadiusKm[at] = Math.max(this.atSchoolTierRadiusKm[at], offer.providerTravelKm);
    }
    for (const grid of grids) {
      if (add) grid.add(slot, offer.lat, offer.lon, offer.ageMin, offer.ageMax);
      else grid.remove(slot, offer.lat, offer.lon, offer.ageMin, offer.ageMax);
    }
  }

  private explained(
    req: RequestFeatures,
    offer: OfferFeatures,
    offerSlot: number,
    distanceKm: number | null,
    reachedBy: ReachedBy,
    signals: SignalScores,
    score: number,
    direction: 'request' | 'offer',
    offerTerms?: Map<string, number>,
    offerSurface?: Map<string, string>,
  ): ScoredMatch {
    const overlap = ageOverlapOf(req.request.pupils, offer);
    const offerHas = (term: string): boolean => (offerTerms ? offerTerms.has(term) : this.offerIndex.weightIn(offerSlot, term) > 0);
    const index = direction === 'request' ? this.offerIndex : this.requestIndex;
    const shared = [...req.text.termWeights.keys()].filter((t) => !t.startsWith(THEME_TERM_PREFIX) && offerHas(t));
    shared.sort((a, b) => index.idf(b) - index.idf(a));
    const matchedTerms = shared.slice(0, 8).map((stem) => req.text.surfaceOfStem.get(stem) ?? offerSurface?.get(stem) ?? stem);
    const matchedThemes = [...req.text.themes.keys()].filter((id) => offer.themes.includes(id));
    matchedThemes.sort((a, b) => Number(THEMES_BY_ID.get(b)?.specific) - Number(THEMES_BY_ID.get(a)?.specific));
    const rounded = Object.fromEntries(Object.entries(signals).map(([k, v]) => [k, round4(v)])) as unknown as SignalScores;
    return {
      requestId: req.request.id,
      offerId: offer.id,
      score: round4(score),
      explanation: {
        signals: rounded,
        weights: { ...this.config.weights },
        distanceKm: distanceKm === null ? null : Math.round(distanceKm * 100) / 100,
        reachedBy,
        ageOverlap: { from: overlap.from, to: overlap.to, coverage: round4(overlap.coverage) },
        matchedTerms,
        matchedThemes,
        overBudget: isOverBudget(offer.price, req.request.budgetPerPupil),
        requestLanguage: req.request.language,
        offerLanguage: offer.language,
        wantedLanguage: req.wantedLanguage,
        requestDisciplines: req.disciplines,
      },
    };
  }

  private setColumns(slot: number, offer: OfferFeatures): void {
    const c = this.columns;
    c.lat[slot] = offer.lat;
    c.lon[slot] = offer.lon;
    c.ageMin[slot] = offer.ageMin;
    c.ageMax[slot] = offer.ageMax;
    c.price[slot] = offer.price;
    c.travel[slot] = offer.providerTravelKm;
    c.mode[slot] = MODE_CODES[offer.mode];
  }

  private nextStamp(): number {
    this.queryStamp = (this.queryStamp + 1) | 0;
    if (this.queryStamp === 0) {
      this.seen.fill(0);
      this.queryStamp = 1;
    }
    return this.queryStamp;
  }

  private ensureScratch(size: number): void {
    if (size <= this.seen.length) return;
    let capacity = this.seen.length;
    while (capacity < size) capacity *= 2;
    const seen = new Int32Array(capacity);
    seen.set(this.seen);
    this.seen = seen;
    this.bm25BySlot = new Float64Array(capacity);
    const grow = <T extends Float64Array | Uint8Array>(old: T, make: (n: number) => T): T => {
      const next = make(capacity);
      next.set(old);
      return next;
    };
    const c = this.columns;
    this.columns = {
      lat: grow(c.lat, (n) => new Float64Array(n)),
      lon: grow(c.lon, (n) => new Float64Array(n)),
      ageMin: grow(c.ageMin, (n) => new Float64Array(n)),
      ageMax: grow(c.ageMax, (n) => new Float64Array(n)),
      price: grow(c.price, (n) => new Float64Array(n)),
      travel: grow(c.travel, (n) => new Float64Array(n)),
      mode: grow(c.mode, (n) => new Uint8Array(n)),
    };
  }
}
