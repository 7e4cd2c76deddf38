-- A payment that lands after its booking was cancelled is given back in full.
ALTER TABLE payments.refunds DROP CONSTRAINT refunds_reason_check;
ALTER TABLE payments.refunds ADD CONSTRAINT refunds_reason_check
    CHECK (reason IN ('cancellation', 'late_payment'));
