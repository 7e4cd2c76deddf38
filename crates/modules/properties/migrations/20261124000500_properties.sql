-- The properties context: catalogue, owners' shares, photos, the availability calendar
-- and iCal feeds. Owner ids refer to owners.owners (no cross-schema foreign key).
CREATE SCHEMA IF NOT EXISTS properties;
-- GiST over (uuid, daterange) for the calendar's exclusion constraint.
CREATE EXTENSION IF NOT EXISTS btree_gist;

CREATE TABLE properties.properties (
    id                  uuid PRIMARY KEY,
    slug                text NOT NULL UNIQUE CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
    name                text NOT NULL CHECK (length(name) BETWEEN 1 AND 120),
    kind                text NOT NULL,
    status              text NOT NULL CHECK (status IN ('draft', 'published', 'archived')),
    address             jsonb NOT NULL,
    city                text NOT NULL,              -- from address, for search
    country             char(2) NOT NULL,
    latitude            double precision NOT NULL CHECK (latitude BETWEEN -90 AND 90),
    longitude           double precision NOT NULL CHECK (longitude BETWEEN -180 AND 180),
    max_guests          integer NOT NULL CHECK (max_guests BETWEEN 1 AND 50),
    bedrooms            integer NOT NULL CHECK (bedrooms >= 0),
    beds                integer NOT NULL CHECK (beds >= 0),
    bathrooms           integer NOT NULL CHECK (bathrooms >= 0),
    floor_area_m2       integer CHECK (floor_area_m2 > 0),
    registration_number text,
    description_fr      text NOT NULL DEFAULT '',
    description_en      text NOT NULL DEFAULT '',
    check_in_time       time NOT NULL,
    check_out_time      time NOT NULL,
    house_rules         text NOT NULL DEFAULT '',
    amenities           text[] NOT NULL DEFAULT '{}',
    amenities_other     text NOT NULL DEFAULT '',
    rates               jsonb,                      -- RatePlan
    tourist_tax         jsonb,                      -- TouristTaxConfig
    nightly_from        bigint,                     -- lowest nightly price, minor units (search sort)
    ical_token          text NOT NULL UNIQUE,       -- secret of the public .ics export
    created_at          timestamptz NOT NULL,
    updated_at          timestamptz NOT NULL,
    version             integer NOT NULL DEFAULT 1
);

-- Public search: published properties by city, by place, by capacity, by amenities.
CREATE INDEX properties_city_idx ON properties.properties (lower(city), id) WHERE status = 'published';
CREATE INDEX properties_geo_idx ON properties.properties (latitude, longitude) WHERE status = 'published';
CREATE INDEX properties_amenities_idx ON properties.properties USING gin (amenities) WHERE status = 'published';
CREATE INDEX properties_price_idx ON properties.properties (nightly_from, id) WHERE status = 'published';

-- SharesMustSumToOneHundredPercent is checked by the aggregate; the table keeps one row
-- per owner with a positive share.
CREATE TABLE properties.property_owners (
    property_id uuid NOT NULL REFERENCES properties.properties (id) ON DELETE CASCADE,
    owner_id    uuid NOT NULL,
    share_bp    integer NOT NULL CHECK (share_bp BETWEEN 1 AND 10000),
    PRIMARY KEY (property_id, owner_id)
);
CREATE INDEX property_owners_owner_idx ON properties.property_owners (owner_id);

CREATE TABLE properties.photos (
    id            uuid PRIMARY KEY,
    property_id   uuid NOT NULL REFERENCES properties.properties (id) ON DELETE CASCADE,
    position      integer NOT NULL CHECK (position >= 0),
    caption       text NOT NULL DEFAULT '',
    original_key  text NOT NULL,
    resized_key   text NOT NULL,
    content_type  text NOT NULL,
    width         integer NOT NULL,
    height        integer NOT NULL,
    resized_width  integer NOT NULL,
    resized_height integer NOT NULL,
    bytes         bigint NOT NULL,
    created_at    timestamptz NOT NULL
);
CREATE INDEX photos_property_idx ON properties.photos (property_id, position);

-- External calendars (Airbnb, Booking.com, Abritel...) imported as blocks.
CREATE TABLE properties.ical_feeds (
    id              uuid PRIMARY KEY,
    property_id     uuid NOT NULL REFERENCES properties.properties (id) ON DELETE CASCADE,
    name            text NOT NULL,
    url             text NOT NULL,
    last_attempt_at timestamptz,
    last_success_at timestamptz,
    last_error      text,
    last_conflicts  integer NOT NULL DEFAULT 0,
    created_at      timestamptz NOT NULL,
    UNIQUE (property_id, url)
);

-- The calendar. OccupationsNeverOverlap: two occupations of one property never share a
-- night; half-open ranges, so a check-out day can be the next check-in day. Cancelled
-- reservations and removed blocks delete their row, so every row is active.
CREATE TABLE properties.occupations (
    id          uuid PRIMARY KEY,
    property_id uuid NOT NULL REFERENCES properties.properties (id) ON DELETE CASCADE,
    dates       daterange NOT NULL CHECK (lower_inc(dates) AND NOT upper_inc(dates) AND NOT isempty(dates)),
    kind        text NOT NULL CHECK (kind IN ('reservation', 'owner_stay', 'maintenance', 'imported')),
    reference   text,                               -- reservation id, iCal UID...
    feed_id     uuid REFERENCES properties.ical_feeds (id) ON DELETE CASCADE,
    note        text,
    created_at  timestamptz NOT NULL,
    CONSTRAINT occupations_never_overlap EXCLUDE USING gist (property_id WITH =, dates WITH &&)
);
-- Availability probe of the search: since occupations of a property never overlap, the
-- first one ending after a check-in decides whether [check-in, check-out) is free — one
-- B-tree descent per candidate instead of a GiST search.
CREATE INDEX occupations_property_end_idx ON properties.occupations (property_id, upper(dates)) INCLUDE (dates);
CREATE UNIQUE INDEX occupations_feed_uid_idx ON properties.occupations (feed_id, reference) WHERE feed_id IS NOT NULL;

