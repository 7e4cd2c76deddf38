-- The ledger: every money movement of a stay as a balanced journal entry (debits
-- positive, credits negative; the lines of an entry sum to zero in one currency),
-- immutable: a mistake is corrected by a new entry. Accounts are named by text:
-- `client_funds`, `guest:<reservation>`, `owner:<owner>`, `commission`, `fees`,
-- `tourist_tax:<commune>`.
CREATE TABLE payments.ledger_entries (
    id              uuid PRIMARY KEY,
    reservation_id  uuid NOT NULL,                       -- reservations context
    kind            text NOT NULL CHECK (kind IN ('payment', 'refund', 'settlement')),
    -- What caused it (`payment:<id>`, `refund:<id>`, `settlement:<reservation>:<n>`):
    -- one entry per cause, so a notification delivered twice posts once.
    source          text NOT NULL UNIQUE,
    occurred_at     timestamptz NOT NULL,
    -- The stay's check-out when posted: its money is shared out from that day.
    settle_on       date NOT NULL,
    currency        text NOT NULL
);
CREATE INDEX ledger_entries_reservation_idx ON payments.ledger_entries (reservation_id, occurred_at, id);

CREATE TABLE payments.ledger_lines (
    entry_id      uuid NOT NULL REFERENCES payments.ledger_entries (id),
    line          smallint NOT NULL,
    account       text NOT NULL CHECK (account ~ '^(client_funds|commission|fees|guest:[0-9a-f-]{36}|owner:[0-9a-f-]{36}|tourist_tax:.+)$'),
    amount        bigint NOT NULL CHECK (amount <> 0),
    PRIMARY KEY (entry_id, line)
);
CREATE INDEX ledger_lines_account_idx ON payments.ledger_lines (account);

-- EntriesBalance: checked at commit, once every line of the entry is in.
CREATE FUNCTION payments.ledger_entry_balances() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    total numeric;
    lines integer;
BEGIN
    SELECT coalesce(sum(amount), 0), count(*) INTO total, lines
      FROM payments.ledger_lines WHERE entry_id = NEW.id;
    IF lines < 2 OR total <> 0 THEN
        RAISE EXCEPTION 'ledger entry % does not balance (% lines, sum %)', NEW.id, lines, total
            USING ERRCODE = 'check_violation';
    END IF;
    RETURN NULL;
END $$;
CREATE CONSTRAINT TRIGGER ledger_entry_balances AFTER INSERT ON payments.ledger_entries
    DEFERRABLE INITIALLY DEFERRED
    FOR EACH ROW EXECUTE FUNCTION payments.ledger_entry_balances();

-- The ledger is append-only.
CREATE FUNCTION payments.ledger_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'the ledger is append-only: post a correcting entry'
        USING ERRCODE = 'integrity_constraint_violation';
END $$;
CREATE TRIGGER ledger_entries_append_only BEFORE UPDATE OR DELETE ON payments.ledger_entries
    FOR EACH ROW EXECUTE FUNCTION payments.ledger_is_append_only();
CREATE TRIGGER ledger_lines_append_only BEFORE UPDATE OR DELETE ON payments.ledger_lines
    FOR EACH ROW EXECUTE FUNCTION payments.ledger_is_append_only();
