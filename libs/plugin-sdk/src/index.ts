export * from './define-plugin.js';
export type { EventInput, EventName, FunctionInput, FunctionName, FunctionOutput, FunctionResult } from '@guild/extension-points';
