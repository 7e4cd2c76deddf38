//! Factur-X: an invoice to a business as UN/CEFACT Cross Industry Invoice XML (D16B, the
//! EN 16931 profile), embedded as `factur-x.xml` in the invoice's PDF/A-3 by
//! [`super::invoice_pdf`]. One line (the service billed), its VAT (standard rate, or
//! exempt with the mention as the reason), the totals, the due date or the amount already
//! settled, and for a credit note the invoice it corrects.

use chrono::NaiveDate;
use quick_xml::escape::escape;
use sejour_core::value_objects::{Money, MoneyError};

use crate::domain::{Invoice, InvoiceKind, Party};

/// The Factur-X profile's guideline (BT-24).
const EN16931: &str = "urn:cen.eu:en16931:2017";

/// An XML document written element by element (names and attributes are ours, texts
/// escaped).
struct Xml(String);

impl Xml {
    fn open(&mut self, tag: &str) {
        self.0.push('<');
        self.0.push_str(tag);
        self.0.push('>');
    }

    fn close(&mut self, tag: &str) {
        self.0.push_str("</");
        self.0.push_str(tag);
        self.0.push('>');
    }

    /// `<tag attr="v">text</tag>`.
    fn leaf(&mut self, tag: &str, attributes: &[(&str, &str)], text: &str) {
        self.0.push('<');
        self.0.push_str(tag);
        for (name, value) in attributes {
            self.0.push_str(&format!(" {name}=\"{}\"", escape(*value)));
        }
        self.0.push('>');
        self.0.push_str(&escape(text));
        self.close(tag);
    }

    fn text(&mut self, tag: &str, text: &str) {
        self.leaf(tag, &[], text);
    }

    /// A date as CII writes it (`format="102"`: `YYYYMMDD`).
    fn date(&mut self, tag: &str, day: NaiveDate) {
        self.open(tag);
        self.leaf(
            "udt:DateTimeString",
            &[("format", "102")],
            &day.format("%Y%m%d").to_string(),
        );
        self.close(tag);
    }

    /// The billing period (BT-73, BT-74 and the line's BT-134, BT-135).
    fn period(&mut self, from: NaiveDate, to: NaiveDate) {
        self.open("ram:BillingSpecifiedPeriod");
        self.date("ram:StartDateTime", from);
        self.date("ram:EndDateTime", to);
        self.close("ram:BillingSpecifiedPeriod");
    }

    fn party(&mut self, tag: &str, party: &Party, exempt: bool) {
        self.open(tag);
        self.text("ram:Name", &party.name);
        if let Some(siren) = &party.siren {
            self.open("ram:SpecifiedLegalOrganization");
            self.leaf("ram:ID", &[("schemeID", "0002")], siren);
            self.close("ram:SpecifiedLegalOrganization");
        }
        self.open("ram:PostalTradeAddress");
        self.text("ram:LineOne", &party.address);
        self.text("ram:CountryID", party.country.as_deref().unwrap_or("FR"));
        self.close("ram:PostalTradeAddress");
        if let Some(email) = &party.email {
            self.open("ram:URIUniversalCommunication");
            self.leaf("ram:URIID", &[("schemeID", "EM")], email);
            self.close("ram:URIUniversalCommunication");
        }
        // Its VAT number; without one (a VAT-exempt business), its SIREN as its tax
        // registration (BT-32), which an exempt invoice names (BR-E-02).
        let registration = match (&party.vat_number, &party.siren) {
            (Some(vat), _) => Some(("VA", vat)),
            (None, Some(siren)) if exempt => Some(("FC", siren)),
            _ => None,
        };
        if let Some((scheme, id)) = registration {
            self.open("ram:SpecifiedTaxRegistration");
            self.leaf("ram:ID", &[("schemeID", scheme)], id);
            self.close("ram:SpecifiedTaxRegistration");
        }
        self.close(tag);
    }
}

/// `12345` cents as `123.45`.
fn decimal(amount: Money) -> String {
    let units = u32::from(amount.currency().minor_units());
    let divisor = 10_i64.pow(units);
    let minor = amount.amount_minor();
    let sign = if minor < 0 { "-" } else { "" };
    let magnitude = minor.unsigned_abs();
    let divisor = divisor.unsigned_abs();
    if units == 0 {
        return format!("{sign}{magnitude}");
    }
    format!(
        "{sign}{}.{:0width$}",
        magnitude / divisor,
        magnitude % divisor,
        width = units as usize
    )
}

/// `2000` basis points as `20.00`.
fn rate(bp: u32) -> String {
    format!("{}.{:02}", bp / 100, bp % 100)
}

/// The CII XML of `invoice` (`corrects`: the reference of the invoice a credit note
/// corrects). Without a due date its total is settled already (paid, or taken from the
/// owner's funds): nothing is left to pay.
pub fn cross_industry_invoice(
    invoice: &Invoice,
    corrects: Option<&str>,
) -> Result<Vec<u8>, MoneyError> {
    let d = &invoice.draft;
    let totals = d.totals()?;
    let currency = d.amount.currency().as_str();
    let exempt = d.vat_rate_bp == 0;
    let mut x = Xml(String::from(r#"<?xml version="1.0" encoding="UTF-8"?>"#));
    x.0.push_str(
        "<rsm:CrossIndustryInvoice \
         xmlns:rsm=\"urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100\" \
         xmlns:ram=\"urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:100\" \
         xmlns:qdt=\"urn:un:unece:uncefact:data:standard:QualifiedDataType:100\" \
         xmlns:udt=\"urn:un:unece:uncefact:data:standard:UnqualifiedDataType:100\">",
    );
    x.open("rsm:ExchangedDocumentContext");
    x.open("ram:GuidelineSpecifiedDocumentContextParameter");
    x.text("ram:ID", EN16931);
    x.close("ram:GuidelineSpecifiedDocumentContextParameter");
    x.close("rsm:ExchangedDocumentContext");

    x.open("rsm:ExchangedDocument");
    x.text("ram:ID", &invoice.reference());
    // UNTDID 1001: 380 commercial invoice, 381 credit note.
    x.text(
        "ram:TypeCode",
        match d.kind {
            InvoiceKind::CreditNote => "381",
            InvoiceKind::Invoice | InvoiceKind::Commission => "380",
        },
    );
    x.date("ram:IssueDateTime", invoice.issued_at.date_naive());
    x.close("rsm:ExchangedDocument");

    x.open("rsm:SupplyChainTradeTransaction");
    x.open("ram:IncludedSupplyChainTradeLineItem");
    x.open("ram:AssociatedDocumentLineDocument");
    x.text("ram:LineID", "1");
    x.close("ram:AssociatedDocumentLineDocument");
    x.open("ram:SpecifiedTradeProduct");
    x.text("ram:Name", &d.description);
    x.close("ram:SpecifiedTradeProduct");
    x.open("ram:SpecifiedLineTradeAgreement");
    x.open("ram:NetPriceProductTradePrice");
    x.text("ram:ChargeAmount", &decimal(totals.net));
    x.close("ram:NetPriceProductTradePrice");
    x.close("ram:SpecifiedLineTradeAgreement");
    x.open("ram:SpecifiedLineTradeDelivery");
    x.leaf("ram:BilledQuantity", &[("unitCode", "C62")], "1");
    x.close("ram:SpecifiedLineTradeDelivery");
    x.open("ram:SpecifiedLineTradeSettlement");
    x.open("ram:ApplicableTradeTax");
    x.text("ram:TypeCode", "VAT");
    x.text("ram:CategoryCode", if exempt { "E" } else { "S" });
    x.text("ram:RateApplicablePercent", &rate(d.vat_rate_bp));
    x.close("ram:ApplicableTradeTax");
    x.period(d.service_from, d.service_to);
    x.open("ram:SpecifiedTradeSettlementLineMonetarySummation");
    x.text("ram:LineTotalAmount", &decimal(totals.net));
    x.close("ram:SpecifiedTradeSettlementLineMonetarySummation");
    x.close("ram:SpecifiedLineTradeSettlement");
    x.close("ram:IncludedSupplyChainTradeLineItem");

    x.open("ram:ApplicableHeaderTradeAgreement");
    x.party("ram:SellerTradeParty", &d.seller, exempt);
    x.party("ram:BuyerTradeParty", &d.buyer, false);
    x.close("ram:ApplicableHeaderTradeAgreement");
    x.open("ram:ApplicableHeaderTradeDelivery");
    x.open("ram:ActualDeliverySupplyChainEvent");
    x.date("ram:OccurrenceDateTime", d.service_to);
    x.close("ram:ActualDeliverySupplyChainEvent");
    x.close("ram:ApplicableHeaderTradeDelivery");

    x.open("ram:ApplicableHeaderTradeSettlement");
    x.text("ram:InvoiceCurrencyCode", currency);
    x.open("ram:ApplicableTradeTax");
    x.text("ram:CalculatedAmount", &decimal(totals.vat));
    x.text("ram:TypeCode", "VAT");
    if exempt {
        x.text("ram:ExemptionReason", &d.vat_mention);
    }
    x.text("ram:BasisAmount", &decimal(totals.net));
    x.text("ram:CategoryCode", if exempt { "E" } else { "S" });
    x.text("ram:RateApplicablePercent", &rate(d.vat_rate_bp));
    x.close("ram:ApplicableTradeTax");
    x.period(d.service_from, d.service_to);
    if let Some(due) = d.due_on {
        x.open("ram:SpecifiedTradePaymentTerms");
        x.text(
            "ram:Description",
            "Virement à réception. Pénalités de retard : trois fois le taux d'intérêt légal ; \
             indemnité forfaitaire pour frais de recouvrement : 40 EUR.",
        );
        x.date("ram:DueDateDateTime", due);
        x.close("ram:SpecifiedTradePaymentTerms");
    }
    x.open("ram:SpecifiedTradeSettlementHeaderMonetarySummation");
    x.text("ram:LineTotalAmount", &decimal(totals.net));
    x.text("ram:TaxBasisTotalAmount", &decimal(totals.net));
    x.leaf(
        "ram:TaxTotalAmount",
        &[("currencyID", currency)],
        &decimal(totals.vat),
    );
    x.text("ram:GrandTotalAmount", &decimal(totals.gross));
    let (prepaid, due) = if d.due_on.is_some() {
        (Money::zero(d.amount.currency()), totals.gross)
    } else {
        (totals.gross, Money::zero(d.amount.currency()))
    };
    x.text("ram:TotalPrepaidAmount", &decimal(prepaid));
    x.text("ram:DuePayableAmount", &decimal(due));
    x.close("ram:SpecifiedTradeSettlementHeaderMonetarySummation");
    if let Some(reference) = corrects {
        x.open("ram:InvoiceReferencedDocument");
        x.text("ram:IssuerAssignedID", reference);
        x.close("ram:InvoiceReferencedDocument");
    }
    x.close("ram:ApplicableHeaderTradeSettlement");
    x.close("rsm:SupplyChainTradeTransaction");
    x.close("rsm:CrossIndustryInvoice");
    Ok(x.0.into_bytes())
}

#[cfg(test)]
mod tests {
    use sejour_core::value_objects::Currency;

    use super::*;

    #[test]
    fn amounts_are_decimals_with_the_currency_s_minor_units() {
        assert_eq!(decimal(Money::new(12_345, Currency::EUR)), "123.45");
        assert_eq!(decimal(Money::new(5, Currency::EUR)), "0.05");
        assert_eq!(decimal(Money::new(-100, Currency::EUR)), "-1.00");
        assert_eq!(rate(2_000), "20.00");
        assert_eq!(rate(550), "5.50");
    }
}
