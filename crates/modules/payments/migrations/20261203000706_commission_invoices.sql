-- The agency's commission invoices to owners (series H), and credit notes that lower
-- them: one document per owner and settlement entry of a stay. VAT at a rate (the
-- amount is VAT included) or exempt (the mention says why), and a due date when the
-- owner is to pay it.
ALTER TABLE payments.invoices
    ADD COLUMN owner_id        uuid,                -- owners context
    ADD COLUMN ledger_entry_id uuid REFERENCES payments.ledger_entries (id),
    ADD COLUMN vat_rate_bp     integer NOT NULL DEFAULT 0 CHECK (vat_rate_bp BETWEEN 0 AND 10000),
    ADD COLUMN due_on          date;

ALTER TABLE payments.invoices
    DROP CONSTRAINT invoices_kind_check,
    DROP CONSTRAINT invoices_check,
    DROP CONSTRAINT invoices_check1,
    ADD CONSTRAINT invoices_kind_check CHECK (kind IN ('invoice', 'commission', 'credit_note')),
    -- A guest's invoice bills one payment; a commission invoice one owner's share of a
    -- settlement; a credit note corrects an invoice, for a refund or a settlement.
    ADD CONSTRAINT invoices_bills_a_payment CHECK ((kind = 'invoice') = (payment_id IS NOT NULL)),
    ADD CONSTRAINT invoices_bills_an_owner CHECK (
        kind <> 'commission' OR (owner_id IS NOT NULL AND ledger_entry_id IS NOT NULL AND corrects IS NULL)),
    ADD CONSTRAINT invoices_credit_corrects CHECK (
        (kind = 'credit_note') = (corrects IS NOT NULL)
        AND (kind = 'credit_note' OR refund_id IS NULL)
        AND (kind <> 'credit_note' OR ((refund_id IS NULL) <> (ledger_entry_id IS NULL)))),
    ADD CONSTRAINT invoices_owner_entry_key UNIQUE (ledger_entry_id, owner_id);

CREATE INDEX invoices_owner_idx ON payments.invoices (owner_id, issued_at) WHERE owner_id IS NOT NULL;
