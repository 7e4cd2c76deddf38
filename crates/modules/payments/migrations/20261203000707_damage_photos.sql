-- Photos of the damage a security-deposit claim is for: evidence kept on object storage
-- (metadata stripped), shown to the guest and staff, never changed nor deleted (like the
-- claim they support, which the audit trail keeps).
CREATE TABLE payments.damage_photos (
    id              uuid PRIMARY KEY,
    reservation_id  uuid NOT NULL,                  -- reservations context
    key             text NOT NULL UNIQUE,           -- object storage
    content_type    text NOT NULL CHECK (content_type IN ('image/jpeg', 'image/png', 'image/webp')),
    width           integer NOT NULL CHECK (width > 0),
    height          integer NOT NULL CHECK (height > 0),
    bytes           bigint NOT NULL CHECK (bytes > 0),
    caption         text NOT NULL DEFAULT '' CHECK (char_length(caption) <= 300),
    uploaded_at     timestamptz NOT NULL
);
CREATE INDEX damage_photos_reservation_idx ON payments.damage_photos (reservation_id, uploaded_at);

CREATE FUNCTION payments.evidence_is_kept() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'the evidence of a damage claim is never changed nor deleted'
        USING ERRCODE = 'integrity_constraint_violation';
END $$;
CREATE TRIGGER damage_photos_are_kept BEFORE UPDATE OR DELETE ON payments.damage_photos
    FOR EACH ROW EXECUTE FUNCTION payments.evidence_is_kept();
