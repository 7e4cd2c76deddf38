//! The transaction as a port. A use case that must change several things all or nothing
//! (a reservation, its calendar hold, its outbox event, its idempotency key) begins a
//! [`Tx`] from a [`UnitOfWork`], hands it to the repositories that take part, and
//! commits it; dropping it uncommitted rolls everything back.
//!
//! A [`Tx`] is opaque to the application: only the adapter that began it knows what it
//! holds (a PostgreSQL transaction, or an in-memory copy of the state in tests), and a
//! repository of the same adapter reaches it with [`Tx::get`]. So the application never
//! names `sqlx`, and another context's published interface can join the transaction.

use std::any::Any;

use async_trait::async_trait;

use crate::AppError;

/// One business transaction in progress.
pub struct Tx {
    inner: Box<dyn Any + Send>,
}

impl std::fmt::Debug for Tx {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Tx")
    }
}

impl Tx {
    /// Wraps an adapter's transaction.
    pub fn new<T: Any + Send>(inner: T) -> Self {
        Self {
            inner: Box::new(inner),
        }
    }

    /// The adapter's transaction; an internal error when this `Tx` was begun by another
    /// adapter (a wiring mistake, never an input's fault).
    pub fn get<T: Any>(&mut self) -> Result<&mut T, AppError> {
        self.inner
            .downcast_mut::<T>()
            .ok_or_else(|| AppError::internal(wrong_adapter::<T>()))
    }

    /// Unwraps the adapter's transaction (to commit it).
    pub fn into_inner<T: Any>(self) -> Result<T, AppError> {
        self.inner
            .downcast::<T>()
            .map(|boxed| *boxed)
            .map_err(|_| AppError::internal(wrong_adapter::<T>()))
    }
}

fn wrong_adapter<T>() -> String {
    format!(
        "a transaction of another adapter was given where {} was expected",
        std::any::type_name::<T>()
    )
}

/// Begins and commits business transactions.
#[async_trait]
pub trait UnitOfWork: Send + Sync + 'static {
    /// Begins a transaction.
    async fn begin(&self) -> Result<Tx, AppError>;

    /// Commits `tx`: everything done in it becomes visible at once, or nothing does.
    async fn commit(&self, tx: Tx) -> Result<(), AppError>;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_tx_gives_back_what_its_adapter_put_in_and_refuses_another_kind() {
        let mut tx = Tx::new(41_u32);
        *tx.get::<u32>().unwrap_or(&mut 0) += 1;
        assert!(tx.get::<String>().is_err());
        assert_eq!(tx.into_inner::<u32>().ok(), Some(42));
    }
}
