//! Cancellation policies and what a guest gets back when they cancel: shared vocabulary
//! (the reservations context applies the policy frozen on a booking), so it lives in the
//! shared kernel — `crates/core/src/value_objects/cancellation_policy.rs`, with the policy
//! table, the rounding rules and their tests. A property's rates name one policy.

pub use sejour_core::value_objects::CancellationPolicy;
