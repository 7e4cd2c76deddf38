//! In-memory implementations of the ports: one shared state, a unit of work whose `Tx`
//! holds a copy of it and commits by swapping it in (dropping it rolls back), the
//! repositories working on that copy, a catalogue whose hold refuses overlapping dates,
//! a fixed price list, and directories that know nobody but the accounts given.

use std::{
    collections::HashMap,
    sync::{Arc, Mutex, MutexGuard},
};

use async_trait::async_trait;
use chrono::{DateTime, NaiveDate, TimeZone, Utc};
use sejour_core::{
    AppError, Clock, Ctx, DomainEvent, Tx, UnitOfWork, UuidV7Generator,
    value_objects::{
        CancellationPolicy, Currency, DateRange, Email, Installment, InstallmentKind, Money,
        ReservationPeriod,
    },
};
use sejour_owners::application::directory::{MandateTerms, OwnerDirectory, OwnerIdentity};
use sejour_properties::application::catalog::{
    PropertyCatalog, PropertyOwnership, Quote, QuoteStayQuery,
};
use sejour_reservations::{
    application::{Json, Reservations, pricing::StayPricing},
    domain::{
        Claim, IdempotencyKeyRepository, MoneyMovement, Occupants, PriceBreakdown, Reservation,
        ReservationFilter, ReservationRecord, ReservationRepository, ReservationSnapshot,
        TimelineEntry,
    },
};
use sejour_users::application::directory::{NewUser, UserAccount, UserDirectory};
use uuid::Uuid;

/// Everything stored.
#[derive(Debug, Clone, Default)]
pub struct State {
    /// The reservations and their quotes.
    pub reservations: HashMap<Uuid, (ReservationSnapshot, Json)>,
    /// The published events: (reservation, type).
    pub events: Vec<(Uuid, &'static str)>,
    /// The idempotency keys: (scope, key) → (request hash, response).
    pub keys: HashMap<(String, String), (String, Json)>,
    /// The calendar: reservation → (property, dates).
    pub holds: HashMap<Uuid, (Uuid, DateRange)>,
    /// The money moved: payment or refund → reservation.
    pub payments: HashMap<Uuid, Uuid>,
}

/// The store every fake shares.
#[derive(Clone, Default)]
pub struct Store(Arc<Mutex<State>>);

impl Store {
    /// The committed state.
    pub fn state(&self) -> MutexGuard<'_, State> {
        self.0.lock().unwrap_or_else(|e| e.into_inner())
    }
}

/// The transaction: a copy of the state.
struct MemTx(State);

fn tx_state(tx: &mut Tx) -> Result<&mut State, AppError> {
    Ok(&mut tx.get::<MemTx>()?.0)
}

#[async_trait]
impl UnitOfWork for Store {
    async fn begin(&self) -> Result<Tx, AppError> {
        Ok(Tx::new(MemTx(self.state().clone())))
    }

    async fn commit(&self, tx: Tx) -> Result<(), AppError> {
        *self.state() = tx.into_inner::<MemTx>()?.0;
        Ok(())
    }
}

fn record(snapshot: &ReservationSnapshot, quote: &Json) -> ReservationRecord<Json> {
    ReservationRecord {
        reservation: Reservation::restore(snapshot.clone()),
        quote: quote.clone(),
    }
}

fn store(state: &mut State, reservation: &mut Reservation, quote: &Json) {
    let id = reservation.id();
    let types: Vec<_> = reservation
        .take_events()
        .iter()
        .map(|e| (id, e.event_type()))
        .collect();
    state.events.extend(types);
    state
        .reservations
        .insert(id, (reservation.snapshot().clone(), quote.clone()));
}

#[async_trait]
impl ReservationRepository for Store {
    type Quote = Json;

    async fn find_by_id(&self, id: Uuid) -> Result<Option<ReservationRecord<Json>>, AppError> {
        Ok(self
            .state()
            .reservations
            .get(&id)
            .map(|(s, q)| record(s, q)))
    }

    async fn note_money(
        &self,
        tx: &mut Tx,
        reservation_id: Uuid,
        movement: MoneyMovement,
        _at: DateTime<Utc>,
    ) -> Result<bool, AppError> {
        let payments = &mut tx_state(tx)?.payments;
        Ok(payments.insert(movement.id(), reservation_id).is_none())
    }

    async fn find_for_update(
        &self,
        tx: &mut Tx,
        id: Uuid,
    ) -> Result<Option<ReservationRecord<Json>>, AppError> {
        Ok(tx_state(tx)?
            .reservations
            .get(&id)
            .map(|(s, q)| record(s, q)))
    }

    async fn insert(
        &self,
        tx: &mut Tx,
        _ctx: &Ctx,
        reservation: &mut Reservation,
        quote: &Json,
    ) -> Result<(), AppError> {
        let state = tx_state(tx)?;
        if state.reservations.contains_key(&reservation.id()) {
            return Err(AppError::internal("already stored"));
        }
        store(state, reservation, quote);
        Ok(())
    }

    async fn update(
        &self,
        tx: &mut Tx,
        _ctx: &Ctx,
        reservation: &mut Reservation,
        quote: &Json,
    ) -> Result<(), AppError> {
        if !reservation.has_changes() {
            return Ok(());
        }
        let state = tx_state(tx)?;
        let stored = state
            .reservations
            .get(&reservation.id())
            .map(|(s, _)| s.version);
        if stored != reservation.stored_version() {
            return Err(AppError::stale_version("reservation"));
        }
        store(state, reservation, quote);
        Ok(())
    }

    async fn search(
        &self,
        filter: &ReservationFilter,
        limit: i64,
    ) -> Result<Vec<ReservationRecord<Json>>, AppError> {
        let state = self.state();
        let mut found: Vec<_> = state
            .reservations
            .values()
            .filter(|(s, _)| filter.customer_id.is_none_or(|c| s.customer_id == Some(c)))
            .filter(|(s, _)| filter.status.is_none_or(|st| s.status == st))
            .filter(|(s, _)| {
                filter
                    .property_ids
                    .as_ref()
                    .is_none_or(|ids| ids.contains(&s.property_id))
            })
            .map(|(s, q)| record(s, q))
            .collect();
        found.sort_by_key(|r| {
            std::cmp::Reverse((r.reservation.snapshot().created_at, r.reservation.id()))
        });
        found.truncate(usize::try_from(limit).unwrap_or(usize::MAX));
        Ok(found)
    }

    async fn lapsed_holds(&self, now: DateTime<Utc>, _limit: i64) -> Result<Vec<Uuid>, AppError> {
        Ok(self
            .state()
            .reservations
            .values()
            .filter(|(s, _)| s.status.as_str() == "pending" && s.hold_expires_at <= now)
            .map(|(s, _)| s.id)
            .collect())
    }

    async fn finished_stays(&self, today: NaiveDate, _limit: i64) -> Result<Vec<Uuid>, AppError> {
        Ok(self
            .state()
            .reservations
            .values()
            .filter(|(s, _)| s.status.as_str() == "confirmed" && s.period.check_out() <= today)
            .map(|(s, _)| s.id)
            .collect())
    }

    async fn arriving(
        &self,
        from: NaiveDate,
        to: NaiveDate,
        _limit: i64,
    ) -> Result<Vec<Uuid>, AppError> {
        Ok(self
            .state()
            .reservations
            .values()
            .filter(|(s, _)| {
                s.status.as_str() == "confirmed"
                    && s.price.security_deposit.is_positive()
                    && (from..=to).contains(&s.period.check_in())
            })
            .map(|(s, _)| s.id)
            .collect())
    }

    async fn balances_due(&self, today: NaiveDate, _limit: i64) -> Result<Vec<Uuid>, AppError> {
        Ok(self
            .state()
            .reservations
            .values()
            .filter(|(s, _)| {
                s.status.as_str() == "confirmed"
                    && s.period.check_in() > today
                    && s.amount_paid.amount_minor() < s.price.total.amount_minor()
                    && s.price
                        .installments
                        .iter()
                        .skip(1)
                        .any(|i| i.due_on <= today)
            })
            .map(|(s, _)| s.id)
            .collect())
    }

    async fn timeline(&self, _reservation_id: Uuid) -> Result<Vec<TimelineEntry>, AppError> {
        Ok(Vec::new())
    }
}

#[async_trait]
impl IdempotencyKeyRepository for Store {
    type Response = Json;

    async fn claim(
        &self,
        tx: &mut Tx,
        scope: &str,
        key: &str,
        request_hash: &str,
        _reservation_id: Uuid,
        _now: DateTime<Utc>,
    ) -> Result<Claim<Json>, AppError> {
        let keys = &mut tx_state(tx)?.keys;
        let id = (scope.to_owned(), key.to_owned());
        Ok(match keys.get(&id) {
            None => {
                keys.insert(id, (request_hash.to_owned(), Json::Null));
                Claim::New
            }
            Some((hash, response)) if hash == request_hash => Claim::Replay(response.clone()),
            Some(_) => Claim::Mismatch,
        })
    }

    async fn record(
        &self,
        tx: &mut Tx,
        scope: &str,
        key: &str,
        response: &Json,
    ) -> Result<(), AppError> {
        if let Some(entry) = tx_state(tx)?
            .keys
            .get_mut(&(scope.to_owned(), key.to_owned()))
        {
            entry.1 = response.clone();
        }
        Ok(())
    }

    async fn purge(&self, _before: DateTime<Utc>) -> Result<u64, AppError> {
        Ok(0)
    }
}

/// 100.00 € a night plus 50.00 € of fees, paid at once, moderate policy; the quote as
/// shown is the price's total.
#[async_trait]
impl StayPricing for Store {
    async fn quote(
        &self,
        _property_id: Uuid,
        period: ReservationPeriod,
        _occupants: &Occupants,
    ) -> Result<(PriceBreakdown, Json), AppError> {
        let eur = |minor| Money::new(minor, Currency::EUR);
        let nights = period.nights();
        let total = eur(10_000 * nights + 5_000);
        let price = PriceBreakdown {
            currency: Currency::EUR,
            nights: u32::try_from(nights).unwrap_or(0),
            rent: eur(10_000 * nights),
            fees: eur(5_000),
            tourist_tax: eur(0),
            total,
            quoted_total: total,
            set_by_hand: false,
            security_deposit: eur(0),
            installments: vec![Installment {
                kind: InstallmentKind::FullPayment,
                amount: total,
                due_on: period.check_in(),
            }],
            cancellation_policy: CancellationPolicy::Moderate,
        };
        Ok((price, serde_json::json!({ "total": total.amount_minor() })))
    }
}

#[async_trait]
impl PropertyCatalog for Store {
    async fn quote(&self, _q: QuoteStayQuery) -> Result<Quote, AppError> {
        Err(AppError::internal(
            "the use cases price through StayPricing",
        ))
    }

    async fn hold(
        &self,
        tx: &mut Tx,
        property_id: Uuid,
        dates: DateRange,
        reservation_id: Uuid,
    ) -> Result<(), AppError> {
        let holds = &mut tx_state(tx)?.holds;
        if holds
            .values()
            .any(|(property, taken)| *property == property_id && taken.overlaps(&dates))
        {
            return Err(AppError::conflict(
                "calendar.period_unavailable",
                "These dates are taken.",
            ));
        }
        holds.insert(reservation_id, (property_id, dates));
        Ok(())
    }

    async fn release(&self, tx: &mut Tx, reservation_id: Uuid) -> Result<(), AppError> {
        tx_state(tx)?.holds.remove(&reservation_id);
        Ok(())
    }

    async fn owners_of(&self, _property_id: Uuid) -> Result<Vec<Uuid>, AppError> {
        Ok(Vec::new())
    }

    async fn properties_of(&self, _owner_id: Uuid) -> Result<Vec<Uuid>, AppError> {
        Ok(Vec::new())
    }

    async fn ownership(&self, _property_id: Uuid) -> Result<Option<PropertyOwnership>, AppError> {
        Ok(None)
    }
}

/// Owners: nobody stands for one.
pub struct NoOwners;

#[async_trait]
impl OwnerDirectory for NoOwners {
    async fn owner_of_user(&self, _user_id: Uuid) -> Result<Option<Uuid>, AppError> {
        Ok(None)
    }

    async fn exists(&self, _owner_id: Uuid) -> Result<bool, AppError> {
        Ok(false)
    }

    async fn terms(&self, _owner_id: Uuid) -> Result<Option<MandateTerms>, AppError> {
        Ok(None)
    }

    async fn identity(&self, _owner_id: Uuid) -> Result<Option<OwnerIdentity>, AppError> {
        Ok(None)
    }
}

/// Users: the accounts given.
#[derive(Default)]
pub struct Users(pub Vec<UserAccount>);

#[async_trait]
impl UserDirectory for Users {
    async fn create(
        &self,
        _tx: &mut Tx,
        _ctx: &Ctx,
        _user: NewUser,
    ) -> Result<UserAccount, AppError> {
        Err(AppError::internal("not in these tests"))
    }

    async fn find_by_email(&self, email: &Email) -> Result<Option<UserAccount>, AppError> {
        Ok(self.0.iter().find(|u| &u.email == email).cloned())
    }

    async fn get(&self, id: Uuid) -> Result<Option<UserAccount>, AppError> {
        Ok(self.0.iter().find(|u| u.id == id).cloned())
    }

    async fn has_admin(&self) -> Result<bool, AppError> {
        Ok(false)
    }
}

/// 10 January 2027, noon.
pub struct FixedClock;

impl Clock for FixedClock {
    fn now(&self) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2027, 1, 10, 12, 0, 0)
            .single()
            .unwrap_or_default()
    }
}

/// The use cases on the fakes, and the store to look into.
pub fn reservations() -> (Reservations, Store) {
    let store = Store::default();
    let svc = Reservations {
        reservations: Arc::new(store.clone()),
        keys: Arc::new(store.clone()),
        uow: Arc::new(store.clone()),
        clock: Arc::new(FixedClock),
        ids: Arc::new(UuidV7Generator),
        catalog: Arc::new(store.clone()),
        pricing: Arc::new(store.clone()),
        owners: Arc::new(NoOwners),
        users: Arc::new(Users::default()),
        hold: chrono::Duration::minutes(30),
    };
    (svc, store)
}
