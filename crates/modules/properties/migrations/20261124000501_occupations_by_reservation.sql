-- The reservations context frees and moves a reservation's dates by its id: find its
-- occupation without scanning the calendar.
CREATE INDEX occupations_reservation_idx ON properties.occupations (reference)
    WHERE kind = 'reservation';
