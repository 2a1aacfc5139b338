import type { ConversionResponse, ConversionReward } from '../../../shared/src/wire.ts';
import type { ConversionDetails, RewardRecord } from '../store/records.ts';

/** The wire form of a stored conversion; the same for the first answer, a repeat, and refunds. */
export function conversionResponse(conversion: ConversionDetails): ConversionResponse {
  const response: ConversionResponse = {
    orderId: conversion.orderId,
    amount: conversion.amount,
    currency: conversion.currency,
    refundedAmount: conversion.refundedAmount,
    status: conversion.status,
    orderStatus: conversion.orderStatus,
    attributed: conversion.attributed,
    createdAt: conversion.createdAt,
  };
  if (conversion.attributed && conversion.attributedVia !== null) response.attributedVia = conversion.attributedVia;
  // Also when not attributed: the owner sees whose referral it was (self-referral, not a first purchase).
  if (conversion.ambassadorCode !== null) response.ambassadorCode = conversion.ambassadorCode;
  if (!conversion.attributed && conversion.reason !== null) response.reason = conversion.reason;
  if (conversion.attributed && conversion.friendDiscountPercent !== null) {
    response.friendDiscount = {
      percent: conversion.friendDiscountPercent,
      amount: conversion.friendDiscountAmount ?? 0,
    };
  } else if (conversion.attributed && (conversion.friendDiscountAmount ?? 0) > 0) {
    // A flat offer: what the shop says it took off.
    response.friendDiscount = { amount: conversion.friendDiscountAmount ?? 0 };
  }
  if (conversion.attributed && conversion.rewardSkipped !== null) response.rewardSkipped = conversion.rewardSkipped;
  if (conversion.reward) response.reward = rewardView(conversion.reward);
  if (conversion.bonuses.length > 0) {
    response.bonuses = conversion.bonuses.map((bonus) => ({ ...rewardView(bonus), milestone: bonus.milestone ?? 0 }));
  }
  if (conversion.friendShare !== null) response.friendShare = conversion.friendShare;
  if (conversion.rulesVersion !== null) response.rulesVersion = conversion.rulesVersion;
  return response;
}

function rewardView(reward: RewardRecord): ConversionReward {
  const view: ConversionReward = { id: reward.id, amount: reward.amount, currency: reward.currency, status: reward.status, reasons: reward.reasons };
  if (reward.holdUntil !== null) view.holdUntil = reward.holdUntil;
  return view;
}
