import type { z } from "zod";
import { rejectControlChars } from "./control-chars";
import { ApiError, fromZodError } from "./errors";

export const MAX_BODY_BYTES = 64 * 1024;

/** Reads a JSON body of at most 64 KB and parses it with the route's schema (413 / 400 otherwise). */
export async function readJsonBody<S extends z.ZodType>(req: Request, schema: S): Promise<z.infer<S>> {
  return parseJsonBody(await readBodyText(req), schema);
}

/** A web request's body as text, at most 64 KB (413 past it, declared or sent). */
export async function readBodyText(req: Request): Promise<string> {
  const declared = Number(req.headers.get("content-length") ?? "0");
  if (declared > MAX_BODY_BYTES) throw tooLarge();
  const chunks: Uint8Array[] = [];
  let size = 0;
  if (req.body) {
    const reader = req.body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > MAX_BODY_BYTES) {
        await reader.cancel();
        throw tooLarge();
      }
      chunks.push(value);
    }
  }
  return Buffer.concat(chunks).toString("utf8");
}

/** Parses a body's text as JSON with the route's schema; empty means {} (400 naming the field otherwise). */
export function parseJsonBody<S extends z.ZodType>(text: string, schema: S): z.infer<S> {
  let data: unknown;
  try {
    data = text.trim() === "" ? {} : JSON.parse(text);
  } catch {
    throw new ApiError("bad_request", "Malformed JSON body", { issues: [{ path: "body", message: "not valid JSON" }] });
  }
  rejectControlChars(data, "body");
  const parsed = schema.safeParse(data);
  if (!parsed.success) throw fromZodError(parsed.error, "body");
  return parsed.data;
}

export function tooLarge(): ApiError {
  return new ApiError("payload_too_large", `Body over ${MAX_BODY_BYTES / 1024} KB`);
}
