import { ADMIN_TOKEN, BASE_URL, FAKE_URL } from "./utils/env";

/**
 * Runs after both web servers answer: opens the database once (the first open migrates and seeds it,
 * which takes seconds) so no test pays for it, and checks the fake provider server's control API.
 */
export default async function globalSetup(): Promise<void> {
  const res = await fetch(`${BASE_URL}/api/ai-model-config/all`, { headers: { Authorization: `Bearer ${ADMIN_TOKEN}` } });
  if (!res.ok) throw new Error(`The app under test is not healthy: GET /api/ai-model-config/all answered ${res.status}: ${await res.text()}`);
  const reset = await fetch(`${FAKE_URL}/_fake/reset`, { method: "POST" });
  if (!reset.ok) throw new Error(`The fake provider server at ${FAKE_URL} did not reset: ${reset.status}`);
}
