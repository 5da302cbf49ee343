// Jest runs in ESM mode (node --experimental-vm-modules); @swc/jest compiles TypeScript with
// decorator metadata, which Nest's dependency injection needs.
const swc = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', decorators: true, tsx: false },
      transform: { legacyDecorator: true, decoratorMetadata: true },
      target: 'es2023',
    },
    module: { type: 'es6' },
    sourceMaps: 'inline',
  },
];

// @fastify/static (used by the API and by @nestjs/swagger) is CommonJS and require()s
// content-disposition, which is ESM-only. Node 20 can require ESM but Jest's module runtime cannot
// before Node 24.9, so that one package is compiled to CommonJS when it is required.
const esmOnlyDependencies = ['content-disposition', 'cookie'];
const swcJs = ['@swc/jest', { jsc: { parser: { syntax: 'ecmascript' }, target: 'es2023' } }];

const common = {
  extensionsToTreatAsEsm: ['.ts'],
  transform: {
    '^.+\\.ts$': swc,
    [`/node_modules/(${esmOnlyDependencies.join('|')})/.+\\.js$`]: swcJs,
    '\\.esm\\.mjs$': '<rootDir>/test/support/jest/cjs-package-as-esm.cjs',
  },
  transformIgnorePatterns: [`/node_modules/(?!(${esmOnlyDependencies.join('|')})/)`],
  moduleNameMapper: {
    // CommonJS packages that require() ESM-only Nest 12: served as ES modules (see the transformer).
    '^@nestjs/throttler$': '<rootDir>/test/support/jest/nestjs-throttler.esm.mjs',
    '^@guild/plugin-sdk/testing$': '<rootDir>/libs/plugin-sdk/src/testing/index.ts',
    '^@guild/(.*)$': '<rootDir>/libs/$1/src/index.ts',
    '^(\\.{1,2}/.*)\\.js$': '$1',
  },
  testEnvironment: 'node',
};

export default {
  reporters: ['default', '<rootDir>/test/support/jest/summary-reporter.cjs'],
  // e2e suites boot the whole app (PGlite's WebAssembly start alone takes a second or two).
  testTimeout: 30_000,
  projects: [
    { ...common, displayName: 'unit', testMatch: ['<rootDir>/apps/*/src/**/*.spec.ts', '<rootDir>/libs/*/src/**/*.spec.ts'] },
    {
      ...common,
      displayName: 'e2e',
      testMatch: ['<rootDir>/test/**/*.e2e-spec.ts'],
      globalSetup: '<rootDir>/test/support/global-setup.mjs',
    },
    {
      ...common,
      displayName: 'browser',
      testMatch: ['<rootDir>/test/browser/**/*.browser-spec.ts'],
      globalSetup: '<rootDir>/test/support/global-setup.mjs',
    },
  ],
};
