import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Audit rows join the hash chain at commit, not when a service writes them. A service's
 * transaction inserts its events into `audit_pending` (no lock taken); a deferred constraint
 * trigger then chains them as the last step before the commit record: it takes the chain
 * lock (pg_advisory_xact_lock, held until the commit ends), reads the head, computes each
 * row's SHA-256 over the canonical serialisation (README "Audit trail"), inserts the rows
 * into audit_events and empties this transaction's pending rows. The lock is thus held for
 * the trigger and the commit's WAL flush only, never across a round trip to the application,
 * which multiplies the rate of audited writes under concurrency. Pending rows are never
 * visible to another transaction: they are inserted and removed by the same one.
 */
export class ChainAuditEventsAtCommit1764280000001 implements MigrationInterface {
  name = 'ChainAuditEventsAtCommit1764280000001';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE audit_pending (
        id bigserial PRIMARY KEY,
        txid bigint NOT NULL DEFAULT txid_current(),
        actor_user_id uuid NULL,
        actor_role text NULL,
        action text NOT NULL,
        subject_type text NULL,
        subject_id text NULL,
        case_id uuid NULL,
        request_id text NULL,
        client_address text NULL,
        user_agent text NULL,
        reason text NULL,
        details_canonical text NOT NULL
      )`);
    await queryRunner.query(`CREATE INDEX audit_pending_txid_idx ON audit_pending (txid)`);
    // A JSON string exactly as ECMAScript's JSON.stringify (and RFC 8785) writes it, or null.
    await queryRunner.query(`
      CREATE FUNCTION audit_json(value text) RETURNS text LANGUAGE sql IMMUTABLE AS $$
        SELECT coalesce(to_json(value)::text, 'null')
      $$`);
    await queryRunner.query(`
      CREATE FUNCTION audit_chain_pending() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        head_seq bigint;
        head_hash text;
        at text;
        canonical text;
        p audit_pending%ROWTYPE;
        last_id bigint;
      BEGIN
        -- Fires once per pending row: the first firing chains every pending row of the transaction
        -- and notes the last id (in a setting local to the transaction), so later firings return at once.
        IF NEW.id <= coalesce(nullif(current_setting('sillok.audit_chained_upto', true), ''), '0')::bigint THEN
          RETURN NULL;
        END IF;
        IF current_setting('transaction_isolation') <> 'read committed' THEN
          -- An older snapshot would read a stale head.
          RAISE EXCEPTION 'audit events need a READ COMMITTED transaction, not %',
            current_setting('transaction_isolation');
        END IF;
        PERFORM pg_advisory_xact_lock(7450170001);
        -- A new statement after the lock: its snapshot sees the head the previous holder committed.
        SELECT seq, hash INTO head_seq, head_hash FROM audit_events ORDER BY seq DESC LIMIT 1;
        head_seq := coalesce(head_seq, 0);
        head_hash := coalesce(head_hash, repeat('0', 64));
        at := to_char(clock_timestamp() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"');
        FOR p IN SELECT * FROM audit_pending WHERE txid = txid_current() ORDER BY id LOOP
          head_seq := head_seq + 1;
          last_id := p.id;
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
        PERFORM set_config('sillok.audit_chained_upto', last_id::text, true);
        DELETE FROM audit_pending WHERE txid = txid_current();
        RETURN NULL;
      END
      $$`);
    await queryRunner.query(`
      CREATE CONSTRAINT TRIGGER audit_pending_chain_at_commit AFTER INSERT ON audit_pending
        DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION audit_chain_pending()`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE audit_pending`);
    await queryRunner.query(`DROP FUNCTION audit_chain_pending()`);
    await queryRunner.query(`DROP FUNCTION audit_json(text)`);
  }
}
