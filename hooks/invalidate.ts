import type { QueryClient } from "@tanstack/react-query";
import { attentionKeys, defaultsKeys, modelKeys, routeKeys, runKeys, suspectListingKeys } from "./keys";

/** Marks every view of the registry stale (lists, details, defaults, what needs attention, route previews), so a change shows at once. */
export async function invalidateRegistry(qc: QueryClient, { runs = false }: { runs?: boolean } = {}): Promise<void> {
  await Promise.all([
    qc.invalidateQueries({ queryKey: modelKeys.list() }),
    qc.invalidateQueries({ queryKey: ["models", "detail"] }),
    qc.invalidateQueries({ queryKey: defaultsKeys.all }),
    qc.invalidateQueries({ queryKey: attentionKeys.all }),
    qc.invalidateQueries({ queryKey: suspectListingKeys.all }),
    qc.invalidateQueries({ queryKey: routeKeys.all }), // a route's preview follows the defaults it names
    ...(runs ? [qc.invalidateQueries({ queryKey: runKeys.list() })] : []),
  ]);
}
