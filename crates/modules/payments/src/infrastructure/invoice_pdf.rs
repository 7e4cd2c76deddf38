//! `InvoiceArchive` on the platform's document engine and object storage: an issued
//! invoice or credit note rendered once to PDF/A-3 (`invoice.typ`, in French as the law
//! asks) — a Factur-X (EN 16931, [`super::factur_x`]) when the buyer is a business — and
//! kept under `invoices/<series>/<reference>.pdf`; the same bytes afterwards.

use async_trait::async_trait;
use chrono::{Datelike, NaiveDate};
use sejour_core::{AppError, value_objects::Money};
use sejour_documents::{Document, Template};
use sejour_infrastructure::storage::ObjectStorage;
use serde_json::json;

use super::factur_x::cross_industry_invoice;
use crate::domain::{Invoice, InvoiceArchive, InvoiceKind, invoice::french_percent};

/// Invoices' PDFs on object storage.
pub struct PdfInvoiceArchive {
    storage: ObjectStorage,
}

impl PdfInvoiceArchive {
    /// The archive on `storage`.
    pub fn new(storage: ObjectStorage) -> Self {
        Self { storage }
    }
}

const MONTHS: [&str; 12] = [
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
];

/// `2 décembre 2026`.
fn french_date(day: NaiveDate) -> String {
    let month = MONTHS
        .get(day.month0() as usize)
        .copied()
        .unwrap_or_default();
    format!("{} {month} {}", day.day(), day.year())
}

/// `1 234,56 €` (a narrow no-break space between thousands, a no-break space before the
/// symbol), or the ISO code for another currency.
fn french_money(amount: Money) -> String {
    let units = u32::from(amount.currency().minor_units());
    let divisor = 10_u64.pow(units);
    let magnitude = amount.amount_minor().unsigned_abs();
    let whole = (magnitude / divisor).to_string();
    let mut grouped = String::new();
    for (i, digit) in whole.chars().enumerate() {
        if i > 0 && (whole.len() - i).is_multiple_of(3) {
            grouped.push('\u{202f}');
        }
        grouped.push(digit);
    }
    let sign = if amount.is_negative() { "−" } else { "" };
    let fraction = if units == 0 {
        String::new()
    } else {
        format!(",{:0width$}", magnitude % divisor, width = units as usize)
    };
    let symbol = match amount.currency().as_str() {
        "EUR" => "€",
        other => other,
    };
    format!("{sign}{grouped}{fraction}\u{a0}{symbol}")
}

/// Late-payment terms for a business (art. L441-10 du Code de commerce).
const PENALTIES: &str = "Pour un client professionnel, tout retard de paiement entraîne des \
                         pénalités au taux de trois fois le taux d’intérêt légal et une \
                         indemnité forfaitaire de 40 € pour frais de recouvrement (art. L441-10 \
                         du Code de commerce). Pas d’escompte pour paiement anticipé.";

/// What the template prints of `invoice` (`corrects`: the reference of the invoice a
/// credit note corrects).
pub fn invoice_data(
    invoice: &Invoice,
    corrects: Option<String>,
) -> Result<serde_json::Value, AppError> {
    let d = &invoice.draft;
    let reference = invoice.reference();
    let issued_on = french_date(invoice.issued_at.date_naive());
    let totals = d
        .totals()
        .map_err(|e| AppError::internal(format!("invoice {reference}: {e}")))?;
    let (title, buyer_label, total_label, terms) = match (d.kind, d.due_on) {
        (InvoiceKind::Invoice, _) => (
            format!("Facture {reference}"),
            "Facturé à",
            "Total TTC — acquitté",
            format!("Facture acquittée : paiement reçu par carte le {issued_on}. {PENALTIES}"),
        ),
        (InvoiceKind::Commission, Some(due)) => (
            format!("Facture {reference}"),
            "Facturé à",
            "Total TTC à payer",
            format!(
                "À régler par virement au plus tard le {}. {PENALTIES}",
                french_date(due)
            ),
        ),
        (InvoiceKind::Commission, None) => (
            format!("Facture {reference}"),
            "Facturé à",
            "Total TTC — acquitté",
            format!(
                "Facture acquittée : honoraires prélevés le {issued_on} sur les loyers encaissés \
                 pour votre compte, conformément au mandat de gestion. {PENALTIES}"
            ),
        ),
        (InvoiceKind::CreditNote, _) if d.owner_id.is_some() => (
            format!("Avoir {reference}"),
            "Au bénéfice de",
            "Total TTC — crédité",
            format!("Avoir porté au crédit de votre compte propriétaire le {issued_on}."),
        ),
        (InvoiceKind::CreditNote, _) => (
            format!("Avoir {reference}"),
            "Au bénéfice de",
            "Total TTC — remboursé",
            format!("Avoir remboursé sur la carte de paiement le {issued_on}."),
        ),
    };
    let vat_label = match d.vat_rate_bp {
        0 => "TVA".to_owned(),
        rate => format!("TVA {}\u{a0}%", french_percent(rate)),
    };
    Ok(json!({
        "title": title,
        "reference": reference,
        "issuedOn": issued_on,
        "seller": {
            "name": d.seller.name,
            "address": d.seller.address,
            "legalId": d.seller.legal_id.clone().unwrap_or_default(),
        },
        "buyer": {
            "name": d.buyer.name,
            "address": d.buyer.address,
            "legalId": d.buyer.legal_id,
        },
        "buyerLabel": buyer_label,
        "corrects": corrects,
        "description": d.description,
        "serviceFrom": french_date(d.service_from),
        "serviceTo": french_date(d.service_to),
        "net": french_money(totals.net),
        "vatLabel": vat_label,
        "vat": if d.vat_rate_bp == 0 { "—".to_owned() } else { french_money(totals.vat) },
        "amount": french_money(d.amount),
        "totalLabel": total_label,
        "vatMention": d.vat_mention,
        "terms": terms,
    }))
}

/// Where an invoice's PDF is kept.
fn key(invoice: &Invoice) -> String {
    format!("invoices/{}/{}.pdf", invoice.series, invoice.reference())
}

#[async_trait]
impl InvoiceArchive for PdfInvoiceArchive {
    async fn pdf(&self, invoice: &Invoice, corrects: Option<String>) -> Result<Vec<u8>, AppError> {
        let key = key(invoice);
        let failed = |e: sejour_infrastructure::storage::StorageError| {
            AppError::unavailable(format!("object storage: {e}"))
        };
        if let Some((bytes, _)) = self.storage.get(&key).await.map_err(failed)? {
            return Ok(bytes.to_vec());
        }
        let factur_x = if invoice.draft.buyer.is_business() {
            let xml = cross_industry_invoice(invoice, corrects.as_deref())
                .map_err(|e| AppError::internal(format!("Factur-X: {e}")))?;
            Some(xml)
        } else {
            None
        };
        let document = Document {
            template: Template::Invoice,
            data: invoice_data(invoice, corrects)?,
            factur_x,
            date: invoice.issued_at,
        };
        let pdf = tokio::task::spawn_blocking(move || document.render())
            .await
            .map_err(AppError::internal)?
            .map_err(AppError::internal)?;
        self.storage
            .put(&key, pdf.clone(), "application/pdf")
            .await
            .map_err(failed)?;
        Ok(pdf)
    }
}

#[cfg(test)]
mod tests {
    use sejour_core::value_objects::Currency;

    use super::*;

    #[test]
    fn amounts_and_dates_are_written_the_french_way() {
        let eur = |m| Money::new(m, Currency::EUR);
        assert_eq!(french_money(eur(123_456)), "1\u{202f}234,56\u{a0}€");
        assert_eq!(french_money(eur(5)), "0,05\u{a0}€");
        assert_eq!(
            french_money(eur(-100_000_000)),
            "−1\u{202f}000\u{202f}000,00\u{a0}€"
        );
        let day = NaiveDate::from_ymd_opt(2027, 8, 1).unwrap_or_default();
        assert_eq!(french_date(day), "1 août 2027");
    }
}
