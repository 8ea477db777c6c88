import { listModels } from "@/lib/db/models-repo";
import { listMetadataSourceStatus, type MetadataSourceStatus } from "@/lib/db/metadata-sources-repo";
import { listOpenListings } from "@/lib/db/suspect-listings-repo";
import type { Db } from "@/lib/db/types";
import { metadataConfigFromEnv } from "@/lib/metadata/config";
import { isSourceFailing, needsAttention, type AttentionItem } from "./attention";

export interface Attention {
  items: AttentionItem[];
  /** Every configured metadata source with its last fetch and last error (the console's fix for a failing one). */
  metadata_sources: (MetadataSourceStatus & { enabled: boolean; failing: boolean })[];
}

/** What an admin must act on now, read from the registry, the held listings and the metadata sources. */
export async function getAttention(db: Db, now = new Date()): Promise<Attention> {
  const [models, heldListings, stored] = await Promise.all([listModels(db), listOpenListings(db), listMetadataSourceStatus(db)]);
  const { urls } = metadataConfigFromEnv(process.env);
  // A source switched off since its last error is no longer failing.
  const metadata_sources = stored.map((s) => ({ ...s, enabled: urls[s.source] !== null, failing: urls[s.source] !== null && isSourceFailing(s) }));
  const items = needsAttention({ models, heldListings, metadataSources: metadata_sources.filter((s) => s.failing), now });
  return { items, metadata_sources };
}
