import type { Connection, Model } from 'mongoose';
import { type ConsoleSessionDoc, type ConsoleSessions, consoleSessions, createConsoleSessionModel } from './console-sessions';
import { createInsightModels, type InsightModels, type InsightStore, insightStore } from './insights';
import { cachedPolicyLookup, createPolicyModel, type PolicyDoc, type PolicyLookup, type PolicyStore, policyStore } from './policies';
import type { ProposalDoc } from './proposal-doc';
import { createProposalModel, type ProposalStore, proposalStore } from './proposals';
import { createSignUpModel, type SignUpDoc, type SignUpStore, signUpStore } from './sign-ups';
import { createWithdrawnModel, type WithdrawnDoc, type WithdrawnStore, withdrawnStore } from './withdrawn';

/** Review's collections: proposals and sign-ups (with their outboxes), auto-approval policies, withdrawals, console sessions. */
export interface ReviewModels {
  proposals: Model<ProposalDoc>;
  /** Organisations that signed up themselves, waiting for a broker's decision (issue #13). */
  signUps: Model<SignUpDoc>;
  policies: Model<PolicyDoc>;
  withdrawn: Model<WithdrawnDoc>;
  sessions: Model<ConsoleSessionDoc>;
  /** The insights read model (issue #14): its own database and connection, fed by its own consumer group. */
  insights: InsightModels;
}

/** The models on review's connection and the read model's own, each with its collection and indexes created. */
export async function createReviewModels(connection: Connection, insightsConnection: Connection): Promise<ReviewModels> {
  const models: ReviewModels = {
    proposals: createProposalModel(connection),
    signUps: createSignUpModel(connection),
    policies: createPolicyModel(connection),
    withdrawn: createWithdrawnModel(connection),
    sessions: createConsoleSessionModel(connection),
    insights: createInsightModels(insightsConnection),
  };
  const { insights, ...own } = models;
  for (const model of [...Object.values(own), ...Object.values(insights)]) await model.init();
  return models;
}

/** The repositories review's use cases work with. */
export interface ReviewStores {
  proposals: ProposalStore;
  signUps: SignUpStore;
  policies: PolicyStore;
  /** Policies by region, remembered a moment: every proposal asks for its region's. */
  policyLookup: PolicyLookup;
  withdrawn: WithdrawnStore;
  sessions: ConsoleSessions;
  /** The insights read model. */
  insights: InsightStore;
}

export function reviewStores(models: ReviewModels): ReviewStores {
  const policies = policyStore(models.policies);
  return {
    proposals: proposalStore(models.proposals),
    signUps: signUpStore(models.signUps),
    policies,
    policyLookup: cachedPolicyLookup(policies),
    withdrawn: withdrawnStore(models.withdrawn),
    sessions: consoleSessions(models.sessions),
    insights: insightStore(models.insights),
  };
}
