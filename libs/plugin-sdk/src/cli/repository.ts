import { fileURLToPath } from 'node:url';

// The SDK is used from inside the Guild repository (a workspace package), so its tsconfig.json and
// its tsx are found relative to this file, never to the folder the CLI was started in.
export const REPO_TSCONFIG = fileURLToPath(new URL('../../../../tsconfig.json', import.meta.url));
export const TSX_LOADER = import.meta.resolve('tsx');
