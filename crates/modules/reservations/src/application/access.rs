//! Who may see a reservation, and how much (DESIGN.md §4, object-level checks): staff
//! see everything; the guest who booked sees their own; an owner of the property sees
//! what they need (first name, number of guests, dates); anyone else gets 404.

use sejour_core::{Actor, AppError};
use uuid::Uuid;

use super::Reservations;
use crate::domain::Reservation;

/// How much of a reservation a caller sees.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum View {
    /// Staff, or the guest who booked: everything.
    Full,
    /// An owner of the property: the guest's first name, the number of guests, the dates
    /// and the status.
    Owner,
}

impl Reservations {
    /// The owner record the signed-in user stands for, when they have the role `owner`.
    pub(crate) async fn owner_of(&self, actor: &Actor) -> Result<Option<Uuid>, AppError> {
        self.owners.owner_of_actor(actor).await
    }

    /// What `actor` sees of `reservation`; 404 `reservation.not_found` when nothing.
    pub async fn view(&self, actor: &Actor, reservation: &Reservation) -> Result<View, AppError> {
        let Actor::User { id, role } = actor else {
            return Err(AppError::unauthenticated("Sign in to see reservations."));
        };
        if role.is_staff() || reservation.customer_id() == Some(*id) {
            return Ok(View::Full);
        }
        if let Some(owner) = self.owner_of(actor).await?
            && self
                .catalog
                .owners_of(reservation.property_id())
                .await?
                .contains(&owner)
        {
            return Ok(View::Owner);
        }
        Err(AppError::not_found("reservation"))
    }

    /// Staff, or the guest who booked; 404 for anyone else (an owner included: they may
    /// read, not act).
    pub(crate) async fn require_full(
        &self,
        actor: &Actor,
        reservation: &Reservation,
    ) -> Result<(), AppError> {
        match self.view(actor, reservation).await? {
            View::Full => Ok(()),
            View::Owner => Err(AppError::forbidden()),
        }
    }
}
