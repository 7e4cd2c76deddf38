//! Invoices and credit notes: an `Invoice` bills a payment the guest made (an advance on
//! the stay, or its balance), a `Commission` invoice bills an owner the agency's fee on
//! the rent of a settled stay, a credit note gives back part of either (a refund, a
//! commission lowered by a later refund). Numbered at issue in a gap-free chronological
//! sequence per series — the store's to enforce — with the mentions French law asks for
//! (seller and buyer, their SIREN and VAT numbers, date, what and when, net, VAT per rate
//! or the exemption wording, total, due date and late-payment terms for a business).

use async_trait::async_trait;
use chrono::{DateTime, Datelike, NaiveDate, Utc};
use sejour_core::{
    AppError,
    value_objects::{Money, MoneyError},
};
use uuid::Uuid;

/// What a document is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum InvoiceKind {
    /// Bills a guest's payment.
    Invoice,
    /// Bills an owner the agency's commission on a stay's rent.
    Commission,
    /// Credits (part of) an invoice or a commission invoice.
    CreditNote,
}

impl InvoiceKind {
    /// The stored name.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Invoice => "invoice",
            Self::Commission => "commission",
            Self::CreditNote => "credit_note",
        }
    }

    /// Parses a stored name.
    pub fn parse(s: &str) -> Option<Self> {
        [Self::Invoice, Self::Commission, Self::CreditNote]
            .into_iter()
            .find(|k| k.as_str() == s)
    }

    /// `SeriesPerKindAndYear`: guests' invoices in `F<year>`, commission invoices in
    /// `H<year>` (honoraires), credit notes in `A<year>` (avoirs), each numbered from 1.
    pub fn series(self, issued_on: NaiveDate) -> String {
        let prefix = match self {
            Self::Invoice => 'F',
            Self::Commission => 'H',
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
    /// Legal identifiers as printed (legal form, capital, SIREN, VAT number), for a
    /// business.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub legal_id: Option<String>,
    /// Its SIREN (9 digits), for a French business: what makes it a business buyer
    /// (Factur-X, late-payment terms).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub siren: Option<String>,
    /// Its intra-EU VAT number.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub vat_number: Option<String>,
    /// Address, one line.
    pub address: String,
    /// The address's country (ISO 3166 alpha-2); France when none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub country: Option<String>,
    /// Email.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
}

impl Party {
    /// Whether it is a business (it has a SIREN).
    pub fn is_business(&self) -> bool {
        self.siren.is_some()
    }
}

/// A document to issue: everything but its number and time.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InvoiceDraft {
    /// Id.
    pub id: Uuid,
    /// Invoice, commission invoice or credit note.
    pub kind: InvoiceKind,
    /// The booking.
    pub reservation_id: Uuid,
    /// The guest's account (a guest's documents).
    pub customer_id: Option<Uuid>,
    /// The owner billed (a commission invoice and its credit notes).
    pub owner_id: Option<Uuid>,
    /// The payment billed (an invoice).
    pub payment_id: Option<Uuid>,
    /// The refund credited (a guest's credit note).
    pub refund_id: Option<Uuid>,
    /// The settlement of the stay behind a commission invoice or its credit note.
    pub ledger_entry_id: Option<Uuid>,
    /// The invoice a credit note corrects.
    pub corrects: Option<Uuid>,
    /// The agency.
    pub seller: Party,
    /// The guest, or the owner.
    pub buyer: Party,
    /// What is billed.
    pub description: String,
    /// The stay: first night.
    pub service_from: NaiveDate,
    /// The stay: departure.
    pub service_to: NaiveDate,
    /// How much, VAT included (positive; a credit note's sign is its kind).
    pub amount: Money,
    /// The VAT rate in basis points (2000 = 20 %); 0 when exempt, `vat_mention` saying why.
    pub vat_rate_bp: u32,
    /// The VAT wording (an exemption).
    pub vat_mention: String,
    /// When it is to be paid; none when it is paid already (acquittée) or settled from
    /// the owner's funds.
    pub due_on: Option<NaiveDate>,
}

/// `1550` basis points as `15,5` (a rate the French way, without its `%`).
pub fn french_percent(bp: u32) -> String {
    let (whole, cents) = (bp / 100, bp % 100);
    if cents == 0 {
        whole.to_string()
    } else {
        format!("{whole},{cents:02}")
            .trim_end_matches('0')
            .to_owned()
    }
}

/// An amount split into net and VAT.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Totals {
    /// Without VAT (HT).
    pub net: Money,
    /// The VAT.
    pub vat: Money,
    /// With VAT (TTC).
    pub gross: Money,
}

impl InvoiceDraft {
    /// Its amount split at its VAT rate: the net rounded half up, the VAT the rest (so
    /// that net + VAT is exactly the amount).
    pub fn totals(&self) -> Result<Totals, MoneyError> {
        let gross = self.amount;
        let rate = i128::from(self.vat_rate_bp);
        let scaled = i128::from(gross.amount_minor()) * 10_000;
        let whole = 10_000 + rate;
        let net =
            i64::try_from((2 * scaled + whole) / (2 * whole)).map_err(|_| MoneyError::Overflow)?;
        let net = Money::new(net, gross.currency());
        Ok(Totals {
            net,
            vat: gross.checked_sub(net)?,
            gross,
        })
    }
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
        assert_eq!(InvoiceKind::Commission.series(day), "H2027");
        assert_eq!(french_percent(2_000), "20");
        assert_eq!(french_percent(1_550), "15,5");
        assert_eq!(french_percent(5), "0,05");
        assert_eq!(
            InvoiceKind::parse("credit_note"),
            Some(InvoiceKind::CreditNote)
        );
    }

    #[test]
    fn a_total_splits_into_net_and_vat_to_the_cent() {
        let draft = |minor, vat_rate_bp| InvoiceDraft {
            id: Uuid::nil(),
            kind: InvoiceKind::Commission,
            reservation_id: Uuid::nil(),
            customer_id: None,
            owner_id: None,
            payment_id: None,
            refund_id: None,
            ledger_entry_id: None,
            corrects: None,
            seller: Party {
                name: "A".into(),
                legal_id: None,
                siren: None,
                vat_number: None,
                address: "B".into(),
                country: None,
                email: None,
            },
            buyer: Party {
                name: "C".into(),
                legal_id: None,
                siren: None,
                vat_number: None,
                address: "D".into(),
                country: None,
                email: None,
            },
            description: String::new(),
            service_from: NaiveDate::MIN,
            service_to: NaiveDate::MIN,
            amount: Money::new(minor, sejour_core::value_objects::Currency::EUR),
            vat_rate_bp,
            vat_mention: String::new(),
            due_on: None,
        };
        let split = |minor, rate| {
            let t = draft(minor, rate)
                .totals()
                .unwrap_or_else(|e| panic!("{e}"));
            (t.net.amount_minor(), t.vat.amount_minor())
        };
        assert_eq!(split(12_000, 2_000), (10_000, 2_000));
        // 100.01 / 1.2 = 83.341666… → 83.34 net, 16.67 VAT.
        assert_eq!(split(10_001, 2_000), (8_334, 1_667));
        assert_eq!(split(10_001, 0), (10_001, 0));
        assert_eq!(split(1, 2_000), (1, 0));
    }
}
