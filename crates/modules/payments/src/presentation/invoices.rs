//! A booking's invoices and credit notes, and the register of all of them.

use axum::{
    body::Body,
    extract::State,
    http::header,
    response::{IntoResponse, Response},
};
use chrono::{DateTime, NaiveDate, Utc};
use sejour_core::{AppError, value_objects::Money};
use sejour_infrastructure::http::{
    ApiError, Json, Page, PageParams, Path, Query, RequestCtx, problem::Problem,
};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;

use super::PaymentsState;
use crate::{
    application::queries::list_invoices::{
        get_invoice as get, invoice_pdf as pdf, invoice_register as register, list_invoices as list,
    },
    domain::{Invoice, InvoiceKind, Party, RegisterFilter},
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

/// The document as a PDF/A file, French as the law asks (its guest and staff; 404 for
/// anyone else): rendered at its first request, the same bytes after.
#[utoipa::path(get, path = "/invoices/{id}/pdf", operation_id = "getInvoicePdf", tag = "payments",
    params(("id" = Uuid, Path, description = "The invoice")),
    security(("bearerAuth" = [])),
    responses(
        (status = 200, description = "The PDF", content_type = "application/pdf"),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such invoice (or not yours)", body = Problem, content_type = "application/problem+json"),
        (status = 503, description = "The object storage failed", body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn get_invoice_pdf(
    State(state): State<PaymentsState>,
    RequestCtx(ctx): RequestCtx,
    Path(id): Path<Uuid>,
) -> Result<Response, ApiError> {
    let (invoice, bytes) = pdf(&state.app, &ctx, id).await?;
    Ok((
        [
            (header::CONTENT_TYPE, "application/pdf".to_owned()),
            (
                header::CONTENT_DISPOSITION,
                format!("inline; filename=\"{}.pdf\"", invoice.reference()),
            ),
            (header::CACHE_CONTROL, "private, no-store".to_owned()),
        ],
        Body::from(bytes),
    )
        .into_response())
}

/// Filters of the invoice register.
#[derive(Debug, Deserialize, IntoParams)]
#[serde(rename_all = "camelCase")]
#[into_params(parameter_in = Query)]
pub struct RegisterParams {
    /// Issued on or after this day (UTC).
    #[param(value_type = Option<String>, format = Date, pattern = "^[0-9]{4}-[0-9]{2}-[0-9]{2}$", example = "2027-01-01")]
    pub from: Option<NaiveDate>,
    /// Issued before this day (UTC).
    #[param(value_type = Option<String>, format = Date, pattern = "^[0-9]{4}-[0-9]{2}-[0-9]{2}$", example = "2028-01-01")]
    pub to: Option<NaiveDate>,
    /// invoice or credit_note.
    #[param(value_type = Option<InvoiceKindSchema>)]
    pub kind: Option<String>,
}

/// The invoice register (staff): every invoice and credit note, newest first, by issue
/// date and kind.
#[utoipa::path(get, path = "/invoices", operation_id = "invoiceRegister", tag = "payments",
    params(RegisterParams, PageParams),
    security(("bearerAuth" = [])),
    responses(
        (status = 200, description = "A page of documents", body = Page<InvoiceDto>),
        (status = 400, description = "Bad parameters", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Not staff", body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn invoice_register(
    State(state): State<PaymentsState>,
    RequestCtx(ctx): RequestCtx,
    Query(params): Query<RegisterParams>,
    Query(page): Query<PageParams>,
) -> Result<Json<Page<InvoiceDto>>, ApiError> {
    let kind = match params.kind.as_deref() {
        None => None,
        Some(k) => Some(InvoiceKind::parse(k).ok_or_else(|| {
            ApiError::from(AppError::bad_request(
                "request.invalid_query",
                "kind is invoice or credit_note.",
            ))
        })?),
    };
    let limit = page.limit()?;
    let filter = RegisterFilter {
        from: params.from,
        to: params.to,
        kind,
        before: page.cursor()?,
        fetch: i64::from(limit) + 1,
    };
    let rows = register(&state.app, &ctx, filter).await?;
    Ok(Json(
        Page::from_overfetch(rows, limit, |i| (i.issued_at, i.draft.id)).map(InvoiceDto::from),
    ))
}
