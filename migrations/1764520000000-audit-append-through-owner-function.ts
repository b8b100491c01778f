import type { MigrationInterface, QueryRunner } from 'typeorm';

// The loop both versions of audit_chain_pending share: hash and append this transaction's pending rows.
const CHAIN_PENDING_ROWS = `
        FOR p IN SELECT * FROM audit_pending WHERE txid = txid_current() ORDER BY id LOOP
          head_seq := head_seq + 1;
          canonical := '{"action":' || audit_json(p.action)
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
          RETURNING hash INTO head_hash;
        END LOOP;
`;

/**
 * The audit trail cannot be backdated (issue 23.4). Before, the API's role could INSERT into
 * audit_events directly: a row dated months back, attributed to anyone, with a correctly
 * computed (public, unkeyed) hash verified as "chain OK". Now:
 * - only the chaining trigger writes audit_events: a BEFORE INSERT trigger refuses any row that
 *   does not come from inside it (pg_trigger_depth), whoever asks while triggers are on;
 * - the chaining function runs as its owner (SECURITY DEFINER, the migrating schema owner), so
 *   the API's role needs no privilege on audit_events but SELECT, and only INSERT on
 *   audit_pending (`sillok migrate --grant-to` grants exactly that);
 * - the database stamps each row at commit with its own clock, never earlier than the row
 *   before (a clock stepped back cannot make the chain run backwards), and gives the next seq;
 * - a pending row always belongs to the transaction that inserts it (a client-given txid is
 *   replaced), and the function no longer trusts a session setting to skip rows it has
 *   chained: it asks audit_pending itself, so nothing the client sets can leave a row unchained.
 * The hash itself is unchanged (anyone can still recompute it, README "Audit trail").
 */
export class AuditAppendThroughOwnerFunction1764520000000 implements MigrationInterface {
  name = 'AuditAppendThroughOwnerFunction1764520000000';

  async up(queryRunner: QueryRunner): Promise<void> {
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
        -- Fires once per pending row: the first firing chains and removes every pending row of the
        -- transaction, so later firings find their row gone and return at once.
        IF NOT EXISTS (SELECT 1 FROM audit_pending WHERE id = NEW.id) THEN
          RETURN NULL;
        END IF;
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
        -- Time never runs backwards along the chain, even if the server clock is stepped back.
        at := to_char(greatest(clock_timestamp(), head_at) AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"');
${CHAIN_PENDING_ROWS}        DELETE FROM audit_pending WHERE txid = txid_current();
        RETURN NULL;
      END
      $$`);
    await queryRunner.query(`
      CREATE FUNCTION audit_events_refuse_direct_insert() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        -- Depth 1 is a statement of the client's own; the chaining trigger's insert runs at depth 2.
        IF pg_trigger_depth() < 2 THEN
          RAISE EXCEPTION 'audit_events takes rows only from audit_pending, chained at commit'
            USING ERRCODE = 'insufficient_privilege';
        END IF;
        RETURN NEW;
      END
      $$`);
    await queryRunner.query(`
      CREATE TRIGGER audit_events_only_from_pending BEFORE INSERT ON audit_events
        FOR EACH ROW EXECUTE FUNCTION audit_events_refuse_direct_insert()`);
    await queryRunner.query(`
      CREATE FUNCTION audit_pending_own_transaction() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        NEW.txid := txid_current();
        RETURN NEW;
      END
      $$`);
    await queryRunner.query(`
      CREATE TRIGGER audit_pending_own_transaction BEFORE INSERT ON audit_pending
        FOR EACH ROW EXECUTE FUNCTION audit_pending_own_transaction()`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER audit_pending_own_transaction ON audit_pending`);
    await queryRunner.query(`DROP FUNCTION audit_pending_own_transaction()`);
    await queryRunner.query(`DROP TRIGGER audit_events_only_from_pending ON audit_events`);
    await queryRunner.query(`DROP FUNCTION audit_events_refuse_direct_insert()`);
    // The function as ChainAuditEventsAtCommit made it.
    await queryRunner.query(`
      CREATE OR REPLACE FUNCTION audit_chain_pending() RETURNS trigger
        LANGUAGE plpgsql SECURITY INVOKER RESET search_path AS $$
      DECLARE
        head_seq bigint;
        head_hash text;
        at text;
        canonical text;
        p audit_pending%ROWTYPE;
        last_id bigint;
      BEGIN
        IF NEW.id <= coalesce(nullif(current_setting('sillok.audit_chained_upto', true), ''), '0')::bigint THEN
          RETURN NULL;
        END IF;
        IF current_setting('transaction_isolation') <> 'read committed' THEN
          RAISE EXCEPTION 'audit events need a READ COMMITTED transaction, not %',
            current_setting('transaction_isolation');
        END IF;
        PERFORM pg_advisory_xact_lock(7450170001);
        SELECT seq, hash INTO head_seq, head_hash FROM audit_events ORDER BY seq DESC LIMIT 1;
        head_seq := coalesce(head_seq, 0);
        head_hash := coalesce(head_hash, repeat('0', 64));
        at := to_char(clock_timestamp() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"');
${CHAIN_PENDING_ROWS.replace('head_seq := head_seq + 1;', 'head_seq := head_seq + 1;\n          last_id := p.id;')}        PERFORM set_config('sillok.audit_chained_upto', last_id::text, true);
        DELETE FROM audit_pending WHERE txid = txid_current();
        RETURN NULL;
      END
      $$`);
  }
}
