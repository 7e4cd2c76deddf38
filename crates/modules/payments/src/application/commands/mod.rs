//! The commands.

pub mod hold_deposits;
pub mod issue_invoice;
pub mod keep_damage_photo;
pub mod post_to_ledger;
pub mod receive_gateway_event;
pub mod refund_cancellation;
pub mod refund_goodwill;
pub mod request_balances;
pub mod request_payment;
