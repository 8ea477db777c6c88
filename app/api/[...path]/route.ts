import { ApiError, handleApiError } from "@/lib/api/errors";

// Every /api path without a route of its own answers CONTRACT's JSON error, not Next's HTML 404.
async function notFound(req: Request): Promise<Response> {
  return handleApiError(new ApiError("not_found", `No API route at ${new URL(req.url).pathname}`), "api");
}

export const GET = notFound;
export const POST = notFound;
export const PUT = notFound;
export const PATCH = notFound;
export const DELETE = notFound;
