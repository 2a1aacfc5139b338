import createError from '@fastify/error';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import type { ApiError } from '../../shared/src/wire.ts';

/**
 * Every error a client can see has a stable `code` (documented in the README) and a message for
 * people. Codes are snake_case and never change meaning; messages may.
 */
const apiErrorCodes = new Map<string, string>();

/** @fastify/error upper-cases codes; the wire keeps them as we wrote them. */
function defineApiError(code: string, statusCode: number, defaultMessage: string) {
  apiErrorCodes.set(code.toUpperCase(), code);
  // No stack trace: these are expected outcomes, and capturing one costs time on every 4xx.
  const Base = createError(code, '%s', statusCode, undefined, false);
  return class extends (Base as unknown as new (message: string) => FastifyError) {
    constructor(message: string = defaultMessage) {
      super(message);
    }
  };
}

export const InvalidRequestError = defineApiError('invalid_request', 400, 'The request is not valid.');
export const RefundExceedsOrderError = defineApiError(
  'refund_exceeds_order',
  400,
  'The refund is larger than what remains of the order.',
);
export const InvalidPeriodError = defineApiError(
  'invalid_period',
  400,
  'The period must have `from` before `to` (epoch ms) and last at most 400 days.',
);
export const UnauthorizedError = defineApiError(
  'unauthorized',
  401,
  'Send the program secret key as "Authorization: Bearer <key>".',
);
export const InvalidIdentitySignatureError = defineApiError(
  'invalid_identity_signature',
  401,
  'The identity signature is wrong or expired: sign it on your server with the secret key.',
);
export const InvalidSecretKeyError = defineApiError('invalid_secret_key', 401, 'This secret key belongs to no program.');
export const CsrfTokenInvalidError = defineApiError(
  'csrf_token_invalid',
  403,
  'Send the session\'s CSRF token in the "X-CSRF-Token" header.',
);
export const CrossOriginRequestError = defineApiError('cross_origin_request', 403, 'Dashboard requests must come from the dashboard\'s own origin.');
export const TooManySignInAttemptsError = defineApiError('too_many_sign_in_attempts', 429, 'Too many failed sign-ins from this address; wait a few minutes.');
export const OriginNotAllowedError = defineApiError(
  'origin_not_allowed',
  403,
  'This page origin is not an allowed origin of the program.',
);
export const ProgramNotFoundError = defineApiError('program_not_found', 404, 'No program has this id.');
export const AmbassadorNotFoundError = defineApiError('ambassador_not_found', 404, 'No ambassador has this code.');
export const ReferralCodeNotFoundError = defineApiError('referral_code_not_found', 404, 'No ambassador has this referral code.');
export const CouponNotFoundError = defineApiError('coupon_not_found', 404, 'No coupon has this code.');
export const ConversionNotFoundError = defineApiError('conversion_not_found', 404, 'No conversion has this order id.');
export const RewardNotFoundError = defineApiError('reward_not_found', 404, 'No reward of this program has this id.');
export const WebhookEndpointNotFoundError = defineApiError('webhook_not_found', 404, 'No webhook endpoint of this program has this id.');
export const WebhookDeliveryNotFoundError = defineApiError('delivery_not_found', 404, 'No webhook delivery of this program has this id.');
export const PayoutNotFoundError = defineApiError('payout_not_found', 404, 'No payout of this program has this id.');
export const WidgetNotBuiltError = defineApiError(
  'widget_not_built',
  404,
  'The widget is not built: run `npm run build`, then reload.',
);
export const RulesVersionNotFoundError = defineApiError('rules_version_not_found', 404, 'This program has no rules version with this number.');
export const NotFoundError = defineApiError('not_found', 404, 'Nothing here.');
export const OrderIdConflictError = defineApiError(
  'order_id_conflict',
  409,
  'This order id was already recorded with a different amount or currency.',
);

export const InvalidOrderStatusError = defineApiError(
  'invalid_order_status',
  409,
  'An order moves forward only: paid, then fulfilled, then canceled.',
);
export const RewardStatusConflictError = defineApiError(
  'reward_status_conflict',
  409,
  'The reward is not in a status that allows this.',
);

export const CouponAlreadyUsedError = defineApiError('coupon_already_used', 409, 'This single-use coupon was used by another order.');
export const JoinRequiresPurchaseError = defineApiError(
  'join_requires_purchase',
  403,
  'Only customers with an order in this program can become ambassadors.',
);
export const JoinRequiresInvitationError = defineApiError(
  'join_requires_invitation',
  403,
  'This program is by invitation: the owner must invite this email first.',
);
export const ContestNotOverError = defineApiError('contest_not_over', 409, 'The contest has not ended yet.');
export const NoRaffleEntriesError = defineApiError('no_raffle_entries', 409, 'No ambassador has approved raffle entries in this period.');
export const RaffleNotFoundError = defineApiError('raffle_not_found', 404, 'No raffle of this program has this id.');
export const ContestNotFoundError = defineApiError('contest_not_found', 404, 'No contest of this program has this id.');
export const InvitationNotFoundError = defineApiError('invitation_not_found', 404, 'This email is not invited.');

export const NothingToPayError = defineApiError('nothing_to_pay', 409, 'No ambassador is owed at least the minimum in this currency.');
export const PayoutConflictError = defineApiError('payout_conflict', 409, 'The payout is not open, or its rewards changed since it was made.');

/** A widget setting the owner sent is not acceptable; `field` says which (`texts.ru.title`). */
export class InvalidWidgetTextError extends defineApiError('invalid_widget_text', 400, 'A text of the widget settings is not acceptable.') {
  readonly field: string;
  constructor(field: string, message: string) {
    super(`${field} ${message}.`);
    this.field = field;
  }
}
export const InvalidOriginError = defineApiError('invalid_origin', 400, 'An allowed origin must be an http(s) URL, such as https://shop.example.');
export const DisposableEmailError = defineApiError('disposable_email', 400, 'Please use a permanent email address, not a disposable one.');
export const JoinRefusedError = defineApiError('join_refused', 403, 'Joining is not possible from this browser.');
export const LeaderboardDisabledError = defineApiError('leaderboard_disabled', 404, 'This program does not show a leaderboard.');
export const AmbassadorExistsError = defineApiError(
  'ambassador_exists',
  409,
  'This email already belongs to an ambassador: sign in at the shop to see your referral link.',
);
export const AmbassadorNotSignedInError = defineApiError('not_signed_in', 401, 'Sign in (a signed identity or a join token) first.');
export const TooManyRequestsError = defineApiError('too_many_requests', 429, 'Too many attempts: please try again later.');

export const DatabaseUnavailableError = defineApiError('database_unavailable', 503, 'The database does not answer.');

/** Fastify's own client errors, mapped to our stable codes. */
const FASTIFY_CLIENT_ERRORS: Record<string, { code: string; message: string }> = {
  FST_ERR_CTP_BODY_TOO_LARGE: { code: 'payload_too_large', message: 'The request body is too large.' },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: {
    code: 'unsupported_media_type',
    message: 'Send the body as JSON with "Content-Type: application/json".',
  },
  FST_ERR_CTP_INVALID_JSON_BODY: { code: 'invalid_json', message: 'The body is not valid JSON.' },
  FST_ERR_CTP_EMPTY_JSON_BODY: { code: 'invalid_json', message: 'The body is empty; send a JSON object.' },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: {
    code: 'invalid_request',
    message: 'The body size does not match Content-Length.',
  },
};

export function apiErrorBody(code: string, message: string, field?: string): ApiError {
  return { error: field ? { code, message, field } : { code, message } };
}

/**
 * The one error handler: validation errors and known errors become 4xx with a stable code;
 * anything else is logged and answered with a generic 500 that reveals nothing.
 */
export function handleError(error: FastifyError, request: FastifyRequest, reply: FastifyReply): void {
  if (error.validation) {
    void reply.code(400).send(apiErrorBody('invalid_request', error.message));
    return;
  }
  const apiCode = apiErrorCodes.get(error.code);
  if (apiCode && error.statusCode) {
    void reply.code(error.statusCode).send(apiErrorBody(apiCode, error.message, (error as { field?: string }).field));
    return;
  }
  const known = FASTIFY_CLIENT_ERRORS[error.code];
  if (known && error.statusCode) {
    void reply.code(error.statusCode).send(apiErrorBody(known.code, known.message));
    return;
  }
  const status = error.statusCode ?? 500;
  if (status >= 400 && status < 500) {
    void reply.code(status).send(apiErrorBody('bad_request', error.message));
    return;
  }
  request.log.error({ err: error }, 'request failed');
  void reply.code(500).send(apiErrorBody('internal_error', 'Something went wrong on our side.'));
}

export function handleNotFound(request: FastifyRequest, reply: FastifyReply): void {
  void reply.code(404).send(apiErrorBody('not_found', `No route for ${request.method} ${request.url.split('?')[0]}.`));
}
