import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { metrics } from "./registry";

// docs/monitoring.md is the operators' copy of the alert rules: it must parse and name only series we export.
const doc = fs.readFileSync(path.join(import.meta.dirname, "../../docs/monitoring.md"), "utf8");
const rulesBlock = [...doc.matchAll(/```yaml\n([\s\S]*?)```/g)].map((m) => m[1]).find((b) => b.startsWith("groups:"));

interface Rule {
  alert: string;
  expr: string;
  for?: string;
  labels: { severity: string };
  annotations: { summary: string };
}

const rules = (): Rule[] => (parse(rulesBlock ?? "") as { groups: { rules: Rule[] }[] }).groups.flatMap((g) => g.rules);

async function exportedNames(): Promise<Set<string>> {
  const all = await metrics().registry.getMetricsAsJSON();
  return new Set(all.map((m) => m.name));
}

describe("the alert rules in docs/monitoring.md", () => {
  it("are one YAML document of Prometheus rule groups, each rule with an expression, a severity and a summary", () => {
    expect(rulesBlock).toBeDefined();
    expect(rules().length).toBeGreaterThanOrEqual(8);
    for (const r of rules()) {
      expect(r.alert).toMatch(/^[A-Z][A-Za-z]+$/);
      expect(r.expr.trim()).not.toBe("");
      expect(["critical", "warning", "info"]).toContain(r.labels.severity);
      expect(r.annotations.summary).toBeTruthy();
    }
  });

  it("name only series the app exports", async () => {
    const names = await exportedNames();
    for (const r of rules()) {
      for (const [used] of r.expr.matchAll(/\bamm_[a-z_]+/g)) {
        const base = used.replace(/_(bucket|count|sum)$/, "");
        expect(names, `${r.alert} uses ${used}`).toContain(base);
      }
    }
  });

  it("cover the original design's targets: success rate, config under 100 ms, discovery under 60 s", () => {
    const byName = Object.fromEntries(rules().map((r) => [r.alert, r.expr]));
    expect(byName.ConfigApiErrors).toMatch(/status=~"5\.\."/);
    expect(byName.ConfigApiSlow).toMatch(/amm_config_request_duration_seconds_bucket[\s\S]*> 0\.1\s*$/);
    expect(byName.DiscoverySlow).toMatch(/amm_discovery_last_run_duration_seconds\)? > 60/);
    expect(byName.DiscoveryFailed).toMatch(/status="failed"/);
  });
});
