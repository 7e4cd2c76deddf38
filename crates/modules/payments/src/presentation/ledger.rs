//! The ledger: account balances (the owners', the agency's revenue, the tourist tax due
//! per commune, the client funds) and a stay's entries.

use axum::extract::State;
use chrono::{DateTime, Utc};
use sejour_core::value_objects::Money;
use sejour_infrastructure::http::{ApiError, Json, Path, RequestCtx, problem::Problem};
use serde::Serialize;
use utoipa::ToSchema;
use uuid::Uuid;

use super::PaymentsState;
use crate::{
    application::queries::ledger::{ledger_balances as balances, reservation_ledger as entries},
    domain::{Account, AccountBalance, JournalEntry, Line},
};

/// A ledger account.
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct AccountDto {
    /// Its name: `client_funds`, `commission`, `fees`, `guest:<reservation>`,
    /// `owner:<owner>`, `tourist_tax:<commune>`.
    pub name: String,
    /// Its kind.
    #[schema(value_type = AccountKindSchema)]
    pub kind: &'static str,
    /// The owner, for an owner's account.
    pub owner_id: Option<Uuid>,
    /// The stay, for a guest's account.
    pub reservation_id: Option<Uuid>,
    /// The commune (INSEE code or postal code, then the city), for the tourist tax.
    pub commune: Option<String>,
}

impl From<Account> for AccountDto {
    fn from(a: Account) -> Self {
        let (owner_id, reservation_id, commune) = match &a {
            Account::Owner(id) => (Some(*id), None, None),
            Account::Guest(id) => (None, Some(*id), None),
            Account::TouristTax(commune) => (None, None, Some(commune.clone())),
            _ => (None, None, None),
        };
        Self {
            name: a.to_string(),
            kind: a.kind(),
            owner_id,
            reservation_id,
            commune,
        }
    }
}

/// A ledger account's kind.
#[derive(ToSchema)]
#[schema(as = LedgerAccountKind)]
#[allow(dead_code)]
pub enum AccountKindSchema {
    /// The agency's client (escrow) bank account: guests' money held under mandates.
    #[schema(rename = "client_funds")]
    ClientFunds,
    /// A stay's guest: what they paid and what it paid for; zero once settled.
    #[schema(rename = "guest")]
    Guest,
    /// The agency's current account with an owner: a credit is owed to the owner.
    #[schema(rename = "owner")]
    Owner,
    /// The agency's commission on rents.
    #[schema(rename = "commission")]
    Commission,
    /// Cleaning and extra-guest fees.
    #[schema(rename = "fees")]
    Fees,
    /// The payment provider's fees, borne by the agency.
    #[schema(rename = "card_fees")]
    CardFees,
    /// The tourist tax owed to a commune.
    #[schema(rename = "tourist_tax")]
    TouristTax,
}

/// An account's balance: debits minus credits (negative: a credit balance, such as
/// what is owed to an owner or a commune, or the agency's revenue).
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct BalanceDto {
    /// The account.
    pub account: AccountDto,
    /// Debits − credits.
    #[schema(value_type = sejour_infrastructure::http::dto::MoneySchema)]
    pub balance: Money,
}

impl From<AccountBalance> for BalanceDto {
    fn from(b: AccountBalance) -> Self {
        Self {
            account: b.account.into(),
            balance: b.balance,
        }
    }
}

/// A line of an entry.
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct LineDto {
    /// The account.
    pub account: AccountDto,
    /// A debit (positive) or a credit (negative).
    #[schema(value_type = sejour_infrastructure::http::dto::MoneySchema)]
    pub amount: Money,
}

/// A balanced journal entry.
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct EntryDto {
    /// Id.
    pub id: Uuid,
    /// payment, refund or settlement.
    #[schema(value_type = LedgerEntryKindSchema)]
    pub kind: &'static str,
    /// What caused it (`payment:<id>`, `refund:<id>`, `settlement:<reservation>:<n>`).
    pub source: String,
    /// When it was posted.
    pub occurred_at: DateTime<Utc>,
    /// Its lines, summing to zero.
    pub lines: Vec<LineDto>,
}

/// A ledger entry's kind.
#[derive(ToSchema)]
#[schema(as = LedgerEntryKind)]
#[allow(dead_code)]
pub enum LedgerEntryKindSchema {
    /// A guest's payment received.
    #[schema(rename = "payment")]
    Payment,
    /// A refund to the guest.
    #[schema(rename = "refund")]
    Refund,
    /// A stay's money shared out.
    #[schema(rename = "settlement")]
    Settlement,
}

impl From<JournalEntry> for EntryDto {
    fn from(e: JournalEntry) -> Self {
        Self {
            id: e.id,
            kind: e.kind.as_str(),
            source: e.source,
            occurred_at: e.occurred_at,
            lines: e
                .lines
                .into_iter()
                .map(|Line { account, amount }| LineDto {
                    account: account.into(),
                    amount,
                })
                .collect(),
        }
    }
}

/// The ledger's balances: every account for staff, their own for an owner.
#[utoipa::path(get, path = "/ledger", operation_id = "ledgerBalances", tag = "payments",
    security(("bearerAuth" = [])),
    responses(
        (status = 200, description = "Non-zero balances, by account", body = Vec<BalanceDto>),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Neither staff nor an owner", body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn ledger_balances(
    State(state): State<PaymentsState>,
    RequestCtx(ctx): RequestCtx,
) -> Result<Json<Vec<BalanceDto>>, ApiError> {
    let balances = balances(&state.app, &ctx).await?;
    Ok(Json(balances.into_iter().map(BalanceDto::from).collect()))
}

/// A stay's ledger entries in posting order (staff).
#[utoipa::path(get, path = "/reservations/{id}/ledger", operation_id = "reservationLedger", tag = "payments",
    params(("id" = Uuid, Path, description = "The reservation")),
    security(("bearerAuth" = [])),
    responses(
        (status = 200, description = "Its entries", body = Vec<EntryDto>),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Not staff", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such reservation", body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn reservation_ledger(
    State(state): State<PaymentsState>,
    RequestCtx(ctx): RequestCtx,
    Path(id): Path<Uuid>,
) -> Result<Json<Vec<EntryDto>>, ApiError> {
    let entries = entries(&state.app, &ctx, id).await?;
    Ok(Json(entries.into_iter().map(EntryDto::from).collect()))
}
