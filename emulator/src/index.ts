// metabase-embed-emulator: a local Metabase-compatible static-embedding server for demos
// and end-to-end tests. Node only; never imported by browser code.
export {startEmulator, type EmulatorOptions, type RunningEmulator} from './http/server.js';
export {PLANS, type Plan} from './rules/plan.js';
export {SAMPLE, sampleContent} from './content/sample-content.js';
export {generateSampleTables} from './content/sample-data.js';
export {ContentError} from './content/validate.js';
export type * from './content/schema.js';
