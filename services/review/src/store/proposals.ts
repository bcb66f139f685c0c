import { Schema, type Connection, type Model } from 'mongoose';
import type { MailKind, MatchAnswer, MatchSide, MatchSnapshot } from '@koppel/contracts';
import { outboxSchemaFields, type OutboxFields } from '@koppel/messaging';

/**
 * proposed → approved | rejected (broker or auto-approval policy);
 * approved → confirmed (both sides interested) | declined (one side not interested).
 */
/** `withdrawn`: its offer or request was withdrawn before a decision; it can no longer be approved. */
export const PROPOSAL_STATUSES = ['proposed', 'approved', 'rejected', 'confirmed', 'declined', 'withdrawn'] as const;
export type ProposalStatus = (typeof PROPOSAL_STATUSES)[number];

export interface SideAnswer {
  answer: MatchAnswer;
  reason?: string;
  answeredAt: Date;
  /** Hash of the link token that gave the answer ('page' when answered on the web page). */
  via: string;
}

/** The latest known state of one mail, from the notifier's mail.sent / mail.failed events. */
export interface MailState {
  recipient: MatchSide;
  kind: MailKind;
  status: 'sent' | 'failed' | 'resend-requested';
  to?: string;
  attempts?: number;
  reason?: string;
  at: Date;
}

/** One line of a match's history: who did what, when. */
export interface HistoryEntry {
  at: Date;
  action: string;
  by: string;
  note?: string;
}

/** A proposed match as a broker sees it, with the decision, the answers and the events that announce them. */
export interface ProposalDoc {
  _id: string; // the match id
  match: MatchSnapshot;
  score: number;
  /** Province of the school (regions/province-of-postcode.ts): what brokers and policies filter on. */
  region: string;
  /** The school's country and leading four postcode digits: what a broker's regions filter on (console/broker-scope.ts). */
  country?: string;
  postcodeNumber?: number;
  status: ProposalStatus;
  decidedBy?: string;
  decidedAt?: Date;
  note?: string;
  answers: Partial<Record<MatchSide, SideAnswer>>;
  /** Keyed `<recipient>_<kind>` (no dots: keys are field paths). */
  mails: Record<string, MailState>;
  history: HistoryEntry[];
  createdAt: Date;
  updatedAt: Date;
  pendingEvents: OutboxFields['pendingEvents'];
  pendingEventCount: number;
}

export function mailKey(recipient: MatchSide, kind: MailKind): string {
  return `${recipient}_${kind}`;
}

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
  return connection.model<ProposalDoc>('Proposal', schema);
}
