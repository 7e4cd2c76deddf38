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
    /// Legal identifiers as printed (legal form, capital, SIREN, VAT number), for a
    /// business.
    pub legal_id: Option<String>,
    /// Its SIREN (9 digits), for a French business.
    pub siren: Option<String>,
    /// Its intra-EU VAT number.
    pub vat_number: Option<String>,
    /// Address.
    pub address: String,
    /// The address's country (ISO 3166 alpha-2), when not France.
    pub country: Option<String>,
    /// Email.
    pub email: Option<String>,
}

impl From<Party> for PartyDto {
    fn from(p: Party) -> Self {
        Self {
            name: p.name,
            legal_id: p.legal_id,
            siren: p.siren,
            vat_number: p.vat_number,
            address: p.address,
            country: p.country,
            email: p.email,
        }
    }
}

/// An invoice (billing a guest's payment), a commission invoice (billing an owner the
/// agency's fee on a stay), or a credit note (crediting a refund, or a commission
/// lowered).
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct InvoiceDto {
    /// Id.
    pub id: Uuid,
    /// The number as printed, e.g. `F2027-000042` (invoices), `H2027-000007` (commission
    /// invoices) or `A2027-000003` (credit notes).
    pub reference: String,
    /// invoice, commission or credit_note.
    #[schema(value_type = InvoiceKindSchema)]
    pub kind: &'static str,
    /// The booking.
    pub reservation_id: Uuid,
    /// The owner billed (a commission invoice and its credit notes).
    pub owner_id: Option<Uuid>,
    /// The invoice a credit note corrects.
    pub corrects: Option<Uuid>,
    /// When it was issued.
    pub issued_at: DateTime<Utc>,
    /// The agency.
    pub seller: PartyDto,
    /// The guest, or the owner.
    pub buyer: PartyDto,
    /// What is billed or credited.
    pub description: String,
    /// The stay: first night.
    #[schema(value_type = String, format = Date)]
    pub service_from: NaiveDate,
    /// The stay: departure.
    #[schema(value_type = String, format = Date)]
    pub service_to: NaiveDate,
    /// How much, VAT included (positive; a credit note gives it back).
    #[schema(value_type = sejour_infrastructure::http::dto::MoneySchema)]
    pub amount: Money,
    /// Without VAT.
    #[schema(value_type = sejour_infrastructure::http::dto::MoneySchema)]
    pub net: Money,
    /// The VAT.
    #[schema(value_type = sejour_infrastructure::http::dto::MoneySchema)]
    pub vat: Money,
    /// The VAT rate, basis points (2000 = 20 %); 0 when exempt.
    pub vat_rate_bp: u32,
    /// The VAT wording (an exemption), empty when VAT is charged.
    pub vat_mention: String,
    /// When it is to be paid (an owner paid directly); none when paid already or taken
    /// from the owner's funds.
    #[schema(value_type = Option<String>, format = Date)]
    pub due_on: Option<NaiveDate>,
}

/// An invoice's kind.
#[derive(ToSchema)]
#[schema(as = InvoiceKind)]
#[allow(dead_code)]
pub enum InvoiceKindSchema {
    /// Bills a guest's payment.
    #[schema(rename = "invoice")]
    Invoice,
    /// Bills an owner the agency's commission.
    #[schema(rename = "commission")]
    Commission,
    /// Credits a refund.
    #[schema(rename = "credit_note")]
    CreditNote,
}

impl TryFrom<Invoice> for InvoiceDto {
    type Error = AppError;

    fn try_from(i: Invoice) -> Result<Self, AppError> {
        let reference = i.reference();
        let totals = i
            .draft
            .totals()
            .map_err(|e| AppError::internal(format!("invoice {reference}: {e}")))?;
        let d = i.draft;
        Ok(Self {
            id: d.id,
            reference,
            kind: d.kind.as_str(),
            reservation_id: d.reservation_id,
            owner_id: d.owner_id,
            corrects: d.corrects,
            issued_at: i.issued_at,
            seller: d.seller.into(),
            buyer: d.buyer.into(),
            description: d.description,
            service_from: d.service_from,
            service_to: d.service_to,
            amount: d.amount,
            net: totals.net,
            vat: totals.vat,
            vat_rate_bp: d.vat_rate_bp,
            vat_mention: d.vat_mention,
            due_on: d.due_on,
        })
    }
}

fn dtos(invoices: Vec<Invoice>) -> Result<Vec<InvoiceDto>, AppError> {
    invoices.into_iter().map(InvoiceDto::try_from).collect()
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
    Ok(Json(dtos(list(&state.app, &ctx, id).await?)?))
}

/// One invoice or credit note: its guest (or the owner billed) and staff only (404 for
/// anyone else).
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
    Ok(Json(get(&state.app, &ctx, id).await?.try_into()?))
}

/// The document as a PDF/A-3 file, French as the law asks (its guest or the owner billed,
/// and staff; 404 for anyone else), a Factur-X (EN 16931) for a business: rendered at its
/// first request, the same bytes after.
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
    /// invoice, commission or credit_note.
    #[param(value_type = Option<InvoiceKindSchema>)]
    pub kind: Option<String>,
}

/// The invoice register, newest first, by issue date and kind: every document for staff,
/// an owner's commission invoices and their credit notes for that owner.
#[utoipa::path(get, path = "/invoices", operation_id = "invoiceRegister", tag = "payments",
    params(RegisterParams, PageParams),
    security(("bearerAuth" = [])),
    responses(
        (status = 200, description = "A page of documents", body = Page<InvoiceDto>),
        (status = 400, description = "Bad parameters", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Neither staff nor an owner", body = Problem, content_type = "application/problem+json"),
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
                "kind is invoice, commission or credit_note.",
            ))
        })?),
    };
    let limit = page.limit()?;
    let filter = RegisterFilter {
        from: params.from,
        to: params.to,
        kind,
        owner_id: None,
        before: page.cursor()?,
        fetch: i64::from(limit) + 1,
    };
    let rows = register(&state.app, &ctx, filter).await?;
    let page = Page::from_overfetch(rows, limit, |i| (i.issued_at, i.draft.id));
    Ok(Json(Page {
        items: dtos(page.items)?,
        next_cursor: page.next_cursor,
    }))
}
