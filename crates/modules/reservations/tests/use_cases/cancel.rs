//! `CancelReservationHandler`.

use sejour_core::{Role, value_objects::Money};
use sejour_reservations::{
    application::commands::cancel_reservation::{CancelReservationCommand, cancel_reservation},
    domain::ReservationStatus,
};
use uuid::Uuid;

use crate::{as_user, book, booking, fakes::reservations, new_id};

#[tokio::test]
async fn given_a_paid_booking_when_cancelled_early_then_dates_freed_and_all_refunded() {
    let (svc, store) = reservations();
    let property = Uuid::now_v7();
    let guest = as_user(Uuid::now_v7(), Role::Guest);
    let id = new_id(book(&svc, &guest, booking(property, 10, 17)).await.unwrap());
    {
        // The payments context recorded that everything was paid.
        let mut state = store.state();
        let snapshot = &mut state.reservations.get_mut(&id).unwrap().0;
        snapshot.amount_paid = snapshot.price.total;
    }
    let command = CancelReservationCommand {
        reservation_id: id,
        reason: "plans changed".into(),
        expected_version: Some(1),
    };
    cancel_reservation(&svc, &guest, command).await.unwrap();
    {
        let state = store.state();
        let stored = &state.reservations[&id].0;
        assert_eq!(stored.status, ReservationStatus::Cancelled);
        // Six months ahead under a moderate policy: everything comes back.
        let cancellation = stored.cancellation.as_ref().unwrap();
        assert_eq!(
            cancellation.refund_due,
            Money::new(75_000, stored.price.currency)
        );
        assert!(!state.holds.contains_key(&id));
        assert_eq!(
            state.events.last(),
            Some(&(id, "reservations.ReservationCancelled"))
        );
    }
    // The dates are free again.
    book(&svc, &guest, booking(property, 10, 17)).await.unwrap();
}

#[tokio::test]
async fn given_a_cancelled_booking_when_cancelled_again_then_409() {
    let (svc, _) = reservations();
    let guest = as_user(Uuid::now_v7(), Role::Guest);
    let id = new_id(
        book(&svc, &guest, booking(Uuid::now_v7(), 10, 17))
            .await
            .unwrap(),
    );
    let command = CancelReservationCommand {
        reservation_id: id,
        reason: "plans changed".into(),
        expected_version: None,
    };
    cancel_reservation(&svc, &guest, command.clone())
        .await
        .unwrap();
    let err = cancel_reservation(&svc, &guest, command).await.unwrap_err();
    assert_eq!(err.code, "reservation.invalid_transition");
}
