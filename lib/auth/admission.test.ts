import { describe, expect, it } from "vitest";
import { isAdmittedAdmin, parseAdminEmails } from "./admission";

const confirmedAt = "2026-01-02T03:04:05Z";
const admins = parseAdminEmails(" Ops@Example.com, , lead@example.com ");

describe("Supabase admission rule", () => {
  it.each([
    ["a confirmed email listed in ADMIN_EMAILS", { email: "ops@example.com", email_confirmed_at: confirmedAt }, true],
    ["a listed email confirmed under the older confirmed_at name", { email: "ops@example.com", confirmed_at: confirmedAt }, true],
    ["a listed email in other letter case", { email: "LEAD@example.COM", email_confirmed_at: confirmedAt }, true],
    ["a listed email that is not confirmed", { email: "ops@example.com" }, false],
    ["a listed email whose confirmation is null", { email: "ops@example.com", email_confirmed_at: null, confirmed_at: null }, false],
    ["an unconfirmed email with app_metadata.role admin", { email: "x@example.com", app_metadata: { role: "admin" } }, true],
    ["app_metadata.role admin", { email: "x@example.com", app_metadata: { role: "admin" } }, true],
    ["app_metadata.roles containing admin", { email: "x@example.com", app_metadata: { roles: ["viewer", "admin"] } }, true],
    ["an unlisted email without an admin role", { email: "x@example.com", app_metadata: { role: "viewer" } }, false],
    ["roles that is not an array", { email: "x@example.com", app_metadata: { roles: "admin" } }, false],
    ["no email and no metadata", { email: null, app_metadata: null }, false],
    ["user_metadata claiming admin (users can write it themselves)", { email: "x@example.com", user_metadata: { role: "admin" } }, false],
  ])("%s → %s", (_name, user, admitted) => {
    expect(isAdmittedAdmin(user, admins)).toBe(admitted);
  });

  it("admits no one without a user", () => {
    expect(isAdmittedAdmin(null, admins)).toBe(false);
  });

  it("parses ADMIN_EMAILS into trimmed, lower-cased addresses", () => {
    expect(admins).toEqual(["ops@example.com", "lead@example.com"]);
    expect(parseAdminEmails(undefined)).toEqual([]);
  });
});
