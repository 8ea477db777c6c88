import { ApiError, handleApiError } from "@/lib/api/errors";
import { inRequest } from "@/lib/api/with-route";

// Every /api path without a route of its own answers CONTRACT's JSON error, not Next's HTML 404.
const notFound = inRequest(async (_req, url) => handleApiError(new ApiError("not_found", `No API route at ${url.pathname}`), "api"));

export const GET = notFound;
export const POST = notFound;
export const PUT = notFound;
export const PATCH = notFound;
export const DELETE = notFound;
