export { createModelClient, type ModelClient, type ModelClientOptions } from "./model-client";
export { builtinDefault } from "./defaults";
export { ModelConfigError, type ClientModelConfig, type ClientSource, type ModelConfig, type ModelType, type Provider } from "./types";
export { deprecationNotice, DEPRECATION_WARNING_DAYS, type DeprecationNotice } from "./deprecation";
