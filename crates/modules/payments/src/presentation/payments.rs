//! A reservation's payments, a commercial gesture's refunds, and the built-in gateway's
//! webhook.

use axum::{
    body::Bytes,
    extract::State,
    http::{HeaderMap, StatusCode},
};
use chrono::{DateTime, Utc};
use sejour_core::{
    AppError, Ctx,
    value_objects::{InstallmentKind, Money},
};
use sejour_infrastructure::http::{ApiError, Json, Path, RequestCtx, problem::Problem};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use uuid::Uuid;

use super::{PaymentsState, required_reason};
use crate::{
    application::{
        commands::{
            receive_gateway_event::{ReceiveGatewayEventCommand, receive_gateway_event},
            refund_goodwill::{RefundGoodwillCommand, refund_goodwill as goodwill},
            request_payment::{RequestPaymentCommand, request_payment as request},
        },
        queries::list_payments::list_payments as list,
    },
    domain::{Payment, Refund, RefundStatus},
    infrastructure::{builtin::BUILTIN, stripe::STRIPE},
};

/// The header carrying the built-in gateway's signature (Stripe's scheme).
pub const SIGNATURE_HEADER: &str = "sejour-signature";

/// A payment of an installment.
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct PaymentDto {
    /// Id.
    pub id: Uuid,
    /// The reservation.
    pub reservation_id: Uuid,
    /// The installment paid: deposit, balance or fullPayment.
    #[schema(value_type = sejour_infrastructure::http::pricing::InstallmentKindSchema)]
    pub kind: InstallmentKind,
    /// How much.
    #[schema(value_type = sejour_infrastructure::http::dto::MoneySchema)]
    pub amount: Money,
    /// pending, succeeded or failed.
    #[schema(value_type = PaymentStatusSchema)]
    pub status: &'static str,
    /// The gateway.
    pub provider: String,
    /// Where the guest pays while pending: an absolute URL, or a path of the web app
    /// (the built-in gateway's `/checkout/{reference}`).
    pub checkout_url: Option<String>,
    /// Why it failed.
    pub failure: Option<String>,
    /// What has been given back of it (a cancellation's refund).
    #[schema(value_type = sejour_infrastructure::http::dto::MoneySchema)]
    pub refunded: Money,
    /// Created.
    pub created_at: DateTime<Utc>,
    /// Last changed.
    pub updated_at: DateTime<Utc>,
}

/// A payment's status.
#[derive(ToSchema)]
#[allow(dead_code)]
pub enum PaymentStatusSchema {
    /// At the checkout.
    #[schema(rename = "pending")]
    Pending,
    /// Paid.
    #[schema(rename = "succeeded")]
    Succeeded,
    /// Declined.
    #[schema(rename = "failed")]
    Failed,
}

impl PaymentDto {
    /// The payment with what `refunds` gave back of it.
    fn new(p: Payment, refunds: &[Refund]) -> Self {
        let refunded = refunds
            .iter()
            .filter(|r| r.payment_id == p.id && r.status == RefundStatus::Succeeded)
            .map(|r| r.amount.amount_minor())
            .sum();
        Self {
            refunded: Money::new(refunded, p.amount.currency()),
            id: p.id,
            reservation_id: p.reservation_id,
            kind: p.kind,
            amount: p.amount,
            status: p.status.as_str(),
            provider: p.provider,
            checkout_url: p
                .checkout_url
                .filter(|_| p.status == crate::domain::PaymentStatus::Pending),
            failure: p.failure,
            created_at: p.created_at,
            updated_at: p.updated_at,
        }
    }
}

/// What to pay.
#[derive(Debug, Default, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct RequestPaymentRequest {
    /// Where the gateway sends the guest back: a path of the web app (`/fr/account/...`)
    /// or an http(s) URL; default `/`.
    #[schema(pattern = r"^(/[^\x00]*|https?://[^\x00]+)$", max_length = 2000)]
    pub return_url: Option<String>,
    /// The guest agrees that the card they pay with be kept for the booking: the balance
    /// charged on its date and the security deposit held before arrival, without them.
    /// Default `false` (the built-in checkout page also asks); a payment already waiting
    /// at its checkout keeps what was asked for it.
    #[serde(default)]
    pub save_card: bool,
}

/// Pays the next installment of the reservation's schedule: the deposit first, then the
/// balance from its date. Answers the payment with its `checkoutUrl`, where the guest
/// pays: 201 for a new one; 200 for the installment's payment already waiting at its
/// checkout (a retry or another tab pays once).
#[utoipa::path(post, path = "/reservations/{id}/payments", operation_id = "requestPayment", tag = "payments",
    params(("id" = Uuid, Path, description = "The reservation")),
    request_body = RequestPaymentRequest,
    security(("bearerAuth" = [])),
    responses(
        (status = 201, description = "A new payment, pending at its checkout", body = PaymentDto),
        (status = 200, description = "The installment's payment already pending", body = PaymentDto),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such reservation (or not yours)", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "Cancelled or completed (`payment.not_payable`), or all paid (`payment.nothing_due`)", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "The next installment may not be asked for yet (`payment.too_early`), or a bad `returnUrl`", body = Problem, content_type = "application/problem+json"),
        (status = 503, description = "The payment provider failed; try again", body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn request_payment(
    State(state): State<PaymentsState>,
    RequestCtx(ctx): RequestCtx,
    Path(id): Path<Uuid>,
    Json(body): Json<RequestPaymentRequest>,
) -> Result<(StatusCode, Json<PaymentDto>), ApiError> {
    let return_url = body.return_url.unwrap_or_else(|| "/".to_owned());
    let valid = return_url.len() <= 2000
        && !return_url.contains('\0')
        && ((return_url.starts_with('/') && !return_url.starts_with("//"))
            || return_url.starts_with("https://")
            || return_url.starts_with("http://"));
    if !valid {
        return Err(AppError::validation(vec![sejour_core::FieldError::new(
            "returnUrl",
            "payment.invalid_return_url",
            "returnUrl is a path of the site or an http(s) URL.",
        )])
        .into());
    }
    let (payment, new) = request(
        &state.app,
        &ctx,
        RequestPaymentCommand {
            reservation_id: id,
            return_url,
            off_session: false,
            save_card: body.save_card,
        },
    )
    .await?;
    let status = if new {
        StatusCode::CREATED
    } else {
        StatusCode::OK
    };
    Ok((status, Json(PaymentDto::new(payment, &[]))))
}

/// The reservation's payments, oldest first, each with what was refunded of it.
#[utoipa::path(get, path = "/reservations/{id}/payments", operation_id = "listPayments", tag = "payments",
    params(("id" = Uuid, Path, description = "The reservation")),
    security(("bearerAuth" = [])),
    responses(
        (status = 200, description = "Its payments", body = Vec<PaymentDto>),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such reservation (or not yours)", body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn list_payments(
    State(state): State<PaymentsState>,
    RequestCtx(ctx): RequestCtx,
    Path(id): Path<Uuid>,
) -> Result<Json<Vec<PaymentDto>>, ApiError> {
    let (payments, refunds) = list(&state.app, &ctx, id).await?;
    Ok(Json(
        payments
            .into_iter()
            .map(|p| PaymentDto::new(p, &refunds))
            .collect(),
    ))
}

/// The built-in gateway's notifications, signed as Stripe signs its webhooks in the
/// `Sejour-Signature` header (`t=…,v1=…`, HMAC-SHA256 of `t.body`, 300 s tolerance). Each
/// event takes effect once. 400 `payment.invalid_signature` (nothing changes) or
/// `payment.invalid_event`.
#[utoipa::path(post, path = "/webhooks/builtin", operation_id = "receiveBuiltinWebhook", tag = "payments",
    params(("Sejour-Signature" = String, Header, pattern = "^t=[0-9]+,.+$", description = "`t=<unix>,v1=<hex HMAC-SHA256>`")),
    request_body(content = String, content_type = "application/json", description = "The event, as signed"),
    responses(
        (status = 204, description = "Received (or already received)"),
        (status = 400, description = "Bad signature or event", body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn builtin_webhook(
    State(state): State<PaymentsState>,
    headers: HeaderMap,
    body: Bytes,
) -> Result<StatusCode, ApiError> {
    receive(&state, BUILTIN, &headers, SIGNATURE_HEADER, &body).await
}

/// Receives the notification in `body` signed in header `header` from `provider`.
async fn receive(
    state: &PaymentsState,
    provider: &str,
    headers: &HeaderMap,
    header: &str,
    body: &[u8],
) -> Result<StatusCode, ApiError> {
    let signature = headers
        .get(header)
        .and_then(|v| v.to_str().ok())
        .filter(|s| !s.is_empty())
        .ok_or_else(|| {
            AppError::bad_request(
                "payment.invalid_signature",
                format!("The {header} header is missing."),
            )
        })?;
    let ctx = Ctx::system(provider, state.app.ids.new_id().to_string());
    let command = ReceiveGatewayEventCommand {
        provider,
        signature,
        body,
    };
    receive_gateway_event(&state.app, &ctx, command).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Stripe's webhooks (`checkout.session.completed`, `…async_payment_succeeded`,
/// `…async_payment_failed`, `…expired`), verified as Stripe specifies: `Stripe-Signature`
/// over the raw body, every `v1`, 300 s tolerance, constant time; each event once. 404
/// when Stripe is not configured; 400 `payment.invalid_signature` (nothing changes).
#[utoipa::path(post, path = "/webhooks/stripe", operation_id = "receiveStripeWebhook", tag = "payments",
    params(("Stripe-Signature" = String, Header, pattern = "^t=[0-9]+,.+$", description = "`t=<unix>,v1=<hex HMAC-SHA256>`")),
    request_body(content = String, content_type = "application/json", description = "The event, as signed"),
    responses(
        (status = 204, description = "Received (or already received)"),
        (status = 400, description = "Bad signature or event", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "Stripe is not configured", body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn stripe_webhook(
    State(state): State<PaymentsState>,
    headers: HeaderMap,
    body: Bytes,
) -> Result<StatusCode, ApiError> {
    receive(&state, STRIPE, &headers, "stripe-signature", &body).await
}

/// A refund: a share of a cancellation's, a late payment given back, or of a commercial
/// gesture.
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct RefundDto {
    /// Id.
    pub id: Uuid,
    /// The payment it gives back (part of).
    pub payment_id: Uuid,
    /// cancellation, late_payment or goodwill.
    #[schema(value_type = RefundReasonSchema)]
    pub reason: &'static str,
    /// How much.
    #[schema(value_type = sejour_infrastructure::http::dto::MoneySchema)]
    pub amount: Money,
    /// pending, succeeded or failed.
    #[schema(value_type = PaymentStatusSchema)]
    pub status: &'static str,
    /// What a gesture is for.
    pub note: Option<String>,
    /// Created.
    pub created_at: DateTime<Utc>,
}

/// Why money went back.
#[derive(ToSchema)]
#[schema(as = RefundReason)]
#[allow(dead_code)]
pub enum RefundReasonSchema {
    /// The booking was cancelled: what its policy refunds.
    #[schema(rename = "cancellation")]
    Cancellation,
    /// Paid after the booking was cancelled: all of it.
    #[schema(rename = "late_payment")]
    LatePayment,
    /// A commercial gesture of the agency.
    #[schema(rename = "goodwill")]
    Goodwill,
}

impl From<Refund> for RefundDto {
    fn from(r: Refund) -> Self {
        Self {
            id: r.id,
            payment_id: r.payment_id,
            reason: r.reason.as_str(),
            amount: r.amount,
            status: r.status.as_str(),
            note: r.note,
            created_at: r.created_at,
        }
    }
}

/// A commercial gesture: part of what the guest paid given back.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct GoodwillRefundRequest {
    /// Made once by the client for this gesture: a retry with it gives nothing more.
    pub request_id: Uuid,
    /// How much (at most what was paid and not given back yet).
    #[schema(value_type = sejour_infrastructure::http::dto::MoneySchema)]
    pub amount: Money,
    /// What for: on the credit note, kept in the audit trail.
    #[schema(min_length = 1, max_length = 500, pattern = r"\S")]
    pub reason: String,
}

/// A commercial gesture (staff): part of what the guest paid goes back through the
/// payments' gateways, the latest payment first, with a credit note for each share; once
/// per `requestId`. Answers the booking's refunds.
#[utoipa::path(post, path = "/reservations/{id}/refunds", operation_id = "refundGoodwill", tag = "payments",
    params(("id" = Uuid, Path, description = "The reservation")),
    request_body = GoodwillRefundRequest,
    security(("bearerAuth" = [])),
    responses(
        (status = 200, description = "The booking's refunds", body = Vec<RefundDto>),
        (status = 400, description = "Malformed body", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Not staff", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such reservation", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Nothing, or more than was paid (`payment.refund_exceeds_paid`), or no reason (`payment.reason_required`)", body = Problem, content_type = "application/problem+json"),
        (status = 503, description = "The payment provider failed (asking again sends it)", body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn refund_goodwill(
    State(state): State<PaymentsState>,
    RequestCtx(ctx): RequestCtx,
    Path(id): Path<Uuid>,
    Json(body): Json<GoodwillRefundRequest>,
) -> Result<Json<Vec<RefundDto>>, ApiError> {
    let note = required_reason(
        &body.reason,
        sejour_core::FieldError::new(
            "reason",
            "payment.reason_required",
            "Say what the gesture is for (500 characters at most).",
        ),
    )?;
    let command = RefundGoodwillCommand {
        reservation_id: id,
        request_id: body.request_id,
        amount: body.amount,
        note: note.to_owned(),
    };
    let refunds = goodwill(&state.app, &ctx, command).await?;
    Ok(Json(refunds.into_iter().map(RefundDto::from).collect()))
}
