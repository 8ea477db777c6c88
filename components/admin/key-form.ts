/** The overrides field as the API takes it: empty means none; anything else must be a JSON object. */
export function parseOverridesField(text: string): { overrides?: Record<string, string>; error?: string } {
  if (text.trim() === "") return {};
  try {
    const value: unknown = JSON.parse(text);
    if (typeof value !== "object" || value === null || Array.isArray(value)) return { error: "Overrides must be a JSON object" };
    return { overrides: value as Record<string, string> };
  } catch {
    return { error: "Overrides are not valid JSON" };
  }
}
