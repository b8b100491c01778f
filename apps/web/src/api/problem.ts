/** An RFC 9457 problem the API answered with (status, code, detail), thrown by `must`. */
export class ApiProblem extends Error {
  constructor(
    readonly status: number,
    readonly code: string | undefined,
    readonly detail: string,
    readonly body: unknown,
  ) {
    super(detail);
  }
}

interface Answer<T> {
  data?: T;
  error?: unknown;
  response: Response;
}

/** The data of an openapi-fetch answer, or an ApiProblem for TanStack Query to show. */
export async function must<T>(call: Promise<Answer<T>>): Promise<T> {
  const { data, error, response } = await call;
  if (response.ok) return data as T;
  throw problemOf(response.status, response.statusText, error);
}

/** The ApiProblem for a failed answer's status and parsed body (also used for XMLHttpRequest uploads). */
export function problemOf(status: number, statusText: string, body: unknown): ApiProblem {
  const problem = (body ?? {}) as { type?: string; detail?: string; title?: string };
  return new ApiProblem(status, problem.type?.split(':').pop(), problem.detail ?? problem.title ?? statusText, body);
}
