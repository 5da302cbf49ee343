/**
 * The host API version this offering implements. Adding a point or an optional field is a minor
 * bump; removing or renaming either, tightening a schema or changing a combine rule is major.
 */
export const HOST_API_VERSION = '1.0.0';
