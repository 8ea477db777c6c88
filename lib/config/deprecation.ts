/**
 * Sunset (RFC 8594: the shutdown as an HTTP-date) and Deprecation (RFC 9745: `@<unix seconds>` of when the
 * provider announced it, else the shutdown) for an answer whose model has a shutdown date; none otherwise.
 */
export function deprecationHeaders(shutdownDate: string | null | undefined, announcedAt?: string | null): Record<string, string> {
  if (!shutdownDate) return {};
  const shutdown = Date.parse(`${shutdownDate.slice(0, 10)}T00:00:00Z`);
  if (Number.isNaN(shutdown)) return {};
  const announced = announcedAt ? Date.parse(announcedAt) : Number.NaN;
  const since = Number.isNaN(announced) ? shutdown : announced;
  return { Sunset: new Date(shutdown).toUTCString(), Deprecation: `@${Math.floor(since / 1000)}` };
}
