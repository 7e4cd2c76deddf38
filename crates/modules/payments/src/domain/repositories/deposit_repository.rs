//! `DepositRepository`: the cards guests saved with their consent, and the security
//! deposit's holds on them (a live one at most per booking, which the store enforces).

use async_trait::async_trait;
use chrono::{DateTime, Utc};
use sejour_core::{AppError, Ctx, Tx};
use uuid::Uuid;

use crate::domain::{DamagePhoto, DepositEvent, DepositHold, SavedCard};

/// A card kept for a booking, and its provider.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KeptCard {
    /// The provider it was saved at.
    pub provider: String,
    /// The card.
    pub card: SavedCard,
    /// When the guest agreed.
    pub consented_at: DateTime<Utc>,
}

/// Saved cards and holds.
#[async_trait]
pub trait DepositRepository: Send + Sync + 'static {
    /// Keeps `card` for the booking in `tx` (a later one replaces it).
    async fn keep_card(
        &self,
        tx: &mut Tx,
        reservation_id: Uuid,
        card: &KeptCard,
    ) -> Result<(), AppError>;

    /// The card kept for the booking.
    async fn card(&self, reservation_id: Uuid) -> Result<Option<KeptCard>, AppError>;

    /// Records a new hold and publishes its events; `false` (nothing recorded) when the
    /// booking already has a live hold.
    async fn insert(
        &self,
        tx: &mut Tx,
        ctx: &Ctx,
        hold: &DepositHold,
        events: Vec<DepositEvent>,
    ) -> Result<bool, AppError>;

    /// Records a hold's change and publishes its events.
    async fn save(
        &self,
        tx: &mut Tx,
        ctx: &Ctx,
        hold: &DepositHold,
        events: Vec<DepositEvent>,
    ) -> Result<(), AppError>;

    /// The booking's live hold, locked in `tx`.
    async fn live_for_update(
        &self,
        tx: &mut Tx,
        reservation_id: Uuid,
    ) -> Result<Option<DepositHold>, AppError>;

    /// The booking's holds, oldest first.
    async fn of_reservation(&self, reservation_id: Uuid) -> Result<Vec<DepositHold>, AppError>;

    /// Live holds, the soonest to lapse first, at most `limit`.
    async fn live(&self, limit: i64) -> Result<Vec<DepositHold>, AppError>;

    /// Records a damage photo and publishes its events; `false` (nothing recorded) when
    /// the booking keeps `max` already (counted under a lock of the booking's photos).
    async fn add_photo(
        &self,
        tx: &mut Tx,
        ctx: &Ctx,
        photo: &DamagePhoto,
        max: i64,
        events: Vec<DepositEvent>,
    ) -> Result<bool, AppError>;

    /// The booking's damage photos, oldest first.
    async fn photos(&self, reservation_id: Uuid) -> Result<Vec<DamagePhoto>, AppError>;
}
