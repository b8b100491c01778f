import type pg from 'pg';

export declare const DEFAULT_TEST_SERVER: string;
export declare function testServer(): Promise<{ adminUrl: string; embedded?: { url: string; stop(): Promise<void> } }>;
export declare function databaseUrl(adminUrl: string, database: string): string;
export declare function withAdminClient<T>(adminUrl: string, work: (client: pg.Client) => Promise<T>): Promise<T>;
