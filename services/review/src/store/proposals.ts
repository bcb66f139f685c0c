import { Schema, type Connection, type Model } from 'mongoose';
import type { Claims } from '@koppel/auth';
import type { MailKind, MatchSide } from '@koppel/contracts';
import { appendToOutbox, outboxSchemaFields, type OutboxEntry } from '@koppel/messaging';
import {
  type HistoryEntry,
  type MailState,
  mailKey,
  type NewProposal,
  PROPOSAL_STATUSES,
  type ProposalDoc,
  type ProposalStatus,
  type SideAnswer,
} from './proposal-doc';
import { withinScope } from './region-scope';

export function createProposalModel(connection: Connection): Model<ProposalDoc> {
  const schema = new Schema<ProposalDoc>(
    {
      _id: { type: String, required: true },
      match: { type: Object, required: true },
      score: { type: Number, required: true },
      region: { type: String, default: 'Onbekend' },
      country: String,
      postcodeNumber: Number,
      status: { type: String, enum: PROPOSAL_STATUSES, default: 'proposed' },
      decidedBy: String,
      decidedAt: Date,
      note: String,
      answers: { type: Object, default: () => ({}) },
      mails: { type: Object, default: () => ({}) },
      history: { type: [{ _id: false, at: Date, action: String, by: String, note: String }], default: () => [] },
      createdAt: { type: Date, required: true },
      updatedAt: { type: Date, required: true },
      ...outboxSchemaFields,
    },
    { collection: 'proposals', versionKey: false, minimize: false },
  );
  schema.index({ status: 1, score: -1 });
  schema.index({ region: 1, status: 1 });
  schema.index({ country: 1, postcodeNumber: 1 });
  // The insights summary looks proposals up by request (in batches; issue #14).
  schema.index({ 'match.requestId': 1 });
  // …and which offers were ever proposed (providers never reached).
  schema.index({ 'match.offerId': 1 });
  return connection.model<ProposalDoc>('Proposal', schema);
}

/** What the insights read of one proposal: its status, when it was decided, confirmed or called off, and the answers. */
export interface ProposalOutcomeRow {
  requestId: string;
  status: ProposalStatus;
  matchId?: string;
  offerId?: string;
  offerTitle?: string;
  /** When a broker or a policy approved or rejected it. */
  decidedAt?: Date;
  confirmedAt?: Date;
  declinedAt?: Date;
  answers?: Partial<Record<MatchSide, { answer: SideAnswer['answer']; reason?: string; answeredAt: Date }>>;
}

/** What a list of proposals is narrowed to (each only when given): the console's filters, the API's status. */
export interface ProposalFilter {
  status?: ProposalStatus;
  region?: string;
  /** A discipline code the offer has. */
  discipline?: string;
  /** 0..1, compared with the score. */
  minScore?: number;
  /** An age within the request's age range. */
  age?: number;
  /** Case-insensitive, in the titles, the organisations' names and the school's municipality. */
  text?: string;
}

export type ProposalSort = 'score' | 'newest' | 'oldest';

/** An offer, a request or a whole organisation: what can be withdrawn, and its proposals with it. */
export interface Withdrawable {
  kind: 'offer' | 'request' | 'organisation';
  id: string;
}

/** Review's proposals in its database; every change is one conditional single-document write carrying its events (outbox). */
export interface ProposalStore {
  byId(matchId: string): Promise<ProposalDoc | null>;
  byIds(matchIds: string[]): Promise<ProposalDoc[]>;
  /** One page of a list within what the user may see, and how many the whole list holds. */
  page(
    filter: ProposalFilter,
    user: Pick<Claims, 'role' | 'regions'>,
    order: { sort: ProposalSort; offset: number; limit: number },
  ): Promise<{ items: ProposalDoc[]; total: number }>;
  /** The proposals of one request, best first. */
  ofRequest(requestId: string, limit: number): Promise<ProposalDoc[]>;
  /** The status of every proposal made for these requests (the insights' funnel: issue #14). */
  outcomesOfRequests(requestIds: string[]): Promise<ProposalOutcomeRow[]>;
  /** Which of these offers were ever proposed, whatever became of the proposal (providers never reached: issue #14). */
  proposedOffers(offerIds: string[]): Promise<Set<string>>;
  /** Proposals with a suggestion or confirmation mail the notifier gave up on, within what the user may see; latest first. */
  withFailedMails(user: Pick<Claims, 'role' | 'regions'>, limit: number): Promise<ProposalDoc[]>;
  /** One organisation's proposals (as the school or the provider) in these statuses, latest first. */
  ofOrganisation(side: MatchSide, organisationId: string, statuses: readonly ProposalStatus[], limit: number): Promise<ProposalDoc[]>;
  /** Approved matches whose answers already say confirmed (both interested) or declined (one not interested). */
  answeredUnsettled(limit: number): Promise<ProposalDoc[]>;
  /** Inserts the proposals (unordered, so one duplicate does not stop the rest); returns the indexes that already existed. */
  insertNew(docs: NewProposal[]): Promise<Set<number>>;
  /** Replaces the snapshot of a proposal still waiting for a broker; false when it was decided meanwhile. */
  refreshPending(
    matchId: string,
    fields: Pick<ProposalDoc, 'match' | 'score' | 'region' | 'country' | 'postcodeNumber'>,
    now: Date,
  ): Promise<boolean>;
  /** Decides a proposal still waiting, with its history line and events in the same write; null when it was not waiting. */
  decide(
    matchId: string,
    decision: { status: 'approved' | 'rejected'; decidedBy: string; decidedAt: Date; note?: string },
    history: HistoryEntry,
    events: OutboxEntry[],
  ): Promise<ProposalDoc | null>;
  /** Changes the note of a proposal still waiting; false when it was not waiting. */
  editNote(matchId: string, note: string | undefined, history: HistoryEntry, at: Date): Promise<boolean>;
  /** Records one side's answer unless that side answered before (then null), with its events in the same write. */
  recordAnswer(
    matchId: string,
    side: MatchSide,
    answer: SideAnswer,
    history: HistoryEntry,
    events: OutboxEntry[],
  ): Promise<ProposalDoc | null>;
  /** approved → confirmed when both sides said interested; null when the status or the answers say otherwise. */
  confirm(matchId: string, history: HistoryEntry, events: OutboxEntry[]): Promise<ProposalDoc | null>;
  /** approved → declined; null when it was no longer approved. */
  decline(matchId: string, history: HistoryEntry): Promise<ProposalDoc | null>;
  /** The proposals of what was withdrawn that still wait for a broker become withdrawn; returns how many. */
  withdrawPending(of: Withdrawable, history: HistoryEntry, at: Date): Promise<number>;
  /** An erased organisation's name in every snapshot becomes `erasedName`, and its addresses go; returns how many proposals. */
  anonymiseOrganisation(organisationId: string, erasedName: string): Promise<number>;
  /** Overwrites what is known of one mail of a match. */
  recordMail(matchId: string, state: MailState): Promise<void>;
  /** Marks a failed mail as to be sent again, with its event; false when that mail had not failed. */
  requestResend(
    matchId: string,
    mail: { recipient: MatchSide; kind: MailKind },
    history: HistoryEntry,
    events: OutboxEntry[],
    at: Date,
  ): Promise<boolean>;
}

const DUPLICATE_KEY = 11000;

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * The database filter of a list. Only what FerretDB v1 does: equality on dotted
 * paths (also into arrays, no $elemMatch), ranges, and a case-insensitive $regex
 * for the search box.
 */
function filterOf(f: ProposalFilter): Record<string, unknown> {
  const filter: Record<string, unknown> = {};
  if (f.status) filter.status = f.status;
  if (f.region) filter.region = f.region;
  if (f.discipline) filter['match.offer.disciplines'] = f.discipline;
  if (f.minScore !== undefined) filter.score = { $gte: f.minScore };
  if (f.age !== undefined) {
    filter['match.request.ageMin'] = { $lte: f.age };
    filter['match.request.ageMax'] = { $gte: f.age };
  }
  if (f.text) {
    const pattern = { $regex: escapeRegex(f.text), $options: 'i' };
    filter.$or = [
      { 'match.request.title': pattern },
      { 'match.offer.title': pattern },
      { 'match.school.name': pattern },
      { 'match.provider.name': pattern },
      { 'match.request.municipality': pattern },
    ];
  }
  return filter;
}

function sortOf(sort: ProposalSort): Record<string, 1 | -1> {
  if (sort === 'newest') return { createdAt: -1, _id: 1 };
  if (sort === 'oldest') return { createdAt: 1, _id: 1 };
  return { score: -1, _id: 1 };
}

function proposalsOf(of: Withdrawable): Record<string, unknown> {
  if (of.kind === 'offer') return { 'match.offerId': of.id };
  if (of.kind === 'request') return { 'match.requestId': of.id };
  return { $or: [{ 'match.school.id': of.id }, { 'match.provider.id': of.id }] };
}

const SIDES: Array<{ side: MatchSide; field: 'school' | 'provider' }> = [
  { side: 'school', field: 'school' },
  { side: 'provider', field: 'provider' },
];

export function proposalStore(model: Model<ProposalDoc>): ProposalStore {
  return {
    byId: (matchId) => model.findById(matchId).lean<ProposalDoc>().exec(),
    byIds: (matchIds) =>
      model
        .find({ _id: { $in: matchIds } })
        .lean<ProposalDoc[]>()
        .exec(),
    page: async (filter, user, order) => {
      const query = withinScope(filterOf(filter), user);
      const [items, total] = await Promise.all([
        model.find(query).sort(sortOf(order.sort)).skip(order.offset).limit(order.limit).lean<ProposalDoc[]>().exec(),
        model.countDocuments(query).exec(),
      ]);
      return { items, total };
    },
    ofRequest: (requestId, limit) =>
      model.find({ 'match.requestId': requestId }).sort({ score: -1 }).limit(limit).lean<ProposalDoc[]>().exec(),
    outcomesOfRequests: async (requestIds) => {
      const outcomes: ProposalOutcomeRow[] = [];
      const unique = [...new Set(requestIds)];
      // In slices: FerretDB v1 answers a long $in list slowly.
      for (let i = 0; i < unique.length; i += 500) {
        const docs = await model
          .find(
            { 'match.requestId': { $in: unique.slice(i, i + 500) } },
            { 'match.requestId': 1, 'match.offerId': 1, 'match.offer.title': 1, status: 1, decidedAt: 1, answers: 1, history: 1 },
          )
          .lean<
            Array<
              Pick<ProposalDoc, '_id' | 'status' | 'decidedAt' | 'answers' | 'history'> & {
                match: { requestId: string; offerId: string; offer?: { title?: string } };
              }
            >
          >()
          .exec();
        for (const d of docs) {
          const when = (action: string) => d.history?.find((h) => h.action === action)?.at;
          const answers: ProposalOutcomeRow['answers'] = {};
          for (const side of ['school', 'provider'] as const) {
            const a = d.answers?.[side];
            if (a) answers[side] = { answer: a.answer, answeredAt: a.answeredAt, ...(a.reason ? { reason: a.reason } : {}) };
          }
          outcomes.push({
            requestId: d.match.requestId,
            status: d.status,
            matchId: d._id,
            offerId: d.match.offerId,
            offerTitle: d.match.offer?.title,
            decidedAt: d.decidedAt,
            confirmedAt: when('confirmed'),
            declinedAt: when('declined'),
            answers,
          });
        }
      }
      return outcomes;
    },
    proposedOffers: async (offerIds) => {
      const proposed = new Set<string>();
      const unique = [...new Set(offerIds)];
      for (let i = 0; i < unique.length; i += 500) {
        const docs = await model
          .find({ 'match.offerId': { $in: unique.slice(i, i + 500) } }, { 'match.offerId': 1 })
          .lean<Array<{ match: { offerId: string } }>>()
          .exec();
        for (const d of docs) proposed.add(d.match.offerId);
      }
      return proposed;
    },
    withFailedMails: (user, limit) => {
      const failed = {
        $or: ['school', 'provider'].flatMap((r) => ['approved', 'confirmed'].map((k) => ({ [`mails.${r}_${k}.status`]: 'failed' }))),
      };
      return model.find(withinScope(failed, user)).sort({ updatedAt: -1 }).limit(limit).lean<ProposalDoc[]>().exec();
    },
    ofOrganisation: (side, organisationId, statuses, limit) =>
      model
        .find({ status: { $in: statuses }, [`match.${side}.id`]: organisationId })
        .sort({ updatedAt: -1 })
        .limit(limit)
        .lean<ProposalDoc[]>()
        .exec(),
    answeredUnsettled: (limit) =>
      model
        .find({
          status: 'approved',
          $or: [
            { 'answers.school.answer': 'not_interested' },
            { 'answers.provider.answer': 'not_interested' },
            { 'answers.school.answer': 'interested', 'answers.provider.answer': 'interested' },
          ],
        })
        .limit(limit)
        .lean<ProposalDoc[]>()
        .exec(),
    insertNew: async (docs) => {
      try {
        await model.insertMany(docs, { ordered: false });
        return new Set();
      } catch (error) {
        const writeErrors = (error as { writeErrors?: Array<{ index?: number; code?: number; err?: { index?: number; code?: number } }> })
          .writeErrors;
        if (!writeErrors?.length) throw error;
        const failed = writeErrors.map((w) => ({ index: w.index ?? w.err?.index, code: w.code ?? w.err?.code }));
        if (failed.some((f) => f.code !== DUPLICATE_KEY || f.index === undefined)) throw error;
        return new Set(failed.map((f) => f.index as number));
      }
    },
    refreshPending: async (matchId, fields, now) => {
      const refreshed = await model.updateOne({ _id: matchId, status: 'proposed' }, { $set: { ...fields, updatedAt: now } }).exec();
      return refreshed.matchedCount > 0;
    },
    decide: (matchId, decision, history, events) => {
      const outbox = appendToOutbox(events);
      return model
        .findOneAndUpdate(
          { _id: matchId, status: 'proposed' },
          {
            $push: { history },
            $inc: outbox.$inc,
            $set: {
              ...outbox.$set,
              status: decision.status,
              decidedBy: decision.decidedBy,
              decidedAt: decision.decidedAt,
              note: decision.note,
              updatedAt: decision.decidedAt,
            },
          },
          { returnDocument: 'after' },
        )
        .lean<ProposalDoc>()
        .exec();
    },
    editNote: async (matchId, note, history, at) => {
      const result = await model
        .updateOne({ _id: matchId, status: 'proposed' }, { $set: { note, updatedAt: at }, $push: { history } })
        .exec();
      return result.modifiedCount === 1;
    },
    recordAnswer: (matchId, side, answer, history, events) => {
      const outbox = appendToOutbox(events);
      return model
        .findOneAndUpdate(
          { _id: matchId, [`answers.${side}`]: { $exists: false } },
          {
            $push: { history },
            $inc: outbox.$inc,
            $set: { ...outbox.$set, [`answers.${side}`]: answer, updatedAt: answer.answeredAt },
          },
          { returnDocument: 'after' },
        )
        .lean<ProposalDoc>()
        .exec();
    },
    confirm: (matchId, history, events) => {
      const outbox = appendToOutbox(events);
      return model
        .findOneAndUpdate(
          { _id: matchId, status: 'approved', 'answers.school.answer': 'interested', 'answers.provider.answer': 'interested' },
          {
            $push: { history },
            $inc: outbox.$inc,
            $set: { ...outbox.$set, status: 'confirmed', updatedAt: history.at },
          },
          { returnDocument: 'after' },
        )
        .lean<ProposalDoc>()
        .exec();
    },
    decline: (matchId, history) =>
      model
        .findOneAndUpdate(
          { _id: matchId, status: 'approved' },
          { $push: { history }, $set: { status: 'declined', updatedAt: history.at } },
          { returnDocument: 'after' },
        )
        .lean<ProposalDoc>()
        .exec(),
    withdrawPending: async (of, history, at) => {
      const result = await model
        .updateMany({ ...proposalsOf(of), status: 'proposed' }, { $set: { status: 'withdrawn', updatedAt: at }, $push: { history } })
        .exec();
      return result.modifiedCount;
    },
    anonymiseOrganisation: async (organisationId, erasedName) => {
      let anonymised = 0;
      for (const { side, field } of SIDES) {
        const docs = await model
          .find({ [`match.${field}.id`]: organisationId }, { _id: 1, mails: 1 })
          .lean<Array<Pick<ProposalDoc, '_id' | 'mails'>>>()
          .exec();
        for (const doc of docs) {
          const mailFields = Object.keys(doc.mails ?? {})
            .filter((key) => key.startsWith(`${side}_`))
            .map((key) => [`mails.${key}.to`, 1]);
          // Addresses only in proposals and mail outcomes from before match events lost them (issue #11).
          await model
            .updateOne(
              { _id: doc._id },
              { $set: { [`match.${field}.name`]: erasedName }, $unset: { [`match.${field}.email`]: 1, ...Object.fromEntries(mailFields) } },
            )
            .exec();
          anonymised += 1;
        }
      }
      return anonymised;
    },
    recordMail: async (matchId, state) => {
      await model.updateOne({ _id: matchId }, { $set: { [`mails.${mailKey(state.recipient, state.kind)}`]: state } }).exec();
    },
    requestResend: async (matchId, mail, history, events, at) => {
      const key = mailKey(mail.recipient, mail.kind);
      const outbox = appendToOutbox(events);
      const result = await model
        .updateOne(
          { _id: matchId, [`mails.${key}.status`]: 'failed' },
          {
            $push: { history },
            $inc: outbox.$inc,
            $set: { ...outbox.$set, [`mails.${key}.status`]: 'resend-requested', [`mails.${key}.at`]: at, updatedAt: at },
          },
        )
        .exec();
      return result.modifiedCount === 1;
    },
  };
}
