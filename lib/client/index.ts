export { createModelClient, type ModelClient, type ModelClientOptions } from "./model-client";
export { builtinDefault } from "./defaults";
export {
  ModelConfigError,
  type ClientModelConfig,
  type ClientRouteConfig,
  type ClientSelectConfig,
  type ClientSource,
  type ModelConfig,
  type ModelType,
  type Provider,
  type RouteConfig,
  type RouteStep,
  type SelectConfig,
  type SelectQuery,
  type SlotRef,
} from "./types";
export { deprecationNotice, DEPRECATION_WARNING_DAYS, type DeprecationNotice } from "./deprecation";
