import type { MailKind, MatchAnswer, MatchSide, MatchSnapshot } from '@koppel/contracts';
import type { OutboxFields } from '@koppel/messaging';

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
  /** Province of the school (app/regions/province-of-postcode.ts): what brokers and policies filter on. */
  region: string;
  /** The school's country and leading four postcode digits: what a broker's regions filter on (store/region-scope.ts). */
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

/** A proposal as first stored (its outbox starts empty). */
export type NewProposal = Pick<
  ProposalDoc,
  | '_id'
  | 'match'
  | 'score'
  | 'region'
  | 'country'
  | 'postcodeNumber'
  | 'status'
  | 'answers'
  | 'mails'
  | 'history'
  | 'createdAt'
  | 'updatedAt'
>;

export function mailKey(recipient: MatchSide, kind: MailKind): string {
  return `${recipient}_${kind}`;
}
