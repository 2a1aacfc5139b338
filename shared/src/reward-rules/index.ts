// The reward maths: pure functions of a rules version and the facts of one conversion.
export * from './rules.ts';
export * from './item-rates.ts';
export * from './tiers.ts';
export * from './split.ts';
export * from './limits.ts';
export * from './milestones.ts';
export * from './friend-offer.ts';
export * from './referral-reward.ts';
export * from './skip-reason.ts';
