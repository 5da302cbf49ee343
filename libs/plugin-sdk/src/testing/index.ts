export { TestHost, createTestHost, type TestHostOptions, type FakeResponse, type RecordedRequest } from './test-host.js';
export type { InvocationRecord, InvocationOutcome, LogLine } from '@guild/plugin-runtime';
