//! The security deposit: not charged, held — an authorisation on the card the guest saved
//! (with their consent) at checkout, placed shortly before arrival, renewed before the
//! provider lets it lapse for a long stay, released some days after check-out, or partly
//! captured by a manager's damage claim.
//!
//! Its rules:
//! - `HoldShortlyBeforeArrival`: placed from [`HOLD_BEFORE_ARRIVAL_DAYS`] before check-in.
//! - `RenewBeforeItLapses`: a hold that lapses within [`RENEW_WITHIN_HOURS`] while it is
//!   still needed (before its release day) is replaced by a new one.
//! - `ReleaseAfterDeparture`: released [`RELEASE_AFTER_DEPARTURE_DAYS`] after check-out.
//! - `ClaimWithinTheHold`: a damage claim captures more than nothing and at most what is
//!   held, once, from a live hold (`deposit.claim_exceeds_hold`, `deposit.not_held`).
//! - `EvidenceIsKept`: the photos of the damage are kept, never changed nor deleted, at
//!   most [`MAX_DAMAGE_PHOTOS`] a booking (`deposit.too_many_photos`).

use async_trait::async_trait;
use chrono::{DateTime, Duration, NaiveDate, Utc};
use sejour_core::{AppError, value_objects::Money};
use uuid::Uuid;

use crate::published_language::{
    DamagePhotoAdded, DepositCaptured, DepositHoldFailed, DepositReleased, PaymentAuthorized,
};

/// Days before check-in from which the hold is placed.
pub const HOLD_BEFORE_ARRIVAL_DAYS: i64 = 2;
/// Days after check-out on which the hold is released.
pub const RELEASE_AFTER_DEPARTURE_DAYS: i64 = 7;
/// A hold lapsing within this many hours, and still needed, is renewed.
pub const RENEW_WITHIN_HOURS: i64 = 24;
/// The most damage photos a booking keeps.
pub const MAX_DAMAGE_PHOTOS: i64 = 20;

/// The first day a hold may be placed for a check-in on `check_in`.
pub fn hold_from(check_in: NaiveDate) -> NaiveDate {
    check_in - Duration::days(HOLD_BEFORE_ARRIVAL_DAYS)
}

/// The day the hold of a stay ending on `check_out` is released.
pub fn release_on(check_out: NaiveDate) -> NaiveDate {
    check_out + Duration::days(RELEASE_AFTER_DEPARTURE_DAYS)
}

/// Where a hold stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HoldStatus {
    /// The amount is held on the card.
    Held,
    /// Given back in full.
    Released,
    /// Partly or wholly taken by a damage claim (the rest given back).
    Captured,
    /// Replaced by a new hold before it lapsed.
    Renewed,
    /// The card refused it.
    Failed,
}

impl HoldStatus {
    /// Every status.
    pub const ALL: [HoldStatus; 5] = [
        Self::Held,
        Self::Released,
        Self::Captured,
        Self::Renewed,
        Self::Failed,
    ];

    /// The stored name.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Held => "held",
            Self::Released => "released",
            Self::Captured => "captured",
            Self::Renewed => "renewed",
            Self::Failed => "failed",
        }
    }

    /// Parses a stored name.
    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|x| x.as_str() == s)
    }
}

/// Something that happened to a hold (published on the outbox, hence audited).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
#[serde(untagged)]
pub enum DepositEvent {
    /// `payments.PaymentAuthorized`: the deposit is held.
    Authorized(PaymentAuthorized),
    /// `payments.DepositHoldFailed`: the card refused the hold.
    HoldFailed(DepositHoldFailed),
    /// `payments.DepositReleased`: given back (or replaced by a renewal).
    Released(DepositReleased),
    /// `payments.DepositCaptured`: taken in part or in whole for damage.
    Captured(DepositCaptured),
    /// `payments.DamagePhotoAdded`: a photo of the damage kept as evidence.
    PhotoAdded(DamagePhotoAdded),
}

impl sejour_core::DomainEvent for DepositEvent {
    fn event_type(&self) -> &'static str {
        use crate::published_language::event_types as t;
        match self {
            Self::Authorized(_) => t::AUTHORIZED,
            Self::HoldFailed(_) => t::HOLD_FAILED,
            Self::Released(_) => t::DEPOSIT_RELEASED,
            Self::Captured(_) => t::DEPOSIT_CAPTURED,
            Self::PhotoAdded(_) => t::DAMAGE_PHOTO_ADDED,
        }
    }

    fn aggregate_type(&self) -> &'static str {
        match self {
            Self::PhotoAdded(_) => "damage_photo",
            _ => "deposit_hold",
        }
    }

    fn aggregate_id(&self) -> String {
        match self {
            Self::Authorized(e) => e.hold_id,
            Self::HoldFailed(e) => e.hold_id,
            Self::Released(e) => e.hold_id,
            Self::Captured(e) => e.hold_id,
            Self::PhotoAdded(e) => e.photo_id,
        }
        .to_string()
    }
}

/// A broken deposit rule.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DepositError {
    /// The hold is not live (released, captured, renewed, failed).
    #[error("the security deposit is not held")]
    NotHeld,
    /// A claim of nothing, or of more than is held.
    #[error("a claim takes more than nothing and at most the {held} minor units held")]
    ClaimExceedsHold {
        /// What is held.
        held: i64,
    },
    /// The booking has all the damage photos it may keep.
    #[error("a booking keeps {MAX_DAMAGE_PHOTOS} damage photos at most")]
    TooManyPhotos,
}

impl DepositError {
    /// The stable code.
    pub fn code(&self) -> &'static str {
        match self {
            Self::NotHeld => "deposit.not_held",
            Self::ClaimExceedsHold { .. } => "deposit.claim_exceeds_hold",
            Self::TooManyPhotos => "deposit.too_many_photos",
        }
    }
}

/// A photo of the damage a claim is for, kept as evidence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DamagePhoto {
    /// Id.
    pub id: Uuid,
    /// The stay.
    pub reservation_id: Uuid,
    /// The image as kept.
    pub image: StoredImage,
    /// What it shows.
    pub caption: String,
    /// When it was added.
    pub uploaded_at: DateTime<Utc>,
}

/// An image kept on the files of [`EvidenceFiles`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredImage {
    /// Where.
    pub key: String,
    /// `image/jpeg`, `image/png` or `image/webp`.
    pub content_type: &'static str,
    /// Width, pixels.
    pub width: u32,
    /// Height, pixels.
    pub height: u32,
    /// Size, bytes.
    pub bytes: usize,
}

/// `EvidenceFiles`: where the photos of damage are kept.
#[async_trait]
pub trait EvidenceFiles: Send + Sync + 'static {
    /// Keeps photo `id` of booking `reservation_id`: an image by its content (JPEG, PNG
    /// or WebP) of at most `max_bytes`, its metadata stripped; 422 otherwise.
    async fn keep(
        &self,
        reservation_id: Uuid,
        id: Uuid,
        bytes: Vec<u8>,
        max_bytes: usize,
    ) -> Result<StoredImage, AppError>;

    /// The bytes kept under `key`.
    async fn read(&self, key: &str) -> Result<Option<Vec<u8>>, AppError>;

    /// Drops a file whose record could not be saved (best effort).
    async fn forget(&self, key: &str);
}

/// A hold of the security deposit on a guest's card.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DepositHold {
    /// Id (the provider's idempotency key).
    pub id: Uuid,
    /// The stay.
    pub reservation_id: Uuid,
    /// The provider holding it.
    pub provider: String,
    /// The provider's reference of the authorisation (none when refused).
    pub provider_ref: Option<String>,
    /// How much is held.
    pub amount: Money,
    /// Where it stands.
    pub status: HoldStatus,
    /// When the provider lets it lapse.
    pub expires_at: DateTime<Utc>,
    /// What a damage claim took.
    pub captured: Option<Money>,
    /// Why it failed, or what the claim was for.
    pub reason: Option<String>,
    /// Placed.
    pub created_at: DateTime<Utc>,
    /// Last changed.
    pub updated_at: DateTime<Utc>,
}

impl DepositHold {
    /// A new hold of `amount`, as the provider answered.
    fn new(
        id: Uuid,
        reservation_id: Uuid,
        provider: &str,
        amount: Money,
        now: DateTime<Utc>,
    ) -> Self {
        Self {
            id,
            reservation_id,
            provider: provider.to_owned(),
            provider_ref: None,
            amount,
            status: HoldStatus::Held,
            expires_at: now,
            captured: None,
            reason: None,
            created_at: now,
            updated_at: now,
        }
    }

    /// A hold the provider placed (`PaymentAuthorized`).
    pub fn held(
        id: Uuid,
        reservation_id: Uuid,
        provider: &str,
        provider_ref: String,
        amount: Money,
        expires_at: DateTime<Utc>,
        now: DateTime<Utc>,
    ) -> (Self, DepositEvent) {
        let hold = Self {
            provider_ref: Some(provider_ref),
            expires_at,
            ..Self::new(id, reservation_id, provider, amount, now)
        };
        let event = DepositEvent::Authorized(PaymentAuthorized {
            hold_id: id,
            reservation_id,
            amount,
            expires_at,
        });
        (hold, event)
    }

    /// A hold the card refused (`DepositHoldFailed`).
    pub fn refused(
        id: Uuid,
        reservation_id: Uuid,
        provider: &str,
        amount: Money,
        reason: String,
        now: DateTime<Utc>,
    ) -> (Self, DepositEvent) {
        let hold = Self {
            status: HoldStatus::Failed,
            reason: Some(reason.clone()),
            ..Self::new(id, reservation_id, provider, amount, now)
        };
        let event = DepositEvent::HoldFailed(DepositHoldFailed {
            hold_id: id,
            reservation_id,
            amount,
            reason,
        });
        (hold, event)
    }

    /// `RenewBeforeItLapses`: whether this live hold must be replaced at `now`, being
    /// needed until `release_on`.
    pub fn needs_renewal(&self, now: DateTime<Utc>, release_on: NaiveDate) -> bool {
        self.status == HoldStatus::Held
            && self.expires_at - Duration::hours(RENEW_WITHIN_HOURS) <= now
            && self.expires_at.date_naive() < release_on
    }

    fn ensure_held(&self) -> Result<(), DepositError> {
        if self.status == HoldStatus::Held {
            Ok(())
        } else {
            Err(DepositError::NotHeld)
        }
    }

    fn released_event(&self) -> DepositEvent {
        DepositEvent::Released(DepositReleased {
            hold_id: self.id,
            reservation_id: self.reservation_id,
            amount: self.amount,
            renewed: self.status == HoldStatus::Renewed,
        })
    }

    /// Given back in full (`DepositReleased`).
    pub fn release(&mut self, now: DateTime<Utc>) -> Result<DepositEvent, DepositError> {
        self.ensure_held()?;
        self.status = HoldStatus::Released;
        self.updated_at = now;
        Ok(self.released_event())
    }

    /// Replaced by a new hold (`DepositReleased`, renewed).
    pub fn renew(&mut self, now: DateTime<Utc>) -> Result<DepositEvent, DepositError> {
        self.ensure_held()?;
        self.status = HoldStatus::Renewed;
        self.updated_at = now;
        Ok(self.released_event())
    }

    /// `ClaimWithinTheHold`: `amount` taken for `reason` (`DepositCaptured`); the rest is
    /// given back by the provider.
    pub fn claim(
        &mut self,
        amount: Money,
        reason: &str,
        now: DateTime<Utc>,
    ) -> Result<DepositEvent, DepositError> {
        self.ensure_held()?;
        if amount.currency() != self.amount.currency()
            || !amount.is_positive()
            || amount.amount_minor() > self.amount.amount_minor()
        {
            return Err(DepositError::ClaimExceedsHold {
                held: self.amount.amount_minor(),
            });
        }
        self.status = HoldStatus::Captured;
        self.captured = Some(amount);
        self.reason = Some(reason.to_owned());
        self.updated_at = now;
        Ok(DepositEvent::Captured(DepositCaptured {
            hold_id: self.id,
            reservation_id: self.reservation_id,
            amount,
            reason: reason.to_owned(),
        }))
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use sejour_core::value_objects::Currency;

    use super::*;

    fn at(day: u32, hour: u32) -> DateTime<Utc> {
        NaiveDate::from_ymd_opt(2027, 7, day)
            .and_then(|d| d.and_hms_opt(hour, 0, 0))
            .map(|t| t.and_utc())
            .unwrap()
    }

    fn hold() -> DepositHold {
        let eur = Money::new(100_000, Currency::EUR);
        DepositHold::held(
            Uuid::nil(),
            Uuid::nil(),
            "builtin",
            "ho_1".into(),
            eur,
            at(8, 9),
            at(1, 9),
        )
        .0
    }

    #[test]
    fn the_hold_is_placed_before_arrival_and_released_after_departure() {
        let day = |d| NaiveDate::from_ymd_opt(2027, 7, d).unwrap();
        assert_eq!(hold_from(day(10)), day(8));
        assert_eq!(release_on(day(17)), day(24));
    }

    #[test]
    fn a_hold_is_renewed_the_day_before_it_lapses_while_still_needed() {
        let h = hold();
        let release = NaiveDate::from_ymd_opt(2027, 7, 20).unwrap();
        assert!(!h.needs_renewal(at(7, 8), release));
        assert!(h.needs_renewal(at(7, 9), release));
        // Not needed past its release day.
        let early = NaiveDate::from_ymd_opt(2027, 7, 8).unwrap();
        assert!(!h.needs_renewal(at(7, 9), early));
    }

    #[test]
    fn a_claim_takes_at_most_what_is_held_once() {
        let mut h = hold();
        let eur = |m| Money::new(m, Currency::EUR);
        assert_eq!(
            h.claim(eur(100_001), "broken window", at(2, 9)),
            Err(DepositError::ClaimExceedsHold { held: 100_000 })
        );
        assert!(h.claim(eur(0), "nothing", at(2, 9)).is_err());
        assert!(h.claim(eur(25_000), "broken window", at(2, 9)).is_ok());
        assert_eq!(h.captured, Some(eur(25_000)));
        assert_eq!(
            h.claim(eur(1), "again", at(2, 9)),
            Err(DepositError::NotHeld)
        );
        assert_eq!(h.release(at(3, 9)), Err(DepositError::NotHeld));
    }
}
