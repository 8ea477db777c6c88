/** A webhook URL as logs and answers show it: scheme, host and path; the query (it may carry a token) never. */
export function redactUrl(raw: string): string {
  try {
    const u = new URL(raw);
    return `${u.protocol}//${u.host}${u.pathname}`;
  } catch {
    return "(invalid URL)";
  }
}

/** True for Slack incoming-webhook URLs, which take Slack's own body. */
export function isSlackUrl(raw: string): boolean {
  try {
    return new URL(raw).hostname === "hooks.slack.com";
  } catch {
    return false;
  }
}
