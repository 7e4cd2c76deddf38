//! Invoices and credit notes: an `Invoice` bills a payment the guest made (an advance on
//! the stay, or its balance), a credit note gives back part of one (a refund). Numbered at
//! issue in a gap-free chronological sequence per series — the store's to enforce — with
//! the mentions French law asks for (seller and buyer, date, what and when, amount, the
//! VAT wording).

use async_trait::async_trait;
use chrono::{DateTime, Datelike, NaiveDate, Utc};
use sejour_core::{AppError, value_objects::Money};
use uuid::Uuid;

/// What a document is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum InvoiceKind {
    /// Bills a payment.
    Invoice,
    /// Credits (part of) an invoice.
    CreditNote,
}

impl InvoiceKind {
    /// The stored name.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Invoice => "invoice",
            Self::CreditNote => "credit_note",
        }
    }

    /// Parses a stored name.
    pub fn parse(s: &str) -> Option<Self> {
        [Self::Invoice, Self::CreditNote]
            .into_iter()
            .find(|k| k.as_str() == s)
    }

    /// `SeriesPerKindAndYear`: invoices in `F<year>`, credit notes in `A<year>` (avoirs),
    /// each numbered from 1.
    pub fn series(self, issued_on: NaiveDate) -> String {
        let prefix = match self {
            Self::Invoice => 'F',
            Self::CreditNote => 'A',
        };
        format!("{prefix}{}", issued_on.year())
    }
}

/// A party named on an invoice.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Party {
    /// Name.
    pub name: String,
    /// Legal identifiers (SIREN, legal form, capital, VAT number), for a business.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub legal_id: Option<String>,
    /// Address, one line.
    pub address: String,
    /// Email.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
}

/// A document to issue: everything but its number and time.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InvoiceDraft {
    /// Id.
    pub id: Uuid,
    /// Invoice or credit note.
    pub kind: InvoiceKind,
    /// The booking.
    pub reservation_id: Uuid,
    /// The guest's account.
    pub customer_id: Option<Uuid>,
    /// The payment billed (an invoice).
    pub payment_id: Option<Uuid>,
    /// The refund credited (a credit note).
    pub refund_id: Option<Uuid>,
    /// The invoice a credit note corrects.
    pub corrects: Option<Uuid>,
    /// The agency.
    pub seller: Party,
    /// The guest.
    pub buyer: Party,
    /// What is billed.
    pub description: String,
    /// The stay: first night.
    pub service_from: NaiveDate,
    /// The stay: departure.
    pub service_to: NaiveDate,
    /// How much (positive; a credit note's sign is its kind).
    pub amount: Money,
    /// The VAT wording.
    pub vat_mention: String,
}

/// An issued document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Invoice {
    /// What was issued.
    pub draft: InvoiceDraft,
    /// Its series.
    pub series: String,
    /// Its number in the series, from 1, without gaps.
    pub number: i64,
    /// When.
    pub issued_at: DateTime<Utc>,
}

impl Invoice {
    /// The number as printed: `F2027-000042`.
    pub fn reference(&self) -> String {
        format!("{}-{:06}", self.series, self.number)
    }
}

/// `InvoiceArchive`: the printable document of an issued invoice or credit note (PDF/A),
/// rendered once and kept: the same bytes ever after.
#[async_trait]
pub trait InvoiceArchive: Send + Sync + 'static {
    /// The document of `invoice` (`corrects`: the reference of the invoice a credit note
    /// corrects).
    async fn pdf(&self, invoice: &Invoice, corrects: Option<String>) -> Result<Vec<u8>, AppError>;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_kind_has_its_series_per_year() {
        let day = NaiveDate::from_ymd_opt(2027, 1, 1).unwrap_or_default();
        assert_eq!(InvoiceKind::Invoice.series(day), "F2027");
        assert_eq!(InvoiceKind::CreditNote.series(day), "A2027");
        assert_eq!(
            InvoiceKind::parse("credit_note"),
            Some(InvoiceKind::CreditNote)
        );
    }
}
