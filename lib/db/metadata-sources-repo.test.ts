import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { DRIVERS, createTestDb, type TestDatabase } from "@/tests/support/databases";
import { getMetadataSource, listMetadataSources, listMetadataSourceStatus, markMetadataChecked, recordMetadataError, saveMetadataDocument } from "./metadata-sources-repo";

const DOC = { openai: { id: "openai", models: { "gpt-5": { id: "gpt-5", cost: { input: 1.25, output: 10 }, name: "GPT-5 \"quoted\" ü" } } } };
const save = (t: TestDatabase, over: Partial<Parameters<typeof saveMetadataDocument>[1]> = {}) =>
  saveMetadataDocument(t.db, {
    source: "models.dev", url: "http://127.0.0.1:1/api.json", document: DOC, etag: '"abc"', last_modified: "Sun, 30 Nov 2025 00:00:00 GMT",
    as_of: "2025-11-30T00:00:00.000Z", fetched_at: "2025-12-01T10:00:00.000Z", entries: 1, skipped: 2, ...over,
  });

describe.each(DRIVERS)("metadata sources repository on %s", (driver) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDb(driver, { seed: false });
  });
  afterAll(async () => t?.close());
  beforeEach(async () => {
    await t.db.query("delete from public.ai_metadata_sources");
  });

  it("answers null for a source never fetched", async () => {
    expect(await getMetadataSource(t.db, { source: "models.dev" })).toBeNull();
    expect(await listMetadataSources(t.db)).toEqual([]);
  });

  it("stores a document with its validators, dates and counts, and reads it back as JSON", async () => {
    await save(t);
    const row = await getMetadataSource(t.db, { source: "models.dev" });
    expect(row).toMatchObject({
      source: "models.dev", url: "http://127.0.0.1:1/api.json", document: DOC, etag: '"abc"', last_modified: "Sun, 30 Nov 2025 00:00:00 GMT",
      as_of: "2025-11-30T00:00:00.000Z", fetched_at: "2025-12-01T10:00:00.000Z", checked_at: "2025-12-01T10:00:00.000Z", entries: 1, skipped: 2, last_error: null, last_error_at: null,
    });
  });

  it("keeps the document and validators when an error is recorded, and clears the error on the next good save", async () => {
    await save(t);
    await recordMetadataError(t.db, { source: "models.dev", url: "http://127.0.0.1:1/api.json", error: "answered HTTP 500", at: "2025-12-02T10:00:00.000Z" });
    const failed = await getMetadataSource(t.db, { source: "models.dev" });
    expect(failed).toMatchObject({ document: DOC, etag: '"abc"', entries: 1, last_error: "answered HTTP 500", last_error_at: "2025-12-02T10:00:00.000Z", checked_at: "2025-12-02T10:00:00.000Z", fetched_at: "2025-12-01T10:00:00.000Z" });
    await save(t, { document: { anthropic: { models: {} } }, etag: '"def"', fetched_at: "2025-12-03T10:00:00.000Z" });
    expect(await getMetadataSource(t.db, { source: "models.dev" })).toMatchObject({ document: { anthropic: { models: {} } }, etag: '"def"', last_error: null, last_error_at: null });
  });

  it("records an error of a source that never had a document", async () => {
    await recordMetadataError(t.db, { source: "litellm", url: "http://x.invalid/map.json", error: "network error", at: "2025-12-02T10:00:00.000Z" });
    expect(await getMetadataSource(t.db, { source: "litellm" })).toMatchObject({ document: null, etag: null, entries: 0, skipped: 0, last_error: "network error" });
  });

  it("marks a 304 as checked without touching the document", async () => {
    await save(t);
    await markMetadataChecked(t.db, { source: "models.dev", checked_at: "2025-12-05T00:00:00.000Z" });
    expect(await getMetadataSource(t.db, { source: "models.dev" })).toMatchObject({ document: DOC, checked_at: "2025-12-05T00:00:00.000Z", fetched_at: "2025-12-01T10:00:00.000Z" });
  });

  it("lists statuses without documents, in source order", async () => {
    await save(t);
    await save(t, { source: "litellm", url: "http://127.0.0.1:1/map.json" });
    const statuses = await listMetadataSourceStatus(t.db);
    expect(statuses.map((s) => s.source)).toEqual(["litellm", "models.dev"]);
    expect(statuses[0]).not.toHaveProperty("document");
    expect((await listMetadataSources(t.db)).map((s) => s.document)).toEqual([DOC, DOC]);
  });

  it("refuses a source the table does not know", async () => {
    await expect(save(t, { source: "openrouter" as never })).rejects.toThrow(/check constraint/);
  });
});
