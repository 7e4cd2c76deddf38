-- The guest's consent to keep their card, given in the web app before the built-in
-- checkout page (which also asks): a paid checkout saves the card when either says so.
ALTER TABLE payments.builtin_checkouts
    ADD COLUMN save_consented boolean NOT NULL DEFAULT false;
