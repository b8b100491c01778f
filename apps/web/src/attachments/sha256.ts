/**
 * SHA-256 of a file computed in the browser (Web Crypto), as lowercase hex: compared with the
 * hash the server computed from the bytes it stored, so a file altered or cut in transit shows.
 */
export async function sha256Hex(file: Blob): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', await file.arrayBuffer());
  return Array.from(new Uint8Array(digest), (byte) => byte.toString(16).padStart(2, '0')).join('');
}
