import { z } from "zod";
import { DatabaseUnavailableError } from "@/lib/db/types";
import { DomainError, issuePath } from "@/lib/errors";
import { logError } from "@/lib/log";
import { jsonAnswer, toResponse, type ApiAnswer } from "./core";

/** Every error code the API answers, with its HTTP status (CONTRACT §2). */
export const ERROR_STATUS = {
  bad_request: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  no_match: 404,
  method_not_allowed: 405,
  conflict: 409,
  payload_too_large: 413,
  too_many_requests: 429,
  internal_error: 500,
  service_unavailable: 503,
} as const;
export type ErrorCode = keyof typeof ERROR_STATUS;

export interface ErrorIssue {
  path: string;
  message: string;
}

/** The one error class that routes throw; turned into CONTRACT's error shape by handleApiError. */
export class ApiError extends Error {
  readonly code: ErrorCode;
  readonly issues?: ErrorIssue[];
  readonly extra?: Record<string, unknown>;
  readonly headers?: Record<string, string>;
  constructor(
    code: ErrorCode,
    message: string,
    options: { issues?: ErrorIssue[]; extra?: Record<string, unknown>; headers?: Record<string, string> } = {},
  ) {
    super(message);
    this.name = "ApiError";
    this.code = code;
    this.issues = options.issues;
    this.extra = options.extra;
    this.headers = options.headers;
  }
  get status(): number {
    return ERROR_STATUS[this.code];
  }
}

/** Turns a zod failure into a 400 whose message names the field at fault. */
export function fromZodError(err: z.ZodError, where: "query" | "body" | "params" = "query"): ApiError {
  const issues = err.issues.map((i) => ({ path: issuePath(i).join(".") || where, message: i.message }));
  const first = issues[0];
  return new ApiError("bad_request", first ? `Invalid ${where} field "${first.path}": ${first.message}` : `Invalid ${where}`, {
    issues,
  });
}

/** The JSON body of every error answer. */
export function errorBody(code: ErrorCode, message: string, issues?: ErrorIssue[], extra?: Record<string, unknown>) {
  return { success: false as const, ...extra, error: { code, message, ...(issues ? { issues } : {}) } };
}

/** The 405 of a method a route does not serve, naming the ones it does (both hosts answer it alike). */
export function methodNotAllowed(method: string, allowed: readonly string[]): ApiError {
  return new ApiError("method_not_allowed", `${method} is not allowed here; use ${allowed.join(" or ")}`, { headers: { Allow: allowed.join(", ") } });
}

/** The answer of an error, on any host. */
export function errorAnswer(err: ApiError): ApiAnswer {
  return jsonAnswer(errorBody(err.code, err.message, err.issues, err.extra), { "Cache-Control": "no-store", ...err.headers }, err.status);
}

export function errorResponse(err: ApiError): Response {
  return toResponse(errorAnswer(err));
}

const DOMAIN_CODES: Record<DomainError["kind"], ErrorCode> = { not_found: "not_found", no_match: "no_match", conflict: "conflict", invalid: "bad_request" };

/** A typed domain failure as the API answers it: its kind picks the status, its details join the body. */
export function fromDomainError(err: DomainError): ApiError {
  return new ApiError(DOMAIN_CODES[err.kind], err.message, { issues: err.issues, extra: err.details });
}

/** The only place an unknown error becomes an API error: the cause is logged (redacted), never returned. */
export function apiErrorOf(err: unknown, context: string): ApiError {
  if (err instanceof ApiError) return err;
  if (err instanceof DomainError) return fromDomainError(err);
  if (err instanceof z.ZodError) return fromZodError(err);
  if (err instanceof DatabaseUnavailableError) {
    logError(`${context}: database unavailable`, err);
    return new ApiError("service_unavailable", "The database is unavailable; try again shortly");
  }
  logError(`${context}: unexpected error`, err);
  return new ApiError("internal_error", "Internal error");
}

/** An error as the web Response of a Next route handler. */
export function handleApiError(err: unknown, context: string): Response {
  return errorResponse(apiErrorOf(err, context));
}
