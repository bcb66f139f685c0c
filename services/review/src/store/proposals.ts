import { Schema, type Connection, type Model } from 'mongoose';
import type { MatchSnapshot } from '@koppel/contracts';
import { outboxSchemaFields, type OutboxEntry } from '@koppel/messaging';

export const PROPOSAL_STATUSES = ['proposed', 'approved', 'rejected'] as const;
export type ProposalStatus = (typeof PROPOSAL_STATUSES)[number];

/** A proposed match as a broker sees it, with the decision and the event that announces it. */
export interface ProposalDoc {
  _id: string; // the match id
  match: MatchSnapshot;
  score: number;
  status: ProposalStatus;
  decidedBy?: string;
  decidedAt?: Date;
  note?: string;
  createdAt: Date;
  updatedAt: Date;
  outbox: OutboxEntry[];
  outboxPending: boolean;
  outboxRevision: number;
}

export function createProposalModel(connection: Connection): Model<ProposalDoc> {
  const schema = new Schema<ProposalDoc>(
    {
      _id: { type: String, required: true },
      match: { type: Object, required: true },
      score: { type: Number, required: true },
      status: { type: String, enum: PROPOSAL_STATUSES, default: 'proposed' },
      decidedBy: String,
      decidedAt: Date,
      note: String,
      createdAt: { type: Date, required: true },
      updatedAt: { type: Date, required: true },
      ...outboxSchemaFields,
    },
    { collection: 'proposals', versionKey: false, minimize: false },
  );
  schema.index({ status: 1, score: -1 });
  return connection.model<ProposalDoc>('Proposal', schema);
}
