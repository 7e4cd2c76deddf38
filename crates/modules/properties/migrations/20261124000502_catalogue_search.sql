-- Catalogue-wide search (no city, no place), sorted by price, in a busy week: most
-- candidates are taken, so the page fills slowly or not at all and every candidate is
-- examined. Two indexes keep that bounded:
--
-- 1. Which properties are taken during the stay: one scan of the occupations overlapping
--    it (GiST on the dates, the property id carried along for an index-only scan), turned
--    into a hash the walk consults, instead of one probe per candidate.
CREATE INDEX occupations_dates_idx ON properties.occupations USING gist (dates) INCLUDE (property_id);

-- 2. The walk in price order reads only the index: the filters of a search (capacity,
--    amenities) are carried in it, and its predicate is what a searchable property is.
DROP INDEX properties.properties_price_idx;
CREATE INDEX properties_price_idx ON properties.properties (nightly_from, id)
    INCLUDE (max_guests, amenities)
    WHERE status = 'published' AND rates IS NOT NULL AND tourist_tax IS NOT NULL;
