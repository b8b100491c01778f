import type { MigrationInterface, QueryRunner } from 'typeorm';

// Hashes pending row `p` onto the head (head_seq already advanced, `at` its time) and appends it:
// the canonical serialisation of README "Audit trail", unchanged since ChainAuditEventsAtCommit.
export const APPEND_ROW = `canonical := '{"action":' || audit_json(p.action)
            || ',"actor_role":' || audit_json(p.actor_role)
            || ',"actor_user_id":' || audit_json(p.actor_user_id::text)
            || ',"case_id":' || audit_json(p.case_id::text)
            || ',"client_address":' || audit_json(p.client_address)
            || ',"details":' || p.details_canonical
            || ',"occurred_at":"' || at
            || '","prev_hash":"' || head_hash
            || '","reason":' || audit_json(p.reason)
            || ',"request_id":' || audit_json(p.request_id)
            || ',"seq":' || head_seq
            || ',"subject_id":' || audit_json(p.subject_id)
            || ',"subject_type":' || audit_json(p.subject_type)
            || ',"user_agent":' || audit_json(p.user_agent) || '}';
          INSERT INTO audit_events (seq, occurred_at, actor_user_id, actor_role, action, subject_type, subject_id,
                                    case_id, request_id, client_address, user_agent, reason, details, prev_hash, hash)
          VALUES (head_seq, at::timestamptz, p.actor_user_id, p.actor_role, p.action, p.subject_type, p.subject_id,
                  p.case_id, p.request_id, p.client_address, p.user_agent, p.reason, p.details_canonical::jsonb,
                  head_hash, encode(sha256(convert_to(canonical, 'UTF8')), 'hex'))
          RETURNING hash INTO head_hash;`;

// The removal of each pending row as AuditChainInBatches chained it.
export const ROW_BY_ROW_REMOVAL = '          DELETE FROM audit_pending WHERE id = p.id;\n';

/**
 * audit_chain_committed: waits for the chain lock (re-entrant: free if this transaction holds it),
 * then chains every pending row `pendingRows` yields in this statement's snapshot (this
 * transaction's own and other committed ones); `removeRow` (PL/pgSQL, may be empty) runs after
 * each row is appended. AuditPendingSetBased replaces it with a set-based take of the rows.
 */
export const chainCommittedFunction = (
  create: 'CREATE' | 'CREATE OR REPLACE',
  pendingRows: string,
  removeRow: string,
): string => `
      ${create} FUNCTION audit_chain_committed() RETURNS integer
        LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public AS $$
      DECLARE
        head_seq bigint;
        head_hash text;
        head_at timestamptz;
        at text;
        canonical text;
        chained integer := 0;
        p audit_pending%ROWTYPE;
      BEGIN
        IF current_setting('transaction_isolation') <> 'read committed' THEN
          -- An older snapshot would read a stale head.
          RAISE EXCEPTION 'audit events need a READ COMMITTED transaction, not %',
            current_setting('transaction_isolation');
        END IF;
        PERFORM pg_advisory_xact_lock(7450170001);
        -- A new statement after the lock: its snapshot sees the head the previous holder committed.
        SELECT seq, hash, occurred_at INTO head_seq, head_hash, head_at FROM audit_events ORDER BY seq DESC LIMIT 1;
        head_seq := coalesce(head_seq, 0);
        head_hash := coalesce(head_hash, repeat('0', 64));
        FOR p IN ${pendingRows} LOOP
          head_seq := head_seq + 1;
          -- Time never runs backwards along the chain, even if the server clock is stepped back.
          head_at := greatest(p.recorded_at, head_at);
          at := to_char(head_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"');
${APPEND_ROW}
${removeRow}          chained := chained + 1;
        END LOOP;
        RETURN chained;
      END
      $$`;

/**
 * Audited commits no longer queue behind each other (issue 18). Before, every audited
 * transaction waited for the chain lock in its commit trigger and held it through its own
 * commit's WAL flush, so audited commits ran one flush at a time (0.25 of plain transactions).
 * Now the chain is extended in batches:
 * - the commit trigger only *tries* the lock. The transaction that gets it chains its own
 *   events and every other transaction's committed pending events, in pending-id order; one
 *   that does not get it commits at once, its events left in audit_pending for the next
 *   holder. The lock is still held through the holder's flush, but nobody waits for it;
 * - `audit_seal()` takes the lock (waiting) and chains whatever is committed and pending
 *   (through a trigger on audit_seal_requests: audit_events still takes rows only from triggers):
 *   the API calls it every second (AuditSealer) and before every read of the log (verify,
 *   GET /audit, an export's custody log), so the log read is the log written;
 * - each pending row carries the database time at which it was written (set by the BEFORE
 *   INSERT trigger, never by the client), and a row's occurred_at is that time, never earlier
 *   than the row before it in the chain;
 * - `audit_pending_oldest_age()` tells /health how long the oldest committed event has waited.
 * What stays: the events commit in the same transaction as the change (audit_pending is
 * written there; the API's role may only INSERT into it), only the owner's functions move
 * them into audit_events, the hash is computed exactly as before (README "Audit trail").
 */
export class AuditChainInBatches1765050000000 implements MigrationInterface {
  name = 'AuditChainInBatches1765050000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE audit_pending ADD COLUMN recorded_at timestamptz NOT NULL DEFAULT clock_timestamp()`,
    );
    await queryRunner.query(`
      CREATE OR REPLACE FUNCTION audit_pending_own_transaction() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        NEW.txid := txid_current();
        NEW.recorded_at := clock_timestamp();
        RETURN NEW;
      END
      $$`);
    // Waits for the chain lock, then chains and removes every pending row this statement's snapshot sees.
    await queryRunner.query(
      chainCommittedFunction('CREATE', 'SELECT * FROM audit_pending ORDER BY id', ROW_BY_ROW_REMOVAL),
    );
    await queryRunner.query(`
      CREATE OR REPLACE FUNCTION audit_chain_pending() RETURNS trigger
        LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public AS $$
      BEGIN
        -- Fires once per pending row. The first firing that gets the lock chains and removes every
        -- pending row it sees, so later firings find their row gone; after one failed try the
        -- transaction does not try again (its rows wait for the next holder or audit_seal()).
        IF NOT EXISTS (SELECT 1 FROM audit_pending WHERE id = NEW.id) THEN
          RETURN NULL;
        END IF;
        IF current_setting('transaction_isolation') <> 'read committed' THEN
          RAISE EXCEPTION 'audit events need a READ COMMITTED transaction, not %',
            current_setting('transaction_isolation');
        END IF;
        IF current_setting('sillok.audit_chain_busy', true) = 'on' THEN
          RETURN NULL;
        END IF;
        IF NOT pg_try_advisory_xact_lock(7450170001) THEN
          PERFORM set_config('sillok.audit_chain_busy', 'on', true);
          RETURN NULL;
        END IF;
        PERFORM audit_chain_committed();
        RETURN NULL;
      END
      $$`);
    // audit_events takes rows only from a trigger (audit_events_refuse_direct_insert checks the
    // trigger depth), so a seal is asked for by inserting into this table, which never keeps a row:
    // its BEFORE INSERT trigger chains and drops the request.
    await queryRunner.query(`CREATE TABLE audit_seal_requests (requested_at timestamptz NOT NULL DEFAULT now())`);
    await queryRunner.query(`
      CREATE FUNCTION audit_seal_request_chain() RETURNS trigger
        LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public AS $$
      BEGIN
        PERFORM set_config('sillok.audit_sealed', audit_chain_committed()::text, true);
        RETURN NULL;
      END
      $$`);
    await queryRunner.query(`
      CREATE TRIGGER audit_seal_requests_chain BEFORE INSERT ON audit_seal_requests
        FOR EACH ROW EXECUTE FUNCTION audit_seal_request_chain()`);
    await queryRunner.query(`
      CREATE FUNCTION audit_seal() RETURNS integer
        LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public AS $$
      BEGIN
        -- Nothing waiting: answer without taking the lock (the common case, called on every read).
        IF NOT EXISTS (SELECT 1 FROM audit_pending) THEN
          RETURN 0;
        END IF;
        INSERT INTO audit_seal_requests DEFAULT VALUES;
        RETURN current_setting('sillok.audit_sealed')::integer;
      END
      $$`);
    await queryRunner.query(`
      CREATE FUNCTION audit_pending_oldest_age() RETURNS double precision
        LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public AS $$
        SELECT coalesce(extract(epoch FROM clock_timestamp() - min(recorded_at))::double precision, 0) FROM audit_pending
      $$`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`SELECT audit_seal()`);
    await queryRunner.query(`DROP FUNCTION audit_pending_oldest_age()`);
    await queryRunner.query(`DROP FUNCTION audit_seal()`);
    await queryRunner.query(`DROP TABLE audit_seal_requests`);
    await queryRunner.query(`DROP FUNCTION audit_seal_request_chain()`);
    // The commit trigger as AuditAppendThroughOwnerFunction made it: wait for the lock, chain this
    // transaction's rows, all stamped with the time of chaining.
    await queryRunner.query(`
      CREATE OR REPLACE FUNCTION audit_chain_pending() RETURNS trigger
        LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public AS $$
      DECLARE
        head_seq bigint;
        head_hash text;
        head_at timestamptz;
        at text;
        canonical text;
        p audit_pending%ROWTYPE;
      BEGIN
        IF NOT EXISTS (SELECT 1 FROM audit_pending WHERE id = NEW.id) THEN
          RETURN NULL;
        END IF;
        IF current_setting('transaction_isolation') <> 'read committed' THEN
          RAISE EXCEPTION 'audit events need a READ COMMITTED transaction, not %',
            current_setting('transaction_isolation');
        END IF;
        PERFORM pg_advisory_xact_lock(7450170001);
        SELECT seq, hash, occurred_at INTO head_seq, head_hash, head_at FROM audit_events ORDER BY seq DESC LIMIT 1;
        head_seq := coalesce(head_seq, 0);
        head_hash := coalesce(head_hash, repeat('0', 64));
        at := to_char(greatest(clock_timestamp(), head_at) AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"');
        FOR p IN SELECT * FROM audit_pending WHERE txid = txid_current() ORDER BY id LOOP
          head_seq := head_seq + 1;
${APPEND_ROW}
        END LOOP;
        DELETE FROM audit_pending WHERE txid = txid_current();
        RETURN NULL;
      END
      $$`);
    await queryRunner.query(`DROP FUNCTION audit_chain_committed()`);
    await queryRunner.query(`
      CREATE OR REPLACE FUNCTION audit_pending_own_transaction() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        NEW.txid := txid_current();
        RETURN NEW;
      END
      $$`);
    await queryRunner.query(`ALTER TABLE audit_pending DROP COLUMN recorded_at`);
  }
}
