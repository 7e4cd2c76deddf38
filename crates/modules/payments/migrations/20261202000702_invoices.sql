-- Invoices and credit notes: numbered at issue in a gap-free chronological sequence per
-- series (the series row is locked and incremented in the issuing transaction, so a
-- rolled-back issue gives its number back), never changed nor deleted.
CREATE TABLE payments.invoice_series (
    series       text PRIMARY KEY,
    last_number  bigint NOT NULL DEFAULT 0 CHECK (last_number >= 0),
    -- Issue times never go back within a series, whatever the clocks of the issuers.
    last_issued_at timestamptz NOT NULL DEFAULT '-infinity'
);

CREATE TABLE payments.invoices (
    id              uuid PRIMARY KEY,
    series          text NOT NULL REFERENCES payments.invoice_series (series),
    number          bigint NOT NULL CHECK (number > 0),
    kind            text NOT NULL CHECK (kind IN ('invoice', 'credit_note')),
    reservation_id  uuid NOT NULL,                  -- reservations context
    customer_id     uuid,                           -- users context
    payment_id      uuid UNIQUE REFERENCES payments.payments (id),   -- what an invoice bills
    refund_id       uuid UNIQUE REFERENCES payments.refunds (id),    -- what a credit note credits
    corrects        uuid REFERENCES payments.invoices (id),          -- the invoice a credit note cancels in part
    issued_at       timestamptz NOT NULL,
    seller          jsonb NOT NULL,
    buyer           jsonb NOT NULL,
    description     text NOT NULL,
    service_from    date NOT NULL,
    service_to      date NOT NULL,
    amount          bigint NOT NULL CHECK (amount > 0),
    currency        text NOT NULL,
    vat_mention     text NOT NULL,
    UNIQUE (series, number),
    CHECK ((kind = 'invoice') = (payment_id IS NOT NULL)),
    CHECK ((kind = 'credit_note') = (refund_id IS NOT NULL AND corrects IS NOT NULL))
);
CREATE INDEX invoices_reservation_idx ON payments.invoices (reservation_id, issued_at);

-- An issued document is final: a credit note corrects it.
CREATE FUNCTION payments.invoices_are_final() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'invoices are never changed nor deleted: issue a credit note'
        USING ERRCODE = 'integrity_constraint_violation';
END $$;
CREATE TRIGGER invoices_are_final BEFORE UPDATE OR DELETE ON payments.invoices
    FOR EACH ROW EXECUTE FUNCTION payments.invoices_are_final();
