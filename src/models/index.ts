/**
 * Model management behind `ecoute models list | add <dir> | pull <hub-id> | verify`:
 * models/manifest.json records every installed model directory with its revision, task and the
 * size and SHA-256 of each file. All results are JSON-friendly.
 */
export { listModels, type ListedModel, type ModelList } from './list-models.ts';
export { addModel, type AddModelOptions } from './add-model.ts';
export { pullModel, PullError, type PullOptions } from './pull-model.ts';
export { verifyModels, type VerifyResult, type ModelVerification, type FileProblem } from './verify-models.ts';
export { readManifest, writeManifest, manifestPath, ManifestError } from './manifest-file.ts';
export { registerModelDir } from './register-model.ts';
export { manifestSchema, modelDirName, MODEL_TASKS, type Manifest, type ManifestModel, type ManifestFile, type ModelTask } from './manifest-schema.ts';
export { modelMessages } from './model-messages.ts';
