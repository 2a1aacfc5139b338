import type { ConversionResponse } from '../../../shared/src/wire.ts';
import type { ConversionDetails } from '../store/records.ts';

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
  }
  if (conversion.reward) {
    response.reward = {
      id: conversion.reward.id,
      amount: conversion.reward.amount,
      currency: conversion.reward.currency,
      status: conversion.reward.status,
      reasons: conversion.reward.reasons,
    };
    if (conversion.reward.holdUntil !== null) response.reward.holdUntil = conversion.reward.holdUntil;
  }
  return response;
}
