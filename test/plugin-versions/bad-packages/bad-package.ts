/** One hostile or malformed upload and the refusal it must get. */
export interface BadPackage {
  /** What is wrong with it, as the test is named. */
  name: string;
  /** The error code the upload must answer with (a refused package's first issue, or the route's own). */
  code: string;
  status: number;
  /** What the first issue's message must say, where the code alone could come from elsewhere. */
  message?: RegExp;
  /** The package, for the listing `listingName` (`namespace/plugin`). */
  build(listingName: string): Buffer;
  /** Sound packages uploaded first (a downgrade needs a higher version in place). */
  before?(listingName: string): Buffer[];
}
