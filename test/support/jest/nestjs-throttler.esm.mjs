// @package @nestjs/throttler
// Placeholder: test/support/jest/cjs-package-as-esm.cjs serves the package here (see jest.config.js).
