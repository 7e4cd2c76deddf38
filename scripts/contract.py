"""Test data of the API contract test (scripts/contract.sh), in three parts.

`prepare`: on the demo agency just seeded and served, creates what generated requests
need to reach real objects and that the seed does not make — pending reservations (booked
by the demo guest), extra photos, blocks and imported calendars on one property, dead
letters, accounts with emailed password-reset tokens — and writes every id to a JSON file.

`config`: writes one role's schemathesis configuration: `contract.toml` followed by
fuzz dictionaries of those ids (and of dates that a booking, a quote or a search accepts,
computed from today), bound to the parameters of the operations that take them. A
dictionary only feeds positive cases — generated negative ones still test the same
parameter — and only where the value fits the schema.

Hooks (when schemathesis loads this file through SCHEMATHESIS_HOOKS): the values a
generator cannot guess, given to positive cases only — the signed-in account's current
password (`changeOwnPassword`; kept up to date as the run changes it), an unused emailed
reset token (`confirmPasswordReset`), and a fresh `Idempotency-Key` for each booking
(`createReservation`: a key sent again with another request is refused, by design).
"""

from __future__ import annotations

import datetime
import json
import os
import struct
import subprocess
import sys
import time
import urllib.error
import urllib.request
import uuid
import zlib

DEMO_PASSWORD = "demo-password-2026"
RESET_PASSWORD = "contract-reset-2026"


# --------------------------------------------------------------------------------------
# HTTP
# --------------------------------------------------------------------------------------


def call(base, method, path, token=None, body=None, raw=None, content_type=None):
    """(status, parsed JSON or text) of one request."""
    headers = {}
    data = None
    if body is not None:
        data = json.dumps(body).encode()
        headers["Content-Type"] = "application/json"
    if raw is not None:
        data, headers["Content-Type"] = raw, content_type
    if token:
        headers["Authorization"] = f"Bearer {token}"
    request = urllib.request.Request(base + path, data=data, method=method, headers=headers)
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            status, text = response.status, response.read().decode()
    except urllib.error.HTTPError as error:
        status, text = error.code, error.read().decode()
    try:
        return status, json.loads(text) if text else None
    except ValueError:
        return status, text


def ok(result, what):
    status, body = result
    if not 200 <= status < 300:
        raise SystemExit(f"contract data: {what} answered {status}: {body}")
    return body


def sign_in(base, email, password=DEMO_PASSWORD):
    body = ok(call(base, "POST", "/api/v1/auth/login", body={"email": email, "password": password}), f"sign-in {email}")
    return body["accessToken"]


def every(base, path, token):
    """Every item of a cursor-paginated list."""
    items, cursor = [], None
    while True:
        query = "limit=100" + (f"&cursor={cursor}" if cursor else "")
        page = ok(call(base, "GET", f"{path}?{query}", token), f"GET {path}")
        items += page["items"]
        cursor = page.get("nextCursor")
        if not cursor:
            return items


def psql(db_url, sql):
    out = subprocess.run(["psql", db_url, "-qAt", "-c", sql], check=True, capture_output=True, text=True)
    return [line for line in out.stdout.splitlines() if line]


def png(seed):
    """A small valid PNG (8×8, one colour per seed), for photo uploads."""
    width = height = 8
    colour = bytes([(seed * 53) % 256, (seed * 97) % 256, (seed * 31) % 256])
    rows = b"".join(b"\x00" + colour * width for _ in range(height))

    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b"")


def multipart(fields, files):
    boundary = uuid.uuid4().hex
    parts = []
    for name, value in fields.items():
        parts.append(f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n{value}\r\n'.encode())
    for name, (filename, data, mime) in files.items():
        parts.append(
            f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"; filename="{filename}"\r\n'
            f"Content-Type: {mime}\r\n\r\n".encode()
            + data
            + b"\r\n"
        )
    parts.append(f"--{boundary}--\r\n".encode())
    return b"".join(parts), f"multipart/form-data; boundary={boundary}"


def saturdays(start_in_days, count, today=None):
    """`count` Saturdays from `start_in_days` days on."""
    day = (today or datetime.date.today()) + datetime.timedelta(days=start_in_days)
    day += datetime.timedelta(days=(5 - day.weekday()) % 7)
    return [day + datetime.timedelta(weeks=i) for i in range(count)]


# --------------------------------------------------------------------------------------
# prepare
# --------------------------------------------------------------------------------------

GUEST = {
    "firstName": "Zoé",
    "lastName": "Martin",
    "email": "guest@demo.sejour.localhost",
    "phone": "+33612345678",
    "address": {"line1": "12 rue de Rivoli", "postalCode": "75004", "city": "Paris", "country": "FR"},
}


def prepare(base, db_url, out_path, run_id):
    admin = sign_in(base, "admin@demo.sejour.localhost")
    guest = sign_in(base, "guest@demo.sejour.localhost")
    owner = sign_in(base, "owner@demo.sejour.localhost")
    data = {}

    users = every(base, "/api/v1/users", admin)
    data["users"] = {u["email"].split("@")[0]: u["id"] for u in users if u["email"].endswith("@demo.sejour.localhost")}
    data["owners"] = [o["id"] for o in every(base, "/api/v1/owners", admin)]
    data["own_owner"] = [o["id"] for o in every(base, "/api/v1/owners", owner)]
    properties = every(base, "/api/v1/properties/managed", admin)
    data["properties"] = [p["id"] for p in properties]
    data["published"] = [p["id"] for p in properties if p["status"] == "published"]
    data["drafts"] = [p["id"] for p in properties if p["status"] == "draft"]
    data["own_properties"] = [p["id"] for p in every(base, "/api/v1/properties/managed", owner)]

    # One property carries the gallery, blocks and imported calendars that the operations
    # on a photo, a block or a feed work on; it keeps a photo when they are deleted.
    home = next(p for p in data["published"] if p in data["own_properties"])
    others = [p for p in data["published"] if p != home]
    data["home"] = home
    for i in range(4):
        body, mime = multipart({"caption": f"Contract photo {i}"}, {"file": (f"photo{i}.png", png(i), "image/png")})
        ok(call(base, "POST", f"/api/v1/properties/{home}/photos", admin, raw=body, content_type=mime), "photo upload")
    data["photos"] = [p["id"] for p in ok(call(base, "GET", f"/api/v1/properties/{home}/photos", admin), "photos")]
    blocks = []
    for start in saturdays(900, 4):
        created = ok(
            call(base, "POST", f"/api/v1/properties/{home}/blocks", admin, body={
                "start": start.isoformat(),
                "end": (start + datetime.timedelta(days=7)).isoformat(),
                "kind": "maintenance",
                "note": "contract test",
            }),
            "block",
        )
        blocks.append(created["id"])
    data["blocks"] = blocks
    feeds = []
    for i, other in enumerate(others[:3]):
        link = ok(call(base, "POST", f"/api/v1/properties/{other}/ical/token", admin), "rotate token")
        created = ok(
            call(base, "POST", f"/api/v1/properties/{home}/ical/feeds", admin, body={"name": f"Platform {i}", "url": base + link["path"]}),
            "feed",
        )
        feeds.append(created["id"])
    data["feeds"] = feeds
    link = ok(call(base, "POST", f"/api/v1/properties/{home}/ical/token", admin), "rotate token")
    data["home_token"] = link["path"].split("token=", 1)[1]
    # Properties whose token may be rotated without breaking the feeds above.
    data["rotatable"] = [p for p in data["properties"] if p != home and p not in others[:3]]
    # The changes of status and of rates each work on properties of their own, so that
    # archiving, unpublishing or repricing one does not take away what the other
    # operations book and quote.
    spare = [p for p in others[3:] if p not in data["own_properties"]]
    data["archivable"], data["unpublishable"], data["patchable"] = spare[:2], spare[2:4], spare[4:]
    data["publishable"] = data["unpublishable"] + data["drafts"]
    data["bookable"] = [p for p in data["published"] if p not in spare]

    # Pending reservations booked by the demo guest, a week each, on the bookable
    # properties (the owner's among them, so that the owner sees some).
    reservations = []
    bookable = [home] + [p for p in data["bookable"] if p != home]
    for i, property_id in enumerate(bookable * 2):
        for check_in in saturdays(60 + 7 * i, 6):
            check_out = check_in + datetime.timedelta(days=7)
            query = f"checkIn={check_in}&checkOut={check_out}&adults=2"
            if call(base, "GET", f"/api/v1/properties/{property_id}/quote?{query}", guest)[0] != 200:
                continue
            status, body = call(base, "POST", "/api/v1/reservations", guest, body={
                "propertyId": property_id,
                "checkIn": check_in.isoformat(),
                "checkOut": check_out.isoformat(),
                "adults": 2,
                "guest": GUEST,
            })
            if status == 201:
                reservations.append(body["id"])
                break
        if len(reservations) >= 16:
            break
    if len(reservations) < 12:
        raise SystemExit(f"contract data: only {len(reservations)} reservations could be booked")
    data["reservations"] = reservations
    # Cancelling, confirming and changing each take bookings of their own: a cancelled
    # booking can be neither confirmed nor changed.
    third = len(reservations) // 3
    data["cancelable"] = reservations[:third]
    data["confirmable"] = reservations[third : 2 * third]
    data["changeable"] = reservations[2 * third :]
    # A checkout of the built-in gateway, to read (paying it is tried with made-up cards,
    # which are refused as mistyped or pay it once).
    data["checkouts"] = [
        ok(call(base, "POST", f"/api/v1/reservations/{r}/payments", guest, body={}), "payment")["checkoutUrl"]
        .removeprefix("/checkout/")
        for r in data["changeable"][:1]
    ]
    # A deposit paid (with the built-in gateway's test card), for an invoice to read.
    paid = data["changeable"][1]
    deposit = ok(call(base, "POST", f"/api/v1/reservations/{paid}/payments", guest, body={}), "deposit")
    ok(call(base, "POST", f"/api/v1{deposit['checkoutUrl']}/pay", body={"cardNumber": "4242424242424242"}),
       "deposit paid")
    for _ in range(100):
        invoices = ok(call(base, "GET", f"/api/v1/reservations/{paid}/invoices", guest), "invoices")
        if invoices:
            break
        time.sleep(0.1)
    else:
        raise SystemExit("contract data: the paid deposit's invoice was never issued")
    data["invoices"] = [i["id"] for i in invoices]
    # A photo of damage on that booking, for its guest and staff to read.
    body, mime = multipart({"caption": "Contract damage"}, {"file": ("damage.png", png(9), "image/png")})
    data["damage_reservation"] = paid
    data["damage_photos"] = [
        ok(call(base, "POST", f"/api/v1/reservations/{paid}/deposit/photos", admin, raw=body, content_type=mime),
           "damage photo")["id"]
    ]
    data["own_property_reservations"] = [
        r["id"] for r in every(base, "/api/v1/reservations", admin) if r.get("propertyId") in data["own_properties"]
    ]

    # Accounts of role owner that no owner record stands for yet, to link.
    data["unlinked_owner_users"] = [
        ok(call(base, "POST", "/api/v1/users", admin, body={
            "email": f"owner-{run_id}-{i}@contract.sejour.localhost", "password": RESET_PASSWORD,
            "firstName": "Owner", "lastName": f"Account {i}", "role": "owner",
        }), "owner account")["id"]
        for i in range(6)
    ]

    # An owner and an account that the operations changing one work on (and no other).
    data["patchable_owner"] = ok(call(base, "POST", "/api/v1/owners", admin, body={
        "kind": "person", "firstName": "Patch", "lastName": "Owner", "email": f"patch-{run_id}@contract.sejour.localhost",
        "address": {"line1": "1 rue de la Paix", "postalCode": "75002", "city": "Paris", "country": "FR"},
        "mandate": {"commissionBasisPoints": 2000, "startDate": "2026-01-01", "moneyModel": "service"},
    }), "owner")["id"]
    data["patchable_user"] = ok(call(base, "POST", "/api/v1/users", admin, body={
        "email": f"patch-{run_id}@contract.sejour.localhost", "password": RESET_PASSWORD,
        "firstName": "Patch", "lastName": "Account", "role": "guest",
    }), "user")["id"]

    # Dead letters: deliveries of the seed's events that, say, a consumer kept failing.
    data["dead_letters"] = [
        int(row)
        for row in psql(
            db_url,
            "UPDATE queue.deliveries SET status = 'dead', attempts = 8, last_error = 'contract test: the consumer failed', "
            "updated_at = now() WHERE id IN (SELECT id FROM queue.deliveries ORDER BY id LIMIT 8) RETURNING id",
        )
    ]

    # Accounts with unused password-reset tokens, read from the emails on the outbox.
    tokens = []
    for i in range(8):
        email = f"reset-{run_id}-{i}@contract.sejour.localhost"
        ok(call(base, "POST", "/api/v1/auth/register", body={
            "email": email, "password": RESET_PASSWORD, "firstName": "Reset", "lastName": f"Account {i}",
        }), "register")
        for _ in range(5):
            ok(call(base, "POST", "/api/v1/auth/password-reset", body={"email": email}), "reset request")
        for payload in psql(
            db_url,
            f"SELECT payload FROM queue.messages WHERE type = 'mail.send' AND payload::text LIKE '%{email}%'",
        ):
            text = json.dumps(json.loads(payload))
            marker = "Code: "
            if marker in text:
                tokens.append(text.split(marker, 1)[1].split("\\n", 1)[0].strip())
    data["reset_tokens"] = tokens
    with open(out_path, "w") as out:
        json.dump(data, out, indent=1)


# --------------------------------------------------------------------------------------
# config
# --------------------------------------------------------------------------------------


def toml_value(value):
    return json.dumps(value)


# Checks tuned for one operation. The built-in gateway's webhook checks its signature
# against a secret the contract cannot know: like Stripe's, a schema-valid notification
# whose signature does not verify is refused with 400 (and nothing changes) — so every
# generated one is, and "schema validation mismatch" would only say that.
CHECKS = {
    # No deposit is held in the contract's data (holds are placed two days before
    # arrival): a schema-valid claim finds none (409), or claims more than a hold would
    # (422) — what the schema cannot say.
    "claimDeposit": [
        'checks = { positive_data_acceptance = { expected-statuses = '
        '["2xx", "401", "403", "404", "409", "422"] } }',
    ],
    # A commercial gesture gives back at most what the guest paid and was not given back
    # yet — what the schema cannot say: most generated amounts are refused (422), and the
    # one paid booking of the data is soon refunded in full.
    "refundGoodwill": ["warnings = { display = OTHER_WARNINGS }"],
    # Stripe is not configured in the contract run: its webhook answers 404 by design.
    "receiveStripeWebhook": ["warnings = { display = OTHER_WARNINGS }"],
    "receiveBuiltinWebhook": [
        'checks = { positive_data_acceptance = { expected-statuses = '
        '["2xx", "400", "401", "403", "404", "409", "412", "422", "429"] } }',
        "warnings = { display = OTHER_WARNINGS }",
    ],
}

# What a role can never be served, by design: 403 (not allowed), or 404 for an object it
# may not see (so that ids do not leak). Generated requests to these end in 403 or 404 —
# or, for a request the API checks before it looks at the caller (a body, a cursor this
# API did not issue), in 400/422 — so schemathesis's "missing test data" and "schema
# validation mismatch" would only say that the role is refused; they stay on for the
# roles that are served.
STAFF_ONLY = [
    "searchAuditLog", "listDeadLetters", "getDeadLetter", "replayDeadLetter",
    "listUsers", "createUser", "getUser", "updateUser",
    "createOwner", "updateOwner",
    "createProperty", "updateProperty", "archiveProperty", "publishProperty", "unpublishProperty",
    "blockDates", "unblockDates", "createIcalFeed", "deleteIcalFeed", "syncIcalFeed", "rotateIcalToken",
    "uploadPhoto", "updatePhoto", "deletePhoto", "confirmReservation", "invoiceRegister",
    "reservationLedger", "claimDeposit", "addDamagePhoto", "refundGoodwill",
]
NEVER_SERVED = {
    "admin": [],
    "guest": STAFF_ONLY + ["listOwners", "getOwner", "listManagedProperties", "listIcalFeeds", "searchReservations",
                           "getCalendarBoard", "ledgerBalances"],
    # An owner sees their properties' bookings in the reduced view: not what the guest
    # pays, nor what cancelling would refund.
    "owner": STAFF_ONLY + ["createReservation", "updateReservation", "cancelReservation", "previewCancellation",
                           "requestPayment", "listPayments", "listInvoices", "getInvoice", "getInvoicePdf",
                           "getDeposit", "getDamagePhoto"],
}
# Every warning but the two the run means to rule out.
OTHER_WARNINGS = [
    "missing_auth", "base_url_mismatch", "missing_deserializer", "unused_openapi_auth", "unsupported_regex",
    "method_not_allowed", "constants_extraction", "unmatched_filter", "unresolvable_reference",
    "rate_limited", "dictionary_mismatch", "timeout_units",
]


def seen_by(role, reservations, data):
    """The `reservations` `role` sees: an owner, those on their properties."""
    if role != "owner":
        return reservations
    own = data["own_property_reservations"]
    return [r for r in reservations if r in own] or own


def config(base_config, data_path, role, out_path):
    with open(data_path) as f:
        data = json.load(f)
    users = data["users"]
    me = users[role]
    today = datetime.date.today()
    # Saturday to Saturday, after the prepared bookings and blocks: every pair is 1 to
    # 6 weeks, the arrival day and minimum stay of every demo rate plan.
    arrivals = saturdays(420, 6, today)
    departures = saturdays(420 + 7 * 6, 6, today)
    # Quotes on weeks of their own, which the bookings of the run leave free.
    quote_arrivals = saturdays(600, 6, today)
    quote_departures = saturdays(600 + 7 * 6, 6, today)
    # Blocks far ahead of anything booked, each start before each end.
    block_starts = [d - datetime.timedelta(days=1) for d in saturdays(800, 4, today)]
    block_ends = saturdays(800 + 7 * 4, 4, today)
    window_from = [today - datetime.timedelta(days=d) for d in (0, 30, 90)]
    window_to = [today + datetime.timedelta(days=d) for d in (60, 180, 365)]

    staff = role == "admin"
    visible = {
        "admin": data["properties"],
        "guest": data["published"],
        "owner": data["own_properties"],
    }[role]
    dictionaries = {
        "property": visible,
        "bookable": [p for p in data["bookable"] if role != "owner" or p in data["own_properties"]] or data["bookable"],
        "rotatable": data["rotatable"],
        "archivable": data["archivable"],
        "unpublishable": data["unpublishable"],
        "publishable": data["publishable"],
        "owner": data["owners"] if staff else data["own_owner"],
        "user": [u for name, u in users.items() if name not in ("admin",)] if staff else [me],
        "reservation": seen_by(role, data["reservations"], data),
        "cancelable": seen_by(role, data["cancelable"], data),
        "confirmable": seen_by(role, data["confirmable"], data),
        "changeable": seen_by(role, data["changeable"], data),
        "patchable": data["patchable"] if staff else visible,
        "unlinked_owner_user": data["unlinked_owner_users"],
        # Valid IBANs (the schema states all of an IBAN but its checksum).
        "iban": ["FR7630006000011234567890189", "DE89370400440532013000", "GB29NWBK60161331926819"],
        "dead_letter": data["dead_letters"],
        "checkout": data["checkouts"],
        "invoice": data["invoices"],
        # The built-in gateway's test cards: paid, declined, asking for the bank's approval
        # (any other number must pass the Luhn check, which a pattern cannot say).
        "card": ["4242 4242 4242 4242", "4000000000000002", "4000 0025 0000 3155"],
        "photo": data["photos"],
        "damage_photo": data["damage_photos"],
        "block": data["blocks"],
        "feed": data["feeds"],
        "home_token": [data["home_token"]],
        "arrival": [d.isoformat() for d in arrivals],
        "departure": [d.isoformat() for d in departures],
        "quote_arrival": [d.isoformat() for d in quote_arrivals],
        "quote_departure": [d.isoformat() for d in quote_departures],
        "block_start": [d.isoformat() for d in block_starts],
        "block_end": [d.isoformat() for d in block_ends],
        "window_from": [d.isoformat() for d in window_from],
        "window_to": [d.isoformat() for d in window_to],
        "party": [1, 2],
        "any_version": ["*"],
        "customer": [users["guest"]] if role in ("admin", "guest") else [me],
        # Totals set by hand that cover any demo stay's fees and tourist tax (staff only).
        "manual_total": [500000, 1000000] if staff else [],
    }
    # (operation ids, {parameter: dictionary}) — `path.`, `query.` and `body.` name the
    # parameter's place.
    bindings = [
        (["getProperty", "getCalendar", "listPhotos", "listIcalFeeds", "blockDates", "createIcalFeed",
          "uploadPhoto"],
         {"path.id": "property"}),
        (["updateProperty", "updateOwner", "updateUser", "updateReservation", "cancelReservation",
          "confirmReservation", "updateMyProfile"],
         {"header.If-Match": "any_version"}),
        (["archiveProperty"], {"path.id": "archivable"}),
        (["unpublishProperty"], {"path.id": "unpublishable"}),
        (["publishProperty"], {"path.id": "publishable"}),
        (["rotateIcalToken"], {"path.id": "rotatable"}),
        (["quoteStay"], {"path.id": "bookable", "query.checkIn": "quote_arrival", "query.checkOut": "quote_departure",
                         "query.adults": "party"}),
        (["searchProperties"], {"query.checkIn": "arrival", "query.checkOut": "departure"}),
        (["getCalendar"], {"path.id": "property", "query.from": "window_from", "query.to": "window_to"}),
        (["blockDates"], {"path.id": "property", "body.start": "block_start", "body.end": "block_end"}),
        (["getOwner"], {"path.id": "owner"}),
        (["updateOwner"], {"body.iban": "iban"}),
        (["createOwner"], {"body.iban": "iban", "body.userId": "unlinked_owner_user"}),
        (["getUser"], {"path.id": "user"}),
        (["getReservation", "listReservationEvents", "previewCancellation", "listPayments", "getDeposit",
          "reservationLedger", "claimDeposit", "addDamagePhoto", "refundGoodwill"],
         {"path.id": "reservation"}),
        (["requestPayment"], {"path.id": "changeable"}),
        (["getCheckout", "payCheckout", "authenticateCheckout"], {"path.reference": "checkout"}),
        (["payCheckout"], {"body.cardNumber": "card"}),
        (["getInvoice", "getInvoicePdf"], {"path.id": "invoice"}),
        (["listInvoices"], {"path.id": "reservation"}),
        (["getCalendarBoard"], {"query.from": "window_from", "query.to": "window_to"}),
        (["cancelReservation"], {"path.id": "cancelable"}),
        (["confirmReservation"], {"path.id": "confirmable"}),
        (["updateReservation"], {"path.id": "changeable"}),
        (["createReservation"], {"body.propertyId": "bookable", "body.checkIn": "arrival", "body.checkOut": "departure",
                                 "body.adults": "party", "body.customerId": "customer",
                                 "body.manualTotal": "manual_total"}),
        (["getDeadLetter", "replayDeadLetter"], {"path.id": "dead_letter"}),
        (["updatePhoto", "deletePhoto", "getPhotoFile"], {"path.photo_id": "photo"}),
        (["getDamagePhoto"], {"path.photo_id": "damage_photo"}),
        (["unblockDates"], {"path.block_id": "block"}),
        (["deleteIcalFeed", "syncIcalFeed"], {"path.feed_id": "feed"}),
        (["exportCalendar"], {"query.token": "home_token"}),
    ]
    # Fixed ids, in every phase: paths with a second id (the property goes with it), and
    # the changes that the coverage phase would otherwise try on whatever object earlier
    # responses showed — one each that nothing else uses.
    fixed = [
        (["updatePhoto", "deletePhoto", "getPhotoFile", "unblockDates", "deleteIcalFeed", "syncIcalFeed",
          "exportCalendar"], {"id": data["home"]}),
        (["getDamagePhoto"], {"id": data["damage_reservation"]}),
    ]
    if staff:
        fixed += [
            (["updateProperty"], {"id": data["patchable"][0]}),
            (["updateOwner"], {"id": data["patchable_owner"]}),
            (["updateUser"], {"id": data["patchable_user"]}),
        ]
    # The other changes take their ids from the dictionaries only: never from earlier
    # responses (archiving, cancelling... whatever was shown would break what the other
    # operations need).
    changes = [
        "archiveProperty", "publishProperty", "unpublishProperty", "blockDates", "unblockDates",
        "rotateIcalToken", "deleteIcalFeed", "deletePhoto", "updatePhoto", "cancelReservation",
        "confirmReservation", "updateReservation", "replayDeadLetter", "updateProperty", "updateOwner",
        "updateUser", "createReservation", "claimDeposit", "addDamagePhoto", "refundGoodwill",
    ]
    lines = [open(base_config).read().rstrip(), "", f"# Generated by scripts/contract.py for the {role} run.", ""]
    for name, values in dictionaries.items():
        if values:
            lines += [f"[dictionaries.{name}]", f"values = {toml_value(values)}", ""]
    merged = {}
    for operations, parameters in bindings:
        for operation in operations:
            for key, name in parameters.items():
                if dictionaries.get(name):
                    merged.setdefault(operation, {})[key] = f'{{ dictionary = "{name}", probability = 1.0 }}'
    for operations, values in fixed:
        for operation in operations:
            for name, value in values.items():
                merged.setdefault(operation, {})[f"path.{name}"] = toml_value(value)
    never = NEVER_SERVED[role]
    no_capture = "{ extra-data-sources = { responses = false } }"
    for operation in sorted(set(merged) | set(never) | set(changes) | set(CHECKS)):
        lines += ["[[operations]]", f'include-operation-id = "{operation}"']
        if merged.get(operation):
            entries = ", ".join(f'"{key}" = {value}' for key, value in merged[operation].items())
            lines.append(f"parameters = {{ {entries} }}")
        if operation in changes:
            lines.append(f"phases = {{ coverage = {no_capture}, fuzzing = {no_capture} }}")
        checks = CHECKS.get(operation, [])
        if operation in never and not any(line.startswith("warnings") for line in checks):
            lines.append(f"warnings = {{ display = {toml_value(OTHER_WARNINGS)} }}")
        for line in checks:
            lines.append(line.replace("OTHER_WARNINGS", toml_value(OTHER_WARNINGS)))
        lines.append("")
    with open(out_path, "w") as out:
        out.write("\n".join(lines))


# --------------------------------------------------------------------------------------
# hooks (loaded by schemathesis)
# --------------------------------------------------------------------------------------


def _is_positive(case):
    meta = getattr(case, "meta", None)
    generation = getattr(meta, "generation", None)
    mode = getattr(generation, "mode", None)
    return mode is not None and getattr(mode, "value", mode) == "positive"


def _operation_id(case):
    """The operation a case calls, if sent with its own method (not a probe of others)."""
    definition = getattr(case.operation, "definition", None)
    raw = getattr(definition, "raw", None) or {}
    if str(case.method).upper() != str(case.operation.method).upper():
        return None
    return raw.get("operationId")


if __name__ != "__main__":
    import schemathesis

    _DATA = {}
    if os.environ.get("CONTRACT_DATA"):
        with open(os.environ["CONTRACT_DATA"]) as _f:
            _DATA = json.load(_f)
    _STATE = {"password": os.environ.get("CONTRACT_PASSWORD", DEMO_PASSWORD), "tokens": list(_DATA.get("reset_tokens", []))}

    @schemathesis.hook
    def before_call(context, case, kwargs):
        if not _is_positive(case) or not isinstance(case.body, dict):
            return
        operation = _operation_id(case)
        if operation == "changeOwnPassword":
            case.body["currentPassword"] = _STATE["password"]
        elif operation == "confirmPasswordReset" and _STATE["tokens"]:
            case.body["token"] = _STATE["tokens"].pop()
        elif operation == "createReservation" and case.headers and "Idempotency-Key" in case.headers:
            case.headers["Idempotency-Key"] = str(uuid.uuid4())

    @schemathesis.hook
    def after_call(context, case, response):
        if (
            _operation_id(case) == "changeOwnPassword"
            and response.status_code == 204
            and isinstance(case.body, dict)
        ):
            _STATE["password"] = case.body.get("newPassword", _STATE["password"])


if __name__ == "__main__":
    command = sys.argv[1] if len(sys.argv) > 1 else ""
    if command == "prepare":
        prepare(*sys.argv[2:6])
    elif command == "config":
        config(*sys.argv[2:6])
    else:
        raise SystemExit("usage: contract.py prepare BASE DB_URL OUT RUN_ID | config BASE_TOML DATA ROLE OUT")
