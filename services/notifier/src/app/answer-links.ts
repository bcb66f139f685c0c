import { answerLinkUrl, signAnswerToken } from '@koppel/answer-links';
import type { Recipient } from '../store/mail-source';
import type { AnswerLinks } from './mails/rendered';

/** Where the answer links point and how long they work (ANSWER_LINK_SECRET, REVIEW_PUBLIC_URL, ANSWER_LINK_TTL_DAYS). */
export interface AnswerLinkOptions {
  secret: string;
  publicUrl: string;
  ttlDays: number;
  now?: Date;
}

/** The two answer links of one side, signed for that side and that match only. */
export function answerLinksFor(matchId: string, side: Recipient, options: AnswerLinkOptions): AnswerLinks {
  const expiresAt = new Date((options.now ?? new Date()).getTime() + options.ttlDays * 86_400_000);
  const sign = (answer: 'interested' | 'not_interested') =>
    answerLinkUrl(options.publicUrl, signAnswerToken({ matchId, side, answer, expiresAt }, options.secret));
  return { interested: sign('interested'), notInterested: sign('not_interested') };
}
