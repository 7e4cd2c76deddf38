//! `ConfirmReservationHandler`.

use sejour_core::Role;
use sejour_reservations::{
    application::commands::confirm_reservation::{ConfirmReservationCommand, confirm_reservation},
    domain::ReservationStatus,
};
use uuid::Uuid;

use crate::{as_user, book, booking, fakes::reservations, new_id};

#[tokio::test]
async fn given_a_pending_booking_when_confirmed_then_confirmed_and_only_once() {
    let (svc, store) = reservations();
    let guest = as_user(Uuid::now_v7(), Role::Guest);
    let manager = as_user(Uuid::now_v7(), Role::Manager);
    let id = new_id(
        book(&svc, &guest, booking(Uuid::now_v7(), 10, 17))
            .await
            .unwrap(),
    );
    let command = ConfirmReservationCommand {
        reservation_id: id,
        expected_version: Some(1),
    };
    assert_eq!(
        confirm_reservation(&svc, &guest, command)
            .await
            .unwrap_err()
            .kind,
        sejour_core::ErrorKind::Forbidden
    );
    confirm_reservation(&svc, &manager, command).await.unwrap();
    assert_eq!(
        store.state().reservations[&id].0.status,
        ReservationStatus::Confirmed
    );
    let again = ConfirmReservationCommand {
        reservation_id: id,
        expected_version: None,
    };
    let err = confirm_reservation(&svc, &manager, again)
        .await
        .unwrap_err();
    assert_eq!(err.code, "reservation.invalid_transition");
    assert_eq!(store.state().reservations[&id].0.version, 2);
}
