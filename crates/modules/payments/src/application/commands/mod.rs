//! The commands.

pub mod receive_gateway_event;
pub mod request_payment;
