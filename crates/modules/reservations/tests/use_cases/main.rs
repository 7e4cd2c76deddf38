//! The use cases on in-memory ports (no database): what a create, an update, a confirm
//! and a cancel change, and what they leave as it was when refused.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod cancel;
mod confirm;
mod create;
mod fakes;
mod payments;
mod update;

use chrono::NaiveDate;
use sejour_core::{Actor, AppError, Ctx, Role, input::AddressInput};
use sejour_reservations::{
    application::{
        Json, Reservations,
        commands::create_reservation::{
            CreateReservationCommand, Created, IdempotencyKey, create_reservation,
        },
        input::GuestInput,
    },
    domain::Reservation,
};
use uuid::Uuid;

/// The context of a signed-in user.
pub fn as_user(id: Uuid, role: Role) -> Ctx {
    Ctx {
        actor: Actor::User { id, role },
        request_id: "test".into(),
        ip: None,
        correlation_id: "test".into(),
        causation_id: None,
    }
}

/// A day of July 2027.
pub fn july(day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2027, 7, day).unwrap()
}

/// A booking of `property` for 2 adults and a child, from `check_in` to `check_out`
/// (days of July 2027).
pub fn booking(property: Uuid, check_in: u32, check_out: u32) -> CreateReservationCommand {
    CreateReservationCommand {
        property_id: property,
        check_in: july(check_in),
        check_out: july(check_out),
        adults: 2,
        children_ages: vec![7],
        guest: GuestInput {
            first_name: "Zoé".into(),
            last_name: "Martin".into(),
            email: "zoe@example.com".into(),
            phone: "+33612345678".into(),
            address: AddressInput {
                line1: "1 rue X".into(),
                postal_code: "75001".into(),
                city: "Paris".into(),
                country: "FR".into(),
                ..AddressInput::default()
            },
        },
        notes: None,
        customer_id: None,
        manual_total: None,
        idempotency: None,
    }
}

/// The same booking with an `Idempotency-Key` (the body hash stands for the body).
pub fn with_key(
    mut command: CreateReservationCommand,
    key: &str,
    hash: &str,
) -> CreateReservationCommand {
    command.idempotency = Some(IdempotencyKey::new(key, hash.to_owned()).unwrap());
    command
}

/// Books as `ctx`, answering `{id, version}`.
pub async fn book(
    svc: &Reservations,
    ctx: &Ctx,
    command: CreateReservationCommand,
) -> Result<Created, AppError> {
    let render = |r: &Reservation, _quote: &Json| serde_json::json!({ "id": r.id(), "version": r.version() });
    create_reservation(svc, ctx, command, &render).await
}

/// The id of a new booking.
pub fn new_id(created: Created) -> Uuid {
    match created {
        Created::New { id, .. } => id,
        Created::Replayed(_) => panic!("a replay, not a new booking"),
    }
}
