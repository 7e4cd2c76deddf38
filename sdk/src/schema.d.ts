// GENERATED from openapi.json by sdk/scripts/generate.mjs: do not edit.
export interface paths {
    "/api/v1/admin/audit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Searches the audit log, newest first. */
        get: operations["searchAuditLog"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/dead-letters": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Lists dead letters, most recent first. */
        get: operations["listDeadLetters"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/dead-letters/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Shows one dead letter. */
        get: operations["getDeadLetter"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/dead-letters/{id}/replay": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Puts a dead letter back in the queue with a fresh budget of attempts (audited). */
        post: operations["replayDeadLetter"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/login": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Signs in with email and password. */
        post: operations["signIn"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/logout": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Signs out: revokes the refresh token's family and its access tokens. */
        post: operations["signOut"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/password": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Changes the signed-in user's password; their other sessions are signed out. */
        post: operations["changeOwnPassword"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/password-reset": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Emails a one-time reset link if the account exists (the answer is the same if not). */
        post: operations["requestPasswordReset"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/password-reset/confirm": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Sets a new password with the emailed token (once); every session is signed out. */
        post: operations["confirmPasswordReset"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/refresh": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Exchanges a refresh token for a new pair; a reused token signs its family out. */
        post: operations["refreshTokens"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/register": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Creates a guest account. */
        post: operations["register"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/calendar": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The calendar board: a page of the back-office list of properties (staff: all, an
         *     owner: theirs), each with its occupied ranges in the window, in one request.
         */
        get: operations["getCalendarBoard"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/checkout/{reference}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The checkout `reference`. */
        get: operations["getCheckout"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/checkout/{reference}/authenticate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Approves (or refuses) a checkout waiting for the second step. */
        post: operations["authenticateCheckout"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/checkout/{reference}/pay": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Pays the checkout with a card: `succeeded`, `failed` (declined), or
         *     `requires_action` (approve it with `/authenticate`).
         */
        post: operations["payCheckout"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/invoices": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The invoice register, newest first, by issue date and kind: every document for staff,
         *     an owner's commission invoices and their credit notes for that owner.
         */
        get: operations["invoiceRegister"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/invoices/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One invoice or credit note: its guest (or the owner billed) and staff only (404 for
         *     anyone else).
         */
        get: operations["getInvoice"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/invoices/{id}/pdf": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The document as a PDF/A-3 file, French as the law asks (its guest or the owner billed,
         *     and staff; 404 for anyone else), a Factur-X (EN 16931) for a business: rendered at its
         *     first request, the same bytes after.
         */
        get: operations["getInvoicePdf"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/ledger": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The ledger's balances: every account for staff, their own for an owner. */
        get: operations["ledgerBalances"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me/reservations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The signed-in user's own reservations, newest first. */
        get: operations["listMyReservations"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/owners": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Lists owners, newest first: staff see every owner, an owner's account only its own
         *     record.
         */
        get: operations["listOwners"];
        put?: never;
        /**
         * Records an owner: a person or a company, with contact details, IBAN and mandate
         *     (admins and managers).
         */
        post: operations["createOwner"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/owners/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Shows an owner: staff see any owner; an owner's account only its own record (any
         *     other is 404).
         */
        get: operations["getOwner"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Changes any of an owner's details, and links or unlinks their user account (admins
         *     and managers).
         */
        patch: operations["updateOwner"];
        trace?: never;
    };
    "/api/v1/properties": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Public search: published properties with their "from" nightly price; given
         *     `checkIn` and `checkOut`, only those free for the whole stay, with its total price.
         *     No owner data. 422 `search.incomplete_stay` for one date without the other.
         */
        get: operations["searchProperties"];
        put?: never;
        /** Creates a draft property (staff). */
        post: operations["createProperty"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/properties/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Shows a property: everything to staff and its owners, the public face of a published
         *     one to anyone else, 404 otherwise.
         */
        get: operations["getProperty"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Changes a property (staff); `If-Match` guards against lost updates. */
        patch: operations["updateProperty"];
        trace?: never;
    };
    "/api/v1/properties/{id}/archive": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Withdraws a property. */
        post: operations["archiveProperty"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/properties/{id}/blocks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Blocks dates (staff any block; an owner of the property its own stays, `owner_stay`):
         *     409 `calendar.period_unavailable` when they overlap anything.
         */
        post: operations["blockDates"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/properties/{id}/blocks/{block_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Frees a block (staff; an owner of the property their own stays). */
        delete: operations["unblockDates"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/properties/{id}/calendar": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The occupied ranges between two dates; the public sees only the ranges. */
        get: operations["getCalendar"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/properties/{id}/calendar.ics": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The `.ics` of a property's occupied ranges (RFC 5545, no guest data), for whoever
         *     holds the property's calendar token (Airbnb, Booking.com import it).
         */
        get: operations["exportCalendar"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/properties/{id}/ical/feeds": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Lists the imported calendars and their health (staff and owners). */
        get: operations["listIcalFeeds"];
        put?: never;
        /** Imports an external calendar (staff); synced by the scheduled job. */
        post: operations["createIcalFeed"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/properties/{id}/ical/feeds/{feed_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Stops importing a calendar and removes its blocks (staff). */
        delete: operations["deleteIcalFeed"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/properties/{id}/ical/feeds/{feed_id}/sync": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Syncs a feed now (staff). */
        post: operations["syncIcalFeed"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/properties/{id}/ical/token": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Replaces the export's secret token (staff): the old link stops working. */
        post: operations["rotateIcalToken"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/properties/{id}/photos": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Lists a property's photos. */
        get: operations["listPhotos"];
        put?: never;
        /**
         * Adds a photo (staff). The content decides the type: a renamed executable is refused.
         *     Metadata (EXIF, GPS) is stripped; a resized variant (≤ 1280 px) is produced.
         */
        post: operations["uploadPhoto"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/properties/{id}/photos/{photo_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Deletes a photo (staff); a published property keeps at least one. */
        delete: operations["deletePhoto"];
        options?: never;
        head?: never;
        /** Changes a photo's caption or position (staff). */
        patch: operations["updatePhoto"];
        trace?: never;
    };
    "/api/v1/properties/{id}/photos/{photo_id}/{variant}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Serves a photo: `original` (metadata stripped) or `resized`. */
        get: operations["getPhotoFile"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/properties/{id}/publish": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Puts a property on sale: it needs a registration number (France), photos, rates, a tourist-tax regime and owners. */
        post: operations["publishProperty"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/properties/{id}/quote": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The price of a stay: nightly lines per season, discount, fees, extra guests, the
         *     tourist tax with its computation, the total, the payment schedule and the security
         *     deposit. 422 with a stable code when it cannot be booked: `quote.unavailable`,
         *     `quote.minimum_stay`, `quote.arrival_day`, `quote.capacity`, `quote.past_dates`,
         *     `quote.too_long`, `quote.no_adult`.
         */
        get: operations["quoteStay"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/properties/{id}/unpublish": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Takes a property back to draft. */
        post: operations["unpublishProperty"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/properties/managed": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Lists properties for the back office: staff see all, an owner theirs. */
        get: operations["listManagedProperties"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/reservations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Searches reservations, newest first: staff see all (whole); owners those of their
         *     properties (reduced: first name, number of guests, dates, status).
         */
        get: operations["searchReservations"];
        put?: never;
        /**
         * Books a stay: re-quotes it, holds its dates and stores the reservation as `pending`.
         *     A guest books for themself; staff for anyone, and may set the total by hand.
         * @description With an `Idempotency-Key`, a retry of the same request returns the first response
         *     (with `Idempotent-Replayed: true`) and books nothing more; the same key with another
         *     body is refused.
         */
        post: operations["createReservation"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/reservations/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Shows a reservation: whole to staff and the guest who booked, reduced to an owner of
         *     the property; 404 to anyone else.
         */
        get: operations["getReservation"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Changes the dates, occupants, guest details or notes of an active reservation before
         *     check-in. New dates or occupants are re-quoted; new dates are re-held atomically.
         */
        patch: operations["updateReservation"];
        trace?: never;
    };
    "/api/v1/reservations/{id}/cancel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Cancels a pending or confirmed reservation (the guest who booked, or staff): the dates
         *     are freed and the refund due under the cancellation policy is recorded.
         */
        post: operations["cancelReservation"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/reservations/{id}/cancellation": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * What cancelling this booking today would refund under its cancellation policy, so that
         *     the guest (or staff) sees it before deciding. Nothing changes.
         */
        get: operations["previewCancellation"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/reservations/{id}/confirm": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Confirms a pending reservation (staff). */
        post: operations["confirmReservation"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/reservations/{id}/deposit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The booking's security deposit: the card kept and the holds (its guest and staff;
         *     404 for anyone else).
         */
        get: operations["getDeposit"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/reservations/{id}/deposit/claims": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * A damage claim (staff): takes `amount` of the held deposit through the provider, the
         *     rest given back; audited.
         */
        post: operations["claimDeposit"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/reservations/{id}/deposit/photos": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Keeps a photo of the damage (staff), shown to the guest: the content decides the type
         *     (JPEG, PNG or WebP), its metadata (EXIF, GPS) is stripped; never changed nor deleted;
         *     audited (`payments.DamagePhotoAdded`).
         */
        post: operations["addDamagePhoto"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/reservations/{id}/deposit/photos/{photo_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A photo of the damage (the guest who booked and staff; 404 for anyone else). */
        get: operations["getDamagePhoto"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/reservations/{id}/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The timeline of a reservation's events (created, updated, confirmed, cancelled,
         *     completed), oldest first. Recorded by a consumer of the outbox: an event appears
         *     within moments of the change.
         */
        get: operations["listReservationEvents"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/reservations/{id}/invoices": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The booking's invoices and credit notes, in issue order: one invoice per payment, one
         *     credit note per refund, numbered without gaps per series.
         */
        get: operations["listInvoices"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/reservations/{id}/ledger": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A stay's ledger entries in posting order (staff). */
        get: operations["reservationLedger"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/reservations/{id}/payments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The reservation's payments, oldest first, each with what was refunded of it. */
        get: operations["listPayments"];
        put?: never;
        /**
         * Pays the next installment of the reservation's schedule: the deposit first, then the
         *     balance from its date. Answers the payment with its `checkoutUrl`, where the guest
         *     pays: 201 for a new one; 200 for the installment's payment already waiting at its
         *     checkout (a retry or another tab pays once).
         */
        post: operations["requestPayment"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/reservations/{id}/refunds": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * A commercial gesture (staff): part of what the guest paid goes back through the
         *     payments' gateways, the latest payment first, with a credit note for each share; once
         *     per `requestId`. Answers the booking's refunds.
         */
        post: operations["refundGoodwill"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Lists users, newest first (admins and managers). */
        get: operations["listUsers"];
        put?: never;
        /** Creates a user with a role and a first password (admins). */
        post: operations["createUser"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Shows a user: staff see anyone, others only themself (anyone else is 404). */
        get: operations["getUser"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Changes a user's role, or disables or enables them (admins). Administrators cannot
         *     demote or disable themselves.
         */
        patch: operations["updateUser"];
        trace?: never;
    };
    "/api/v1/users/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Shows the signed-in user's account. */
        get: operations["getMe"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Changes the signed-in user's names, phone or language. Omitted fields are left as
         *     they are; `"phone": null` removes the phone number.
         */
        patch: operations["updateMyProfile"];
        trace?: never;
    };
    "/api/v1/webhooks/builtin": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * The built-in gateway's notifications, signed as Stripe signs its webhooks in the
         *     `Sejour-Signature` header (`t=…,v1=…`, HMAC-SHA256 of `t.body`, 300 s tolerance). Each
         *     event takes effect once. 400 `payment.invalid_signature` (nothing changes) or
         *     `payment.invalid_event`.
         */
        post: operations["receiveBuiltinWebhook"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/webhooks/stripe": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Stripe's webhooks (`checkout.session.completed`, `…async_payment_succeeded`,
         *     `…async_payment_failed`, `…expired`), verified as Stripe specifies: `Stripe-Signature`
         *     over the raw body, every `v1`, 300 s tolerance, constant time; each event once. 404
         *     when Stripe is not configured; 400 `payment.invalid_signature` (nothing changes).
         */
        post: operations["receiveStripeWebhook"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/health/live": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Liveness: the process answers. */
        get: operations["live"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/health/ready": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Readiness: PostgreSQL answers, and Redis and the data directory when in use. */
        get: operations["ready"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/metrics": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Prometheus metrics: HTTP, queue and process figures. */
        get: operations["metrics"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        /** @description A ledger account. */
        AccountDto: {
            /** @description The commune (INSEE code or postal code, then the city), for the tourist tax. */
            commune?: string | null;
            /** @description Its kind. */
            kind: components["schemas"]["LedgerAccountKind"];
            /**
             * @description Its name: `client_funds`, `commission`, `fees`, `guest:<reservation>`,
             *     `owner:<owner>`, `tourist_tax:<commune>`.
             */
            name: string;
            /**
             * Format: uuid
             * @description The owner, for an owner's account.
             */
            ownerId?: string | null;
            /**
             * Format: uuid
             * @description The stay, for a guest's account.
             */
            reservationId?: string | null;
        };
        /** @description A postal address. Every part is trimmed; in France (`country` `FR`) the postal code is five digits. */
        AddressDto: {
            /**
             * @description City (1 to 100 characters).
             * @example Paris
             */
            city: string;
            country: components["schemas"]["CountryCode"];
            /**
             * @description Number and street (1 to 200 characters).
             * @example 12 rue de Rivoli
             */
            line1: string;
            /** @description Building, floor... (at most 200 characters; blank is none). */
            line2?: string | null;
            /**
             * @description Postal code (at most 16 characters; five digits in France).
             * @example 75004
             */
            postalCode: string;
            /** @description Region, state or province (at most 100 characters; blank is none). */
            region?: string | null;
        };
        /**
         * @description An amenity from the closed list.
         * @enum {string}
         */
        Amenity: "wifi" | "parking" | "pool" | "air_conditioning" | "heating" | "washing_machine" | "dishwasher" | "kitchen" | "tv" | "garden" | "terrace" | "barbecue" | "fireplace" | "sea_view" | "mountain_view" | "elevator" | "pets_allowed" | "wheelchair_accessible" | "baby_cot" | "ev_charger" | "hot_tub" | "sauna" | "ski_access" | "beach_access";
        /** @description One audit row. */
        AuditRecordDto: {
            /** @description What was done. */
            action: string;
            /** @description Who acted. */
            actor: string;
            actorRole?: null | components["schemas"]["UserRole"];
            /** @description The object after (secrets redacted). */
            after?: unknown;
            /** @description The object before (secrets redacted). */
            before?: unknown;
            /** @description Ties together everything caused by one request. */
            correlationId?: string | null;
            /** @description This row's hash. */
            hash: string;
            /**
             * Format: uuid
             * @description The row's id.
             */
            id: string;
            /** @description The client's address. */
            ip?: string | null;
            /**
             * Format: date-time
             * @description When it happened.
             */
            occurredAt: string;
            /** @description The previous row's hash. */
            prevHash: string;
            /** @description The request during which it happened. */
            requestId?: string | null;
            /**
             * Format: int64
             * @description Position in the log.
             */
            seq: number;
            /** @description The object's id. */
            targetId?: string | null;
            /** @description The kind of object acted upon. */
            targetType: string;
        };
        /** @description The bank's answer to the second step. */
        AuthenticateCheckoutRequest: {
            /** @description Whether the guest approves the payment. */
            approve: boolean;
        };
        /**
         * @description An account's balance: debits minus credits (negative: a credit balance, such as
         *     what is owed to an owner or a commune, or the agency's revenue).
         */
        BalanceDto: {
            /** @description The account. */
            account: components["schemas"]["AccountDto"];
            /** @description Debits − credits. */
            balance: components["schemas"]["Money"];
        };
        /**
         * @description What staff may block by hand.
         * @enum {string}
         */
        BlockKind: "owner_stay" | "maintenance";
        /**
         * @description A block to put on the calendar.
         * @example {
         *       "end": "2030-08-10",
         *       "kind": "owner_stay",
         *       "note": "The owners' family week",
         *       "start": "2030-08-03"
         *     }
         */
        BlockRequest: {
            /**
             * Format: date
             * @description Day after the last night (after `start`).
             * @example 2030-08-10
             */
            end: string;
            /** @description owner_stay or maintenance. */
            kind: components["schemas"]["BlockKind"];
            /** @description A note for staff. */
            note?: string | null;
            /**
             * Format: date
             * @description First night.
             * @example 2030-08-03
             */
            start: string;
        };
        /** @description Who cancelled, why, and the refund due. */
        CancellationDto: {
            /**
             * Format: date-time
             * @description When.
             */
            at: string;
            /** @description Who (`user:<id>`, `system:reservations.expire_holds`). */
            by: string;
            /** @description Why (`expired` for a lapsed hold). */
            reason: string;
            /** @description What the payments context must refund under the cancellation policy. */
            refundDue: components["schemas"]["Money"];
        };
        /**
         * @description The cancellation policy of a rate plan.
         * @enum {string}
         */
        CancellationPolicy: "flexible" | "moderate" | "strict";
        /** @description What cancelling today would refund, before deciding. */
        CancellationPreviewDto: {
            /**
             * Format: date
             * @description The day the refund is computed for (today, agency time).
             */
            asOf: string;
            /** @description `flexible`, `moderate` or `strict`. */
            policy: components["schemas"]["CancellationPolicy"];
            /** @description The refund due under the booking's cancellation policy if cancelled today. */
            refundDue: components["schemas"]["Money"];
        };
        /**
         * @description Why a reservation is cancelled: 1 to 500 characters once trimmed, control characters only as tabs and line breaks.
         * @example Our plans changed
         */
        CancelReason: string;
        /** @description `POST /reservations/{id}/cancel`. */
        CancelReservationRequest: {
            /** @description Why (1–500 characters once trimmed). */
            reason: components["schemas"]["CancelReason"];
        };
        /** @description People and rooms. */
        CapacityDto: {
            /**
             * Format: int32
             * @description Bathrooms (0–50).
             * @example 2
             */
            bathrooms?: number;
            /**
             * Format: int32
             * @description Bedrooms (0–50).
             * @example 3
             */
            bedrooms?: number;
            /**
             * Format: int32
             * @description Beds (0–100).
             * @example 4
             */
            beds?: number;
            /**
             * Format: int32
             * @description Most guests, children included (1–50).
             * @example 6
             */
            maxGuests: number;
        };
        /** @description The change-password form. */
        ChangePasswordRequest: {
            /**
             * Format: password
             * @description The current password.
             */
            currentPassword: string;
            /**
             * @description The new password: 10 to 128 characters, not a common password, not containing the
             *     email.
             */
            newPassword: components["schemas"]["NewPassword"];
        };
        /** @description A checkout of the built-in gateway. */
        CheckoutDto: {
            /** @description How much. */
            amount: components["schemas"]["Money"];
            /** @description What is paid. */
            description: string;
            /** @description Its reference. */
            reference: string;
            /** @description Where the guest goes back. */
            returnUrl: string;
            /** @description open, requires_action, succeeded or failed. */
            status: components["schemas"]["CheckoutStatus"];
        };
        /**
         * @description Where a checkout stands.
         * @enum {string}
         */
        CheckoutStatus: "open" | "requires_action" | "succeeded" | "failed";
        /**
         * @description A child's age in years, 0 to 17.
         * @example 7
         */
        ChildAge: number;
        /** @description A damage claim. */
        ClaimDepositRequest: {
            /** @description How much to take (at most what is held). */
            amount: components["schemas"]["Money"];
            /** @description What for: shown to the guest, kept in the audit trail. */
            reason: string;
        };
        /** @description The rental contract (filled by the contracts context). */
        ContractDto: {
            /**
             * Format: uuid
             * @description The contract.
             */
            id: string;
            /** @description Its status. */
            status: string;
        };
        /** @description Latitude and longitude (WGS 84). */
        CoordinatesDto: {
            /**
             * Format: double
             * @description Latitude, −90 to 90.
             * @example 43.7034
             */
            lat: number;
            /**
             * Format: double
             * @description Longitude, −180 to 180.
             * @example 7.2663
             */
            lng: number;
        };
        /**
         * @description An ISO 3166-1 alpha-2 country code, in either case (stored in upper case).
         * @example FR
         */
        CountryCode: string;
        /** @description The created resource's id. */
        Created: {
            /**
             * Format: uuid
             * @description Its id.
             */
            id: string;
        };
        /**
         * @description `POST /owners`: the owner to record. A person has `firstName` and `lastName`, a
         *     company `legalName` and `siret` (and maybe `vatNumber`); the other kind's fields are
         *     left out (or null). Under the `mandate` money model an `iban` is required.
         * @example {
         *       "address": {
         *         "city": "Paris",
         *         "country": "FR",
         *         "line1": "12 rue de Rivoli",
         *         "postalCode": "75004"
         *       },
         *       "email": "ada@example.com",
         *       "firstName": "Ada",
         *       "iban": "FR76 3000 6000 0112 3456 7890 189",
         *       "kind": "person",
         *       "lastName": "Lovelace",
         *       "mandate": {
         *         "commissionBasisPoints": 2000,
         *         "moneyModel": "mandate",
         *         "startDate": "2026-01-01"
         *       },
         *       "phone": "+33612345678"
         *     }
         */
        CreateOwnerRequest: {
            /** @description Postal address. */
            address: components["schemas"]["AddressDto"];
            /** @description Contact email. */
            email: components["schemas"]["Email"];
            firstName?: null | components["schemas"]["PersonName"];
            iban?: null | components["schemas"]["Iban"];
            /** @description Person or company. */
            kind: components["schemas"]["OwnerKindDto"];
            lastName?: null | components["schemas"]["PersonName"];
            legalName?: null | components["schemas"]["LegalName"];
            /** @description The management mandate. */
            mandate: components["schemas"]["OwnerMandateDto"];
            phone?: null | components["schemas"]["PhoneNumber"];
            siret?: null | components["schemas"]["Siret"];
            /**
             * Format: uuid
             * @description A user account with the role `owner` to link, so that it can read this owner.
             */
            userId?: string | null;
            vatNumber?: null | components["schemas"]["VatNumber"];
        } & (unknown & unknown);
        /**
         * @description A new property.
         * @example {
         *       "address": {
         *         "city": "Nice",
         *         "country": "FR",
         *         "line1": "12 chemin des Oliviers",
         *         "postalCode": "06000"
         *       },
         *       "amenities": [
         *         "pool",
         *         "wifi"
         *       ],
         *       "capacity": {
         *         "bathrooms": 2,
         *         "bedrooms": 3,
         *         "beds": 4,
         *         "maxGuests": 6
         *       },
         *       "coordinates": {
         *         "lat": 43.7034,
         *         "lng": 7.2663
         *       },
         *       "descriptions": {
         *         "en": "Villa with a pool.",
         *         "fr": "Villa avec piscine."
         *       },
         *       "floorAreaM2": 140,
         *       "kind": "villa",
         *       "name": "Villa Les Oliviers",
         *       "registrationNumber": "06088 000123 AB"
         *     }
         */
        CreatePropertyRequest: {
            /** @description Postal address: line1, line2?, postalCode, city, region?, country (ISO alpha-2). */
            address: components["schemas"]["AddressDto"];
            /** @description Amenities from the closed list. */
            amenities?: components["schemas"]["Amenity"][];
            /** @description Other amenities, free text. */
            amenitiesOther?: string;
            /** @description Capacity. */
            capacity: components["schemas"]["CapacityDto"];
            /**
             * @description Check-in from (default 16:00).
             * @example 16:00:00
             */
            checkInTime?: string | null;
            /**
             * @description Check-out until (default 10:00).
             * @example 10:00:00
             */
            checkOutTime?: string | null;
            /** @description Position. */
            coordinates: components["schemas"]["CoordinatesDto"];
            /** @description Descriptions. */
            descriptions?: components["schemas"]["DescriptionsDto"];
            /**
             * Format: int32
             * @description Floor area, m².
             */
            floorAreaM2?: number | null;
            /** @description House rules. */
            houseRules?: string;
            /** @description Kind: house, apartment, villa, chalet, gite, studio, room, other. */
            kind: components["schemas"]["PropertyKind"];
            /** @description Name (1–120 characters once trimmed). */
            name: components["schemas"]["PropertyName"];
            /** @description Owners and shares (summing to 10000). */
            owners?: components["schemas"]["OwnerShareDto"][];
            registrationNumber?: null | components["schemas"]["RegistrationNumber"];
        };
        /**
         * @description `POST /reservations`: a stay to book.
         * @example {
         *       "adults": 1,
         *       "checkIn": "2030-07-06",
         *       "checkOut": "2030-07-13",
         *       "guest": {
         *         "address": {
         *           "city": "Paris",
         *           "country": "FR",
         *           "line1": "12 rue de Rivoli",
         *           "postalCode": "75004"
         *         },
         *         "email": "zoe.martin@example.com",
         *         "firstName": "Zoé",
         *         "lastName": "Martin",
         *         "phone": "+33612345678"
         *       },
         *       "notes": "Arriving late, around 22:00",
         *       "propertyId": "01a235dc-dd35-7395-a507-b37ab5c4b4f3"
         *     }
         */
        CreateReservationRequest: {
            /**
             * Format: int32
             * @description Adults: at least one, at most 50 occupants in all.
             * @example 1
             */
            adults: number;
            /**
             * Format: date
             * @description Arrival day.
             * @example 2030-07-06
             */
            checkIn: string;
            /**
             * Format: date
             * @description Departure day (after arrival).
             * @example 2030-07-13
             */
            checkOut: string;
            /**
             * @description One age (0–17) per child.
             * @example []
             */
            children?: components["schemas"]["ChildAge"][];
            /**
             * Format: uuid
             * @description Staff only: the user account the booking is for (none: booked at the desk).
             * @example null
             */
            customerId?: string | null;
            /** @description Who books. */
            guest: components["schemas"]["GuestDto"];
            /**
             * Format: int64
             * @description Staff only: the total set by hand, in minor units of the property's currency; it
             *     must cover the fees and the tourist tax. Audited.
             * @example null
             */
            manualTotal?: number | null;
            notes?: null | components["schemas"]["Notes"];
            /**
             * Format: uuid
             * @description The property.
             */
            propertyId: string;
        };
        /**
         * @description `POST /users`: the account to create.
         * @example {
         *       "email": "ada@example.com",
         *       "firstName": "Ada",
         *       "lastName": "Lovelace",
         *       "password": "correct horse battery staple",
         *       "role": "manager"
         *     }
         */
        CreateUserRequest: {
            /** @description Sign-in email; unique, case-insensitively. */
            email: components["schemas"]["Email"];
            /** @description First name (1–100 characters once trimmed). */
            firstName: components["schemas"]["PersonName"];
            /** @description Last name (1–100 characters once trimmed). */
            lastName: components["schemas"]["PersonName"];
            /**
             * @description The first password: 10 to 128 characters, not a common password, not containing
             *     the email.
             */
            password: components["schemas"]["NewPassword"];
            /** @description The role to give. */
            role: components["schemas"]["UserRole"];
        };
        /**
         * @description The currencies the platform handles (ISO 4217). The OpenAPI schema of
         *     `sejour_core::value_objects::Currency`.
         * @enum {string}
         */
        Currency: "EUR" | "USD" | "GBP" | "CHF" | "JPY";
        /** @description A photo of the damage a claim is for. */
        DamagePhotoDto: {
            /** @description What it shows. */
            caption: string;
            /** @description `image/jpeg`, `image/png` or `image/webp`. */
            contentType: string;
            /**
             * Format: int32
             * @description Height, pixels.
             */
            height: number;
            /**
             * Format: uuid
             * @description Id.
             */
            id: string;
            /**
             * Format: date-time
             * @description When it was added.
             */
            uploadedAt: string;
            /** @description The image (`GET`, the guest and staff). */
            url: string;
            /**
             * Format: int32
             * @description Width, pixels.
             */
            width: number;
        };
        /** @description Days `[start, end)`. */
        DateRange: {
            /**
             * Format: date
             * @description The day after the last one.
             * @example 2027-09-01
             */
            end: string;
            /**
             * Format: date
             * @description First day.
             * @example 2027-07-01
             */
            start: string;
        };
        /** @description A delivery that exhausted its attempts (or failed permanently). */
        DeadLetter: {
            /**
             * Format: int32
             * @description How many attempts were made.
             */
            attempts: number;
            /** @description The consumer that failed. */
            consumer: string;
            /** @description The message's correlation id. */
            correlationId?: string | null;
            /**
             * Format: date-time
             * @description When it was dead-lettered.
             */
            deadSince: string;
            /**
             * Format: int64
             * @description The delivery's id (use it to replay).
             */
            id: number;
            /** @description The last error. */
            lastError?: string | null;
            /**
             * Format: uuid
             * @description The message's id.
             */
            messageId: string;
            /** @description `event` or `job`. */
            messageKind: components["schemas"]["MessageKind"];
            /** @description The event type or job name. */
            messageType: string;
            /**
             * Format: date-time
             * @description When the message was written.
             */
            occurredAt: string;
            /** @description The message's payload. */
            payload: unknown;
        };
        /** @description The security deposit of a booking. */
        DepositDto: {
            card?: null | components["schemas"]["SavedCardDto"];
            /** @description Its holds, oldest first. */
            holds: components["schemas"]["DepositHoldDto"][];
            /** @description The photos of damage, oldest first. */
            photos: components["schemas"]["DamagePhotoDto"][];
        };
        /** @description A hold of the security deposit. */
        DepositHoldDto: {
            /** @description How much is (or was) held. */
            amount: components["schemas"]["Money"];
            captured?: null | components["schemas"]["Money"];
            /**
             * Format: date-time
             * @description Placed.
             */
            createdAt: string;
            /**
             * Format: date-time
             * @description When the provider lets it lapse (it is renewed before, while needed).
             */
            expiresAt: string;
            /**
             * Format: uuid
             * @description Id.
             */
            id: string;
            /** @description Why the card refused it, or what the claim was for. */
            reason?: string | null;
            /** @description held, released, captured, renewed (replaced by a new hold) or failed. */
            status: components["schemas"]["DepositHoldStatus"];
            /**
             * Format: date-time
             * @description Last changed.
             */
            updatedAt: string;
        };
        /**
         * @description A hold's status.
         * @enum {string}
         */
        DepositHoldStatus: "held" | "released" | "captured" | "renewed" | "failed";
        /** @description Descriptions in French and English. */
        DescriptionsDto: {
            /** @description English. */
            en?: string;
            /** @description French. */
            fr?: string;
        };
        /**
         * @description An email address: one `@`, a local part of 1 to 64 characters without spaces, and a domain name whose last label is letters (at most 254 characters in all; surrounding whitespace is ignored, the domain is kept in lower case).
         * @example ada@example.com
         */
        Email: string;
        /** @description A balanced journal entry. */
        EntryDto: {
            /**
             * Format: uuid
             * @description Id.
             */
            id: string;
            /** @description payment, refund or settlement. */
            kind: components["schemas"]["LedgerEntryKind"];
            /** @description Its lines, summing to zero. */
            lines: components["schemas"]["LineDto"][];
            /**
             * Format: date-time
             * @description When it was posted.
             */
            occurredAt: string;
            /** @description What caused it (`payment:<id>`, `refund:<id>`, `settlement:<reservation>:<n>`). */
            source: string;
        };
        /** @description The new export link. */
        ExportLink: {
            /** @description Give this path (on the API's host) to Airbnb, Booking.com... */
            path: string;
        };
        /** @description The fee for guests above the plan's threshold. */
        ExtraGuestFee: {
            /** @description Total fee. */
            amount: components["schemas"]["Money"];
            /**
             * Format: int32
             * @description Guests above the threshold.
             */
            extraGuests: number;
            /**
             * Format: int32
             * @description Nights.
             */
            nights: number;
            /** @description Fee per extra guest and night. */
            perGuestNight: components["schemas"]["Money"];
        };
        /** @description An imported calendar and its health. */
        FeedDto: {
            /** @description `ok`, `failing` or `never_synced`. */
            health: string;
            /**
             * Format: uuid
             * @description Id.
             */
            id: string;
            /**
             * Format: date-time
             * @description When a sync was last tried.
             */
            lastAttemptAt?: string | null;
            /**
             * Format: int32
             * @description Events not written at the last sync because they overlap another occupation.
             */
            lastConflicts: number;
            /** @description The last failure, if the last attempt failed (the blocks keep their last state). */
            lastError?: string | null;
            /**
             * Format: date-time
             * @description When a sync last succeeded.
             */
            lastSuccessAt?: string | null;
            /** @description Label. */
            name: string;
            /** @description The other platform's export URL. */
            url: string;
        };
        /**
         * @description The label of an imported calendar: 1 to 80 characters once trimmed.
         * @example Airbnb
         */
        FeedName: string;
        /**
         * @description The address of a calendar to import: an `http://` or `https://` URL (scheme in either case) of at most 2,000 bytes once trimmed.
         * @example https://www.airbnb.fr/calendar/ical/12345678.ics?s=abcdef
         */
        FeedUrl: string;
        /** @description A commercial gesture: part of what the guest paid given back. */
        GoodwillRefundRequest: {
            /** @description How much (at most what was paid and not given back yet). */
            amount: components["schemas"]["Money"];
            /** @description What for: on the credit note, kept in the audit trail. */
            reason: string;
            /**
             * Format: uuid
             * @description Made once by the client for this gesture: a retry with it gives nothing more.
             */
            requestId: string;
        };
        /** @description The booking guest's contact. */
        GuestDto: {
            /** @description Postal address (the rental contract names it). */
            address: components["schemas"]["AddressDto"];
            /** @description Email. */
            email: components["schemas"]["Email"];
            /** @description First name (1–100 characters). */
            firstName: components["schemas"]["PersonName"];
            /** @description Last name (1–100 characters). */
            lastName: components["schemas"]["PersonName"];
            /** @description Phone, international (`+33…`) or French national format. */
            phone: components["schemas"]["PhoneNumber"];
        };
        /** @description Changes to the guest's contact; omitted parts stay. */
        GuestPatchDto: {
            address?: null | components["schemas"]["AddressDto"];
            email?: null | components["schemas"]["Email"];
            firstName?: null | components["schemas"]["PersonName"];
            lastName?: null | components["schemas"]["PersonName"];
            phone?: null | components["schemas"]["PhoneNumber"];
        };
        /**
         * @description The state a health answer reports.
         * @enum {string}
         */
        HealthStatus: "ok";
        /**
         * @description An IBAN of a SEPA country: its country code, check digits 02 to 98 and the country's length, in either case, spaces ignored; the ISO 13616 checksum is checked too (`iban.invalid_checksum`).
         * @example FR76 3000 6000 0112 3456 7890 189
         */
        Iban: string;
        /** @description The property's iCal settings: feeds and their health. */
        IcalSettings: {
            /** @description Imported calendars. */
            feeds: components["schemas"]["FeedDto"][];
        };
        /** @description One payment due. */
        Installment: {
            /** @description Amount. */
            amount: components["schemas"]["Money"];
            /**
             * Format: date
             * @description Due day.
             */
            dueOn: string;
            /** @description Which payment. */
            kind: components["schemas"]["InstallmentKind"];
        };
        /** @description A payment the guest owes. */
        InstallmentDto: {
            /** @description How much. */
            amount: components["schemas"]["Money"];
            /**
             * Format: date
             * @description Due on.
             */
            dueOn: string;
            /** @description `deposit`, `balance` or `fullPayment`. */
            kind: components["schemas"]["InstallmentKind"];
        };
        /**
         * @description Deposit, balance or the whole amount at once.
         * @enum {string}
         */
        InstallmentKind: "deposit" | "balance" | "fullPayment";
        /**
         * @description An invoice (billing a guest's payment), a commission invoice (billing an owner the
         *     agency's fee on a stay), or a credit note (crediting a refund, or a commission
         *     lowered).
         */
        InvoiceDto: {
            /** @description How much, VAT included (positive; a credit note gives it back). */
            amount: components["schemas"]["Money"];
            /** @description The guest, or the owner. */
            buyer: components["schemas"]["PartyDto"];
            /**
             * Format: uuid
             * @description The invoice a credit note corrects.
             */
            corrects?: string | null;
            /** @description What is billed or credited. */
            description: string;
            /**
             * Format: date
             * @description When it is to be paid (an owner paid directly); none when paid already or taken
             *     from the owner's funds.
             */
            dueOn?: string | null;
            /**
             * Format: uuid
             * @description Id.
             */
            id: string;
            /**
             * Format: date-time
             * @description When it was issued.
             */
            issuedAt: string;
            /** @description invoice, commission or credit_note. */
            kind: components["schemas"]["InvoiceKind"];
            /** @description Without VAT. */
            net: components["schemas"]["Money"];
            /**
             * Format: uuid
             * @description The owner billed (a commission invoice and its credit notes).
             */
            ownerId?: string | null;
            /**
             * @description The number as printed, e.g. `F2027-000042` (invoices), `H2027-000007` (commission
             *     invoices) or `A2027-000003` (credit notes).
             */
            reference: string;
            /**
             * Format: uuid
             * @description The booking.
             */
            reservationId: string;
            /** @description The agency. */
            seller: components["schemas"]["PartyDto"];
            /**
             * Format: date
             * @description The stay: first night.
             */
            serviceFrom: string;
            /**
             * Format: date
             * @description The stay: departure.
             */
            serviceTo: string;
            /** @description The VAT. */
            vat: components["schemas"]["Money"];
            /** @description The VAT wording (an exemption), empty when VAT is charged. */
            vatMention: string;
            /**
             * Format: int32
             * @description The VAT rate, basis points (2000 = 20 %); 0 when exempt.
             */
            vatRateBp: number;
        };
        /**
         * @description An invoice's kind.
         * @enum {string}
         */
        InvoiceKind: "invoice" | "commission" | "credit_note";
        /**
         * @description A ledger account's kind.
         * @enum {string}
         */
        LedgerAccountKind: "client_funds" | "guest" | "owner" | "commission" | "fees" | "card_fees" | "tourist_tax";
        /**
         * @description A ledger entry's kind.
         * @enum {string}
         */
        LedgerEntryKind: "payment" | "refund" | "settlement";
        /**
         * @description A company's legal name: 1 to 200 characters once trimmed, no control characters.
         * @example SCI Les Oliviers
         */
        LegalName: string;
        /** @description A line of an entry. */
        LineDto: {
            /** @description The account. */
            account: components["schemas"]["AccountDto"];
            /** @description A debit (positive) or a credit (negative). */
            amount: components["schemas"]["Money"];
        };
        /** @description Email and password. */
        LoginRequest: {
            /** @description Sign-in email. */
            email: string;
            /**
             * Format: password
             * @description Password.
             */
            password: string;
        };
        /**
         * @description Whether a message is a domain event (fanned out to subscribers) or a job (one handler).
         * @enum {string}
         */
        MessageKind: "event" | "job";
        /**
         * @description An amount as every API shows money: whole minor units of an ISO 4217 currency
         *     (`{"amount": 12345, "currency": "EUR"}` is 123.45 €). The OpenAPI schema of
         *     `sejour_core::value_objects::Money`.
         */
        Money: {
            /**
             * Format: int64
             * @description Minor units (cents for the euro).
             * @example 78310
             */
            amount: number;
            /** @description ISO 4217 code. */
            currency: components["schemas"]["Currency"];
        };
        /** @description A calendar to import. */
        NewFeed: {
            /** @description Label, e.g. "Airbnb" (1–80 characters once trimmed). */
            name: components["schemas"]["FeedName"];
            /** @description The other platform's export URL (`http://` or `https://`). */
            url: components["schemas"]["FeedUrl"];
        };
        /**
         * Format: password
         * @description A new password: 10 to 128 characters, not one of the commonest passwords (in any case), not containing the account's email (or its local part, from 4 characters).
         * @example correct horse battery staple
         */
        NewPassword: string;
        /** @description Nights priced alike: `nightly × nights = amount`. */
        NightlyLine: {
            /** @description `nightly × nights`. */
            amount: components["schemas"]["Money"];
            /**
             * Format: date
             * @description First night of the line.
             */
            firstNight: string;
            /** @description Price per night. */
            nightly: components["schemas"]["Money"];
            /**
             * Format: int32
             * @description Nights.
             */
            nights: number;
            /** @description Where the price comes from. */
            rate: components["schemas"]["RateSource"];
        };
        /**
         * @description Free text for the agency: at most 2,000 characters once trimmed, control characters only as tabs and line breaks; blank is none.
         * @example Arriving late, around 22:00
         */
        Notes: string;
        /**
         * @description What occupies a range of the calendar.
         * @enum {string}
         */
        OccupationKind: "reservation" | "owner_stay" | "maintenance" | "imported";
        /** @description An occupied range of the calendar. */
        OccupiedRange: {
            /**
             * Format: date
             * @description Day after the last night (check-out day).
             * @example 2026-07-11
             */
            end: string;
            /**
             * Format: uuid
             * @description Staff and owners: the block's id.
             */
            id?: string | null;
            kind?: null | components["schemas"]["OccupationKind"];
            /** @description Staff and owners: the note. */
            note?: string | null;
            /**
             * Format: uuid
             * @description Staff and owners: the reservation holding a `reservation` range.
             */
            reservationId?: string | null;
            /**
             * Format: date
             * @description First night.
             * @example 2026-07-04
             */
            start: string;
        };
        /** @description An owner. */
        OwnerDto: {
            /** @description Postal address. */
            address: components["schemas"]["AddressDto"];
            /**
             * Format: date-time
             * @description When the owner was recorded.
             */
            createdAt: string;
            /** @description `First Last`, or the legal name. */
            displayName: string;
            /** @description Contact email. */
            email: string;
            /** @description A person's first name; null for a company. */
            firstName?: string | null;
            /**
             * @description The IBAN, or null: in full (electronic form) for administrators, masked for
             *     everyone else (`FR76 **** **** **** **** ***0 189`).
             * @example FR76 **** **** **** **** ***0 189
             */
            iban?: string | null;
            /**
             * Format: uuid
             * @description The owner's id.
             */
            id: string;
            /** @description Person or company. */
            kind: components["schemas"]["OwnerKindDto"];
            /** @description A person's last name; null for a company. */
            lastName?: string | null;
            /** @description A company's legal name; null for a person. */
            legalName?: string | null;
            /** @description The management mandate. */
            mandate: components["schemas"]["OwnerMandateDto"];
            /**
             * @description Contact phone in E.164 form, or null.
             * @example +33612345678
             */
            phone?: string | null;
            /**
             * @description A company's SIRET (14 digits); null for a person.
             * @example 73282932000074
             */
            siret?: string | null;
            /**
             * Format: date-time
             * @description When they last changed.
             */
            updatedAt: string;
            /**
             * Format: uuid
             * @description The user account (role `owner`) linked to this owner, or null.
             */
            userId?: string | null;
            /**
             * @description A company's intra-EU VAT number, or null.
             * @example FR44732829320
             */
            vatNumber?: string | null;
            /**
             * Format: int32
             * @description The version, also sent as the `ETag`; present it in `If-Match` to update.
             */
            version: number;
        };
        /**
         * @description Person or company.
         * @enum {string}
         */
        OwnerKindDto: "person" | "company";
        /** @description The management mandate. */
        OwnerMandateDto: {
            /**
             * Format: int32
             * @description The agency's commission in basis points: 0 to 10000 (`2000` is 20 %).
             * @example 2000
             */
            commissionBasisPoints: number;
            /** @description Who collects the rent. */
            moneyModel: components["schemas"]["OwnerMoneyModelDto"];
            /**
             * Format: date
             * @description The day the mandate starts.
             * @example 2026-01-01
             */
            startDate: string;
        };
        /** @description Changes to the management mandate; an omitted field is left as it is. */
        OwnerMandatePatchDto: {
            /**
             * Format: int32
             * @description A new commission, in basis points (0 to 10000).
             */
            commissionBasisPoints?: number | null;
            moneyModel?: null | components["schemas"]["OwnerMoneyModelDto"];
            /**
             * Format: date
             * @description A new start date.
             * @example 2026-01-01
             */
            startDate?: string | null;
        };
        /**
         * @description Who collects the rent.
         * @enum {string}
         */
        OwnerMoneyModelDto: "mandate" | "service";
        /** @description A reservation as an owner of the property sees it: no contact details, no price. */
        OwnerReservationDto: {
            /**
             * Format: date
             * @description Arrival.
             */
            checkIn: string;
            /**
             * Format: date
             * @description Departure.
             */
            checkOut: string;
            /** @description The booking guest's first name. */
            guestFirstName: string;
            /**
             * Format: int32
             * @description Adults and children.
             */
            guests: number;
            /**
             * Format: uuid
             * @description Identity.
             */
            id: string;
            /**
             * Format: uuid
             * @description The property.
             */
            propertyId: string;
            /** @description Status. */
            status: components["schemas"]["ReservationStatus"];
            /**
             * Format: int32
             * @description Version.
             */
            version: number;
        };
        /** @description One owner's share. */
        OwnerShareDto: {
            /**
             * Format: uuid
             * @description The owner.
             */
            ownerId: string;
            /**
             * Format: int32
             * @description Basis points, 10000 = 100 %; a property's shares sum to 10000, one per owner.
             * @example 10000
             */
            shareBp: number;
        };
        /** @description A page of items. */
        Page_AuditRecordDto: {
            /** @description The items of this page. */
            items: {
                /** @description What was done. */
                action: string;
                /** @description Who acted. */
                actor: string;
                actorRole?: null | components["schemas"]["UserRole"];
                /** @description The object after (secrets redacted). */
                after?: unknown;
                /** @description The object before (secrets redacted). */
                before?: unknown;
                /** @description Ties together everything caused by one request. */
                correlationId?: string | null;
                /** @description This row's hash. */
                hash: string;
                /**
                 * Format: uuid
                 * @description The row's id.
                 */
                id: string;
                /** @description The client's address. */
                ip?: string | null;
                /**
                 * Format: date-time
                 * @description When it happened.
                 */
                occurredAt: string;
                /** @description The previous row's hash. */
                prevHash: string;
                /** @description The request during which it happened. */
                requestId?: string | null;
                /**
                 * Format: int64
                 * @description Position in the log.
                 */
                seq: number;
                /** @description The object's id. */
                targetId?: string | null;
                /** @description The kind of object acted upon. */
                targetType: string;
            }[];
            /** @description Pass as `cursor` to get the next page; null on the last page. */
            nextCursor?: string | null;
        };
        /** @description A page of items. */
        Page_DeadLetter: {
            /** @description The items of this page. */
            items: {
                /**
                 * Format: int32
                 * @description How many attempts were made.
                 */
                attempts: number;
                /** @description The consumer that failed. */
                consumer: string;
                /** @description The message's correlation id. */
                correlationId?: string | null;
                /**
                 * Format: date-time
                 * @description When it was dead-lettered.
                 */
                deadSince: string;
                /**
                 * Format: int64
                 * @description The delivery's id (use it to replay).
                 */
                id: number;
                /** @description The last error. */
                lastError?: string | null;
                /**
                 * Format: uuid
                 * @description The message's id.
                 */
                messageId: string;
                /** @description `event` or `job`. */
                messageKind: components["schemas"]["MessageKind"];
                /** @description The event type or job name. */
                messageType: string;
                /**
                 * Format: date-time
                 * @description When the message was written.
                 */
                occurredAt: string;
                /** @description The message's payload. */
                payload: unknown;
            }[];
            /** @description Pass as `cursor` to get the next page; null on the last page. */
            nextCursor?: string | null;
        };
        /** @description A page of items. */
        Page_InvoiceDto: {
            /** @description The items of this page. */
            items: {
                /** @description How much, VAT included (positive; a credit note gives it back). */
                amount: components["schemas"]["Money"];
                /** @description The guest, or the owner. */
                buyer: components["schemas"]["PartyDto"];
                /**
                 * Format: uuid
                 * @description The invoice a credit note corrects.
                 */
                corrects?: string | null;
                /** @description What is billed or credited. */
                description: string;
                /**
                 * Format: date
                 * @description When it is to be paid (an owner paid directly); none when paid already or taken
                 *     from the owner's funds.
                 */
                dueOn?: string | null;
                /**
                 * Format: uuid
                 * @description Id.
                 */
                id: string;
                /**
                 * Format: date-time
                 * @description When it was issued.
                 */
                issuedAt: string;
                /** @description invoice, commission or credit_note. */
                kind: components["schemas"]["InvoiceKind"];
                /** @description Without VAT. */
                net: components["schemas"]["Money"];
                /**
                 * Format: uuid
                 * @description The owner billed (a commission invoice and its credit notes).
                 */
                ownerId?: string | null;
                /**
                 * @description The number as printed, e.g. `F2027-000042` (invoices), `H2027-000007` (commission
                 *     invoices) or `A2027-000003` (credit notes).
                 */
                reference: string;
                /**
                 * Format: uuid
                 * @description The booking.
                 */
                reservationId: string;
                /** @description The agency. */
                seller: components["schemas"]["PartyDto"];
                /**
                 * Format: date
                 * @description The stay: first night.
                 */
                serviceFrom: string;
                /**
                 * Format: date
                 * @description The stay: departure.
                 */
                serviceTo: string;
                /** @description The VAT. */
                vat: components["schemas"]["Money"];
                /** @description The VAT wording (an exemption), empty when VAT is charged. */
                vatMention: string;
                /**
                 * Format: int32
                 * @description The VAT rate, basis points (2000 = 20 %); 0 when exempt.
                 */
                vatRateBp: number;
            }[];
            /** @description Pass as `cursor` to get the next page; null on the last page. */
            nextCursor?: string | null;
        };
        /** @description A page of items. */
        Page_OwnerDto: {
            /** @description The items of this page. */
            items: {
                /** @description Postal address. */
                address: components["schemas"]["AddressDto"];
                /**
                 * Format: date-time
                 * @description When the owner was recorded.
                 */
                createdAt: string;
                /** @description `First Last`, or the legal name. */
                displayName: string;
                /** @description Contact email. */
                email: string;
                /** @description A person's first name; null for a company. */
                firstName?: string | null;
                /**
                 * @description The IBAN, or null: in full (electronic form) for administrators, masked for
                 *     everyone else (`FR76 **** **** **** **** ***0 189`).
                 * @example FR76 **** **** **** **** ***0 189
                 */
                iban?: string | null;
                /**
                 * Format: uuid
                 * @description The owner's id.
                 */
                id: string;
                /** @description Person or company. */
                kind: components["schemas"]["OwnerKindDto"];
                /** @description A person's last name; null for a company. */
                lastName?: string | null;
                /** @description A company's legal name; null for a person. */
                legalName?: string | null;
                /** @description The management mandate. */
                mandate: components["schemas"]["OwnerMandateDto"];
                /**
                 * @description Contact phone in E.164 form, or null.
                 * @example +33612345678
                 */
                phone?: string | null;
                /**
                 * @description A company's SIRET (14 digits); null for a person.
                 * @example 73282932000074
                 */
                siret?: string | null;
                /**
                 * Format: date-time
                 * @description When they last changed.
                 */
                updatedAt: string;
                /**
                 * Format: uuid
                 * @description The user account (role `owner`) linked to this owner, or null.
                 */
                userId?: string | null;
                /**
                 * @description A company's intra-EU VAT number, or null.
                 * @example FR44732829320
                 */
                vatNumber?: string | null;
                /**
                 * Format: int32
                 * @description The version, also sent as the `ETag`; present it in `If-Match` to update.
                 */
                version: number;
            }[];
            /** @description Pass as `cursor` to get the next page; null on the last page. */
            nextCursor?: string | null;
        };
        /** @description A page of items. */
        Page_PropertyCalendarDto: {
            /** @description The items of this page. */
            items: {
                /** @description Its occupied ranges overlapping the window, in date order, with details. */
                occupations: components["schemas"]["OccupiedRange"][];
                /** @description The property. */
                property: components["schemas"]["PropertySummaryDto"];
            }[];
            /** @description Pass as `cursor` to get the next page; null on the last page. */
            nextCursor?: string | null;
        };
        /** @description A page of items. */
        Page_PropertySummaryDto: {
            /** @description The items of this page. */
            items: {
                /** @description City. */
                city: string;
                /**
                 * Format: uuid
                 * @description Id.
                 */
                id: string;
                /**
                 * Format: int32
                 * @description Max guests.
                 */
                maxGuests: number;
                /** @description Name. */
                name: string;
                /** @description Slug. */
                slug: string;
                /** @description Status. */
                status: components["schemas"]["PropertyStatus"];
            }[];
            /** @description Pass as `cursor` to get the next page; null on the last page. */
            nextCursor?: string | null;
        };
        /** @description A page of items. */
        Page_ReservationDto: {
            /** @description The items of this page. */
            items: {
                /**
                 * Format: int32
                 * @description Adults.
                 */
                adults: number;
                /** @description Paid so far. */
                amountPaid: components["schemas"]["Money"];
                cancellation?: null | components["schemas"]["CancellationDto"];
                /**
                 * Format: date
                 * @description Arrival.
                 */
                checkIn: string;
                /**
                 * Format: date
                 * @description Departure.
                 */
                checkOut: string;
                /** @description Children's ages. */
                children: number[];
                /**
                 * Format: date-time
                 * @description When completed.
                 */
                completedAt?: string | null;
                /**
                 * Format: date-time
                 * @description When confirmed.
                 */
                confirmedAt?: string | null;
                contract?: null | components["schemas"]["ContractDto"];
                /**
                 * Format: date-time
                 * @description Created.
                 */
                createdAt: string;
                /**
                 * Format: uuid
                 * @description The guest's user account, if any.
                 */
                customerId?: string | null;
                /** @description Who booked. */
                guest: components["schemas"]["GuestDto"];
                /**
                 * Format: date-time
                 * @description When a pending booking lapses unless confirmed.
                 */
                holdExpiresAt?: string | null;
                /**
                 * Format: uuid
                 * @description Identity.
                 */
                id: string;
                /** @description Notes. */
                notes?: string | null;
                /** @description The frozen price and payment schedule. */
                price: components["schemas"]["PriceDto"];
                /**
                 * Format: uuid
                 * @description The property.
                 */
                propertyId: string;
                /** @description `pending`, `confirmed`, `completed` or `cancelled`. */
                status: components["schemas"]["ReservationStatus"];
                /**
                 * Format: date-time
                 * @description Last changed.
                 */
                updatedAt: string;
                /**
                 * Format: int32
                 * @description Optimistic-concurrency version (also the ETag).
                 */
                version: number;
            }[];
            /** @description Pass as `cursor` to get the next page; null on the last page. */
            nextCursor?: string | null;
        };
        /** @description A page of items. */
        Page_ReservationView: {
            /** @description The items of this page. */
            items: (components["schemas"]["ReservationDto"] | components["schemas"]["OwnerReservationDto"])[];
            /** @description Pass as `cursor` to get the next page; null on the last page. */
            nextCursor?: string | null;
        };
        /** @description A page of items. */
        Page_SearchResult: {
            /** @description The items of this page. */
            items: {
                /** @description Amenities. */
                amenities: components["schemas"]["Amenity"][];
                /**
                 * Format: int32
                 * @description Bedrooms.
                 */
                bedrooms: number;
                /** @description City. */
                city: string;
                /** @description Country. */
                country: string;
                /**
                 * Format: double
                 * @description Distance from `near`, km.
                 */
                distanceKm?: number | null;
                /**
                 * Format: uuid
                 * @description Id.
                 */
                id: string;
                /** @description Kind. */
                kind: components["schemas"]["PropertyKind"];
                /**
                 * Format: double
                 * @description Approximate position (2 decimals).
                 */
                lat: number;
                /**
                 * Format: double
                 * @description Approximate position (2 decimals).
                 */
                lng: number;
                /**
                 * Format: int32
                 * @description Max guests.
                 */
                maxGuests: number;
                /** @description Name. */
                name: string;
                /** @description The lowest nightly price of its rates (base or any season): "from 120 € a night". */
                nightlyFrom: components["schemas"]["Money"];
                /**
                 * Format: int32
                 * @description Nights of the stay (searching for a stay).
                 */
                nights?: number | null;
                /** @description The first photo (resized), if any. */
                photoUrl?: string | null;
                /** @description Slug. */
                slug: string;
                total?: null | components["schemas"]["Money"];
            }[];
            /** @description Pass as `cursor` to get the next page; null on the last page. */
            nextCursor?: string | null;
        };
        /** @description A page of items. */
        Page_UserDto: {
            /** @description The items of this page. */
            items: {
                /**
                 * Format: date-time
                 * @description When the account was created.
                 */
                createdAt: string;
                /** @description Disabled users cannot sign in. */
                disabled: boolean;
                /**
                 * @description Sign-in email.
                 * @example ada@example.com
                 */
                email: string;
                /** @description First name. */
                firstName: string;
                /**
                 * Format: uuid
                 * @description The user's id.
                 */
                id: string;
                /** @description Preferred language. */
                language: components["schemas"]["UserLanguage"];
                /** @description Last name. */
                lastName: string;
                /**
                 * @description Phone number in E.164 form, or null.
                 * @example +33612345678
                 */
                phone?: string | null;
                /** @description Role. */
                role: components["schemas"]["UserRole"];
                /**
                 * Format: date-time
                 * @description When it last changed.
                 */
                updatedAt: string;
                /**
                 * Format: int32
                 * @description The version, also sent as the `ETag`; present it in `If-Match` to update.
                 */
                version: number;
            }[];
            /** @description Pass as `cursor` to get the next page; null on the last page. */
            nextCursor?: string | null;
        };
        /** @description Descriptions, each optional. */
        PartialDescriptions: {
            /** @description English. */
            en?: string | null;
            /** @description French. */
            fr?: string | null;
        };
        /** @description A party named on an invoice. */
        PartyDto: {
            /** @description Address. */
            address: string;
            /** @description The address's country (ISO 3166 alpha-2), when not France. */
            country?: string | null;
            /** @description Email. */
            email?: string | null;
            /**
             * @description Legal identifiers as printed (legal form, capital, SIREN, VAT number), for a
             *     business.
             */
            legalId?: string | null;
            /** @description Name. */
            name: string;
            /** @description Its SIREN (9 digits), for a French business. */
            siren?: string | null;
            /** @description Its intra-EU VAT number. */
            vatNumber?: string | null;
        };
        /** @description A card to pay with. */
        PayCheckoutRequest: {
            /**
             * @description The card number (spaces allowed), e.g. the test card `4242 4242 4242 4242`.
             * @example 4242 4242 4242 4242
             */
            cardNumber: string;
            /**
             * @description The guest agrees to keep the card for the booking: the balance charged on its
             *     date and the security deposit held before arrival.
             */
            saveCard?: boolean;
        };
        /** @description A payment of an installment. */
        PaymentDto: {
            /** @description How much. */
            amount: components["schemas"]["Money"];
            /**
             * @description Where the guest pays while pending: an absolute URL, or a path of the web app
             *     (the built-in gateway's `/checkout/{reference}`).
             */
            checkoutUrl?: string | null;
            /**
             * Format: date-time
             * @description Created.
             */
            createdAt: string;
            /** @description Why it failed. */
            failure?: string | null;
            /**
             * Format: uuid
             * @description Id.
             */
            id: string;
            /** @description The installment paid: deposit, balance or fullPayment. */
            kind: components["schemas"]["InstallmentKind"];
            /** @description The gateway. */
            provider: string;
            /** @description What has been given back of it (a cancellation's refund). */
            refunded: components["schemas"]["Money"];
            /**
             * Format: uuid
             * @description The reservation.
             */
            reservationId: string;
            /** @description pending, succeeded or failed. */
            status: components["schemas"]["PaymentStatusSchema"];
            /**
             * Format: date-time
             * @description Last changed.
             */
            updatedAt: string;
        };
        /** @description When the guest pays what. */
        PaymentSchedule: {
            /** @description Installments, in order. */
            installments: components["schemas"]["Installment"][];
            /** @description Their sum (the stay's total). */
            total: components["schemas"]["Money"];
        };
        /**
         * @description A payment's status.
         * @enum {string}
         */
        PaymentStatusSchema: "pending" | "succeeded" | "failed";
        /**
         * @description A first or last name: 1 to 100 characters once trimmed, no control characters.
         * @example Ada
         */
        PersonName: string;
        /**
         * @description A phone number: `+`, the country code and number (8 to 15 digits, `+44 20 7946 0958`, a trunk `(0)` dropped), or a French national number (`06 12 34 56 78`); spaces, dots, dashes and parentheses are ignored. Stored and shown in E.164 (`+33612345678`).
         * @example +33612345678
         */
        PhoneNumber: string;
        /** @description Caption or position changes. */
        PhotoChanges: {
            /** @description New caption (trimmed, its first 300 characters kept). */
            caption?: string | null;
            /**
             * Format: int32
             * @description New position (0 first); the others shift.
             */
            position?: number | null;
        };
        /** @description A photo in a property's gallery. */
        PhotoDto: {
            /** @description Caption. */
            caption: string;
            /**
             * Format: int32
             * @description Height of the original, px.
             */
            height: number;
            /**
             * Format: uuid
             * @description Id.
             */
            id: string;
            /**
             * Format: int32
             * @description Position, 0 first.
             */
            position: number;
            /** @description The resized variant (≤ 1280 px). */
            resizedUrl: string;
            /** @description The original (metadata stripped). */
            url: string;
            /**
             * Format: int32
             * @description Width of the original, px.
             */
            width: number;
        };
        /**
         * @description A photo upload: `file` (JPEG, PNG or WebP) and an optional `caption`; any other part
         *     is refused (422), as an unknown field of a JSON body is.
         */
        PhotoUpload: {
            /** @description A caption (trimmed, its first 300 characters kept). */
            caption?: string | null;
            /**
             * Format: binary
             * @description The image.
             */
            file: Blob;
        };
        /** @description The frozen price. */
        PriceDto: {
            /** @description `flexible`, `moderate` or `strict`. */
            cancellationPolicy: components["schemas"]["CancellationPolicy"];
            /** @description ISO 4217. */
            currency: components["schemas"]["Currency"];
            /** @description Cleaning and extra-guest fees. */
            fees: components["schemas"]["Money"];
            /** @description When the total is paid. */
            installments: components["schemas"]["InstallmentDto"][];
            /**
             * Format: int32
             * @description Nights.
             */
            nights: number;
            /**
             * @description The properties quote the price came from, line by line (nightly rates, discount,
             *     tourist tax computation), as it was at booking or at the last re-pricing.
             */
            quote: components["schemas"]["QuoteDto"];
            /** @description The quote's total. */
            quotedTotal: components["schemas"]["Money"];
            /** @description Accommodation after discounts (and any manual adjustment). */
            rent: components["schemas"]["Money"];
            /** @description Held on the card, not charged. */
            securityDeposit: components["schemas"]["Money"];
            /** @description Whether a manager set the total by hand. */
            setByHand: boolean;
            /** @description What the guest pays. */
            total: components["schemas"]["Money"];
            /** @description Tourist tax. */
            touristTax: components["schemas"]["Money"];
        };
        /** @description An RFC 9457 problem document. */
        Problem: {
            /**
             * @description A stable, machine-readable code to switch on.
             * @example validation.failed
             */
            code: string;
            /** @description A human-readable explanation of this occurrence. */
            detail: string;
            /** @description Per-field problems (validation errors). */
            errors?: components["schemas"]["ProblemField"][];
            /**
             * Format: int32
             * @description The HTTP status code.
             * @example 422
             */
            status: number;
            /**
             * @description A short, human-readable summary of the problem type.
             * @example Unprocessable Content
             */
            title: string;
            /**
             * @description A URI identifying the problem type: `urn:sejour:problem:<code>`.
             * @example urn:sejour:problem:validation.failed
             */
            type: string;
        };
        /** @description One invalid field of a request. */
        ProblemField: {
            /** @description A stable code, e.g. `email.invalid_format`. */
            code: string;
            /** @description The field's path, e.g. `guest.email`. */
            field: string;
            /** @description A human explanation. */
            message: string;
        };
        /** @description A row of the calendar board. */
        PropertyCalendarDto: {
            /** @description Its occupied ranges overlapping the window, in date order, with details. */
            occupations: components["schemas"]["OccupiedRange"][];
            /** @description The property. */
            property: components["schemas"]["PropertySummaryDto"];
        };
        /** @description A property as staff and its owners see it. */
        PropertyDto: {
            address?: null | components["schemas"]["AddressDto"];
            /** @description Amenities. */
            amenities: components["schemas"]["Amenity"][];
            /** @description Other amenities. */
            amenitiesOther: string;
            /** @description Capacity. */
            capacity: components["schemas"]["CapacityDto"];
            /**
             * @description Check-in from (HH:MM:SS).
             * @example 16:00:00
             */
            checkInTime: string;
            /**
             * @description Check-out until.
             * @example 10:00:00
             */
            checkOutTime: string;
            /** @description City. */
            city: string;
            /** @description Position. */
            coordinates: components["schemas"]["CoordinatesDto"];
            /** @description ISO 3166-1 alpha-2 country. */
            country: string;
            /** @description Descriptions. */
            descriptions: components["schemas"]["DescriptionsDto"];
            /**
             * Format: int32
             * @description Floor area, m².
             */
            floorAreaM2?: number | null;
            /** @description House rules. */
            houseRules: string;
            /**
             * Format: uuid
             * @description Id.
             */
            id: string;
            /** @description Kind. */
            kind: components["schemas"]["PropertyKind"];
            /** @description Name. */
            name: string;
            /** @description Owners (hidden from the public). */
            owners?: components["schemas"]["OwnerShareDto"][] | null;
            /** @description Photos, in order. */
            photos: components["schemas"]["PhotoDto"][];
            /** @description Postal code. */
            postalCode: string;
            rates?: null | components["schemas"]["RatePlan"];
            /** @description French registration number. */
            registrationNumber?: string | null;
            /** @description Unique URL name. */
            slug: string;
            /** @description `draft`, `published` or `archived`. */
            status: components["schemas"]["PropertyStatus"];
            touristTax?: null | components["schemas"]["TouristTaxConfig"];
            /**
             * Format: int32
             * @description Optimistic-concurrency version (also the ETag).
             */
            version: number;
        };
        /**
         * @description What kind of property.
         * @enum {string}
         */
        PropertyKind: "house" | "apartment" | "villa" | "chalet" | "gite" | "studio" | "room" | "other";
        /**
         * @description A property's name: 1 to 120 characters once trimmed.
         * @example Villa Les Oliviers
         */
        PropertyName: string;
        /**
         * @description Where a property is in its life.
         * @enum {string}
         */
        PropertyStatus: "draft" | "published" | "archived";
        /** @description A row of the back-office list. */
        PropertySummaryDto: {
            /** @description City. */
            city: string;
            /**
             * Format: uuid
             * @description Id.
             */
            id: string;
            /**
             * Format: int32
             * @description Max guests.
             */
            maxGuests: number;
            /** @description Name. */
            name: string;
            /** @description Slug. */
            slug: string;
            /** @description Status. */
            status: components["schemas"]["PropertyStatus"];
        };
        /** @description The price of a stay (amounts in minor units of `currency`). */
        QuoteDto: {
            /**
             * Format: int32
             * @description Adults.
             */
            adults: number;
            /** @description Cancellation policy. */
            cancellationPolicy: components["schemas"]["CancellationPolicy"];
            /**
             * Format: int32
             * @description Children.
             */
            children: number;
            /** @description Cleaning fee. */
            cleaningFee: components["schemas"]["Money"];
            /** @description The currency of every amount. */
            currency: components["schemas"]["Currency"];
            discount?: null | components["schemas"]["StayDiscount"];
            extraGuestFee?: null | components["schemas"]["ExtraGuestFee"];
            /** @description Fees (cleaning + extra guests). */
            fees: components["schemas"]["Money"];
            /** @description Nightly prices, per season. */
            nightlyLines: components["schemas"]["NightlyLine"][];
            /**
             * Format: int32
             * @description Nights.
             */
            nights: number;
            /** @description The stay. */
            period: components["schemas"]["ReservationPeriod"];
            /** @description Rent after the discount. */
            rent: components["schemas"]["Money"];
            /** @description Rent before the long-stay discount. */
            rentBeforeDiscount: components["schemas"]["Money"];
            /** @description When. */
            schedule: components["schemas"]["PaymentSchedule"];
            /** @description Security deposit (held, not charged). */
            securityDeposit: components["schemas"]["Money"];
            /** @description Rent + fees. */
            subtotal: components["schemas"]["Money"];
            /** @description Everything the guest pays. */
            total: components["schemas"]["Money"];
            /** @description The tourist tax. */
            touristTax: components["schemas"]["TouristTaxBreakdown"];
        };
        /** @description A property's rate plan. */
        RatePlan: {
            /** @description Nightly price outside seasons. */
            baseNightly: components["schemas"]["Money"];
            /** @description Cancellation policy. */
            cancellationPolicy: components["schemas"]["CancellationPolicy"];
            /** @description Cleaning fee per stay. */
            cleaningFee: components["schemas"]["Money"];
            /** @description The plan's currency (every amount is in it). */
            currency: components["schemas"]["Currency"];
            /**
             * Format: int32
             * @description Minimum nights outside seasons, 1 to 90.
             */
            defaultMinNights: number;
            /** @description Fee per extra guest and night above the threshold. */
            extraGuestFeePerNight: components["schemas"]["Money"];
            /**
             * Format: int32
             * @description Guests included in the price.
             */
            extraGuestThreshold: number;
            /**
             * Format: int32
             * @description Monthly-stay discount, basis points (below 10000).
             */
            monthlyDiscountBp: number;
            /**
             * @description Seasons, not overlapping.
             * @default []
             */
            seasons: components["schemas"]["Season"][] | null;
            /** @description Security deposit. */
            securityDeposit: components["schemas"]["Money"];
            /**
             * Format: int32
             * @description Weekly-stay discount, basis points (below 10000).
             */
            weeklyDiscountBp: number;
        };
        /** @description Where a nightly line's price comes from. */
        RateSource: {
            /** @enum {string} */
            kind: "base";
        } | {
            /** @enum {string} */
            kind: "season";
            /** @description The season's name. */
            name: string;
        };
        /** @description The readiness report. */
        Readiness: {
            /** @description Each dependency's state: `ok` or what failed. */
            checks: {
                [key: string]: string;
            };
            /** @description The process's state (a dependency that fails makes `/health/ready` a 503 problem). */
            status: components["schemas"]["HealthStatus"];
        };
        /** @description A refresh token. */
        RefreshRequest: {
            /** @description The refresh token of the last pair. */
            refreshToken: string;
        };
        /**
         * @description A refund: a share of a cancellation's, a late payment given back, or of a commercial
         *     gesture.
         */
        RefundDto: {
            /** @description How much. */
            amount: components["schemas"]["Money"];
            /**
             * Format: date-time
             * @description Created.
             */
            createdAt: string;
            /**
             * Format: uuid
             * @description Id.
             */
            id: string;
            /** @description What a gesture is for. */
            note?: string | null;
            /**
             * Format: uuid
             * @description The payment it gives back (part of).
             */
            paymentId: string;
            /** @description cancellation, late_payment or goodwill. */
            reason: components["schemas"]["RefundReason"];
            /** @description pending, succeeded or failed. */
            status: components["schemas"]["PaymentStatusSchema"];
        };
        /**
         * @description Why money went back.
         * @enum {string}
         */
        RefundReason: "cancellation" | "late_payment" | "goodwill";
        /** @description A newly created account. */
        RegisteredUser: {
            /** @description Sign-in email. */
            email: string;
            /** @description First name. */
            firstName: string;
            /**
             * Format: uuid
             * @description The user's id.
             */
            id: string;
            /** @description Last name. */
            lastName: string;
            /** @description Always `guest` for a registration. */
            role: components["schemas"]["UserRole"];
        };
        /**
         * @description The registration form.
         * @example {
         *       "email": "marie.dupont@example.com",
         *       "firstName": "Marie",
         *       "lastName": "Dupont",
         *       "password": "correct horse battery staple"
         *     }
         */
        RegisterRequest: {
            /** @description Sign-in email. */
            email: components["schemas"]["Email"];
            /** @description First name. */
            firstName: components["schemas"]["PersonName"];
            /** @description Last name. */
            lastName: components["schemas"]["PersonName"];
            /** @description 10 to 128 characters, not a common password, not containing the email. */
            password: components["schemas"]["NewPassword"];
        };
        /**
         * @description A French registration number (numéro d'enregistrement): 13 characters, the commune's 5-character INSEE code, 6 digits and a 2-character key, in either case, spaces ignored; blank is none.
         * @example 06088 000123 AB
         */
        RegistrationNumber: string;
        /** @description The outcome of a replay. */
        ReplayAccepted: {
            /**
             * Format: int64
             * @description The delivery's id.
             */
            id: number;
            /** @description Its new status. */
            status: components["schemas"]["ReplayStatus"];
        };
        /**
         * @description What a replayed delivery becomes.
         * @enum {string}
         */
        ReplayStatus: "pending";
        /** @description What to pay. */
        RequestPaymentRequest: {
            /**
             * @description Where the gateway sends the guest back: a path of the web app (`/fr/account/...`)
             *     or an http(s) URL; default `/`.
             */
            returnUrl?: string | null;
            /**
             * @description The guest agrees that the card they pay with be kept for the booking: the balance
             *     charged on its date and the security deposit held before arrival, without them.
             *     Default `false` (the built-in checkout page also asks); a payment already waiting
             *     at its checkout keeps what was asked for it.
             */
            saveCard?: boolean;
        };
        /** @description The payload of `reservations.ReservationCancelled`. */
        ReservationCancelledPayload: {
            /** @description Who (`user:<id>`, `system:<job>`). */
            cancelledBy: string;
            /**
             * Format: uuid
             * @description The property.
             */
            propertyId: string;
            /** @description Why (`expired` for a lapsed hold). */
            reason: string;
            /** @description What the payments context must refund. */
            refundDue: components["schemas"]["Money"];
            /**
             * Format: uuid
             * @description The reservation.
             */
            reservationId: string;
        };
        /** @description The payload of `reservations.ReservationCompleted`. */
        ReservationCompletedPayload: {
            /**
             * Format: date
             * @description Departure.
             */
            checkOut: string;
            /**
             * Format: uuid
             * @description The property.
             */
            propertyId: string;
            /**
             * Format: uuid
             * @description The reservation.
             */
            reservationId: string;
        };
        /** @description The payload of `reservations.ReservationConfirmed`. */
        ReservationConfirmedPayload: {
            /**
             * Format: date
             * @description Arrival.
             */
            checkIn: string;
            /**
             * Format: date
             * @description Departure.
             */
            checkOut: string;
            /**
             * Format: uuid
             * @description The property.
             */
            propertyId: string;
            /**
             * Format: uuid
             * @description The reservation.
             */
            reservationId: string;
        };
        /** @description The payload of `reservations.ReservationCreated`. */
        ReservationCreatedPayload: {
            /**
             * Format: date
             * @description Arrival.
             */
            checkIn: string;
            /**
             * Format: date
             * @description Departure.
             */
            checkOut: string;
            /**
             * Format: uuid
             * @description The guest's user account, if any.
             */
            customerId?: string | null;
            /**
             * Format: int32
             * @description Adults and children.
             */
            guests: number;
            /** @description Whether a manager set the total by hand. */
            priceSetByHand: boolean;
            /**
             * Format: uuid
             * @description The property.
             */
            propertyId: string;
            /** @description The quote's total. */
            quotedTotal: components["schemas"]["Money"];
            /**
             * Format: uuid
             * @description The reservation.
             */
            reservationId: string;
            /** @description What the guest pays. */
            total: components["schemas"]["Money"];
        };
        /** @description A reservation, whole: for staff and the guest who booked. */
        ReservationDto: {
            /**
             * Format: int32
             * @description Adults.
             */
            adults: number;
            /** @description Paid so far. */
            amountPaid: components["schemas"]["Money"];
            cancellation?: null | components["schemas"]["CancellationDto"];
            /**
             * Format: date
             * @description Arrival.
             */
            checkIn: string;
            /**
             * Format: date
             * @description Departure.
             */
            checkOut: string;
            /** @description Children's ages. */
            children: number[];
            /**
             * Format: date-time
             * @description When completed.
             */
            completedAt?: string | null;
            /**
             * Format: date-time
             * @description When confirmed.
             */
            confirmedAt?: string | null;
            contract?: null | components["schemas"]["ContractDto"];
            /**
             * Format: date-time
             * @description Created.
             */
            createdAt: string;
            /**
             * Format: uuid
             * @description The guest's user account, if any.
             */
            customerId?: string | null;
            /** @description Who booked. */
            guest: components["schemas"]["GuestDto"];
            /**
             * Format: date-time
             * @description When a pending booking lapses unless confirmed.
             */
            holdExpiresAt?: string | null;
            /**
             * Format: uuid
             * @description Identity.
             */
            id: string;
            /** @description Notes. */
            notes?: string | null;
            /** @description The frozen price and payment schedule. */
            price: components["schemas"]["PriceDto"];
            /**
             * Format: uuid
             * @description The property.
             */
            propertyId: string;
            /** @description `pending`, `confirmed`, `completed` or `cancelled`. */
            status: components["schemas"]["ReservationStatus"];
            /**
             * Format: date-time
             * @description Last changed.
             */
            updatedAt: string;
            /**
             * Format: int32
             * @description Optimistic-concurrency version (also the ETag).
             */
            version: number;
        };
        /**
         * @description The payload of a timeline event: one of the reservation events (the event's `type`
         *     says which).
         */
        ReservationEventData: components["schemas"]["ReservationCreatedPayload"] | components["schemas"]["ReservationUpdatedPayload"] | components["schemas"]["ReservationConfirmedPayload"] | components["schemas"]["ReservationCancelledPayload"] | components["schemas"]["ReservationCompletedPayload"] | components["schemas"]["ReservationPaymentReceivedPayload"] | components["schemas"]["ReservationRefundedPayload"];
        /** @description One event of a reservation's history. */
        ReservationEventDto: {
            /** @description Who (`user:<id>`, `system:<job>`). */
            actor?: string | null;
            /** @description The event's payload. */
            data: components["schemas"]["ReservationEventData"];
            /**
             * Format: uuid
             * @description The event's id.
             */
            id: string;
            /**
             * Format: date-time
             * @description When.
             */
            occurredAt: string;
            /**
             * @description `reservations.ReservationCreated`, `…Updated`, `…Confirmed`, `…Cancelled`,
             *     `…Completed`.
             */
            type: components["schemas"]["ReservationEventType"];
        };
        /** @description The timeline of a reservation. */
        ReservationEventsDto: {
            /** @description Oldest first. */
            items: components["schemas"]["ReservationEventDto"][];
        };
        /**
         * @description The type of a timeline event.
         * @enum {string}
         */
        ReservationEventType: "reservations.ReservationCreated" | "reservations.ReservationUpdated" | "reservations.ReservationConfirmed" | "reservations.ReservationCancelled" | "reservations.ReservationCompleted" | "reservations.ReservationPaymentReceived" | "reservations.ReservationRefunded";
        /**
         * @description A part of a reservation named in `reservations.ReservationUpdated`.
         * @enum {string}
         */
        ReservationField: "dates" | "occupants" | "guest" | "notes" | "price";
        /** @description The payload of `reservations.ReservationPaymentReceived`. */
        ReservationPaymentReceivedPayload: {
            /** @description This payment. */
            amount: components["schemas"]["Money"];
            /** @description Paid so far, this payment included. */
            amountPaid: components["schemas"]["Money"];
            /**
             * Format: uuid
             * @description The payment.
             */
            paymentId: string;
            /**
             * Format: uuid
             * @description The reservation.
             */
            reservationId: string;
        };
        /** @description Check-in and check-out days. */
        ReservationPeriod: {
            /**
             * Format: date
             * @description Arrival day.
             * @example 2027-07-03
             */
            checkIn: string;
            /**
             * Format: date
             * @description Departure day.
             * @example 2027-07-10
             */
            checkOut: string;
        };
        /** @description The payload of `reservations.ReservationRefunded`. */
        ReservationRefundedPayload: {
            /** @description This refund. */
            amount: components["schemas"]["Money"];
            /** @description Paid so far, net of this refund. */
            amountPaid: components["schemas"]["Money"];
            /**
             * Format: uuid
             * @description The refund.
             */
            refundId: string;
            /**
             * Format: uuid
             * @description The reservation.
             */
            reservationId: string;
        };
        /**
         * @description Where a reservation is in its life.
         * @enum {string}
         */
        ReservationStatus: "pending" | "confirmed" | "completed" | "cancelled";
        /** @description The payload of `reservations.ReservationUpdated`. */
        ReservationUpdatedPayload: {
            /**
             * Format: date
             * @description Arrival (after the change).
             */
            checkIn: string;
            /**
             * Format: date
             * @description Departure (after the change).
             */
            checkOut: string;
            /** @description What changed. */
            fields: components["schemas"]["ReservationField"][];
            /** @description Whether the total is now set by hand. */
            priceSetByHand: boolean;
            /**
             * Format: uuid
             * @description The reservation.
             */
            reservationId: string;
            /** @description The total (after the change). */
            total: components["schemas"]["Money"];
        };
        /** @description A reservation as the caller may see it: whole, or reduced for an owner. */
        ReservationView: components["schemas"]["ReservationDto"] | components["schemas"]["OwnerReservationDto"];
        /** @description A reset token and the new password. */
        ResetConfirmation: {
            /**
             * @description The new password: 10 to 128 characters, not a common password, not containing the
             *     email.
             */
            newPassword: components["schemas"]["NewPassword"];
            /** @description The token from the email. */
            token: string;
        };
        /** @description Asks for a reset email. */
        ResetRequest: {
            /** @description The account's email. */
            email: string;
        };
        /** @description The card the guest saved at checkout, with their consent. */
        SavedCardDto: {
            /**
             * Format: date-time
             * @description When the guest agreed to the balance charged and the deposit held on it.
             */
            consentedAt: string;
            /** @description Its last four digits. */
            last4: string;
            /** @description The provider keeping it. */
            provider: string;
        };
        /**
         * @description A search result: the public face of a property, its lowest nightly price and, for a
         *     stay, the stay's price.
         */
        SearchResult: {
            /** @description Amenities. */
            amenities: components["schemas"]["Amenity"][];
            /**
             * Format: int32
             * @description Bedrooms.
             */
            bedrooms: number;
            /** @description City. */
            city: string;
            /** @description Country. */
            country: string;
            /**
             * Format: double
             * @description Distance from `near`, km.
             */
            distanceKm?: number | null;
            /**
             * Format: uuid
             * @description Id.
             */
            id: string;
            /** @description Kind. */
            kind: components["schemas"]["PropertyKind"];
            /**
             * Format: double
             * @description Approximate position (2 decimals).
             */
            lat: number;
            /**
             * Format: double
             * @description Approximate position (2 decimals).
             */
            lng: number;
            /**
             * Format: int32
             * @description Max guests.
             */
            maxGuests: number;
            /** @description Name. */
            name: string;
            /** @description The lowest nightly price of its rates (base or any season): "from 120 € a night". */
            nightlyFrom: components["schemas"]["Money"];
            /**
             * Format: int32
             * @description Nights of the stay (searching for a stay).
             */
            nights?: number | null;
            /** @description The first photo (resized), if any. */
            photoUrl?: string | null;
            /** @description Slug. */
            slug: string;
            total?: null | components["schemas"]["Money"];
        };
        /** @description A season: its dates, nightly price and stay rules. */
        Season: {
            /** @description Allowed arrival days (else any); when given, at least one. */
            arrivalDays?: components["schemas"]["Weekday"][] | null;
            /** @description Dates. */
            dates: components["schemas"]["DateRange"];
            /**
             * Format: int32
             * @description Minimum nights in this season, 1 to 90 (else the plan's default).
             */
            minNights?: number | null;
            /**
             * @description Name, e.g. `Haute saison 2027`: 1 to 100 characters once trimmed, no control
             *     characters; unique in the plan.
             */
            name: components["schemas"]["SeasonName"];
            /** @description Nightly price. */
            nightly: components["schemas"]["Money"];
        };
        /**
         * @description A season's name: 1 to 100 characters once trimmed, no control characters.
         * @example Haute saison 2027
         */
        SeasonName: string;
        /**
         * @description A SIRET: 14 digits, spaces ignored; the Luhn key is checked too (`siret.invalid_checksum`, La Poste's exception included).
         * @example 73282932000074
         */
        Siret: string;
        /** @description The long-stay discount applied. */
        StayDiscount: {
            /** @description Amount taken off the rent. */
            amount: components["schemas"]["Money"];
            /** @description Which discount. */
            kind: components["schemas"]["StayDiscountKind"];
            /**
             * Format: int32
             * @description Basis points.
             */
            rateBp: number;
        };
        /**
         * @description Weekly or monthly.
         * @enum {string}
         */
        StayDiscountKind: "weekly" | "monthly";
        /** @description What a sync did. */
        SyncReportDto: {
            /** @description Events not written because they overlap another occupation. */
            conflicts: number;
            /** @description Blocks removed. */
            deleted: number;
            /** @description Why it failed, if it did. */
            error?: string | null;
            /** @description Blocks written. */
            inserted: number;
            /** @description Blocks moved. */
            updated: number;
        };
        /** @description A token pair. */
        TokenResponse: {
            /** @description Send as `Authorization: Bearer <accessToken>`. */
            accessToken: string;
            /**
             * Format: int64
             * @description Seconds until the access token expires.
             * @example 900
             */
            expiresIn: number;
            /** @description One-time token for `POST /auth/refresh`. */
            refreshToken: string;
            /** @description Always `Bearer`. */
            tokenType: components["schemas"]["TokenType"];
        };
        /**
         * @description How the access token is presented.
         * @enum {string}
         */
        TokenType: "Bearer";
        /** @description How a tourist-tax line's amount per adult and night was obtained. */
        TouristTaxBasis: {
            /** @enum {string} */
            kind: "fixed";
            /** @description Tariff per adult and per night. */
            rate: components["schemas"]["Money"];
        } | {
            /** @description Whether the ceiling applied. */
            capped: boolean;
            /** @description The ceiling. */
            capPerAdultNight: components["schemas"]["Money"];
            /** @enum {string} */
            kind: "proportional";
            /** @description The night's accommodation price. */
            nightPrice: components["schemas"]["Money"];
            /**
             * Format: int64
             * @description Occupants, minors included.
             */
            occupants: number;
            /** @description `night_price / occupants` (display only). */
            pricePerOccupant: components["schemas"]["Money"];
            /**
             * Format: int32
             * @description Basis points.
             */
            rateBp: number;
            /** @description Before the cap. */
            uncappedPerAdultNight: components["schemas"]["Money"];
        };
        /** @description The tourist tax of a stay, with its computation. */
        TouristTaxBreakdown: {
            /**
             * Format: int32
             * @description Adults (taxed).
             */
            adults: number;
            /** @description The commune's part. */
            communal: components["schemas"]["Money"];
            /** @description The department's part. */
            departmental: components["schemas"]["Money"];
            /**
             * Format: int32
             * @description Departmental surcharge, basis points.
             */
            departmentalSurchargeBp: number;
            /** @description Lines. */
            lines: components["schemas"]["TouristTaxLine"][];
            /**
             * Format: int32
             * @description Minors (exempt).
             */
            minors: number;
            /** @description The region's part. */
            regional: components["schemas"]["Money"];
            /**
             * Format: int32
             * @description Regional surcharge, basis points.
             */
            regionalSurchargeBp: number;
            /** @description Total tax. */
            total: components["schemas"]["Money"];
        };
        /** @description A property's tourist-tax configuration. */
        TouristTaxConfig: {
            /**
             * Format: int32
             * @description Departmental surcharge, basis points (at most 50000).
             */
            departmentalSurchargeBp: number;
            /** @description The regime. */
            regime: components["schemas"]["TouristTaxRegime"];
            /**
             * Format: int32
             * @description Regional surcharge, basis points (at most 50000).
             * @default 0
             */
            regionalSurchargeBp: number | null;
        };
        /** @description Nights taxed alike. */
        TouristTaxLine: {
            /**
             * Format: int32
             * @description Adults taxed.
             */
            adults: number;
            /** @description Line total. */
            amount: components["schemas"]["Money"];
            /** @description How the amount per adult and night was obtained. */
            basis: components["schemas"]["TouristTaxBasis"];
            /**
             * Format: date
             * @description First night.
             */
            firstNight: string;
            /**
             * Format: int32
             * @description Nights.
             */
            nights: number;
            /** @description Tax per adult and night. */
            perAdultNight: components["schemas"]["Money"];
        };
        /** @description How the commune levies the tourist tax. */
        TouristTaxRegime: {
            /** @enum {string} */
            kind: "fixedPerAdultNight";
            /** @description Tariff per adult and per night. */
            rate: components["schemas"]["Money"];
        } | {
            /** @description Ceiling per adult and per night. */
            capPerAdultNight: components["schemas"]["Money"];
            /** @enum {string} */
            kind: "proportional";
            /**
             * Format: int32
             * @description 100 to 500 basis points.
             */
            rateBp: number;
        };
        /**
         * @description `PATCH /users/me`: the fields to change; an omitted field is left as it is.
         * @example {
         *       "firstName": "Ada",
         *       "language": "fr",
         *       "lastName": "Lovelace",
         *       "phone": "+33612345678"
         *     }
         */
        UpdateMyProfileRequest: {
            firstName?: null | components["schemas"]["PersonName"];
            language?: null | components["schemas"]["UserLanguage"];
            lastName?: null | components["schemas"]["PersonName"];
            phone?: null | components["schemas"]["PhoneNumber"];
        };
        /**
         * @description `PATCH /owners/{id}`: the fields to change; an omitted field is left as it is, and
         *     `null` removes an optional one.
         * @example {
         *       "email": "ada@example.com",
         *       "phone": "+33 6 12 34 56 78"
         *     }
         */
        UpdateOwnerRequest: {
            address?: null | components["schemas"]["AddressDto"];
            email?: null | components["schemas"]["Email"];
            firstName?: null | components["schemas"]["PersonName"];
            iban?: null | components["schemas"]["Iban"];
            kind?: null | components["schemas"]["OwnerKindDto"];
            lastName?: null | components["schemas"]["PersonName"];
            legalName?: null | components["schemas"]["LegalName"];
            mandate?: null | components["schemas"]["OwnerMandatePatchDto"];
            phone?: null | components["schemas"]["PhoneNumber"];
            siret?: null | components["schemas"]["Siret"];
            /**
             * Format: uuid
             * @description Link this user account (role `owner`) to the owner; `null` unlinks the current one.
             */
            userId?: string | null;
            vatNumber?: null | components["schemas"]["VatNumber"];
        };
        /**
         * @description Changes to a property; omitted fields stay as they are.
         * @example {
         *       "amenities": [
         *         "pool",
         *         "wifi",
         *         "parking"
         *       ],
         *       "descriptions": {
         *         "en": "A villa with a heated pool, ten minutes from the beach."
         *       },
         *       "houseRules": "No parties. Quiet after 22:00."
         *     }
         */
        UpdatePropertyRequest: {
            address?: null | components["schemas"]["AddressDto"];
            /** @description Amenities. */
            amenities?: components["schemas"]["Amenity"][] | null;
            /** @description Other amenities. */
            amenitiesOther?: string | null;
            capacity?: null | components["schemas"]["CapacityDto"];
            /**
             * @description Check-in from.
             * @example 16:00:00
             */
            checkInTime?: string | null;
            /**
             * @description Check-out until.
             * @example 10:00:00
             */
            checkOutTime?: string | null;
            coordinates?: null | components["schemas"]["CoordinatesDto"];
            descriptions?: null | components["schemas"]["PartialDescriptions"];
            /**
             * Format: int32
             * @description Floor area (null clears).
             */
            floorAreaM2?: number | null;
            /** @description House rules. */
            houseRules?: string | null;
            kind?: null | components["schemas"]["PropertyKind"];
            name?: null | components["schemas"]["PropertyName"];
            /** @description Owners and shares. */
            owners?: components["schemas"]["OwnerShareDto"][] | null;
            rates?: null | components["schemas"]["RatePlan"];
            registrationNumber?: null | components["schemas"]["RegistrationNumber"];
            touristTax?: null | components["schemas"]["TouristTaxConfig"];
        };
        /**
         * @description `PATCH /reservations/{id}`: what to change; omitted fields stay.
         * @example {
         *       "guest": {
         *         "phone": "+33 6 12 34 56 78"
         *       },
         *       "notes": "Arriving late, around 22:00"
         *     }
         */
        UpdateReservationRequest: {
            /**
             * Format: int32
             * @description New number of adults (at least one, at most 50 occupants in all).
             */
            adults?: number | null;
            /**
             * Format: date
             * @description New arrival day.
             * @example 2030-07-06
             */
            checkIn?: string | null;
            /**
             * Format: date
             * @description New departure day.
             * @example 2030-07-13
             */
            checkOut?: string | null;
            /** @description New children's ages (the whole list). */
            children?: components["schemas"]["ChildAge"][] | null;
            guest?: null | components["schemas"]["GuestPatchDto"];
            /**
             * Format: int64
             * @description Staff only: a total set by hand (any change of dates or occupants otherwise
             *     re-prices at the quote).
             */
            manualTotal?: number | null;
            notes?: null | components["schemas"]["Notes"];
        };
        /** @description `PATCH /users/{id}`: the fields to change; an omitted field is left as it is. */
        UpdateUserRequest: {
            /**
             * @description `true` disables the account (administrators cannot disable their own), `false`
             *     enables it again.
             */
            disabled?: boolean | null;
            role?: null | components["schemas"]["UserRole"];
        };
        /** @description A user account. */
        UserDto: {
            /**
             * Format: date-time
             * @description When the account was created.
             */
            createdAt: string;
            /** @description Disabled users cannot sign in. */
            disabled: boolean;
            /**
             * @description Sign-in email.
             * @example ada@example.com
             */
            email: string;
            /** @description First name. */
            firstName: string;
            /**
             * Format: uuid
             * @description The user's id.
             */
            id: string;
            /** @description Preferred language. */
            language: components["schemas"]["UserLanguage"];
            /** @description Last name. */
            lastName: string;
            /**
             * @description Phone number in E.164 form, or null.
             * @example +33612345678
             */
            phone?: string | null;
            /** @description Role. */
            role: components["schemas"]["UserRole"];
            /**
             * Format: date-time
             * @description When it last changed.
             */
            updatedAt: string;
            /**
             * Format: int32
             * @description The version, also sent as the `ETag`; present it in `If-Match` to update.
             */
            version: number;
        };
        /**
         * @description The language we write to a user in.
         * @enum {string}
         */
        UserLanguage: "fr" | "en";
        /**
         * @description A user's role, as every API shows it (the OpenAPI schema of `sejour_core::Role`).
         * @enum {string}
         */
        UserRole: "admin" | "manager" | "owner" | "guest";
        /**
         * @description An EU VAT number: a country prefix (`FR`, `DE`, `EL`...) and that country's shape, in either case, spaces, dots and dashes ignored; a French key in digits must be the one of the SIREN (`vat_number.invalid_key`).
         * @example FR44732829320
         */
        VatNumber: string;
        /**
         * @description A day of the week.
         * @enum {string}
         */
        Weekday: "Mon" | "Tue" | "Wed" | "Thu" | "Fri" | "Sat" | "Sun";
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type AccountDto = components['schemas']['AccountDto'];
export type AddressDto = components['schemas']['AddressDto'];
export type Amenity = components['schemas']['Amenity'];
export type AuditRecordDto = components['schemas']['AuditRecordDto'];
export type AuthenticateCheckoutRequest = components['schemas']['AuthenticateCheckoutRequest'];
export type BalanceDto = components['schemas']['BalanceDto'];
export type BlockKind = components['schemas']['BlockKind'];
export type BlockRequest = components['schemas']['BlockRequest'];
export type CancellationDto = components['schemas']['CancellationDto'];
export type CancellationPolicy = components['schemas']['CancellationPolicy'];
export type CancellationPreviewDto = components['schemas']['CancellationPreviewDto'];
export type CancelReason = components['schemas']['CancelReason'];
export type CancelReservationRequest = components['schemas']['CancelReservationRequest'];
export type CapacityDto = components['schemas']['CapacityDto'];
export type ChangePasswordRequest = components['schemas']['ChangePasswordRequest'];
export type CheckoutDto = components['schemas']['CheckoutDto'];
export type CheckoutStatus = components['schemas']['CheckoutStatus'];
export type ChildAge = components['schemas']['ChildAge'];
export type ClaimDepositRequest = components['schemas']['ClaimDepositRequest'];
export type ContractDto = components['schemas']['ContractDto'];
export type CoordinatesDto = components['schemas']['CoordinatesDto'];
export type CountryCode = components['schemas']['CountryCode'];
export type Created = components['schemas']['Created'];
export type CreateOwnerRequest = components['schemas']['CreateOwnerRequest'];
export type CreatePropertyRequest = components['schemas']['CreatePropertyRequest'];
export type CreateReservationRequest = components['schemas']['CreateReservationRequest'];
export type CreateUserRequest = components['schemas']['CreateUserRequest'];
export type Currency = components['schemas']['Currency'];
export type DamagePhotoDto = components['schemas']['DamagePhotoDto'];
export type DateRange = components['schemas']['DateRange'];
export type DeadLetter = components['schemas']['DeadLetter'];
export type DepositDto = components['schemas']['DepositDto'];
export type DepositHoldDto = components['schemas']['DepositHoldDto'];
export type DepositHoldStatus = components['schemas']['DepositHoldStatus'];
export type DescriptionsDto = components['schemas']['DescriptionsDto'];
export type Email = components['schemas']['Email'];
export type EntryDto = components['schemas']['EntryDto'];
export type ExportLink = components['schemas']['ExportLink'];
export type ExtraGuestFee = components['schemas']['ExtraGuestFee'];
export type FeedDto = components['schemas']['FeedDto'];
export type FeedName = components['schemas']['FeedName'];
export type FeedUrl = components['schemas']['FeedUrl'];
export type GoodwillRefundRequest = components['schemas']['GoodwillRefundRequest'];
export type GuestDto = components['schemas']['GuestDto'];
export type GuestPatchDto = components['schemas']['GuestPatchDto'];
export type HealthStatus = components['schemas']['HealthStatus'];
export type Iban = components['schemas']['Iban'];
export type IcalSettings = components['schemas']['IcalSettings'];
export type Installment = components['schemas']['Installment'];
export type InstallmentDto = components['schemas']['InstallmentDto'];
export type InstallmentKind = components['schemas']['InstallmentKind'];
export type InvoiceDto = components['schemas']['InvoiceDto'];
export type InvoiceKind = components['schemas']['InvoiceKind'];
export type LedgerAccountKind = components['schemas']['LedgerAccountKind'];
export type LedgerEntryKind = components['schemas']['LedgerEntryKind'];
export type LegalName = components['schemas']['LegalName'];
export type LineDto = components['schemas']['LineDto'];
export type LoginRequest = components['schemas']['LoginRequest'];
export type MessageKind = components['schemas']['MessageKind'];
export type Money = components['schemas']['Money'];
export type NewFeed = components['schemas']['NewFeed'];
export type NewPassword = components['schemas']['NewPassword'];
export type NightlyLine = components['schemas']['NightlyLine'];
export type Notes = components['schemas']['Notes'];
export type OccupationKind = components['schemas']['OccupationKind'];
export type OccupiedRange = components['schemas']['OccupiedRange'];
export type OwnerDto = components['schemas']['OwnerDto'];
export type OwnerKindDto = components['schemas']['OwnerKindDto'];
export type OwnerMandateDto = components['schemas']['OwnerMandateDto'];
export type OwnerMandatePatchDto = components['schemas']['OwnerMandatePatchDto'];
export type OwnerMoneyModelDto = components['schemas']['OwnerMoneyModelDto'];
export type OwnerReservationDto = components['schemas']['OwnerReservationDto'];
export type OwnerShareDto = components['schemas']['OwnerShareDto'];
export type PageAuditRecordDto = components['schemas']['Page_AuditRecordDto'];
export type PageDeadLetter = components['schemas']['Page_DeadLetter'];
export type PageInvoiceDto = components['schemas']['Page_InvoiceDto'];
export type PageOwnerDto = components['schemas']['Page_OwnerDto'];
export type PagePropertyCalendarDto = components['schemas']['Page_PropertyCalendarDto'];
export type PagePropertySummaryDto = components['schemas']['Page_PropertySummaryDto'];
export type PageReservationDto = components['schemas']['Page_ReservationDto'];
export type PageReservationView = components['schemas']['Page_ReservationView'];
export type PageSearchResult = components['schemas']['Page_SearchResult'];
export type PageUserDto = components['schemas']['Page_UserDto'];
export type PartialDescriptions = components['schemas']['PartialDescriptions'];
export type PartyDto = components['schemas']['PartyDto'];
export type PayCheckoutRequest = components['schemas']['PayCheckoutRequest'];
export type PaymentDto = components['schemas']['PaymentDto'];
export type PaymentSchedule = components['schemas']['PaymentSchedule'];
export type PaymentStatusSchema = components['schemas']['PaymentStatusSchema'];
export type PersonName = components['schemas']['PersonName'];
export type PhoneNumber = components['schemas']['PhoneNumber'];
export type PhotoChanges = components['schemas']['PhotoChanges'];
export type PhotoDto = components['schemas']['PhotoDto'];
export type PhotoUpload = components['schemas']['PhotoUpload'];
export type PriceDto = components['schemas']['PriceDto'];
export type Problem = components['schemas']['Problem'];
export type ProblemField = components['schemas']['ProblemField'];
export type PropertyCalendarDto = components['schemas']['PropertyCalendarDto'];
export type PropertyDto = components['schemas']['PropertyDto'];
export type PropertyKind = components['schemas']['PropertyKind'];
export type PropertyName = components['schemas']['PropertyName'];
export type PropertyStatus = components['schemas']['PropertyStatus'];
export type PropertySummaryDto = components['schemas']['PropertySummaryDto'];
export type QuoteDto = components['schemas']['QuoteDto'];
export type RatePlan = components['schemas']['RatePlan'];
export type RateSource = components['schemas']['RateSource'];
export type Readiness = components['schemas']['Readiness'];
export type RefreshRequest = components['schemas']['RefreshRequest'];
export type RefundDto = components['schemas']['RefundDto'];
export type RefundReason = components['schemas']['RefundReason'];
export type RegisteredUser = components['schemas']['RegisteredUser'];
export type RegisterRequest = components['schemas']['RegisterRequest'];
export type RegistrationNumber = components['schemas']['RegistrationNumber'];
export type ReplayAccepted = components['schemas']['ReplayAccepted'];
export type ReplayStatus = components['schemas']['ReplayStatus'];
export type RequestPaymentRequest = components['schemas']['RequestPaymentRequest'];
export type ReservationCancelledPayload = components['schemas']['ReservationCancelledPayload'];
export type ReservationCompletedPayload = components['schemas']['ReservationCompletedPayload'];
export type ReservationConfirmedPayload = components['schemas']['ReservationConfirmedPayload'];
export type ReservationCreatedPayload = components['schemas']['ReservationCreatedPayload'];
export type ReservationDto = components['schemas']['ReservationDto'];
export type ReservationEventData = components['schemas']['ReservationEventData'];
export type ReservationEventDto = components['schemas']['ReservationEventDto'];
export type ReservationEventsDto = components['schemas']['ReservationEventsDto'];
export type ReservationEventType = components['schemas']['ReservationEventType'];
export type ReservationField = components['schemas']['ReservationField'];
export type ReservationPaymentReceivedPayload = components['schemas']['ReservationPaymentReceivedPayload'];
export type ReservationPeriod = components['schemas']['ReservationPeriod'];
export type ReservationRefundedPayload = components['schemas']['ReservationRefundedPayload'];
export type ReservationStatus = components['schemas']['ReservationStatus'];
export type ReservationUpdatedPayload = components['schemas']['ReservationUpdatedPayload'];
export type ReservationView = components['schemas']['ReservationView'];
export type ResetConfirmation = components['schemas']['ResetConfirmation'];
export type ResetRequest = components['schemas']['ResetRequest'];
export type SavedCardDto = components['schemas']['SavedCardDto'];
export type SearchResult = components['schemas']['SearchResult'];
export type Season = components['schemas']['Season'];
export type SeasonName = components['schemas']['SeasonName'];
export type Siret = components['schemas']['Siret'];
export type StayDiscount = components['schemas']['StayDiscount'];
export type StayDiscountKind = components['schemas']['StayDiscountKind'];
export type SyncReportDto = components['schemas']['SyncReportDto'];
export type TokenResponse = components['schemas']['TokenResponse'];
export type TokenType = components['schemas']['TokenType'];
export type TouristTaxBasis = components['schemas']['TouristTaxBasis'];
export type TouristTaxBreakdown = components['schemas']['TouristTaxBreakdown'];
export type TouristTaxConfig = components['schemas']['TouristTaxConfig'];
export type TouristTaxLine = components['schemas']['TouristTaxLine'];
export type TouristTaxRegime = components['schemas']['TouristTaxRegime'];
export type UpdateMyProfileRequest = components['schemas']['UpdateMyProfileRequest'];
export type UpdateOwnerRequest = components['schemas']['UpdateOwnerRequest'];
export type UpdatePropertyRequest = components['schemas']['UpdatePropertyRequest'];
export type UpdateReservationRequest = components['schemas']['UpdateReservationRequest'];
export type UpdateUserRequest = components['schemas']['UpdateUserRequest'];
export type UserDto = components['schemas']['UserDto'];
export type UserLanguage = components['schemas']['UserLanguage'];
export type UserRole = components['schemas']['UserRole'];
export type VatNumber = components['schemas']['VatNumber'];
export type Weekday = components['schemas']['Weekday'];
export type $defs = Record<string, never>;
export interface operations {
    searchAuditLog: {
        parameters: {
            query?: {
                /** @description What was done, e.g. `auth.login_succeeded`. */
                action?: string;
                /** @description Who acted, e.g. `user:0190...`, `system:scheduler`. */
                actor?: string;
                /**
                 * @description The `nextCursor` of the previous page (opaque, URL-safe base64). One not shaped
                 *     like a cursor is a 400; one shaped like a cursor that this API did not issue, a 422.
                 */
                cursor?: string;
                /** @description From this instant (inclusive, RFC 3339). */
                from?: string;
                /** @description Items per page, 1 to 100 (default 20). */
                limit?: number;
                /** @description The object's id (with `targetType`). */
                targetId?: string;
                /** @description The kind of object acted upon, e.g. `reservation`. */
                targetType?: string;
                /** @description Until this instant (exclusive, RFC 3339). */
                to?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of audit rows */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Page_AuditRecordDto"];
                };
            };
            /** @description Bad parameters */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No or bad token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not an administrator */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Inconsistent filters */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listDeadLetters: {
        parameters: {
            query?: {
                /** @description Only this consumer's. */
                consumer?: string;
                /**
                 * @description The `nextCursor` of the previous page (opaque, URL-safe base64). One not shaped
                 *     like a cursor is a 400; one shaped like a cursor that this API did not issue, a 422.
                 */
                cursor?: string;
                /** @description Items per page, 1 to 100 (default 20). */
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of dead letters */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Page_DeadLetter"];
                };
            };
            /** @description Bad parameters */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No or bad token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not an administrator */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A cursor this API did not issue */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getDeadLetter: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The delivery's id */
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The dead letter */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DeadLetter"];
                };
            };
            /** @description The id is not a number */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No or bad token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not an administrator */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such dead letter */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    replayDeadLetter: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The delivery's id */
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Queued again */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReplayAccepted"];
                };
            };
            /** @description The id is not a number */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No or bad token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not an administrator */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such dead letter */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    signIn: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["LoginRequest"];
            };
        };
        responses: {
            /** @description Signed in */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TokenResponse"];
                };
            };
            /** @description Malformed request: a path id, query parameter, header or JSON body that cannot be read */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Wrong email or password (`auth.invalid_credentials`) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not of a supported media type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is well-formed but invalid (`errors[]` names the fields) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many attempts; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    signOut: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RefreshRequest"];
            };
        };
        responses: {
            /** @description Signed out */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Malformed JSON */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the bearer token is invalid or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not of a supported media type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is well-formed but invalid (`errors[]` names the fields) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    changeOwnPassword: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ChangePasswordRequest"];
            };
        };
        responses: {
            /** @description Password changed */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Malformed request: a path id, query parameter, header or JSON body that cannot be read */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in without the right to do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not of a supported media type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Wrong current password or weak new one */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    requestPasswordReset: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ResetRequest"];
            };
        };
        responses: {
            /** @description If the account exists, an email is on its way */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Malformed JSON */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the bearer token is invalid or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not of a supported media type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is well-formed but invalid (`errors[]` names the fields) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    confirmPasswordReset: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ResetConfirmation"];
            };
        };
        responses: {
            /** @description Password reset */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Malformed request: a path id, query parameter, header or JSON body that cannot be read */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the bearer token is invalid or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not of a supported media type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Invalid, used or expired token, or weak password */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    refreshTokens: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RefreshRequest"];
            };
        };
        responses: {
            /** @description The next pair */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TokenResponse"];
                };
            };
            /** @description Malformed request: a path id, query parameter, header or JSON body that cannot be read */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Invalid, expired or reused token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not of a supported media type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is well-formed but invalid (`errors[]` names the fields) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    register: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RegisterRequest"];
            };
        };
        responses: {
            /** @description Account created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RegisteredUser"];
                };
            };
            /** @description Malformed JSON */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the bearer token is invalid or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Email already used (`user.email_taken`) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not of a supported media type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Invalid fields, e.g. a weak password */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getCalendarBoard: {
        parameters: {
            query: {
                /**
                 * @description The `nextCursor` of the previous page (opaque, URL-safe base64). One not shaped
                 *     like a cursor is a 400; one shaped like a cursor that this API did not issue, a 422.
                 */
                cursor?: string;
                /**
                 * @description First night (YYYY-MM-DD).
                 * @example 2026-07-01
                 */
                from: string;
                /** @description Items per page, 1 to 100 (default 20). */
                limit?: number;
                /** @description One owner's properties. */
                ownerId?: string;
                /** @description Name or city contains. */
                q?: string;
                /** @description draft, published or archived. */
                status?: components["schemas"]["PropertyStatus"];
                /**
                 * @description Day after the last night (exclusive).
                 * @example 2026-09-01
                 */
                to: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of properties, newest first, with their calendars */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Page_PropertyCalendarDto"];
                };
            };
            /** @description Malformed request: a path id, query parameter, header or JSON body that cannot be read */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Neither staff nor an owner */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A window longer than two years */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getCheckout: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The checkout's reference */
                reference: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The checkout */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CheckoutDto"];
                };
            };
            /** @description Malformed request: a path id, query parameter, header or JSON body that cannot be read */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the bearer token is invalid or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such checkout */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    authenticateCheckout: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The checkout's reference */
                reference: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AuthenticateCheckoutRequest"];
            };
        };
        responses: {
            /** @description The checkout after the answer */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CheckoutDto"];
                };
            };
            /** @description Malformed request: a path id, query parameter, header or JSON body that cannot be read */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the bearer token is invalid or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such checkout */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not waiting for a second step (`checkout.closed`) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not of a supported media type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is well-formed but invalid (`errors[]` names the fields) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    payCheckout: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The checkout's reference */
                reference: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PayCheckoutRequest"];
            };
        };
        responses: {
            /** @description The checkout after the attempt */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CheckoutDto"];
                };
            };
            /** @description Malformed request: a path id, query parameter, header or JSON body that cannot be read */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the bearer token is invalid or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such checkout */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Already paid or declined (`checkout.closed`) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not of a supported media type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not a card number (`checkout.invalid_card`) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    invoiceRegister: {
        parameters: {
            query?: {
                /**
                 * @description The `nextCursor` of the previous page (opaque, URL-safe base64). One not shaped
                 *     like a cursor is a 400; one shaped like a cursor that this API did not issue, a 422.
                 */
                cursor?: string;
                /**
                 * @description Issued on or after this day (UTC).
                 * @example 2027-01-01
                 */
                from?: string;
                /** @description invoice, commission or credit_note. */
                kind?: components["schemas"]["InvoiceKind"];
                /** @description Items per page, 1 to 100 (default 20). */
                limit?: number;
                /**
                 * @description Issued before this day (UTC).
                 * @example 2028-01-01
                 */
                to?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of documents */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Page_InvoiceDto"];
                };
            };
            /** @description Bad parameters */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Neither staff nor an owner */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A cursor this API did not issue */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getInvoice: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The invoice */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The document */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InvoiceDto"];
                };
            };
            /** @description Malformed request: a path id, query parameter, header or JSON body that cannot be read */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in without the right to do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such invoice (or not yours) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getInvoicePdf: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The invoice */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The PDF */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/pdf": unknown;
                };
            };
            /** @description Malformed request: a path id, query parameter, header or JSON body that cannot be read */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in without the right to do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such invoice (or not yours) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The object storage failed */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    ledgerBalances: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Non-zero balances, by account */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BalanceDto"][];
                };
            };
            /** @description Not signed in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Neither staff nor an owner */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listMyReservations: {
        parameters: {
            query?: {
                /**
                 * @description The `nextCursor` of the previous page (opaque, URL-safe base64). One not shaped
                 *     like a cursor is a 400; one shaped like a cursor that this API did not issue, a 422.
                 */
                cursor?: string;
                /** @description Items per page, 1 to 100 (default 20). */
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of your reservations */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Page_ReservationDto"];
                };
            };
            /** @description Bad limit or cursor */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in without the right to do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A cursor this API did not issue */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listOwners: {
        parameters: {
            query?: {
                /**
                 * @description The `nextCursor` of the previous page (opaque, URL-safe base64). One not shaped
                 *     like a cursor is a 400; one shaped like a cursor that this API did not issue, a 422.
                 */
                cursor?: string;
                /** @description Only persons, or only companies. */
                kind?: components["schemas"]["OwnerKindDto"];
                /** @description Items per page, 1 to 100 (default 20). */
                limit?: number;
                /**
                 * @description Text found in the names, legal name, email or SIRET (case-insensitive; `%` and
                 *     `_` are plain characters).
                 */
                q?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of owners */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Page_OwnerDto"];
                };
            };
            /** @description Bad parameters (limit, cursor, kind...) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A guest */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Invalid parameters (`validation.failed`) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    createOwner: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateOwnerRequest"];
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    /** @description The version, quoted */
                    ETag?: string;
                    /** @description The new owner's URL */
                    Location?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OwnerDto"];
                };
            };
            /** @description Malformed body */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Neither admin nor manager */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Another owner has this SIRET (`owner.siret_taken`), or the user account stands for another owner (`owner.user_already_linked`) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not of a supported media type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Invalid fields, each named (`validation.failed`: `siret`, `iban`, `address.postalCode`...), or a rule broken (`owner.iban_required_for_mandate`, `owner.vat_siren_mismatch`, `owner.user_not_owner_role`) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getOwner: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The owner's id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The owner */
            200: {
                headers: {
                    /** @description The version, quoted: send it back in If-Match */
                    ETag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OwnerDto"];
                };
            };
            /** @description The id is not a UUID */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in without the right to do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such owner, or not one you may see (`owner.not_found`) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    updateOwner: {
        parameters: {
            query?: never;
            header?: {
                /** @description The `ETag` of the version the change is based on (`"3"`), or `*`; a stale version answers 412. */
                "If-Match"?: string;
            };
            path: {
                /** @description The owner's id */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateOwnerRequest"];
            };
        };
        responses: {
            /** @description The updated owner */
            200: {
                headers: {
                    /** @description The new version, quoted */
                    ETag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OwnerDto"];
                };
            };
            /** @description Malformed id, body or If-Match */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Neither admin nor manager */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such owner (`owner.not_found`) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Another owner has this SIRET (`owner.siret_taken`), or the user account stands for another owner (`owner.user_already_linked`) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The owner changed since it was read (`owner.version_mismatch`) */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not of a supported media type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Invalid fields, each named (`validation.failed`), or a rule broken (`owner.iban_required_for_mandate`, `owner.vat_siren_mismatch`, `owner.user_not_owner_role`) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    searchProperties: {
        parameters: {
            query?: {
                /** @description Required amenities, comma-separated (e.g. `pool,wifi`). */
                amenities?: components["schemas"]["Amenity"][];
                /**
                 * @description First night; with `checkOut`, only properties free for the whole stay, priced for
                 *     it. Without both, the catalogue is browsed.
                 * @example 2030-07-06
                 */
                checkIn?: string;
                /**
                 * @description Check-out day.
                 * @example 2030-07-13
                 */
                checkOut?: string;
                /** @description City. */
                city?: string;
                /**
                 * @description The `nextCursor` of the previous page (opaque, URL-safe base64). One not shaped
                 *     like a cursor is a 400; one shaped like a cursor that this API did not issue, a 422.
                 */
                cursor?: string;
                /** @description Guests (default 1). */
                guests?: number;
                /** @description Items per page, 1 to 100 (default 20). */
                limit?: number;
                /**
                 * @description `lat,lng` of a place, in degrees (e.g. `43.70,7.27`).
                 * @example 43.70,7.27
                 */
                near?: string;
                /**
                 * @description Highest total price of the stay, minor units; without a stay, highest
                 *     `nightlyFrom`.
                 */
                priceMax?: number;
                /** @description Radius around `near`, km (default 20). */
                radius?: number;
                /** @description `newest` (default), `price`, `-price` or `distance` (with `near`). */
                sort?: "newest" | "price" | "-price" | "distance";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of results */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Page_SearchResult"];
                };
            };
            /** @description Bad parameters */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the bearer token is invalid or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Inconsistent parameters */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    createProperty: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreatePropertyRequest"];
            };
        };
        responses: {
            /** @description Created as a draft */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Created"];
                };
            };
            /** @description Malformed request: a path id, query parameter, header or JSON body that cannot be read */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not staff */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not of a supported media type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Invalid fields */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getProperty: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The property */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The property (ETag: its version) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PropertyDto"];
                };
            };
            /** @description Malformed request: a path id, query parameter, header or JSON body that cannot be read */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the bearer token is invalid or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such property, or not visible */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    updateProperty: {
        parameters: {
            query?: never;
            header?: {
                /** @description The `ETag` of the version the change is based on (`"3"`), or `*`; a stale version answers 412. */
                "If-Match"?: string;
            };
            path: {
                /** @description The property */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdatePropertyRequest"];
            };
        };
        responses: {
            /** @description The updated property */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PropertyDto"];
                };
            };
            /** @description Malformed request: a path id, query parameter, header or JSON body that cannot be read */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the bearer token is invalid or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in without the right to do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such property */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Stale If-Match */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not of a supported media type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Invalid fields, or a published property would stop being publishable */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    archiveProperty: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The property */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Done */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Malformed request: a path id, query parameter, header or JSON body that cannot be read */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the bearer token is invalid or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in without the right to do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such property */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not allowed now (e.g. missing registration number, photos or rates) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    blockDates: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The property */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["BlockRequest"];
            };
        };
        responses: {
            /** @description Blocked */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Created"];
                };
            };
            /** @description Malformed request: a path id, query parameter, header or JSON body that cannot be read */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the bearer token is invalid or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in without the right to do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such property */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The dates are taken */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not of a supported media type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Invalid dates or kind */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    unblockDates: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The block */
                block_id: string;
                /** @description The property */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Freed */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Malformed request: a path id, query parameter, header or JSON body that cannot be read */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the bearer token is invalid or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in without the right to do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such block */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getCalendar: {
        parameters: {
            query: {
                /**
                 * @description First night (YYYY-MM-DD).
                 * @example 2026-07-01
                 */
                from: string;
                /**
                 * @description Day after the last night (exclusive).
                 * @example 2026-09-01
                 */
                to: string;
            };
            header?: never;
            path: {
                /** @description The property */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Occupied ranges, in date order */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OccupiedRange"][];
                };
            };
            /** @description Malformed request: a path id, query parameter, header or JSON body that cannot be read */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the bearer token is invalid or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such property */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A window longer than two years */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    exportCalendar: {
        parameters: {
            query: {
                /** @description The property's calendar token. */
                token: string;
            };
            header?: never;
            path: {
                /** @description The property */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The calendar */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/calendar": string;
                };
            };
            /** @description Malformed request: a path id, query parameter, header or JSON body that cannot be read */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the bearer token is invalid or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such property, or a wrong token */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listIcalFeeds: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The property */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Feeds */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["IcalSettings"];
                };
            };
            /** @description Malformed request: a path id, query parameter, header or JSON body that cannot be read */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the bearer token is invalid or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in without the right to do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such property */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    createIcalFeed: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The property */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["NewFeed"];
            };
        };
        responses: {
            /** @description Registered */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FeedDto"];
                };
            };
            /** @description Malformed request: a path id, query parameter, header or JSON body that cannot be read */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the bearer token is invalid or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in without the right to do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such property */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Already imported */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not of a supported media type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not an http(s) URL */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    deleteIcalFeed: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The feed */
                feed_id: string;
                /** @description The property */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Removed */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Malformed request: a path id, query parameter, header or JSON body that cannot be read */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the bearer token is invalid or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in without the right to do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such feed */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    syncIcalFeed: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The feed */
                feed_id: string;
                /** @description The property */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description What the sync did */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SyncReportDto"];
                };
            };
            /** @description Malformed request: a path id, query parameter, header or JSON body that cannot be read */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the bearer token is invalid or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in without the right to do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such feed */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    rotateIcalToken: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The property */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The new export link */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ExportLink"];
                };
            };
            /** @description Malformed request: a path id, query parameter, header or JSON body that cannot be read */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the bearer token is invalid or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in without the right to do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such property */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listPhotos: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The property */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Photos in order */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PhotoDto"][];
                };
            };
            /** @description Malformed request: a path id, query parameter, header or JSON body that cannot be read */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the bearer token is invalid or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such property */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    uploadPhoto: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The property */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "multipart/form-data": components["schemas"]["PhotoUpload"];
            };
        };
        responses: {
            /** @description Added */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PhotoDto"];
                };
            };
            /** @description Not a multipart upload with a `file` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the bearer token is invalid or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in without the right to do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such property */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not of a supported media type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not a JPEG, PNG or WebP image, or unreadable, or a part other than `file` and `caption` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    deletePhoto: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The property */
                id: string;
                /** @description The photo */
                photo_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Malformed request: a path id, query parameter, header or JSON body that cannot be read */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the bearer token is invalid or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in without the right to do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such photo */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The last photo of a published property */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    updatePhoto: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The property */
                id: string;
                /** @description The photo */
                photo_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PhotoChanges"];
            };
        };
        responses: {
            /** @description Changed */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Malformed request: a path id, query parameter, header or JSON body that cannot be read */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the bearer token is invalid or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in without the right to do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such photo */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not of a supported media type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is well-formed but invalid (`errors[]` names the fields) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getPhotoFile: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The property */
                id: string;
                /** @description The photo */
                photo_id: string;
                /** @description `original` or `resized` */
                variant: "original" | "resized";
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The image */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "image/*": unknown;
                };
            };
            /** @description Malformed request: a path id, query parameter, header or JSON body that cannot be read */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the bearer token is invalid or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such photo */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    publishProperty: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The property */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Done */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Malformed request: a path id, query parameter, header or JSON body that cannot be read */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the bearer token is invalid or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in without the right to do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such property */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not allowed now (e.g. missing registration number, photos or rates) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    quoteStay: {
        parameters: {
            query: {
                /**
                 * @description Adults (at least 1; 50 occupants at most).
                 * @example 2
                 */
                adults: number;
                /**
                 * @description Check-in day.
                 * @example 2030-07-06
                 */
                checkIn: string;
                /**
                 * @description Check-out day.
                 * @example 2030-07-13
                 */
                checkOut: string;
                /** @description Children's ages, comma-separated (e.g. `4,12`). */
                children?: number[];
            };
            header?: never;
            path: {
                /** @description The property */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The quote (amounts in minor units) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["QuoteDto"];
                };
            };
            /** @description Malformed request: a path id, query parameter, header or JSON body that cannot be read */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the bearer token is invalid or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such property */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The stay cannot be booked */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    unpublishProperty: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The property */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Done */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Malformed request: a path id, query parameter, header or JSON body that cannot be read */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the bearer token is invalid or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in without the right to do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such property */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not allowed now (e.g. missing registration number, photos or rates) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listManagedProperties: {
        parameters: {
            query?: {
                /**
                 * @description The `nextCursor` of the previous page (opaque, URL-safe base64). One not shaped
                 *     like a cursor is a 400; one shaped like a cursor that this API did not issue, a 422.
                 */
                cursor?: string;
                /** @description Items per page, 1 to 100 (default 20). */
                limit?: number;
                /** @description One owner's properties. */
                ownerId?: string;
                /** @description Name or city contains. */
                q?: string;
                /** @description draft, published or archived. */
                status?: components["schemas"]["PropertyStatus"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of properties */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Page_PropertySummaryDto"];
                };
            };
            /** @description Malformed request: a path id, query parameter, header or JSON body that cannot be read */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Neither staff nor an owner */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A cursor this API did not issue */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    searchReservations: {
        parameters: {
            query?: {
                /**
                 * @description The `nextCursor` of the previous page (opaque, URL-safe base64). One not shaped
                 *     like a cursor is a 400; one shaped like a cursor that this API did not issue, a 422.
                 */
                cursor?: string;
                /** @description Staying on or after this day (departure after it). */
                from?: string;
                /** @description Items per page, 1 to 100 (default 20). */
                limit?: number;
                /** @description Of this owner's properties (staff). */
                ownerId?: string;
                /** @description Of this property. */
                propertyId?: string;
                /** @description Text in the guest's names or email (staff; case-insensitive, literal). */
                q?: string;
                /** @description `pending`, `confirmed`, `completed` or `cancelled`. */
                status?: components["schemas"]["ReservationStatus"];
                /** @description Arriving before this day. */
                to?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of reservations */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Page_ReservationView"];
                };
            };
            /** @description Bad parameters (limit, cursor, dates, ids...) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A guest (see /me/reservations), or an owner searching guests by name */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Invalid parameters (`validation.failed`: `status`, `q`, `to`) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    createReservation: {
        parameters: {
            query?: never;
            header?: {
                /** @description Any unique string (1–255 visible ASCII characters), e.g. a UUID; kept 24 hours */
                "Idempotency-Key"?: string | null;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateReservationRequest"];
            };
        };
        responses: {
            /** @description Booked, pending */
            201: {
                headers: {
                    /** @description The version, quoted */
                    ETag?: string;
                    /** @description `true` on a replayed response */
                    "Idempotent-Replayed"?: string;
                    /** @description The reservation's URL */
                    Location?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReservationDto"];
                };
            };
            /** @description Malformed body or Idempotency-Key (`idempotency.invalid_key`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An owner, or a guest setting the price or booking for someone else */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such property on sale (`property.not_found`) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The dates are taken (`reservation.period_unavailable`) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not of a supported media type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Invalid fields, each named (`validation.failed`), the stay breaks the property's rules (`quote.minimum_stay`, `quote.capacity`, `quote.past_dates`, `quote.arrival_day`...), `reservation.manual_price_too_low`, `reservation.unknown_customer`, or `idempotency.key_reused` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getReservation: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The reservation's id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The reservation */
            200: {
                headers: {
                    /** @description The version, quoted: send it back in If-Match */
                    ETag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReservationView"];
                };
            };
            /** @description The id is not a UUID */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in without the right to do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such reservation, or not yours to see (`reservation.not_found`) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    updateReservation: {
        parameters: {
            query?: never;
            header?: {
                /** @description The `ETag` of the version the change is based on (`"3"`), or `*`; a stale version answers 412. */
                "If-Match"?: string;
            };
            path: {
                /** @description The reservation's id */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateReservationRequest"];
            };
        };
        responses: {
            /** @description The updated reservation */
            200: {
                headers: {
                    /** @description The new version, quoted */
                    ETag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReservationDto"];
                };
            };
            /** @description Malformed id, body or If-Match */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An owner, or a guest setting the price */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such reservation, or not yours (`reservation.not_found`) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Cancelled or completed (`reservation.invalid_transition`), or the new dates are taken (`reservation.period_unavailable`) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Changed since read (`reservation.version_mismatch`) */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not of a supported media type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Invalid fields (`validation.failed`), the stay has begun (`reservation.stay_started`), or the quote's rules (`quote.*`) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    cancelReservation: {
        parameters: {
            query?: never;
            header?: {
                /** @description The `ETag` of the version the change is based on (`"3"`), or `*`; a stale version answers 412. */
                "If-Match"?: string;
            };
            path: {
                /** @description The reservation's id */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CancelReservationRequest"];
            };
        };
        responses: {
            /** @description The cancelled reservation */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReservationDto"];
                };
            };
            /** @description Malformed request: a path id, query parameter, header or JSON body that cannot be read */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An owner of the property */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such reservation, or not yours (`reservation.not_found`) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Already cancelled or completed (`reservation.invalid_transition`) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Changed since read (`reservation.version_mismatch`) */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not of a supported media type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No reason, or too long (`reservation.reason_required`) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    previewCancellation: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The reservation's id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The refund if cancelled today */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CancellationPreviewDto"];
                };
            };
            /** @description Malformed request: a path id, query parameter, header or JSON body that cannot be read */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An owner of the property (they may read, not act) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such reservation, or not yours (`reservation.not_found`) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Already cancelled or completed (`reservation.invalid_transition`) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    confirmReservation: {
        parameters: {
            query?: never;
            header?: {
                /** @description The `ETag` of the version the change is based on (`"3"`), or `*`; a stale version answers 412. */
                "If-Match"?: string;
            };
            path: {
                /** @description The reservation's id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The confirmed reservation */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReservationDto"];
                };
            };
            /** @description Malformed request: a path id, query parameter, header or JSON body that cannot be read */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not staff */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such reservation (`reservation.not_found`) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not pending (`reservation.invalid_transition`) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Changed since read (`reservation.version_mismatch`) */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getDeposit: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The reservation */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The deposit */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DepositDto"];
                };
            };
            /** @description Malformed request: a path id, query parameter, header or JSON body that cannot be read */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in without the right to do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such reservation (or not yours) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    claimDeposit: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The reservation */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ClaimDepositRequest"];
            };
        };
        responses: {
            /** @description The hold, captured */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DepositHoldDto"];
                };
            };
            /** @description Malformed body */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not staff */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such reservation */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No deposit held (`deposit.not_held`) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not of a supported media type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description More than is held, or no reason (`deposit.claim_exceeds_hold`, `deposit.reason_required`) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The payment provider failed */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    addDamagePhoto: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The reservation */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "multipart/form-data": components["schemas"]["PhotoUpload"];
            };
        };
        responses: {
            /** @description Kept */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DamagePhotoDto"];
                };
            };
            /** @description Not a multipart upload with a `file` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not staff */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such reservation */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The booking keeps 20 photos already (`deposit.too_many_photos`) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not of a supported media type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not a JPEG, PNG or WebP image, or unreadable, or a part other than `file` and `caption` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The object storage failed */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getDamagePhoto: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The reservation */
                id: string;
                /** @description The photo */
                photo_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The image */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "image/*": unknown;
                };
            };
            /** @description Malformed request: a path id, query parameter, header or JSON body that cannot be read */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in without the right to do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such photo (or not yours) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The object storage failed */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listReservationEvents: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The reservation's id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The events */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReservationEventsDto"];
                };
            };
            /** @description Malformed request: a path id, query parameter, header or JSON body that cannot be read */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in without the right to do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such reservation, or not yours to see (`reservation.not_found`) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listInvoices: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The reservation */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Its documents */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InvoiceDto"][];
                };
            };
            /** @description Malformed request: a path id, query parameter, header or JSON body that cannot be read */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in without the right to do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such reservation (or not yours) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    reservationLedger: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The reservation */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Its entries */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EntryDto"][];
                };
            };
            /** @description Malformed request: a path id, query parameter, header or JSON body that cannot be read */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not staff */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such reservation */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listPayments: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The reservation */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Its payments */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PaymentDto"][];
                };
            };
            /** @description Malformed request: a path id, query parameter, header or JSON body that cannot be read */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in without the right to do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such reservation (or not yours) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    requestPayment: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The reservation */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RequestPaymentRequest"];
            };
        };
        responses: {
            /** @description The installment's payment already pending */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PaymentDto"];
                };
            };
            /** @description A new payment, pending at its checkout */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PaymentDto"];
                };
            };
            /** @description Malformed request: a path id, query parameter, header or JSON body that cannot be read */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in without the right to do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such reservation (or not yours) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Cancelled or completed (`payment.not_payable`), or all paid (`payment.nothing_due`) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not of a supported media type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The next installment may not be asked for yet (`payment.too_early`), or a bad `returnUrl` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The payment provider failed; try again */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    refundGoodwill: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The reservation */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["GoodwillRefundRequest"];
            };
        };
        responses: {
            /** @description The booking's refunds */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RefundDto"][];
                };
            };
            /** @description Malformed body */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not staff */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such reservation */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not of a supported media type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Nothing, or more than was paid (`payment.refund_exceeds_paid`), or no reason (`payment.reason_required`) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The payment provider failed (asking again sends it) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listUsers: {
        parameters: {
            query?: {
                /**
                 * @description The `nextCursor` of the previous page (opaque, URL-safe base64). One not shaped
                 *     like a cursor is a 400; one shaped like a cursor that this API did not issue, a 422.
                 */
                cursor?: string;
                /** @description Only disabled (`true`) or enabled (`false`) accounts. */
                disabled?: boolean;
                /** @description Items per page, 1 to 100 (default 20). */
                limit?: number;
                /**
                 * @description Text found in the email, first name or last name (case-insensitive; `%` and `_`
                 *     are plain characters).
                 */
                q?: string;
                /** @description Only this role. */
                role?: components["schemas"]["UserRole"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of users */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Page_UserDto"];
                };
            };
            /** @description Bad parameters (limit, cursor, role...) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Neither admin nor manager */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Invalid parameters (`validation.failed`) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    createUser: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateUserRequest"];
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    /** @description The version, quoted */
                    ETag?: string;
                    /** @description The new user's URL */
                    Location?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserDto"];
                };
            };
            /** @description Malformed body */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not an administrator */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The email is already used (`user.email_taken`) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not of a supported media type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Invalid fields, or a password the policy refuses (`validation.failed`) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getUser: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The user's id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The user */
            200: {
                headers: {
                    /** @description The version, quoted: send it back in If-Match */
                    ETag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserDto"];
                };
            };
            /** @description The id is not a UUID */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in without the right to do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such user, or not one you may see */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    updateUser: {
        parameters: {
            query?: never;
            header?: {
                /** @description The `ETag` of the version the change is based on (`"3"`), or `*`; a stale version answers 412. */
                "If-Match"?: string;
            };
            path: {
                /** @description The user's id */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateUserRequest"];
            };
        };
        responses: {
            /** @description The updated user */
            200: {
                headers: {
                    /** @description The new version, quoted */
                    ETag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserDto"];
                };
            };
            /** @description Malformed id, body or If-Match */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not an administrator */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such user */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The user changed since it was read (`user.version_mismatch`) */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not of a supported media type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Invalid fields, or a rule broken (`user.cannot_change_own_role`, `user.cannot_disable_self`) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getMe: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The signed-in user */
            200: {
                headers: {
                    /** @description The version, quoted: send it back in If-Match */
                    ETag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserDto"];
                };
            };
            /** @description Not signed in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in without the right to do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The account no longer exists */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    updateMyProfile: {
        parameters: {
            query?: never;
            header?: {
                /** @description The `ETag` of the version the change is based on (`"3"`), or `*`; a stale version answers 412. */
                "If-Match"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateMyProfileRequest"];
            };
        };
        responses: {
            /** @description The updated user */
            200: {
                headers: {
                    /** @description The new version, quoted */
                    ETag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserDto"];
                };
            };
            /** @description Malformed body or If-Match */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in without the right to do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The account no longer exists */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The profile changed since it was read (`user.version_mismatch`) */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not of a supported media type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Invalid fields (`validation.failed`) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    receiveBuiltinWebhook: {
        parameters: {
            query?: never;
            header: {
                /** @description `t=<unix>,v1=<hex HMAC-SHA256>` */
                "Sejour-Signature": string;
            };
            path?: never;
            cookie?: never;
        };
        /** @description The event, as signed */
        requestBody: {
            content: {
                "application/json": string;
            };
        };
        responses: {
            /** @description Received (or already received) */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Bad signature or event */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the bearer token is invalid or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not of a supported media type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is well-formed but invalid (`errors[]` names the fields) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    receiveStripeWebhook: {
        parameters: {
            query?: never;
            header: {
                /** @description `t=<unix>,v1=<hex HMAC-SHA256>` */
                "Stripe-Signature": string;
            };
            path?: never;
            cookie?: never;
        };
        /** @description The event, as signed */
        requestBody: {
            content: {
                "application/json": string;
            };
        };
        responses: {
            /** @description Received (or already received) */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Bad signature or event */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the bearer token is invalid or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Stripe is not configured */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not of a supported media type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is well-formed but invalid (`errors[]` names the fields) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    live: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The process is alive */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Readiness"];
                };
            };
        };
    };
    ready: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Ready to serve */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Readiness"];
                };
            };
            /** @description A dependency is down */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Readiness"];
                };
            };
        };
    };
    metrics: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Prometheus text exposition */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/plain": string;
                };
            };
        };
    };
}
type FlattenedDeepRequired<T> = {
    [K in keyof T]-?: FlattenedDeepRequired<T[K] extends unknown[] | undefined | null ? Extract<T[K], unknown[]>[number] : T[K]>;
};
type ReadonlyArray<T> = [
    Exclude<T, undefined>
] extends [
    unknown[]
] ? Readonly<Exclude<T, undefined>> : Readonly<Exclude<T, undefined>[]>;
export const pathsApiV1PropertiesGetParametersQuerySortValues: ReadonlyArray<FlattenedDeepRequired<paths>["/api/v1/properties"]["get"]["parameters"]["query"]["sort"]> = ["newest", "price", "-price", "distance"];
export const pathsApiV1PropertiesIdPhotosPhoto_idVariantGetParametersPathVariantValues: ReadonlyArray<FlattenedDeepRequired<paths>["/api/v1/properties/{id}/photos/{photo_id}/{variant}"]["get"]["parameters"]["path"]["variant"]> = ["original", "resized"];
export const amenityValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["Amenity"]> = ["wifi", "parking", "pool", "air_conditioning", "heating", "washing_machine", "dishwasher", "kitchen", "tv", "garden", "terrace", "barbecue", "fireplace", "sea_view", "mountain_view", "elevator", "pets_allowed", "wheelchair_accessible", "baby_cot", "ev_charger", "hot_tub", "sauna", "ski_access", "beach_access"];
export const blockKindValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["BlockKind"]> = ["owner_stay", "maintenance"];
export const cancellationPolicyValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["CancellationPolicy"]> = ["flexible", "moderate", "strict"];
export const checkoutStatusValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["CheckoutStatus"]> = ["open", "requires_action", "succeeded", "failed"];
export const currencyValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["Currency"]> = ["EUR", "USD", "GBP", "CHF", "JPY"];
export const depositHoldStatusValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["DepositHoldStatus"]> = ["held", "released", "captured", "renewed", "failed"];
export const healthStatusValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["HealthStatus"]> = ["ok"];
export const installmentKindValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["InstallmentKind"]> = ["deposit", "balance", "fullPayment"];
export const invoiceKindValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["InvoiceKind"]> = ["invoice", "commission", "credit_note"];
export const ledgerAccountKindValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["LedgerAccountKind"]> = ["client_funds", "guest", "owner", "commission", "fees", "card_fees", "tourist_tax"];
export const ledgerEntryKindValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["LedgerEntryKind"]> = ["payment", "refund", "settlement"];
export const messageKindValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["MessageKind"]> = ["event", "job"];
export const occupationKindValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["OccupationKind"]> = ["reservation", "owner_stay", "maintenance", "imported"];
export const ownerKindDtoValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["OwnerKindDto"]> = ["person", "company"];
export const ownerMoneyModelDtoValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["OwnerMoneyModelDto"]> = ["mandate", "service"];
export const paymentStatusSchemaValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["PaymentStatusSchema"]> = ["pending", "succeeded", "failed"];
export const propertyKindValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["PropertyKind"]> = ["house", "apartment", "villa", "chalet", "gite", "studio", "room", "other"];
export const propertyStatusValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["PropertyStatus"]> = ["draft", "published", "archived"];
export const rateSourceOneOf0KindValues: ReadonlyArray<Extract<FlattenedDeepRequired<components>["schemas"]["RateSource"], {
    kind: unknown;
}>["kind"]> = ["base"];
export const rateSourceOneOf1KindValues: ReadonlyArray<Extract<FlattenedDeepRequired<components>["schemas"]["RateSource"], {
    kind: unknown;
}>["kind"]> = ["season"];
export const refundReasonValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["RefundReason"]> = ["cancellation", "late_payment", "goodwill"];
export const replayStatusValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["ReplayStatus"]> = ["pending"];
export const reservationEventTypeValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["ReservationEventType"]> = ["reservations.ReservationCreated", "reservations.ReservationUpdated", "reservations.ReservationConfirmed", "reservations.ReservationCancelled", "reservations.ReservationCompleted", "reservations.ReservationPaymentReceived", "reservations.ReservationRefunded"];
export const reservationFieldValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["ReservationField"]> = ["dates", "occupants", "guest", "notes", "price"];
export const reservationStatusValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["ReservationStatus"]> = ["pending", "confirmed", "completed", "cancelled"];
export const stayDiscountKindValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["StayDiscountKind"]> = ["weekly", "monthly"];
export const tokenTypeValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["TokenType"]> = ["Bearer"];
export const touristTaxBasisOneOf0KindValues: ReadonlyArray<Extract<FlattenedDeepRequired<components>["schemas"]["TouristTaxBasis"], {
    kind: unknown;
}>["kind"]> = ["fixed"];
export const touristTaxBasisOneOf1KindValues: ReadonlyArray<Extract<FlattenedDeepRequired<components>["schemas"]["TouristTaxBasis"], {
    kind: unknown;
}>["kind"]> = ["proportional"];
export const touristTaxRegimeOneOf0KindValues: ReadonlyArray<Extract<FlattenedDeepRequired<components>["schemas"]["TouristTaxRegime"], {
    kind: unknown;
}>["kind"]> = ["fixedPerAdultNight"];
export const touristTaxRegimeOneOf1KindValues: ReadonlyArray<Extract<FlattenedDeepRequired<components>["schemas"]["TouristTaxRegime"], {
    kind: unknown;
}>["kind"]> = ["proportional"];
export const userLanguageValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["UserLanguage"]> = ["fr", "en"];
export const userRoleValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["UserRole"]> = ["admin", "manager", "owner", "guest"];
export const weekdayValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["Weekday"]> = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
