//! `UpdateReservationHandler`.

use sejour_core::Role;
use sejour_reservations::application::commands::update_reservation::{
    UpdateReservationCommand, update_reservation,
};
use uuid::Uuid;

use crate::{as_user, book, booking, fakes::reservations, july, new_id};

#[tokio::test]
async fn given_a_stale_version_when_updating_then_412() {
    let (svc, store) = reservations();
    let guest = as_user(Uuid::now_v7(), Role::Guest);
    let id = new_id(
        book(&svc, &guest, booking(Uuid::now_v7(), 10, 17))
            .await
            .unwrap(),
    );
    let command = UpdateReservationCommand {
        reservation_id: id,
        notes: Some(Some("late arrival".into())),
        expected_version: Some(7),
        ..UpdateReservationCommand::default()
    };
    let err = update_reservation(&svc, &guest, command).await.unwrap_err();
    assert_eq!(err.code, "reservation.version_mismatch");
    assert_eq!(store.state().reservations[&id].0.version, 1);
}

#[tokio::test]
async fn given_new_notes_when_updating_then_version_2_and_an_update_event() {
    let (svc, store) = reservations();
    let guest = as_user(Uuid::now_v7(), Role::Guest);
    let id = new_id(
        book(&svc, &guest, booking(Uuid::now_v7(), 10, 17))
            .await
            .unwrap(),
    );
    let command = UpdateReservationCommand {
        reservation_id: id,
        notes: Some(Some("late arrival".into())),
        expected_version: Some(1),
        ..UpdateReservationCommand::default()
    };
    update_reservation(&svc, &guest, command).await.unwrap();
    let state = store.state();
    assert_eq!(state.reservations[&id].0.version, 2);
    assert_eq!(
        state.events.last(),
        Some(&(id, "reservations.ReservationUpdated"))
    );
}

#[tokio::test]
async fn given_taken_dates_when_moving_then_409_and_everything_as_it_was() {
    let (svc, store) = reservations();
    let property = Uuid::now_v7();
    let guest = as_user(Uuid::now_v7(), Role::Guest);
    book(&svc, &guest, booking(property, 20, 27)).await.unwrap();
    let id = new_id(book(&svc, &guest, booking(property, 10, 17)).await.unwrap());
    let before = store.state().clone();
    let command = UpdateReservationCommand {
        reservation_id: id,
        check_in: Some(july(15)),
        check_out: Some(july(22)),
        ..UpdateReservationCommand::default()
    };
    let err = update_reservation(&svc, &guest, command).await.unwrap_err();
    assert_eq!(err.code, "reservation.period_unavailable");
    let after = store.state();
    assert_eq!(after.reservations[&id].0, before.reservations[&id].0);
    assert_eq!(after.holds, before.holds);
    assert_eq!(after.events, before.events);
}
