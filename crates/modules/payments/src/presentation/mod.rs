//! The payments context's HTTP edge, nested by the app under `/api/v1`:
//!
//! | route | who | module |
//! |---|---|---|
//! | `POST /reservations/{id}/payments` | the guest who booked, staff | [`payments`] |
//! | `GET /reservations/{id}/payments` | the guest who booked, staff | [`payments`] |
//! | `POST /webhooks/builtin` | the built-in gateway (signed) | [`payments`] |
//! | `POST /webhooks/stripe` | Stripe (signed) | [`payments`] |
//! | `GET /reservations/{id}/invoices` | the guest who booked, staff | [`invoices`] |
//! | `GET /invoices/{id}` | the guest who booked, staff | [`invoices`] |
//! | `GET /invoices/{id}/pdf` | the guest who booked, staff | [`invoices`] |
//! | `GET /invoices` | staff | [`invoices`] |
//! | `GET /reservations/{id}/deposit` | the guest who booked, staff | [`deposits`] |
//! | `POST /reservations/{id}/refunds` | staff | [`payments`] |
//! | `POST /reservations/{id}/deposit/claims` | staff | [`deposits`] |
//! | `POST /reservations/{id}/deposit/photos` | staff | [`deposits`] |
//! | `GET /reservations/{id}/deposit/photos/{photo_id}` | the guest who booked, staff | [`deposits`] |
//! | `GET /ledger` | staff; an owner (their balance) | [`ledger`] |
//! | `GET /reservations/{id}/ledger` | staff | [`ledger`] |
//! | `GET /checkout/{reference}` | whoever holds the reference | [`checkout`] |
//! | `POST /checkout/{reference}/pay` | whoever holds the reference | [`checkout`] |
//! | `POST /checkout/{reference}/authenticate` | whoever holds the reference | [`checkout`] |

pub mod checkout;
pub mod deposits;
pub mod invoices;
pub mod ledger;
pub mod payments;

use std::sync::Arc;

use sejour_infrastructure::http::upload::upload_limit;
use utoipa_axum::{
    router::{OpenApiRouter, UtoipaMethodRouterExt},
    routes,
};

use crate::{application::Payments, infrastructure::builtin::BuiltinGateway};

/// What the handlers need.
#[derive(Clone)]
pub struct PaymentsState {
    /// The use cases.
    pub app: Arc<Payments>,
    /// The built-in gateway's checkout (the simulated provider's side).
    pub builtin: Arc<BuiltinGateway>,
    /// The largest photo accepted.
    pub max_upload_bytes: usize,
}

/// A reason a person gives (a claim, a gesture): trimmed, 1 to 500 characters; else a
/// 422 with `refused`.
fn required_reason(
    reason: &str,
    refused: sejour_core::FieldError,
) -> Result<&str, sejour_infrastructure::http::ApiError> {
    let reason = reason.trim();
    if reason.is_empty() || reason.chars().count() > 500 {
        return Err(sejour_core::AppError::validation(vec![refused]).into());
    }
    Ok(reason)
}

/// The routes, relative to `/api/v1` (photos up to `max_upload_bytes`).
pub fn routes(max_upload_bytes: usize) -> OpenApiRouter<PaymentsState> {
    OpenApiRouter::new()
        .routes(routes!(payments::list_payments, payments::request_payment))
        .routes(routes!(payments::refund_goodwill))
        .routes(routes!(payments::builtin_webhook))
        .routes(routes!(payments::stripe_webhook))
        .routes(routes!(invoices::list_invoices))
        .routes(routes!(invoices::get_invoice))
        .routes(routes!(invoices::get_invoice_pdf))
        .routes(routes!(invoices::invoice_register))
        .routes(routes!(deposits::get_deposit))
        .routes(routes!(deposits::claim_deposit))
        .routes(routes!(deposits::add_damage_photo).layer(upload_limit(max_upload_bytes)))
        .routes(routes!(deposits::get_damage_photo))
        .routes(routes!(ledger::ledger_balances))
        .routes(routes!(ledger::reservation_ledger))
        .routes(routes!(checkout::get_checkout))
        .routes(routes!(checkout::pay_checkout))
        .routes(routes!(checkout::authenticate_checkout))
}
