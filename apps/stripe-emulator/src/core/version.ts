/** The API version the pinned `stripe` SDK sends; events and objects are shaped for it. */
export const EMULATOR_API_VERSION = '2026-10-28.endive';
