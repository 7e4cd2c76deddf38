//! `RecordPaymentHandler`: payments and refunds.

use sejour_core::{
    Ctx, Role,
    value_objects::{Currency, Money},
};
use sejour_reservations::{
    application::commands::record_payment::{RecordPaymentCommand, record_payment},
    domain::{MoneyMovement, ReservationStatus},
};
use uuid::Uuid;

use crate::{as_user, book, booking, fakes::reservations, new_id};

#[tokio::test]
async fn given_a_pending_booking_when_its_first_installment_is_paid_then_confirmed_once() {
    let (svc, store) = reservations();
    let guest = as_user(Uuid::now_v7(), Role::Guest);
    let id = new_id(
        book(&svc, &guest, booking(Uuid::now_v7(), 10, 17))
            .await
            .unwrap(),
    );
    let total = store.state().reservations[&id].0.price.total;
    let system = Ctx::system("reservations.payments", "test".into());
    // Part of the installment: recorded, still pending.
    let part = RecordPaymentCommand {
        reservation_id: id,
        movement: MoneyMovement::Received {
            payment_id: Uuid::now_v7(),
            amount: Money::new(1_000, Currency::EUR),
        },
    };
    assert!(record_payment(&svc, &system, part).await.unwrap());
    assert_eq!(
        store.state().reservations[&id].0.status,
        ReservationStatus::Pending
    );
    let rest = RecordPaymentCommand {
        reservation_id: id,
        movement: MoneyMovement::Received {
            payment_id: Uuid::now_v7(),
            amount: Money::new(total.amount_minor() - 1_000, Currency::EUR),
        },
    };
    assert!(record_payment(&svc, &system, rest).await.unwrap());
    // A redelivery adds nothing.
    assert!(!record_payment(&svc, &system, rest).await.unwrap());
    {
        let state = store.state();
        let (snapshot, _) = &state.reservations[&id];
        assert_eq!(snapshot.status, ReservationStatus::Confirmed);
        assert_eq!(snapshot.amount_paid, total);
        let confirmed = state
            .events
            .iter()
            .filter(|(r, t)| *r == id && *t == "reservations.ReservationConfirmed")
            .count();
        assert_eq!(confirmed, 1);
    }
    // A refund lowers what was paid; the booking stays as it is.
    let refund = RecordPaymentCommand {
        reservation_id: id,
        movement: MoneyMovement::Refunded {
            refund_id: Uuid::now_v7(),
            amount: Money::new(2_500, Currency::EUR),
        },
    };
    assert!(record_payment(&svc, &system, refund).await.unwrap());
    assert!(!record_payment(&svc, &system, refund).await.unwrap());
    let state = store.state();
    let (snapshot, _) = &state.reservations[&id];
    assert_eq!(
        snapshot.amount_paid.amount_minor(),
        total.amount_minor() - 2_500
    );
    assert_eq!(snapshot.status, ReservationStatus::Confirmed);
}

#[tokio::test]
async fn money_in_another_currency_is_refused_and_nothing_changes() {
    let (svc, store) = reservations();
    let guest = as_user(Uuid::now_v7(), Role::Guest);
    let id = new_id(
        book(&svc, &guest, booking(Uuid::now_v7(), 10, 17))
            .await
            .unwrap(),
    );
    let system = Ctx::system("reservations.payments", "test".into());
    let dollars = RecordPaymentCommand {
        reservation_id: id,
        movement: MoneyMovement::Received {
            payment_id: Uuid::now_v7(),
            amount: Money::new(1_000, Currency::USD),
        },
    };
    assert!(record_payment(&svc, &system, dollars).await.is_err());
    let state = store.state();
    assert!(state.payments.is_empty());
    assert_eq!(state.reservations[&id].0.version, 1);
}
