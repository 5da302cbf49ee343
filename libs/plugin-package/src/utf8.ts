const decoder = new TextDecoder('utf-8', { fatal: true });

/** The text, or undefined when the bytes are not UTF-8. A leading BOM is dropped. */
export function decodeUtf8(bytes: Uint8Array): string | undefined {
  try {
    return decoder.decode(bytes);
  } catch {
    return undefined;
  }
}
