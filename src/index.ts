/** aws-baseline as a library: typed values in and out; nothing here prints or exits. */
export { buildBaseline, buildStacks, type BuiltBaseline, type BuiltStack } from "./build/app.js";
export {
  pendingStacks,
  planStacks,
  type PendingStack,
  type StackBuild,
  type StackKind,
  type StackPlan,
  type StackPropsByKind,
  type StackTarget,
} from "./plan/plan.js";
export { answersJsonSchema } from "./answers/json-schema.js";
export {
  loadConfig,
  readAnswersFile,
  validateAnswers,
  type ValidationResult,
} from "./answers/load.js";
export { REGIONS_ENABLED_BY_DEFAULT } from "./answers/regions.js";
export { resolveConfig, type BaselineConfig, type ResolvedAccount } from "./answers/resolve.js";
export { RULES, type Rule } from "./answers/rules.js";
export { AnswersSchema, type Answers, type AnswersInput } from "./answers/schema.js";
export {
  BaselineError,
  EXIT_CODES,
  type ErrorCode,
  type ErrorKind,
  type Problem,
} from "./errors.js";
export { synthesize, type SynthResult, type SynthesizedStack } from "./synth/synth.js";
export { findTerraform, type TerraformBinary } from "./run/terraform/binary.js";
export { validateStacks, type StackValidation } from "./run/terraform/validate.js";
export {
  createClients,
  destroyClients,
  REQUIRED_ACTIONS,
  type AwsClients,
  type AwsOptions,
} from "./aws/clients.js";
export { discover, type Conflict, type Discovery } from "./aws/discover.js";
export {
  defaultVpcAccounts,
  deleteDefaultVpcs,
  removeDefaultVpcs,
  scanDefaultVpcs,
  type DefaultVpc,
  type DefaultVpcResult,
  type DefaultVpcStep,
} from "./aws/default-vpcs.js";
export { denyDefaultVpcCreation } from "./account-defaults/default-vpc-scp.js";
export { planSync, type SyncPlan } from "./aws/match.js";
export { readOrganization, type OrgSnapshot } from "./aws/organization.js";
export { editAnswersText } from "./answers/edit.js";
export { EMULATED_SERVICES, type Emulator } from "./answers/emulator.js";
export { bootstrap, type BootstrapResult } from "./run/bootstrap.js";
export {
  deploy,
  deployFlow,
  type DeployEvent,
  type DeployFlowResult,
  type DeployOptions,
  type DeploySteps,
} from "./run/deploy.js";
export { runnerSetup, type RunnerChoice, type RunnerFlags } from "./run/setup.js";
export { answersDiff, readSync, type AwsTarget } from "./aws/sync.js";
export {
  checkProtected,
  driftAll,
  driftExitCode,
  planAll,
  PROTECTED_TYPES,
  type DriftChange,
  type DriftResult,
  type StackPlanOutcome,
} from "./run/terraform/operations.js";
export { runInOrder, topologicalOrder, type Node, type Outcome } from "./run/terraform/order.js";
export {
  classify,
  parsePlan,
  type ParsedPlan,
  type ResourceChange,
} from "./run/terraform/plan-json.js";
