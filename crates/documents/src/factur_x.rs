//! Factur-X's declaration in a rendered PDF/A-3: the XMP metadata naming the embedded
//! `factur-x.xml` (`fx:DocumentType`, `fx:DocumentFileName`, `fx:Version`,
//! `fx:ConformanceLevel`) with the PDF/A extension schema that describes those
//! properties. typst cannot write custom XMP yet (typst#5667, krilla#408), so the
//! metadata stream its PDF carries is replaced by an incremental update — the rendered
//! bytes stay as they are, a new revision of one object is appended — which PDF/A-3
//! allows. This reads only what typst writes (a classic cross-reference table, an
//! uncompressed metadata stream); anything else is refused, never guessed at. A PDF
//! library (lopdf) would bring two dozen crates, an encryption stack among them, for this
//! one append.

use crate::DocumentError;

/// The name the XML is embedded under.
pub const XML_NAME: &str = "factur-x.xml";

/// The Factur-X XMP namespace (Factur-X 1.0 and later).
const NAMESPACE: &str = "urn:factur-x:pdfa:CrossIndustryDocument:invoice:1p0#";

fn malformed(what: &str) -> DocumentError {
    DocumentError::Pdf(what.to_owned())
}

fn find(haystack: &[u8], needle: &[u8], from: usize) -> Option<usize> {
    haystack
        .get(from..)?
        .windows(needle.len())
        .position(|w| w == needle)
        .map(|i| i + from)
}

fn rfind(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).rposition(|w| w == needle)
}

/// The text after `key` in `dict` up to the next `/` or `>>`, trimmed (`/Root 12 0 R`
/// → `12 0 R`).
fn value<'a>(dict: &'a str, key: &str) -> Option<&'a str> {
    let start = dict.find(key)? + key.len();
    let rest = dict.get(start..)?;
    let end = rest
        .find(['/', '>'])
        .filter(|_| !rest.trim_start().starts_with('['))
        .or_else(|| rest.find(']').map(|i| i + 1))?;
    rest.get(..end).map(str::trim)
}

/// The object number of a reference `12 0 R`.
fn object_number(reference: &str) -> Option<u32> {
    reference.split_whitespace().next()?.parse().ok()
}

/// Where object `number` starts (`12 0 obj`), at a line start.
fn object(pdf: &[u8], number: u32) -> Option<usize> {
    let header = format!("\n{number} 0 obj");
    rfind(pdf, header.as_bytes()).map(|i| i + 1)
}

/// The PDF/A extension schema describing the `fx:` properties, as an `rdf:li` of
/// `pdfaExtension:schemas`.
fn extension_schema() -> String {
    let properties = [
        (
            "DocumentFileName",
            "Text",
            "The name of the embedded XML document",
        ),
        (
            "DocumentType",
            "Text",
            "The type of the hybrid document in capital letters, e.g. INVOICE or ORDER",
        ),
        (
            "Version",
            "Text",
            "The actual version of the standard applying to the embedded XML document",
        ),
        (
            "ConformanceLevel",
            "Text",
            "The conformance level of the embedded XML document",
        ),
    ]
    .iter()
    .map(|(name, kind, description)| {
        format!(
            "<rdf:li rdf:parseType=\"Resource\"><pdfaProperty:name>{name}</pdfaProperty:name>\
             <pdfaProperty:valueType>{kind}</pdfaProperty:valueType>\
             <pdfaProperty:category>external</pdfaProperty:category>\
             <pdfaProperty:description>{description}</pdfaProperty:description></rdf:li>"
        )
    })
    .collect::<String>();
    format!(
        "<rdf:li rdf:parseType=\"Resource\">\
         <pdfaSchema:schema>Factur-X PDFA Extension Schema</pdfaSchema:schema>\
         <pdfaSchema:namespaceURI>{NAMESPACE}</pdfaSchema:namespaceURI>\
         <pdfaSchema:prefix>fx</pdfaSchema:prefix>\
         <pdfaSchema:property><rdf:Seq>{properties}</rdf:Seq></pdfaSchema:property>\
         </rdf:li>"
    )
}

/// The `fx:` properties of a Factur-X of `level`, as an `rdf:Description`.
fn properties(level: &str) -> String {
    format!(
        "<rdf:Description rdf:about=\"\" xmlns:fx=\"{NAMESPACE}\">\
         <fx:DocumentType>INVOICE</fx:DocumentType>\
         <fx:DocumentFileName>{XML_NAME}</fx:DocumentFileName>\
         <fx:Version>1.0</fx:Version>\
         <fx:ConformanceLevel>{level}</fx:ConformanceLevel></rdf:Description>"
    )
}

/// `xmp` (typst's) declaring a Factur-X of `level`: the extension schema added to those
/// typst declares (or in a description of its own), the properties after.
fn declared(xmp: &str, level: &str) -> Result<String, DocumentError> {
    const SCHEMAS_END: &str = "</rdf:Bag></pdfaExtension:schemas>";
    let xmp = match xmp.find(SCHEMAS_END) {
        Some(at) => format!("{}{}{}", &xmp[..at], extension_schema(), &xmp[at..]),
        None => {
            let close = xmp
                .rfind("</rdf:RDF>")
                .ok_or_else(|| malformed("metadata without rdf:RDF"))?;
            format!(
                "{}<rdf:Description rdf:about=\"\" \
                 xmlns:pdfaExtension=\"http://www.aiim.org/pdfa/ns/extension/\" \
                 xmlns:pdfaSchema=\"http://www.aiim.org/pdfa/ns/schema#\" \
                 xmlns:pdfaProperty=\"http://www.aiim.org/pdfa/ns/property#\">\
                 <pdfaExtension:schemas><rdf:Bag>{}{SCHEMAS_END}</rdf:Description>{}",
                &xmp[..close],
                extension_schema(),
                &xmp[close..]
            )
        }
    };
    let close = xmp
        .rfind("</rdf:RDF>")
        .ok_or_else(|| malformed("metadata without rdf:RDF"))?;
    Ok(format!(
        "{}{}{}",
        &xmp[..close],
        properties(level),
        &xmp[close..]
    ))
}

/// `pdf` (as typst rendered it, `factur-x.xml` attached) with its XMP declaring a
/// Factur-X of `level` (`EN 16931`), as an incremental update.
pub(crate) fn declare(mut pdf: Vec<u8>, level: &str) -> Result<Vec<u8>, DocumentError> {
    let startxref = rfind(&pdf, b"startxref").ok_or_else(|| malformed("no startxref"))?;
    let tail = std::str::from_utf8(pdf.get(startxref + 9..).unwrap_or_default())
        .map_err(|_| malformed("startxref"))?;
    let previous: usize = tail
        .split_whitespace()
        .next()
        .and_then(|n| n.parse().ok())
        .ok_or_else(|| malformed("startxref offset"))?;
    if pdf.get(previous..previous + 4) != Some(b"xref".as_slice()) {
        return Err(malformed("not a classic cross-reference table"));
    }
    let trailer_at = rfind(&pdf, b"trailer").ok_or_else(|| malformed("no trailer"))?;
    let trailer =
        String::from_utf8_lossy(pdf.get(trailer_at..startxref).unwrap_or_default()).into_owned();
    let root = value(&trailer, "/Root").ok_or_else(|| malformed("no /Root"))?;
    let size = value(&trailer, "/Size").ok_or_else(|| malformed("no /Size"))?;
    let info = value(&trailer, "/Info").map(|i| format!("/Info {i} "));
    let id = value(&trailer, "/ID").map(|i| format!("/ID {i} "));

    let catalog_at = object_number(root)
        .and_then(|n| object(&pdf, n))
        .ok_or_else(|| malformed("no catalog"))?;
    let catalog_end = find(&pdf, b"endobj", catalog_at).ok_or_else(|| malformed("catalog"))?;
    let catalog =
        String::from_utf8_lossy(pdf.get(catalog_at..catalog_end).unwrap_or_default()).into_owned();
    let metadata = value(&catalog, "/Metadata")
        .and_then(object_number)
        .ok_or_else(|| malformed("no /Metadata"))?;

    let metadata_at = object(&pdf, metadata).ok_or_else(|| malformed("no metadata object"))?;
    let stream_at = find(&pdf, b"stream", metadata_at).ok_or_else(|| malformed("metadata"))?;
    let dict = pdf.get(metadata_at..stream_at).unwrap_or_default();
    if find(dict, b"/Filter", 0).is_some() {
        return Err(malformed("compressed metadata"));
    }
    let body_at = stream_at
        + 6
        + pdf
            .get(stream_at + 6..)
            .unwrap_or_default()
            .iter()
            .take_while(|b| matches!(b, b'\r' | b'\n'))
            .count();
    let body_end = find(&pdf, b"endstream", body_at).ok_or_else(|| malformed("metadata"))?;
    let xmp = std::str::from_utf8(pdf.get(body_at..body_end).unwrap_or_default())
        .map_err(|_| malformed("metadata is not UTF-8"))?;
    if xmp.contains(NAMESPACE) {
        return Err(malformed("metadata declares Factur-X already"));
    }
    let xmp = declared(xmp, level)?;

    if !pdf.ends_with(b"\n") {
        pdf.push(b'\n');
    }
    let object_at = pdf.len();
    pdf.extend_from_slice(
        format!(
            "{metadata} 0 obj\n<< /Type /Metadata /Subtype /XML /Length {} >>\nstream\n",
            xmp.len()
        )
        .as_bytes(),
    );
    pdf.extend_from_slice(xmp.as_bytes());
    pdf.extend_from_slice(b"\nendstream\nendobj\n");
    let xref_at = pdf.len();
    pdf.extend_from_slice(
        format!(
            "xref\n{metadata} 1\n{object_at:010} 00000 n \ntrailer\n<< /Size {size} /Root {root} \
             {}{}/Prev {previous} >>\nstartxref\n{xref_at}\n%%EOF\n",
            info.unwrap_or_default(),
            id.unwrap_or_default()
        )
        .as_bytes(),
    );
    Ok(pdf)
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn values_are_read_from_a_dictionary() {
        let trailer = "trailer\n<< /Size 23 /Root 12 0 R /Info 1 0 R /ID [<ab> <cd>] >>\n";
        assert_eq!(value(trailer, "/Root"), Some("12 0 R"));
        assert_eq!(value(trailer, "/Size"), Some("23"));
        assert_eq!(value(trailer, "/ID"), Some("[<ab> <cd>]"));
        assert_eq!(object_number("12 0 R"), Some(12));
    }

    #[test]
    fn the_schema_joins_typst_s_and_the_properties_follow() {
        let typst = "<x:xmpmeta><rdf:RDF><rdf:Description rdf:about=\"\">\
                     <pdfaExtension:schemas><rdf:Bag><rdf:li>mm</rdf:li></rdf:Bag>\
                     </pdfaExtension:schemas></rdf:Description></rdf:RDF></x:xmpmeta>";
        let xmp = declared(typst, "EN 16931").unwrap();
        assert_eq!(xmp.matches("<pdfaExtension:schemas>").count(), 1);
        let schema = xmp.find("Factur-X PDFA Extension Schema").unwrap();
        assert!(xmp.find("<rdf:li>mm</rdf:li>").unwrap() < schema);
        assert!(schema < xmp.find("</pdfaExtension:schemas>").unwrap());
        assert!(xmp.contains(
            "<fx:ConformanceLevel>EN 16931</fx:ConformanceLevel></rdf:Description></rdf:RDF>"
        ));
        let bare = declared("<rdf:RDF></rdf:RDF>", "EN 16931").unwrap();
        assert!(bare.contains("<pdfaExtension:schemas><rdf:Bag><rdf:li"));
    }

    #[test]
    fn anything_but_typst_s_shape_is_refused() {
        assert!(declare(b"%PDF-1.7\n".to_vec(), "EN 16931").is_err());
    }
}
