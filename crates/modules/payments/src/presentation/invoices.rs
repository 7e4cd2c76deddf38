//! A booking's invoices and credit notes.

use axum::extract::State;
use chrono::{DateTime, NaiveDate, Utc};
use sejour_core::value_objects::Money;
use sejour_infrastructure::http::{ApiError, Json, Path, RequestCtx, problem::Problem};
use serde::Serialize;
use utoipa::ToSchema;
use uuid::Uuid;

use super::PaymentsState;
use crate::{
    application::queries::list_invoices::{get_invoice as get, list_invoices as list},
    domain::{Invoice, Party},
};

/// A party named on an invoice.
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct PartyDto {
    /// Name.
    pub name: String,
    /// Legal identifiers (SIREN, legal form, capital, VAT number), for a business.
    pub legal_id: Option<String>,
    /// Address.
    pub address: String,
    /// Email.
    pub email: Option<String>,
}

impl From<Party> for PartyDto {
    fn from(p: Party) -> Self {
        Self {
            name: p.name,
            legal_id: p.legal_id,
            address: p.address,
            email: p.email,
        }
    }
}

/// An invoice (billing a payment) or a credit note (crediting a refund).
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct InvoiceDto {
    /// Id.
    pub id: Uuid,
    /// The number as printed, e.g. `F2027-000042` (invoices) or `A2027-000003` (credit notes).
    pub reference: String,
    /// invoice or credit_note.
    #[schema(value_type = InvoiceKindSchema)]
    pub kind: &'static str,
    /// The booking.
    pub reservation_id: Uuid,
    /// The invoice a credit note corrects.
    pub corrects: Option<Uuid>,
    /// When it was issued.
    pub issued_at: DateTime<Utc>,
    /// The agency.
    pub seller: PartyDto,
    /// The guest.
    pub buyer: PartyDto,
    /// What is billed or credited.
    pub description: String,
    /// The stay: first night.
    #[schema(value_type = String, format = Date)]
    pub service_from: NaiveDate,
    /// The stay: departure.
    #[schema(value_type = String, format = Date)]
    pub service_to: NaiveDate,
    /// How much (positive; a credit note gives it back).
    #[schema(value_type = sejour_infrastructure::http::dto::MoneySchema)]
    pub amount: Money,
    /// The VAT wording.
    pub vat_mention: String,
}

/// An invoice's kind.
#[derive(ToSchema)]
#[schema(as = InvoiceKind)]
#[allow(dead_code)]
pub enum InvoiceKindSchema {
    /// Bills a payment.
    #[schema(rename = "invoice")]
    Invoice,
    /// Credits a refund.
    #[schema(rename = "credit_note")]
    CreditNote,
}

impl From<Invoice> for InvoiceDto {
    fn from(i: Invoice) -> Self {
        let reference = i.reference();
        let d = i.draft;
        Self {
            id: d.id,
            reference,
            kind: d.kind.as_str(),
            reservation_id: d.reservation_id,
            corrects: d.corrects,
            issued_at: i.issued_at,
            seller: d.seller.into(),
            buyer: d.buyer.into(),
            description: d.description,
            service_from: d.service_from,
            service_to: d.service_to,
            amount: d.amount,
            vat_mention: d.vat_mention,
        }
    }
}

/// The booking's invoices and credit notes, in issue order: one invoice per payment, one
/// credit note per refund, numbered without gaps per series.
#[utoipa::path(get, path = "/reservations/{id}/invoices", operation_id = "listInvoices", tag = "payments",
    params(("id" = Uuid, Path, description = "The reservation")),
    security(("bearerAuth" = [])),
    responses(
        (status = 200, description = "Its documents", body = Vec<InvoiceDto>),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such reservation (or not yours)", body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn list_invoices(
    State(state): State<PaymentsState>,
    RequestCtx(ctx): RequestCtx,
    Path(id): Path<Uuid>,
) -> Result<Json<Vec<InvoiceDto>>, ApiError> {
    let invoices = list(&state.app, &ctx, id).await?;
    Ok(Json(invoices.into_iter().map(InvoiceDto::from).collect()))
}

/// One invoice or credit note: its guest and staff only (404 for anyone else).
#[utoipa::path(get, path = "/invoices/{id}", operation_id = "getInvoice", tag = "payments",
    params(("id" = Uuid, Path, description = "The invoice")),
    security(("bearerAuth" = [])),
    responses(
        (status = 200, description = "The document", body = InvoiceDto),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such invoice (or not yours)", body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn get_invoice(
    State(state): State<PaymentsState>,
    RequestCtx(ctx): RequestCtx,
    Path(id): Path<Uuid>,
) -> Result<Json<InvoiceDto>, ApiError> {
    Ok(Json(get(&state.app, &ctx, id).await?.into()))
}
