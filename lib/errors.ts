// Typed failures of domain code. lib/api/errors.ts is the one place that turns them into HTTP answers.
import type { z } from "zod";

export interface DomainIssue {
  path: string;
  message: string;
}

/** A failure the caller can act on: what it is (kind), why (message), which field (issues), and context (details). */
export abstract class DomainError extends Error {
  abstract readonly kind: "not_found" | "no_match" | "conflict" | "invalid";
  readonly issues?: DomainIssue[];
  readonly details?: Record<string, unknown>;
  constructor(message: string, options: { issues?: DomainIssue[]; details?: Record<string, unknown> } = {}) {
    super(message);
    this.name = new.target.name;
    this.issues = options.issues;
    this.details = options.details;
  }
}

/** The thing asked for does not exist. */
export class NotFoundError extends DomainError {
  readonly kind = "not_found";
}

/** A well-formed question that no model answers now (a select query, a route none of whose steps resolves). */
export class NoMatchError extends DomainError {
  readonly kind = "no_match";
}

/** The request is well-formed but the registry's state forbids it now (inactive, needs review, a run under way). */
export class ConflictError extends DomainError {
  readonly kind = "conflict";
}

/** The request asks for something the rules never allow (a legacy model as a default). */
export class InvalidError extends DomainError {
  readonly kind = "invalid";
}

/** Where a zod issue is: an unknown name is named by its own key, not by the object that holds it. */
export function issuePath(i: z.core.$ZodIssue): PropertyKey[] {
  return i.code === "unrecognized_keys" && i.keys.length > 0 ? [...i.path, i.keys[0]] : i.path;
}
