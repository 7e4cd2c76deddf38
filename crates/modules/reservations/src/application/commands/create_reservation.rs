//! `CreateReservationCommand` → `CreateReservationHandler`: re-quotes the stay through
//! the properties catalogue, holds its dates on the shared calendar and stores the
//! reservation as `pending`, with `reservations.ReservationCreated`, in one transaction.

use chrono::NaiveDate;
use sejour_core::{
    AppError, Ctx, ErrorKind, FieldError, authz::require_user, cqrs::Command, input::FieldErrors,
    value_objects::ReservationPeriod,
};
use uuid::Uuid;

use super::super::{Json, Reservations, dates_taken, input};
use crate::domain::{
    BookingParty, Claim, Guests, NewReservation, Reservation, ReservationDomainService,
};

/// Code of the 422 answered when an `Idempotency-Key` is reused with another request.
pub const KEY_REUSED: &str = "idempotency.key_reused";
/// Code of the 400 answered for an unusable `Idempotency-Key`.
pub const INVALID_KEY: &str = "idempotency.invalid_key";
/// The longest `Idempotency-Key` accepted.
pub const MAX_KEY_LENGTH: usize = 255;

/// The caller's `Idempotency-Key` and the fingerprint of their request.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IdempotencyKey {
    /// The key (1 to 255 visible ASCII characters).
    pub key: String,
    /// SHA-256 of the request, hex.
    pub request_hash: String,
}

impl IdempotencyKey {
    /// Checks the key; 400 `idempotency.invalid_key` when empty, too long or not
    /// visible ASCII.
    pub fn new(key: &str, request_hash: String) -> Result<Self, AppError> {
        if key.is_empty()
            || key.len() > MAX_KEY_LENGTH
            || !key.bytes().all(|b| b.is_ascii_graphic())
        {
            return Err(AppError::bad_request(
                INVALID_KEY,
                format!("Idempotency-Key must be 1 to {MAX_KEY_LENGTH} visible ASCII characters."),
            ));
        }
        Ok(Self {
            key: key.to_owned(),
            request_hash,
        })
    }
}

/// A booking request.
#[derive(Debug, Clone)]
pub struct CreateReservationCommand {
    /// The property.
    pub property_id: Uuid,
    /// Arrival.
    pub check_in: NaiveDate,
    /// Departure.
    pub check_out: NaiveDate,
    /// Adults (≥ 1).
    pub adults: u32,
    /// One age per child.
    pub children_ages: Vec<u8>,
    /// Who books.
    pub guest: input::GuestInput,
    /// Notes.
    pub notes: Option<String>,
    /// Staff only: the guest's user account the booking is for.
    pub customer_id: Option<Uuid>,
    /// Staff only: the total set by hand, in minor units of the property's currency.
    pub manual_total: Option<i64>,
    /// The caller's idempotency key, if any.
    pub idempotency: Option<IdempotencyKey>,
}

/// What a create did.
#[derive(Debug, Clone)]
pub enum Created {
    /// A new reservation, and its representation (also kept for replays).
    New {
        /// The reservation.
        id: Uuid,
        /// Its representation.
        response: Json,
    },
    /// A replayed `Idempotency-Key`: the first response.
    Replayed(Json),
}

impl Command for CreateReservationCommand {
    type Output = Created;
}

/// Whom the booking is for ([`ReservationDomainService::booking_party`]); the account
/// staff book for must exist and be enabled (422 `reservation.unknown_customer`).
async fn customer_of(
    svc: &Reservations,
    ctx: &Ctx,
    command: &CreateReservationCommand,
) -> Result<Option<Uuid>, AppError> {
    let (me, role) = require_user(&ctx.actor)?;
    let party = ReservationDomainService::booking_party(
        me,
        role,
        command.customer_id,
        command.manual_total.is_some(),
    );
    match party {
        BookingParty::Themself(me) => Ok(Some(me)),
        BookingParty::NoAccount => Ok(None),
        BookingParty::Account(customer) => {
            let account = svc.users.get(customer).await?;
            if account.is_none_or(|a| a.disabled) {
                let mut err = AppError::rule(
                    "reservation.unknown_customer",
                    "No active user account has this id.",
                );
                err.errors = vec![FieldError::new(
                    "customerId",
                    "reservation.unknown_customer",
                    "no active user account has this id",
                )];
                return Err(err);
            }
            Ok(Some(customer))
        }
        BookingParty::NotAllowed => Err(AppError::forbidden()),
    }
}

/// Books a stay. `render` gives the response representation of the new reservation
/// (with its quote), kept with the idempotency key so that a replay returns it.
///
/// 401/403; 404 `property.not_found`; 422 listing every invalid field, or the quote's
/// code (`quote.minimum_stay`, `quote.capacity`, `quote.past_dates`...), or
/// `reservation.manual_price_too_low`; 409 `reservation.period_unavailable`; 422
/// `idempotency.key_reused`. Nothing is saved unless everything is: the key, the
/// calendar hold, the reservation and its event share one transaction.
#[doc(alias = "CreateReservationHandler")]
pub async fn create_reservation(
    svc: &Reservations,
    ctx: &Ctx,
    command: CreateReservationCommand,
    render: &(dyn Fn(&Reservation, &Json) -> Json + Send + Sync),
) -> Result<Created, AppError> {
    let customer_id = customer_of(svc, ctx, &command).await?;
    let mut errors = FieldErrors::default();
    let period = errors.check(
        "checkOut",
        ReservationPeriod::new(command.check_in, command.check_out),
        |e| e.code(),
    );
    let contact = input::contact(&mut errors, &command.guest);
    let occupants = input::occupants(&mut errors, command.adults, &command.children_ages);
    let notes = command
        .notes
        .as_deref()
        .map(|raw| input::notes(&mut errors, raw))
        .unwrap_or(Some(None));
    errors.finish()?;
    let (Some(period), Some(contact), Some(occupants), Some(notes)) =
        (period, contact, occupants, notes)
    else {
        return Err(AppError::internal("parsed booking fields missing"));
    };

    let (price, quote_json) = svc
        .price(
            command.property_id,
            period,
            &occupants,
            command.manual_total,
        )
        .await?;

    let now = svc.clock.now();
    let id = svc.ids.new_id();
    let mut reservation = Reservation::book(
        NewReservation {
            id,
            property_id: command.property_id,
            customer_id,
            period,
            guests: Guests { contact, occupants },
            notes,
            price,
            hold_expires_at: now + svc.hold,
        },
        now,
    );

    let scope = ctx.actor.label();
    let mut tx = svc.uow.begin().await?;
    if let Some(key) = &command.idempotency {
        match svc
            .keys
            .claim(&mut tx, &scope, &key.key, &key.request_hash, id, now)
            .await?
        {
            Claim::New => {}
            Claim::Replay(response) => {
                drop(tx);
                return Ok(Created::Replayed(response));
            }
            Claim::Mismatch => {
                return Err(AppError::new(
                    ErrorKind::Unprocessable,
                    KEY_REUSED,
                    "This Idempotency-Key was used for another request.",
                ));
            }
        }
    }
    svc.catalog
        .hold(&mut tx, command.property_id, period.as_date_range(), id)
        .await
        .map_err(dates_taken)?;
    let response = render(&reservation, &quote_json);
    svc.reservations
        .save(&mut tx, ctx, &mut reservation, &quote_json)
        .await?;
    if let Some(key) = &command.idempotency {
        svc.keys
            .record(&mut tx, &scope, &key.key, &response)
            .await?;
    }
    svc.uow.commit(tx).await?;
    tracing::info!(reservation_id = %id, property_id = %command.property_id, "reservation created");
    Ok(Created::New { id, response })
}
