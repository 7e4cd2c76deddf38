//! What other contexts may use of the administration context: the names its own audit
//! rows are recorded under (audit rows of events are named after the event's type).

/// The audit action of a dead letter replayed by an administrator.
pub const DEAD_LETTER_REPLAYED: &str = "admin.dead_letter_replayed";
/// The target type of that row (its target id is the delivery's id).
pub const DELIVERY: &str = "delivery";
