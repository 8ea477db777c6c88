import { listDefaults, listModels, type ModelRow } from "@/lib/db/models-repo";
import { claimNotice } from "@/lib/db/notices-repo";
import { listPending } from "@/lib/db/pending-repo";
import type { Db } from "@/lib/db/types";
import { isPriced, PROVIDERS } from "@/lib/domain";
import { emitEvent } from "@/lib/notify/events";
import { adminChange } from "./admin-change";
import { daysUntil } from "./lifecycle";
import { recomputeDefaults } from "./recompute";
import type { DefaultChange } from "./types";

/** Days before a shutdown at which a default or pinned model is announced as retiring, tightest last. */
export const RETIRING_THRESHOLDS = [30, 7, 1] as const;

export interface DailyCheckResult {
  promoted: DefaultChange[];
  retiring: string[];
  unpriced: string[];
}

/** model.retiring once per model and threshold: the tightest threshold crossed is announced, looser ones are marked seen. */
async function noticeRetiring(tx: Db, models: readonly ModelRow[], now: Date): Promise<string[]> {
  const out: string[] = [];
  for (const m of models) {
    if (!m.shutdown_date) continue;
    const left = daysUntil(m.shutdown_date, now);
    const crossed = RETIRING_THRESHOLDS.filter((t) => left <= t);
    if (crossed.length === 0) continue;
    let fresh = false;
    for (const t of crossed) fresh = (await claimNotice(tx, `model.retiring:${m.provider}/${m.model_name}:${t}`)) || fresh;
    if (!fresh) continue;
    await emitEvent(tx, "model.retiring", {
      provider: m.provider, model_name: m.model_name, model_type: m.model_type, shutdown_date: m.shutdown_date, days_left: left,
      threshold_days: crossed[crossed.length - 1], is_default: m.is_default, is_pinned: m.is_pinned,
    });
    out.push(`${m.provider}/${m.model_name}`);
  }
  return out;
}

/** model.unpriced once per default without a price: cost reports would be wrong for it. */
async function noticeUnpriced(tx: Db, defaults: readonly ModelRow[]): Promise<string[]> {
  const out: string[] = [];
  for (const m of defaults) {
    if (isPriced(m.pricing)) continue;
    if (!(await claimNotice(tx, `model.unpriced:${m.provider}/${m.model_name}`))) continue;
    await emitEvent(tx, "model.unpriced", { provider: m.provider, model_name: m.model_name, model_type: m.model_type });
    out.push(`${m.provider}/${m.model_name}`);
  }
  return out;
}

/**
 * The daily check (no provider listing): promotes soak candidates whose period is over and which are still
 * the best, and announces retiring and unpriced models, all in one registry transaction.
 */
export async function runDailyCheck(db: Db, opts: { now?: Date; actor?: string } = {}): Promise<DailyCheckResult> {
  const now = opts.now ?? new Date();
  return adminChange(db, async (tx) => {
    const due = (await listPending(tx)).filter((p) => p.policy === "soak" && p.promote_after && Date.parse(p.promote_after) <= now.getTime());
    const promoted: DefaultChange[] = [];
    for (const provider of PROVIDERS.filter((p) => due.some((d) => d.provider === p))) {
      promoted.push(...(await recomputeDefaults(tx, provider, { reason: "daily check: soak period over", changedBy: opts.actor ?? "daily-check", now })));
    }
    const watched = (await listModels(tx, { active: true })).filter((m) => m.is_default || m.is_pinned);
    const retiring = await noticeRetiring(tx, watched, now);
    const unpriced = await noticeUnpriced(tx, await listDefaults(tx));
    return { promoted, retiring, unpriced };
  });
}
