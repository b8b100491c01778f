/**
 * Hands a fetched response to the browser as a downloaded file (downloads that need the bearer token
 * cannot be plain links), named as the server's Content-Disposition says, else `fallbackName`.
 */
export async function saveResponse(response: Response, fallbackName: string): Promise<void> {
  const name = /filename="?([^";]+)"?/.exec(response.headers.get('content-disposition') ?? '')?.[1] ?? fallbackName;
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
