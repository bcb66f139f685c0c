import { type Connection, type Model, Schema } from 'mongoose';
import type { Claims } from '@koppel/auth';
import type { Inclusion, MissReasonFacts, ReachMode } from '@koppel/contracts';
import { regionScopeFilter } from './region-scope';

/**
 * The insights read model (issue #14): review's own copy of the open requests, the
 * active offers, each request's latest near misses and the withdrawn organisations,
 * fed by a consumer group of its own that reads the topics from the beginning. Only
 * what the figures need: the organisations' names, no names of people, no addresses (an
 * erased organisation's name is overwritten); a listing's coordinates are those of its
 * place (the school's, the offer's location), for providers' reach (app/insights/demand.ts). Each collection can be
 * dropped and rebuilt by resetting that group (docs/operations.md).
 */

/** What the event said last, so that only a newer event changes a document and a redelivery changes nothing. */
export interface EventStamp {
  id: string;
  at: Date;
}

/** Where a listing is: what a region and a broker's postcode ranges select on. */
export interface ListingPlace {
  municipality: string;
  postcode: string;
  country: string;
  /** The leading four postcode digits: what a broker's regions filter on in the database (store/region-scope.ts). */
  postcodeNumber?: number;
  /** Province (app/regions/province-of-postcode.ts). */
  region: string;
}

/** An open request as the figures see it. */
export interface InsightRequest extends ListingPlace {
  id: string;
  schoolId: string;
  /** The requester's name as its latest event gave it (absent in documents from before it was kept). */
  schoolName?: string;
  title: string;
  disciplines: string[];
  ageMin: number;
  ageMax: number;
  pupils: number;
  budgetPerPupil?: number;
  /**
   * The school's coordinates, for providers' reach (app/insights/demand.ts). Absent in
   * documents taken in before they were kept: such a request is out of every reach that
   * needs a distance, until a rebuild (docs/operations.md) fills them in.
   */
  lat?: number;
  lon?: number;
  /** Its earliest event: its `request.created` (or, after compaction, the oldest event the topic kept). */
  createdAt: Date;
}

/** An active offer as the figures see it. */
export interface InsightOffer extends ListingPlace {
  id: string;
  providerId: string;
  /** The provider's name as its latest event gave it (absent in documents from before it was kept). */
  providerName?: string;
  title: string;
  disciplines: string[];
  ageMin: number;
  ageMax: number;
  pricePerPupil: number;
  mode: ReachMode;
  /**
   * The location's coordinates and how far the provider travels to schools (`reach.maxTravelKm`),
   * for its reach (app/insights/demand.ts). Absent in documents taken in before they were kept:
   * such an offer reaches nothing that needs a distance, until a rebuild (docs/operations.md).
   */
  lat?: number;
  lon?: number;
  maxTravelKm?: number;
  inclusion: Inclusion;
  createdAt: Date;
}

/** The facts a `request.*` or `offer.*` event brings (the id and first-seen time are the store's). */
export type RequestFacts = Omit<InsightRequest, 'id' | 'createdAt'>;
export type OfferFacts = Omit<InsightOffer, 'id' | 'createdAt'>;

/** One offer that came near a request, and why it was kept out. */
export interface InsightNearMiss {
  offerId: string;
  textMatch: number;
  score: number | null;
  reasons: MissReasonFacts[];
}

/** A request's latest `match.missed`. */
export interface InsightMiss {
  requestId: string;
  proposals: number;
  wanted: number;
  nearMisses: InsightNearMiss[];
  missedAt: Date;
}

/** One stored listing: open with its facts, or closed (withdrawn; a marker when the withdrawal came first). */
interface ListingDoc<F> {
  _id: string;
  open: boolean;
  facts?: F;
  /** Top level, for the database filters: copies of the facts' place. */
  country?: string;
  postcodeNumber?: number;
  region?: string;
  /** Top level too: the coordinates of the place, what a provider's reach preselects on (`openRequestsIn`). */
  lat?: number;
  lon?: number;
  createdAt: Date;
  withdrawnAt?: Date;
  lastEventId: string;
  lastEventAt: Date;
}

interface MissDoc {
  _id: string; // the request id
  proposals: number;
  wanted: number;
  nearMisses: InsightNearMiss[];
  lastEventId: string;
  lastEventAt: Date;
}

/** An organisation as the figures see it (requesters never reached, the inventory): its kind, name and place. */
export interface OrganisationFacts extends ListingPlace {
  role: string;
  type: string;
  name: string;
}

/** A registered organisation with a place, from its latest `organisation.created` or `organisation.updated`. */
export interface InsightOrganisation extends OrganisationFacts {
  id: string;
  /** Its earliest event kept: when it joined (or, after compaction, the oldest event the topic kept). */
  createdAt: Date;
}

/**
 * An organisation: its facts once an event gave them (with a place), and when it was
 * withdrawn; a withdrawal that came first is kept as a marker without facts.
 */
interface OrganisationDoc {
  _id: string;
  facts?: OrganisationFacts;
  country?: string;
  postcodeNumber?: number;
  region?: string;
  createdAt?: Date;
  lastEventId?: string;
  lastEventAt?: Date;
  withdrawnAt?: Date;
}

export interface InsightModels {
  requests: Model<ListingDoc<RequestFacts>>;
  offers: Model<ListingDoc<OfferFacts>>;
  misses: Model<MissDoc>;
  organisations: Model<OrganisationDoc>;
}

/** The read model's collections on review's connection (each prefixed `insight_`, so a rebuild drops exactly those). */
export function createInsightModels(connection: Connection): InsightModels {
  const listing = <F>(collection: string) => {
    const schema = new Schema<ListingDoc<F>>(
      {
        _id: { type: String, required: true },
        open: { type: Boolean, required: true },
        facts: { type: Object },
        country: String,
        postcodeNumber: Number,
        region: String,
        lat: Number,
        lon: Number,
        createdAt: { type: Date, required: true },
        withdrawnAt: Date,
        lastEventId: { type: String, required: true },
        lastEventAt: { type: Date, required: true },
      },
      { collection, versionKey: false, minimize: false },
    );
    schema.index({ open: 1, createdAt: 1 });
    schema.index({ country: 1, postcodeNumber: 1 });
    return schema;
  };
  const offers = listing<OfferFacts>('insight_offers');
  // A provider's own offers (its reach, `activeOffersOf`).
  offers.index({ 'facts.providerId': 1 });
  return {
    requests: connection.model<ListingDoc<RequestFacts>>('InsightRequest', listing<RequestFacts>('insight_requests')),
    offers: connection.model<ListingDoc<OfferFacts>>('InsightOffer', offers),
    misses: connection.model<MissDoc>(
      'InsightMiss',
      new Schema<MissDoc>(
        {
          _id: { type: String, required: true },
          proposals: { type: Number, required: true },
          wanted: { type: Number, required: true },
          nearMisses: { type: [Object], default: () => [] },
          lastEventId: { type: String, required: true },
          lastEventAt: { type: Date, required: true },
        },
        { collection: 'insight_misses', versionKey: false, minimize: false },
      ),
    ),
    organisations: connection.model<OrganisationDoc>(
      'InsightOrganisation',
      new Schema<OrganisationDoc>(
        {
          _id: { type: String, required: true },
          facts: { type: Object },
          country: String,
          postcodeNumber: Number,
          region: String,
          createdAt: Date,
          lastEventId: String,
          lastEventAt: Date,
          withdrawnAt: Date,
        },
        { collection: 'insight_organisations', versionKey: false, minimize: false },
      ),
    ),
  };
}

/** What a figure reads: listings in a region, created (requests) or first published (offers) in a period, within a user's scope. */
export interface ListingQuery {
  region?: string;
  /** Created at or after. */
  from?: Date;
  /** Created before. */
  until?: Date;
  user: Pick<Claims, 'role' | 'regions'>;
}

/**
 * Where a provider's reach may find requests, as the database selects them: a whole
 * country (an online offer), or a box of latitudes and longitudes around an offer's
 * place (a distance; a request outside it is out of reach, one inside may still be).
 */
export type RequestArea = { country: string } | { latMin: number; latMax: number; lonMin: number; lonMax: number };

/** A listing's new state from one event: its facts, or its withdrawal (null). */
export interface ListingChange<F> {
  id: string;
  facts: F | null;
  stamp: EventStamp;
}

/** An organisation's facts from one event (no place: nothing to count it in). */
export interface OrganisationChange {
  id: string;
  facts: OrganisationFacts;
  stamp: EventStamp;
}

export interface MissChange {
  miss: Omit<InsightMiss, 'missedAt'>;
  stamp: EventStamp;
}

export interface InsightStore {
  /** Requests' facts or withdrawals, each applied only if newer than what its document holds; returns how many changed. */
  applyRequests(changes: ListingChange<RequestFacts>[]): Promise<number>;
  /** Offers' facts or withdrawals, likewise. */
  applyOffers(changes: ListingChange<OfferFacts>[]): Promise<number>;
  /** Requests' near misses, each applied only if newer than the one recorded. */
  applyMisses(changes: MissChange[]): Promise<number>;
  /** Organisations' facts, each applied only if newer than what its document holds. */
  applyOrganisations(changes: OrganisationChange[]): Promise<number>;
  /** An organisation withdrawn (or erased): its listings count no more, whichever event comes first. */
  closeOrganisation(organisationId: string, at: Date): Promise<void>;
  /** An erased organisation's name in its listings becomes `erasedName`. */
  eraseOrganisationName(organisationId: string, erasedName: string): Promise<void>;
  /** Open requests in the query's region, period and scope (the database's preselection: app/ filters again). */
  openRequests(query: ListingQuery): Promise<InsightRequest[]>;
  /** Active offers in the query's region and scope, first published before `until`. */
  activeOffers(query: Omit<ListingQuery, 'from'>): Promise<InsightOffer[]>;
  /** One provider's active offers (its reach: app/insights/demand.ts). */
  activeOffersOf(providerId: string): Promise<InsightOffer[]>;
  /**
   * Open requests created in `[from, until)` within any of the areas (the database's
   * preselection of a provider's reach: app/ checks the distances); none for no area.
   */
  openRequestsIn(query: { areas: RequestArea[]; from: Date; until: Date }): Promise<InsightRequest[]>;
  /** The latest near misses of these requests. */
  missesOf(requestIds: string[]): Promise<InsightMiss[]>;
  /** Titles of these offers (any region, withdrawn ones too), by id. */
  offerTitles(offerIds: string[]): Promise<Map<string, string>>;
  withdrawnOrganisations(): Promise<Set<string>>;
  /** Requesters with a place in the query's region and scope, not withdrawn (the database's preselection). */
  requesterOrganisations(query: Omit<ListingQuery, 'from' | 'until'>): Promise<InsightOrganisation[]>;
}

const DUPLICATE_KEY = 11000;
/** Ids per `$in` query: FerretDB v1 answers long lists slowly. */
const IDS_PER_QUERY = 500;

function chunks<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** Whether `a` is newer than `b`: later, or at the same time with the larger event id (so any order ends the same). */
function isNewer(a: EventStamp, b: { lastEventAt: Date; lastEventId: string }): boolean {
  const [at, bt] = [new Date(a.at).getTime(), new Date(b.lastEventAt).getTime()];
  return at > bt || (at === bt && a.id > b.lastEventId);
}

/** One document's change: what to set (and unset) when it is newer, and what a new document starts with. */
interface Change {
  id: string;
  fields: Record<string, unknown>;
  unset: Record<string, 1>;
  stamp: EventStamp;
}

type Stamped = { _id: string; lastEventAt: Date; lastEventId: string; createdAt?: Date };

/** Insert statements per command: FerretDB 1.24.2 never answers a write command of 100 or more (decision 0014). */
const STATEMENTS_PER_WRITE = 99;

/** The newest change per document (later, or the same time and a larger event id) and each document's earliest event. */
function newestPerDocument(changes: Change[]): { newest: Map<string, Change>; earliest: Map<string, Date> } {
  const newest = new Map<string, Change>();
  const earliest = new Map<string, Date>();
  for (const change of changes) {
    const known = newest.get(change.id);
    if (!known || isNewer(change.stamp, { lastEventAt: known.stamp.at, lastEventId: known.stamp.id })) newest.set(change.id, change);
    const first = earliest.get(change.id);
    if (!first || change.stamp.at < first) earliest.set(change.id, change.stamp.at);
  }
  return { newest, earliest };
}

/** The ids a bulk insert found taken (duplicate keys); throws for any other failure. */
function takenIds(error: unknown, batch: Array<{ _id: string }>): string[] {
  const writeErrors = (error as { writeErrors?: Array<{ code?: number; index?: number; err?: { code?: number; index?: number } }> })
    .writeErrors;
  if (!writeErrors?.length || writeErrors.some((w) => (w.code ?? w.err?.code) !== DUPLICATE_KEY)) throw error;
  return writeErrors.map((w) => batch[w.index ?? w.err?.index ?? -1]?._id).filter((id): id is string => id !== undefined);
}

/**
 * Applies a chunk's changes. Per document only the newest change counts (later, or the
 * same time and a larger event id: any order of delivery ends the same), and only if it
 * is newer than what the document holds; a redelivery changes nothing. With
 * `keepsCreation`, a document also keeps the time of its earliest event.
 *
 * Every read and write names one `_id` and nothing else: on FerretDB (SQLite) any other
 * filter, `$in` on `_id` included, scans the whole collection (decision 0014), which made
 * this read model's cost grow with its size. New documents (most of a chunk, and all of a
 * rebuild) go in as one unordered bulk insert; only those already there are read and
 * updated one by one. The stamps are compared here, not in the update's filter: each
 * document has one writer (its key's partition of this consumer group), so nothing
 * changes it between the read and the write.
 */
async function applyNewest<D>(model: Model<D>, changes: Change[], keepsCreation: boolean): Promise<number> {
  if (changes.length === 0) return 0;
  const { newest, earliest } = newestPerDocument(changes);
  const documentOf = (change: Change) => ({
    _id: change.id,
    ...(keepsCreation ? { createdAt: earliest.get(change.id)! } : {}),
    ...change.fields,
    lastEventId: change.stamp.id,
    lastEventAt: change.stamp.at,
  });
  let applied = 0;
  const existing: Change[] = [];
  for (const batch of chunks([...newest.values()], STATEMENTS_PER_WRITE)) {
    const docs = batch.map(documentOf);
    try {
      // The driver's insert: the documents are built here already, nothing for mongoose to cast.
      applied += (await model.collection.insertMany(docs as never[], { ordered: false })).insertedCount;
    } catch (error) {
      const taken = new Set(takenIds(error, docs));
      applied += docs.length - taken.size;
      existing.push(...batch.filter((c) => taken.has(c.id)));
    }
  }
  for (const change of existing) if (await applyToExisting(model, change, earliest.get(change.id)!, keepsCreation)) applied += 1;
  return applied;
}

/** A change to a document that is there: read by `_id`, applied by `_id` if newer; an older event may still date its creation back. */
async function applyToExisting<D>(model: Model<D>, change: Change, first: Date, keepsCreation: boolean): Promise<boolean> {
  const doc = await model.findById(change.id, { lastEventAt: 1, lastEventId: 1, createdAt: 1 }).lean<Stamped>().exec();
  if (!doc) return false;
  const earlier = keepsCreation && doc.createdAt !== undefined && first < new Date(doc.createdAt) ? { createdAt: first } : {};
  const newer = doc.lastEventAt !== undefined && isNewer(change.stamp, doc);
  if (!newer && Object.keys(earlier).length === 0) return false;
  const update = newer
    ? {
        $set: { ...change.fields, lastEventId: change.stamp.id, lastEventAt: change.stamp.at, ...earlier },
        ...(Object.keys(change.unset).length ? { $unset: change.unset } : {}),
      }
    : { $set: earlier };
  await model.updateOne({ _id: change.id } as never, update).exec();
  return newer;
}

function placeFields(facts: ListingPlace): Record<string, unknown> {
  return { country: facts.country, postcodeNumber: facts.postcodeNumber, region: facts.region };
}

/** A listing's place with its coordinates, where its facts have them (what `openRequestsIn` filters on). */
function listingPlaceFields(facts: ListingPlace & { lat?: number; lon?: number }): Record<string, unknown> {
  return { ...placeFields(facts), ...(facts.lat !== undefined && facts.lon !== undefined ? { lat: facts.lat, lon: facts.lon } : {}) };
}

/** The database filter of a listing query: open, in the region, within the user's scope (country + postcode ranges). */
function listingFilter(
  query: Omit<ListingQuery, 'from' | 'until'>,
  base: Record<string, unknown> = { open: true },
): Record<string, unknown> {
  const filter: Record<string, unknown> = { ...base };
  if (query.region) filter.region = query.region;
  const scope = regionScopeFilter(query.user);
  return scope ? { $and: [filter, scope] } : filter;
}

function createdBetween(from: Date | undefined, until: Date | undefined): Record<string, unknown> {
  if (!from && !until) return {};
  return { createdAt: { ...(from ? { $gte: from } : {}), ...(until ? { $lt: until } : {}) } };
}

export function insightStore(models: InsightModels): InsightStore {
  const listingChanges = <F extends ListingPlace & { lat?: number; lon?: number }>(changes: ListingChange<F>[]): Change[] =>
    changes.map(
      ({ id, facts, stamp }): Change =>
        facts
          ? { id, fields: { open: true, facts, ...listingPlaceFields(facts) }, unset: { withdrawnAt: 1 }, stamp }
          : { id, fields: { open: false, withdrawnAt: stamp.at }, unset: {}, stamp },
    );
  return {
    applyRequests: (changes) => applyNewest(models.requests, listingChanges(changes), true),
    applyOffers: (changes) => applyNewest(models.offers, listingChanges(changes), true),
    applyMisses: (changes) =>
      applyNewest(
        models.misses,
        changes.map(({ miss, stamp }) => ({
          id: miss.requestId,
          fields: { proposals: miss.proposals, wanted: miss.wanted, nearMisses: miss.nearMisses },
          unset: {},
          stamp,
        })),
        false,
      ),
    applyOrganisations: (changes) =>
      applyNewest(
        models.organisations,
        changes.map(({ id, facts, stamp }) => ({ id, fields: { facts, ...placeFields(facts) }, unset: {}, stamp })),
        true,
      ),
    closeOrganisation: async (organisationId, at) => {
      // Known (its facts came first): marked now; unknown: a marker its facts will not undo; withdrawn already: kept.
      // By `_id` alone (decision 0014); the organisation's events have one writer, so read-then-write holds.
      const doc = await models.organisations
        .findById(organisationId, { withdrawnAt: 1 })
        .lean<Pick<OrganisationDoc, 'withdrawnAt'>>()
        .exec();
      if (doc?.withdrawnAt) return;
      await models.organisations.updateOne({ _id: organisationId }, { $set: { withdrawnAt: at } }, { upsert: true }).exec();
    },
    eraseOrganisationName: async (organisationId, erasedName) => {
      await models.requests.updateMany({ 'facts.schoolId': organisationId }, { $set: { 'facts.schoolName': erasedName } }).exec();
      await models.offers.updateMany({ 'facts.providerId': organisationId }, { $set: { 'facts.providerName': erasedName } }).exec();
      await models.organisations
        .updateOne({ _id: organisationId, facts: { $exists: true } }, { $set: { 'facts.name': erasedName } })
        .exec();
    },
    openRequests: async (query) => {
      const filter = { ...listingFilter(query), ...createdBetween(query.from, query.until) };
      const docs = await models.requests.find(filter).lean<ListingDoc<RequestFacts>[]>().exec();
      return docs.flatMap((d) => (d.facts ? [{ ...d.facts, id: d._id, createdAt: d.createdAt }] : []));
    },
    activeOffers: async (query) => {
      const filter = { ...listingFilter(query), ...createdBetween(undefined, query.until) };
      const docs = await models.offers.find(filter).lean<ListingDoc<OfferFacts>[]>().exec();
      return docs.flatMap((d) => (d.facts ? [{ ...d.facts, id: d._id, createdAt: d.createdAt }] : []));
    },
    activeOffersOf: async (providerId) => {
      const docs = await models.offers.find({ open: true, 'facts.providerId': providerId }).lean<ListingDoc<OfferFacts>[]>().exec();
      return docs.flatMap((d) => (d.facts ? [{ ...d.facts, id: d._id, createdAt: d.createdAt }] : []));
    },
    openRequestsIn: async ({ areas, from, until }) => {
      if (areas.length === 0) return [];
      const anyArea = areas.map((area) =>
        'country' in area
          ? { country: area.country }
          : { lat: { $gte: area.latMin, $lte: area.latMax }, lon: { $gte: area.lonMin, $lte: area.lonMax } },
      );
      const filter = { open: true, ...createdBetween(from, until), $or: anyArea };
      const docs = await models.requests.find(filter).lean<ListingDoc<RequestFacts>[]>().exec();
      return docs.flatMap((d) => (d.facts ? [{ ...d.facts, id: d._id, createdAt: d.createdAt }] : []));
    },
    missesOf: async (requestIds) => {
      const found: InsightMiss[] = [];
      for (const ids of chunks([...new Set(requestIds)], IDS_PER_QUERY)) {
        const docs = await models.misses
          .find({ _id: { $in: ids } })
          .lean<MissDoc[]>()
          .exec();
        for (const d of docs)
          found.push({ requestId: d._id, proposals: d.proposals, wanted: d.wanted, nearMisses: d.nearMisses, missedAt: d.lastEventAt });
      }
      return found;
    },
    offerTitles: async (offerIds) => {
      const titles = new Map<string, string>();
      for (const ids of chunks([...new Set(offerIds)], IDS_PER_QUERY)) {
        const docs = await models.offers
          .find({ _id: { $in: ids } }, { _id: 1, 'facts.title': 1 })
          .lean<Array<Pick<ListingDoc<OfferFacts>, '_id' | 'facts'>>>()
          .exec();
        for (const d of docs) if (d.facts?.title) titles.set(d._id, d.facts.title);
      }
      return titles;
    },
    withdrawnOrganisations: async () => {
      const docs = await models.organisations
        .find({ withdrawnAt: { $exists: true } }, { _id: 1 })
        .lean<Array<Pick<OrganisationDoc, '_id'>>>()
        .exec();
      return new Set(docs.map((d) => d._id));
    },
    requesterOrganisations: async (query) => {
      const filter = listingFilter(query, { 'facts.role': 'requester', withdrawnAt: { $exists: false } });
      const docs = await models.organisations.find(filter).lean<OrganisationDoc[]>().exec();
      return docs.flatMap((d) => (d.facts && d.createdAt ? [{ ...d.facts, id: d._id, createdAt: d.createdAt }] : []));
    },
  };
}
