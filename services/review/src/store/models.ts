import type { Connection, Model } from 'mongoose';
import { type ConsoleSessionDoc, type ConsoleSessions, consoleSessions, createConsoleSessionModel } from './console-sessions';
import { cachedPolicyLookup, createPolicyModel, type PolicyDoc, type PolicyLookup, type PolicyStore, policyStore } from './policies';
import type { ProposalDoc } from './proposal-doc';
import { createProposalModel, type ProposalStore, proposalStore } from './proposals';
import { createWithdrawnModel, type WithdrawnDoc, type WithdrawnStore, withdrawnStore } from './withdrawn';

/** Review's collections: proposals (with their outbox), auto-approval policies, withdrawals, console sessions. */
export interface ReviewModels {
  proposals: Model<ProposalDoc>;
  policies: Model<PolicyDoc>;
  withdrawn: Model<WithdrawnDoc>;
  sessions: Model<ConsoleSessionDoc>;
}

/** The models on review's connection, each with its collection and indexes created. */
export async function createReviewModels(connection: Connection): Promise<ReviewModels> {
  const models: ReviewModels = {
    proposals: createProposalModel(connection),
    policies: createPolicyModel(connection),
    withdrawn: createWithdrawnModel(connection),
    sessions: createConsoleSessionModel(connection),
  };
  for (const model of Object.values(models)) await model.init();
  return models;
}

/** The repositories review's use cases work with. */
export interface ReviewStores {
  proposals: ProposalStore;
  policies: PolicyStore;
  /** Policies by region, remembered a moment: every proposal asks for its region's. */
  policyLookup: PolicyLookup;
  withdrawn: WithdrawnStore;
  sessions: ConsoleSessions;
}

export function reviewStores(models: ReviewModels): ReviewStores {
  const policies = policyStore(models.policies);
  return {
    proposals: proposalStore(models.proposals),
    policies,
    policyLookup: cachedPolicyLookup(policies),
    withdrawn: withdrawnStore(models.withdrawn),
    sessions: consoleSessions(models.sessions),
  };
}
