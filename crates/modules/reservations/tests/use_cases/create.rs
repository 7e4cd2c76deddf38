//! `CreateReservationHandler`.

use sejour_core::Role;
use sejour_reservations::{
    application::commands::create_reservation::Created, domain::ReservationStatus,
};
use uuid::Uuid;

use crate::{as_user, book, booking, fakes::reservations, new_id, with_key};

#[tokio::test]
async fn given_free_dates_when_a_guest_books_then_pending_held_and_published() {
    let (svc, store) = reservations();
    let (guest, property) = (Uuid::now_v7(), Uuid::now_v7());
    let id = new_id(
        book(
            &svc,
            &as_user(guest, Role::Guest),
            booking(property, 10, 17),
        )
        .await
        .unwrap(),
    );
    let state = store.state();
    let (stored, _) = &state.reservations[&id];
    assert_eq!(stored.status, ReservationStatus::Pending);
    assert_eq!(stored.customer_id, Some(guest));
    assert_eq!(stored.version, 1);
    assert_eq!(stored.price.total.amount_minor(), 75_000);
    assert_eq!(state.holds[&id].0, property);
    assert_eq!(state.events, vec![(id, "reservations.ReservationCreated")]);
}

#[tokio::test]
async fn given_taken_dates_when_booking_then_409_and_nothing_saved_nor_key_kept() {
    let (svc, store) = reservations();
    let property = Uuid::now_v7();
    let guest = as_user(Uuid::now_v7(), Role::Guest);
    book(&svc, &guest, booking(property, 10, 17)).await.unwrap();
    let before = store.state().clone();
    let err = book(
        &svc,
        &guest,
        with_key(booking(property, 12, 14), "k1", "h1"),
    )
    .await
    .unwrap_err();
    assert_eq!(err.code, "reservation.period_unavailable");
    let after = store.state();
    assert_eq!(after.reservations.len(), before.reservations.len());
    assert_eq!(after.events, before.events);
    assert!(after.keys.is_empty());
}

#[tokio::test]
async fn given_a_replayed_key_when_booking_again_then_the_first_response_and_one_booking() {
    let (svc, store) = reservations();
    let property = Uuid::now_v7();
    let guest = as_user(Uuid::now_v7(), Role::Guest);
    let first = book(
        &svc,
        &guest,
        with_key(booking(property, 10, 17), "k1", "h1"),
    )
    .await
    .unwrap();
    let Created::New { response, .. } = first else {
        panic!("the first create is new");
    };
    let again = book(
        &svc,
        &guest,
        with_key(booking(property, 10, 17), "k1", "h1"),
    )
    .await
    .unwrap();
    assert!(matches!(again, Created::Replayed(ref r) if *r == response));
    assert_eq!(store.state().reservations.len(), 1);
}

#[tokio::test]
async fn given_a_key_used_for_another_body_when_booking_then_422() {
    let (svc, store) = reservations();
    let property = Uuid::now_v7();
    let guest = as_user(Uuid::now_v7(), Role::Guest);
    book(
        &svc,
        &guest,
        with_key(booking(property, 10, 17), "k1", "h1"),
    )
    .await
    .unwrap();
    let err = book(
        &svc,
        &guest,
        with_key(booking(property, 20, 27), "k1", "h2"),
    )
    .await
    .unwrap_err();
    assert_eq!(err.code, "idempotency.key_reused");
    assert_eq!(store.state().reservations.len(), 1);
}

#[tokio::test]
async fn given_an_owner_or_a_guest_setting_the_price_when_booking_then_forbidden() {
    let (svc, store) = reservations();
    let property = Uuid::now_v7();
    let owner = as_user(Uuid::now_v7(), Role::Owner);
    assert_eq!(
        book(&svc, &owner, booking(property, 10, 17))
            .await
            .unwrap_err()
            .kind,
        sejour_core::ErrorKind::Forbidden
    );
    let mut priced = booking(property, 10, 17);
    priced.manual_total = Some(10_000);
    let guest = as_user(Uuid::now_v7(), Role::Guest);
    assert_eq!(
        book(&svc, &guest, priced).await.unwrap_err().kind,
        sejour_core::ErrorKind::Forbidden
    );
    assert!(store.state().reservations.is_empty());
}
