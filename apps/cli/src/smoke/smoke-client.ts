/** A failed request: the method, path, status and the problem's title or detail (never a token or password). */
export class SmokeRequestError extends Error {}

export interface SmokeResponse {
  status: number;
  headers: Headers;
  body: Buffer;
  json<T>(): T;
}

/** The deployed API over HTTP, as any client reaches it. */
export class SmokeClient {
  constructor(
    readonly baseUrl: string,
    private readonly timeoutMs = 60_000,
  ) {}

  async request(
    method: string,
    path: string,
    options: {
      token?: string;
      json?: unknown;
      form?: FormData;
      headers?: Record<string, string>;
      expect?: number[];
    } = {},
  ): Promise<SmokeResponse> {
    const headers: Record<string, string> = { ...options.headers };
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    let body: string | FormData | undefined = options.form;
    if (options.json !== undefined) {
      headers['content-type'] = 'application/json';
      body = JSON.stringify(options.json);
    }
    let response: Response;
    try {
      response = await fetch(new URL(path, this.baseUrl), {
        method,
        headers,
        body,
        redirect: 'manual',
        signal: AbortSignal.timeout(this.timeoutMs),
      });
    } catch (error) {
      const cause = (error as { cause?: { code?: string; message?: string } }).cause;
      throw new SmokeRequestError(`${method} ${path}: ${cause?.code ?? cause?.message ?? (error as Error).message}`);
    }
    const bytes = Buffer.from(await response.arrayBuffer());
    const expected = options.expect ?? [200, 201, 204];
    if (!expected.includes(response.status)) {
      throw new SmokeRequestError(`${method} ${path} answered ${response.status}${problemOf(bytes)}`);
    }
    return {
      status: response.status,
      headers: response.headers,
      body: bytes,
      json: <T>() => JSON.parse(bytes.toString('utf8')) as T,
    };
  }
}

/** ": <detail>" from an RFC 9457 problem body, when there is one. */
function problemOf(body: Buffer): string {
  try {
    const problem = JSON.parse(body.toString('utf8')) as { title?: string; detail?: string; errors?: unknown };
    const text = problem.detail ?? problem.title;
    return text ? `: ${text}${problem.errors ? ` ${JSON.stringify(problem.errors)}` : ''}` : '';
  } catch {
    return '';
  }
}
