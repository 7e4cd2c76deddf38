-- A commercial gesture: staff give back part of what a guest paid (a complaint, a fault),
-- any number of times, each once whatever the retries (its request id, `gesture`, with one
-- share per payment). Cancellations and late payments keep one refund per payment.
ALTER TABLE payments.refunds
    ADD COLUMN gesture uuid,
    ADD COLUMN note text CHECK (char_length(note) BETWEEN 1 AND 500),
    DROP CONSTRAINT refunds_reason_check,
    ADD CONSTRAINT refunds_reason_check CHECK (reason IN ('cancellation', 'late_payment', 'goodwill')),
    ADD CONSTRAINT refunds_gesture_check CHECK ((reason = 'goodwill') = (gesture IS NOT NULL AND note IS NOT NULL)),
    DROP CONSTRAINT refunds_payment_id_reason_key,
    ADD CONSTRAINT refunds_gesture_key UNIQUE (payment_id, gesture);
CREATE UNIQUE INDEX refunds_once_per_reason ON payments.refunds (payment_id, reason)
    WHERE reason <> 'goodwill';
