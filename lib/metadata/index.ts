// The metadata room's public face: what the discovery run, the admin route and the CLI use.
export { metadataConfigFromEnv, METADATA_URL_ENV, type MetadataConfig } from "./config";
export { findFacts, noFacts, type MetadataFacts } from "./facts";
export { matchFacts, buildFactsIndex, type FactsIndex, type FactsMatch, type MatchedBy, type ModelQuery } from "./match";
export { loadStoredMetadata, refreshMetadata, type MetadataRefresh, type MetadataWarning, type RefreshOptions, type SourceReport, type SourceState } from "./refresh";
export { METADATA_SOURCES, type FactsCapabilities, type FactsPricing, type MetadataSource, type ModelFacts } from "./types";
