-- The payment provider's fees, an expense of the agency, get their ledger account.
ALTER TABLE payments.ledger_lines
    DROP CONSTRAINT ledger_lines_account_check,
    ADD CONSTRAINT ledger_lines_account_check CHECK (
        account ~ '^(client_funds|commission|fees|card_fees|guest:[0-9a-f-]{36}|owner:[0-9a-f-]{36}|tourist_tax:.+)$');
