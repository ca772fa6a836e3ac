/** aws-baseline as a library: typed values in and out; nothing here prints or exits. */
export { buildBaseline, type BuiltBaseline, type BuiltStack } from "./app.js";
export {
  pendingStacks,
  planStacks,
  type PendingStack,
  type StackKind,
  type StackPlan,
} from "./plan.js";
export { answersJsonSchema } from "./config/json-schema.js";
export {
  loadConfig,
  readAnswersFile,
  validateAnswers,
  type ValidationResult,
} from "./config/load.js";
export type { Problem } from "./config/problems.js";
export { REGIONS_ENABLED_BY_DEFAULT } from "./config/regions.js";
export { resolveConfig, type BaselineConfig, type ResolvedAccount } from "./config/resolve.js";
export { RULES, type Rule } from "./config/rules.js";
export { AnswersSchema, type Answers, type AnswersInput } from "./config/schema.js";
export { BaselineError, EXIT_CODES, type ErrorCode, type ErrorKind } from "./errors.js";
export { synthesize, type SynthResult, type SynthesizedStack } from "./synth.js";
export { findTerraform, type TerraformBinary } from "./terraform/binary.js";
export { validateStacks, type StackValidation } from "./terraform/validate.js";
export {
  createClients,
  destroyClients,
  REQUIRED_ACTIONS,
  type AwsClients,
  type AwsOptions,
} from "./aws/clients.js";
export { discover, type Conflict, type Discovery } from "./aws/discover.js";
export { planSync, type SyncPlan } from "./aws/match.js";
export { readOrganization, type OrgSnapshot } from "./aws/organization.js";
export { editAnswersText } from "./config/answers-edit.js";
export { EMULATED_SERVICES, type Emulator } from "./emulator.js";
export { bootstrap, type BootstrapResult } from "./bootstrap.js";
export { deployFlow, type DeploySteps } from "./deploy-flow.js";
export {
  applyAll,
  checkProtected,
  driftAll,
  driftExitCode,
  planAll,
  PROTECTED_TYPES,
  type DriftChange,
  type DriftResult,
  type StackApplyOutcome,
  type StackPlanOutcome,
} from "./terraform/operations.js";
export { runInOrder, topologicalOrder, type Node, type Outcome } from "./terraform/order.js";
export {
  classify,
  parsePlan,
  type ParsedPlan,
  type ResourceChange,
} from "./terraform/plan-json.js";
