//! The platform's document engine: typst templates — versioned files in `templates/` —
//! rendered in-process to PDF/A-3b, a Factur-X invoice with its XML embedded and declared
//! ([`factur_x`]). One engine for every document: invoices today, contracts and owner
//! statements next.
//!
//! A template reads its data as `json("data.json")`; the fonts are typst's embedded ones
//! (Libertinus Serif, New Computer Modern, DejaVu Sans Mono), never fetched. The same
//! data and date give the same bytes.

pub mod factur_x;

use std::sync::LazyLock;

use chrono::{DateTime, Datelike, Timelike, Utc};
use typst::{
    Library, LibraryExt, World,
    diag::{FileError, FileResult, SourceDiagnostic},
    foundations::{Bytes, Datetime, Duration},
    syntax::{FileId, RootedPath, Source, VirtualPath, VirtualRoot},
    text::{Font, FontBook},
    utils::LazyHash,
};
use typst_layout::PagedDocument;
use typst_pdf::{PdfOptions, PdfStandard, PdfStandards, Timestamp};

/// A template, a versioned file of `templates/`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Template {
    /// An invoice or a credit note (`invoice.typ`).
    Invoice,
}

impl Template {
    /// Its source.
    fn source(self) -> &'static str {
        match self {
            Self::Invoice => include_str!("../templates/invoice.typ"),
        }
    }

    /// Its name and version, recorded with what it renders (`invoice/1`).
    pub fn version(self) -> &'static str {
        match self {
            Self::Invoice => "invoice/2",
        }
    }
}

/// Why a document could not be rendered: a defect of the template or its data.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DocumentError {
    /// The template does not compile with this data.
    #[error("template {template}: {diagnostics}")]
    Template {
        /// Which.
        template: &'static str,
        /// What typst said.
        diagnostics: String,
    },
    /// A file name that is not a path.
    #[error("attachment name {0:?} is not a file name")]
    Name(String),
    /// The rendered PDF is not shaped as expected (a defect of the engine's use).
    #[error("rendered PDF: {0}")]
    Pdf(String),
}

/// A document to render.
#[derive(Debug, Clone, PartialEq)]
pub struct Document {
    /// Its template.
    pub template: Template,
    /// Its data (`data.json`).
    pub data: serde_json::Value,
    /// A Factur-X's CII XML (EN 16931 profile): embedded as `factur-x.xml` (an
    /// alternative representation of the document) and declared in the XMP metadata.
    pub factur_x: Option<Vec<u8>>,
    /// Its date (the PDF's creation date, and `datetime.today()`).
    pub date: DateTime<Utc>,
}

/// The standard library and the embedded fonts, loaded once.
struct Shared {
    library: LazyHash<Library>,
    book: LazyHash<FontBook>,
    fonts: Vec<Font>,
}

static SHARED: LazyLock<Shared> = LazyLock::new(|| {
    let fonts: Vec<Font> = typst_assets::fonts()
        .flat_map(|data| Font::iter(Bytes::new(data)))
        .collect();
    Shared {
        library: LazyHash::new(Library::builder().build()),
        book: LazyHash::new(FontBook::from_fonts(&fonts)),
        fonts,
    }
});

/// typst's memoised results unused for this many renders are dropped (they grow otherwise).
const MEMOIZED_AGE: usize = 10;

fn file_id(path: &str) -> Result<FileId, DocumentError> {
    let vpath = VirtualPath::new(path).map_err(|_| DocumentError::Name(path.to_owned()))?;
    Ok(RootedPath::new(VirtualRoot::Project, vpath).intern())
}

/// The template, its data and attachments as a typst world in memory.
struct MemoryWorld {
    main: Source,
    files: Vec<(FileId, Bytes)>,
    today: Option<Datetime>,
}

impl World for MemoryWorld {
    fn library(&self) -> &LazyHash<Library> {
        &SHARED.library
    }

    fn book(&self) -> &LazyHash<FontBook> {
        &SHARED.book
    }

    fn main(&self) -> FileId {
        self.main.id()
    }

    fn source(&self, id: FileId) -> FileResult<Source> {
        if id == self.main.id() {
            return Ok(self.main.clone());
        }
        let bytes = self.file(id)?;
        let text = std::str::from_utf8(bytes.as_slice()).map_err(|_| FileError::InvalidUtf8)?;
        Ok(Source::new(id, text.into()))
    }

    fn file(&self, id: FileId) -> FileResult<Bytes> {
        self.files
            .iter()
            .find(|(file, _)| *file == id)
            .map(|(_, bytes)| bytes.clone())
            .ok_or_else(|| FileError::NotFound(id.vpath().get_without_slash().into()))
    }

    fn font(&self, index: usize) -> Option<Font> {
        SHARED.fonts.get(index).cloned()
    }

    fn today(&self, _offset: Option<Duration>) -> Option<Datetime> {
        self.today
    }
}

fn messages(diagnostics: &[SourceDiagnostic]) -> String {
    diagnostics
        .iter()
        .map(|d| {
            let hints: String = d
                .hints
                .iter()
                .map(|h| format!(" (hint: {})", h.v))
                .collect();
            format!("{:?}: {}{hints}", d.severity, d.message)
        })
        .collect::<Vec<_>>()
        .join("; ")
}

fn typst_datetime(at: DateTime<Utc>) -> Option<Datetime> {
    Datetime::from_ymd_hms(
        at.year(),
        u8::try_from(at.month()).ok()?,
        u8::try_from(at.day()).ok()?,
        u8::try_from(at.hour()).ok()?,
        u8::try_from(at.minute()).ok()?,
        u8::try_from(at.second()).ok()?,
    )
}

impl Document {
    /// The PDF/A-3b of this document. CPU-bound (tens of milliseconds): call it off the
    /// async executor.
    pub fn render(&self) -> Result<Vec<u8>, DocumentError> {
        let template = self.template.version();
        let failed = |diagnostics: String| DocumentError::Template {
            template,
            diagnostics,
        };
        let mut files = vec![(
            file_id("/data.json")?,
            Bytes::from_string(self.data.to_string()),
        )];
        let mut main = self.template.source().to_owned();
        if let Some(xml) = &self.factur_x {
            let name = factur_x::XML_NAME;
            files.push((file_id(&format!("/{name}"))?, Bytes::new(xml.clone())));
            main.push_str(&format!(
                "\n#pdf.attach(\"{name}\", relationship: \"alternative\", \
                 mime-type: \"text/xml\", description: \"Factur-X\")\n"
            ));
        }
        let at = typst_datetime(self.date);
        let world = MemoryWorld {
            main: Source::new(file_id("/main.typ")?, main),
            files,
            today: at.and_then(|d| Datetime::from_ymd(d.year()?, d.month()?, d.day()?)),
        };
        let compiled = typst::compile::<PagedDocument>(&world);
        let document = compiled
            .output
            .map_err(|errors| failed(messages(&errors)))?;
        let standards =
            PdfStandards::new(&[PdfStandard::A_3b]).map_err(|e| failed(format!("{e:?}")))?;
        let options = PdfOptions {
            standards,
            timestamp: at.map(Timestamp::new_utc),
            ..PdfOptions::default()
        };
        let pdf = typst_pdf::pdf(&document, &options).map_err(|errors| failed(messages(&errors)));
        typst::comemo::evict(MEMOIZED_AGE);
        match &self.factur_x {
            Some(_) => factur_x::declare(pdf?, "EN 16931"),
            None => pdf,
        }
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    fn invoice(reference: &str) -> Document {
        Document {
            template: Template::Invoice,
            data: serde_json::json!({
                "title": format!("Facture {reference}"),
                "reference": reference,
                "issuedOn": "2 décembre 2026",
                "seller": {"name": "Agence Séjour", "address": "1 place Masséna, 06000 Nice", "legalId": "SIREN 000 000 000"},
                "buyer": {"name": "Zoé Martin", "address": "3 rue des Lilas, 69003 Lyon", "legalId": null},
                "buyerLabel": "Facturé à",
                "corrects": null,
                "description": "Acompte — Villa Les Oliviers",
                "serviceFrom": "3 mai 2027",
                "serviceTo": "8 mai 2027",
                "net": "187,50\u{a0}€",
                "vatLabel": "TVA",
                "vat": "—",
                "amount": "187,50\u{a0}€",
                "totalLabel": "Total TTC",
                "vatMention": "TVA non applicable, art. 293 B du CGI",
                "terms": "Facture acquittée.",
            }),
            factur_x: None,
            date: DateTime::parse_from_rfc3339("2026-12-02T10:00:00Z")
                .unwrap()
                .with_timezone(&Utc),
        }
    }

    #[test]
    fn an_invoice_renders_to_the_same_pdf_each_time() {
        let first = invoice("F2027-000042").render().unwrap();
        assert!(first.starts_with(b"%PDF-"));
        assert_eq!(invoice("F2027-000042").render().unwrap(), first);
        assert_ne!(invoice("F2027-000043").render().unwrap(), first);
    }

    #[test]
    fn a_factur_x_embeds_its_xml_and_declares_it_in_an_appended_revision() {
        let plain = invoice("H2027-000001").render().unwrap();
        let mut document = invoice("H2027-000001");
        document.factur_x = Some(b"<rsm:CrossIndustryInvoice/>".to_vec());
        let pdf = document.render().unwrap();
        let text = String::from_utf8_lossy(&pdf);
        assert!(
            text.replace(' ', "")
                .contains("/AFRelationship/Alternative"),
            "no associated file"
        );
        assert!(text.contains("<rsm:CrossIndustryInvoice/>") || text.contains("/FlateDecode"));
        let update = text.rfind("<fx:ConformanceLevel>EN 16931</fx:ConformanceLevel>");
        let first_eof = text.find("%%EOF").unwrap();
        assert!(
            update.is_some_and(|at| at > first_eof),
            "the XMP is an appended revision"
        );
        assert!(text.contains("/Prev "));
        assert!(text.trim_end().ends_with("%%EOF"));
        assert_ne!(pdf, plain);
        // The same again: the same bytes.
        assert_eq!(document.render().unwrap(), pdf);
    }

    #[test]
    fn data_the_template_cannot_read_is_an_error_not_a_panic() {
        let mut broken = invoice("F2027-000042");
        broken.data = serde_json::json!({"title": 42});
        assert!(matches!(
            broken.render(),
            Err(DocumentError::Template {
                template: "invoice/2",
                ..
            })
        ));
    }
}
