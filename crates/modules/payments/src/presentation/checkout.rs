//! The built-in gateway's checkout, as a provider's hosted page would offer it: read the
//! checkout, pay it with a test card, approve the second step. The web app's
//! `/checkout/{reference}` page calls these; the reference (random, 43 characters) is
//! the capability, as a provider's checkout link is. Each final outcome is notified to
//! the platform as a signed webhook, received on the same path as a provider's.

use axum::extract::State;
use sejour_core::{Ctx, value_objects::Money};
use sejour_infrastructure::http::{ApiError, Json, Path, problem::Problem};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::PaymentsState;
use crate::{
    application::commands::receive_gateway_event::{
        ReceiveGatewayEventCommand, receive_gateway_event,
    },
    infrastructure::builtin::{BUILTIN, BuiltinCheckout, Notification},
};

/// A checkout of the built-in gateway.
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct CheckoutDto {
    /// Its reference.
    pub reference: String,
    /// How much.
    #[schema(value_type = sejour_infrastructure::http::dto::MoneySchema)]
    pub amount: Money,
    /// What is paid.
    pub description: String,
    /// open, requires_action, succeeded or failed.
    #[schema(value_type = CheckoutStatus)]
    pub status: String,
    /// Where the guest goes back.
    pub return_url: String,
}

/// Where a checkout stands.
#[derive(ToSchema)]
#[allow(dead_code)]
pub enum CheckoutStatus {
    /// Waiting for a card.
    #[schema(rename = "open")]
    Open,
    /// Waiting for the bank's approval.
    #[schema(rename = "requires_action")]
    RequiresAction,
    /// Paid.
    #[schema(rename = "succeeded")]
    Succeeded,
    /// Declined.
    #[schema(rename = "failed")]
    Failed,
}

impl From<BuiltinCheckout> for CheckoutDto {
    fn from(c: BuiltinCheckout) -> Self {
        Self {
            reference: c.reference,
            amount: c.amount,
            description: c.description,
            status: c.status,
            return_url: c.return_url,
        }
    }
}

/// A card to pay with.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct PayCheckoutRequest {
    /// The card number (spaces allowed), e.g. the test card `4242 4242 4242 4242`.
    #[schema(pattern = r"^[0-9 -]{12,23}$", example = "4242 4242 4242 4242")]
    pub card_number: String,
    /// The guest agrees to keep the card for the booking: the balance charged on its
    /// date and the security deposit held before arrival.
    #[serde(default)]
    pub save_card: bool,
}

/// The bank's answer to the second step.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct AuthenticateCheckoutRequest {
    /// Whether the guest approves the payment.
    pub approve: bool,
}

/// The checkout `reference`.
#[utoipa::path(get, path = "/checkout/{reference}", operation_id = "getCheckout", tag = "payments",
    params(("reference" = String, Path, description = "The checkout's reference")),
    responses(
        (status = 200, description = "The checkout", body = CheckoutDto),
        (status = 404, description = "No such checkout", body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn get_checkout(
    State(state): State<PaymentsState>,
    Path(reference): Path<String>,
) -> Result<Json<CheckoutDto>, ApiError> {
    Ok(Json(state.builtin.checkout(&reference).await?.into()))
}

/// Delivers the gateway's notification to the platform, on the webhook's path.
async fn notify(state: &PaymentsState, notification: Option<Notification>) -> Result<(), ApiError> {
    if let Some(n) = notification {
        let ctx = Ctx::system(
            "payments.builtin_webhook",
            state.app.ids.new_id().to_string(),
        );
        let command = ReceiveGatewayEventCommand {
            provider: BUILTIN,
            signature: &n.signature,
            body: &n.body,
        };
        receive_gateway_event(&state.app, &ctx, command).await?;
    }
    Ok(())
}

/// Pays the checkout with a card: `succeeded`, `failed` (declined), or
/// `requires_action` (approve it with `/authenticate`).
#[utoipa::path(post, path = "/checkout/{reference}/pay", operation_id = "payCheckout", tag = "payments",
    params(("reference" = String, Path, description = "The checkout's reference")),
    request_body = PayCheckoutRequest,
    responses(
        (status = 200, description = "The checkout after the attempt", body = CheckoutDto),
        (status = 404, description = "No such checkout", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "Already paid or declined (`checkout.closed`)", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Not a card number (`checkout.invalid_card`)", body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn pay_checkout(
    State(state): State<PaymentsState>,
    Path(reference): Path<String>,
    Json(body): Json<PayCheckoutRequest>,
) -> Result<Json<CheckoutDto>, ApiError> {
    let (checkout, notification) = state
        .builtin
        .pay(&reference, &body.card_number, body.save_card)
        .await?;
    notify(&state, notification).await?;
    Ok(Json(checkout.into()))
}

/// Approves (or refuses) a checkout waiting for the second step.
#[utoipa::path(post, path = "/checkout/{reference}/authenticate", operation_id = "authenticateCheckout", tag = "payments",
    params(("reference" = String, Path, description = "The checkout's reference")),
    request_body = AuthenticateCheckoutRequest,
    responses(
        (status = 200, description = "The checkout after the answer", body = CheckoutDto),
        (status = 404, description = "No such checkout", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "Not waiting for a second step (`checkout.closed`)", body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn authenticate_checkout(
    State(state): State<PaymentsState>,
    Path(reference): Path<String>,
    Json(body): Json<AuthenticateCheckoutRequest>,
) -> Result<Json<CheckoutDto>, ApiError> {
    let (checkout, notification) = state.builtin.authenticate(&reference, body.approve).await?;
    notify(&state, notification).await?;
    Ok(Json(checkout.into()))
}
