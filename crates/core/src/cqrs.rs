//! Commands change state and return at most an id; queries read and never write.
//!
//! Handlers are plain structs implementing [`CommandHandler`] or [`QueryHandler`],
//! wired in the composition root. There is no bus: a presentation handler calls the
//! application handler it needs directly.

use std::future::Future;

use crate::{AppError, Ctx};

/// An intent to change state.
pub trait Command: Send {
    /// What the command returns on success: `()` or the id of what it created.
    type Output: Send;
}

/// A request to read state.
pub trait Query: Send {
    /// What the query returns.
    type Output: Send;
}

/// Executes one kind of command.
pub trait CommandHandler<C: Command>: Send + Sync {
    /// Runs the command on behalf of `ctx.actor`.
    fn handle(
        &self,
        ctx: &Ctx,
        command: C,
    ) -> impl Future<Output = Result<C::Output, AppError>> + Send;
}

/// Answers one kind of query.
pub trait QueryHandler<Q: Query>: Send + Sync {
    /// Runs the query on behalf of `ctx.actor`.
    fn handle(
        &self,
        ctx: &Ctx,
        query: Q,
    ) -> impl Future<Output = Result<Q::Output, AppError>> + Send;
}
