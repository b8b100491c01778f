import type { Server } from 'node:http';
import request from 'supertest';
import type { Response } from 'superagent';
import type Test from 'supertest/lib/test.js';
import type { OpenApiContract, Exchange } from './openapi-contract.js';

export type HttpClient = ReturnType<typeof request>;

/**
 * supertest against the app, where every request also asserts that the exchange keeps to the
 * OpenAPI document: a violation fails the request's promise (or `.end` callback), and so the
 * test that sent it, with the reasons.
 */
export function contractCheckedClient(server: Server, contract: OpenApiContract): () => HttpClient {
  return () => {
    const client = request(server);
    const checked = { ...client } as Record<string, unknown>;
    for (const [method, open] of Object.entries(client) as [string, (url: string) => Test][]) {
      checked[method] = (url: string) => {
        const test = open(url);
        return test.expect((res: Response) => assertKeepsContract(contract, exchangeOf(test, res)));
      };
    }
    return checked as unknown as HttpClient;
  };
}

/** Throws with every reason the exchange departs from the document (for clients other than supertest too). */
export function assertKeepsContract(contract: OpenApiContract, exchange: Exchange): void {
  const violations = contract.violations(exchange);
  if (violations.length) throw new Error(`OpenAPI contract:\n  ${violations.join('\n  ')}`);
}

/** What was sent and received, read from supertest's request (its private fields are stable across 6 and 7). */
function exchangeOf(test: Test, res: Response): Exchange {
  const sent = test as unknown as {
    method: string;
    _data?: unknown;
    _formData?: unknown;
    _header: Record<string, string>;
  };
  const url = new URL(test.url);
  const requestType = sent._header['content-type']?.split(';')[0].trim();
  const responseType = res.headers['content-type'] ? res.type : undefined;
  return {
    method: sent.method,
    url: url.pathname + url.search,
    status: res.status,
    responseType,
    responseBody: isJson(responseType) ? jsonBodyOf(res) : res.text,
    responseEmpty: res.headers['content-length'] === '0' || (!responseType && !res.text),
    requestType,
    requestBody: sent._formData ? undefined : jsonRequestBodyOf(sent._data, requestType),
  };
}

function isJson(mediaType: string | undefined): boolean {
  return Boolean(mediaType && /(^application\/json$)|(\+json$)/.test(mediaType));
}

/** The JSON body, also where a test read the response as raw bytes (a download that answered an error). */
function jsonBodyOf(res: Response): unknown {
  return Buffer.isBuffer(res.body) ? JSON.parse(res.body.toString('utf8')) : res.body;
}

/** What the server read from a JSON body the test sent as text (the fuzz test does): the parsed value. */
function jsonRequestBodyOf(data: unknown, requestType: string | undefined): unknown {
  if (typeof data !== 'string' || !isJson(requestType)) return data;
  try {
    return JSON.parse(data);
  } catch {
    return data;
  }
}
