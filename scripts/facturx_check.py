"""Checks that a PDF is a Factur-X invoice of the EN 16931 profile, as the Rust tests ask.

Usage: facturx_check.py FILE.pdf — exit status 0 and one line `factur-x: ok ...`, or 1
and what is wrong. Runs in the virtual environment scripts/services.sh prepares
(`python_venv`): the `factur-x` library (Akretion) extracts the embedded XML and
validates it against the Factur-X XSD; Saxon (saxonche) runs the official EN 16931
Schematron (its compiled XSLT, shipped with `factur-x`); pypdf reads the XMP metadata and
the associated-file entries PDF/A-3 asks for.
"""

import pathlib
import sys

import facturx
from lxml import etree
from pypdf import PdfReader
from saxonche import PySaxonProcessor

SVRL = "{http://purl.oclc.org/dsdl/svrl}"
FX = "urn:factur-x:pdfa:CrossIndustryDocument:invoice:1p0#"


def fail(message):
    print(f"factur-x: FAILED: {message}")
    sys.exit(1)


def main(path):
    pdf = pathlib.Path(path).read_bytes()
    # 1. The embedded XML, valid against the XSD of its profile.
    name, xml = facturx.get_xml_from_pdf(pdf, check_xsd=True)
    if name != "factur-x.xml":
        fail(f"the embedded XML is {name!r}, not 'factur-x.xml'")
    root = etree.fromstring(xml)
    level = facturx.get_level(root)
    if level != "en16931":
        fail(f"profile {level!r}, not en16931")

    # 2. The EN 16931 business rules (Schematron, XSLT 2).
    xslt = (
        pathlib.Path(facturx.__file__).parent
        / "xsd_and_schematron/facturx-en16931/FACTUR-X_EN16931.xslt"
    )
    with PySaxonProcessor(license=False) as saxon:
        executable = saxon.new_xslt30_processor().compile_stylesheet(
            stylesheet_file=str(xslt)
        )
        document = saxon.parse_xml(xml_text=xml.decode("utf-8"))
        report = executable.transform_to_string(xdm_node=document)
    failed = [
        f"{a.get('id')}: {' '.join(''.join(a.itertext()).split())}"
        for a in etree.fromstring(report.encode("utf-8")).iter(f"{SVRL}failed-assert")
        if a.get("flag") != "warning"
    ]
    if failed:
        fail("EN 16931 rules broken: " + "; ".join(failed))

    # 3. PDF/A-3: the XML is an associated file of the document, and the XMP declares it.
    reader = PdfReader(path)
    catalog = reader.trailer["/Root"]
    associated = [spec.get_object() for spec in catalog.get("/AF", [])]
    if not any(
        spec.get("/F") == "factur-x.xml" and spec.get("/AFRelationship") == "/Alternative"
        for spec in associated
    ):
        fail("factur-x.xml is not in the catalog's /AF with /AFRelationship /Alternative")
    xmp = reader.xmp_metadata
    if xmp is None:
        fail("no XMP metadata")
    declared = {
        key: xmp._get_text(node)
        for node in xmp.rdf_root.getElementsByTagNameNS(FX, "*")
        for key in [node.localName]
    }
    expected = {
        "DocumentType": "INVOICE",
        "DocumentFileName": "factur-x.xml",
        "Version": "1.0",
        "ConformanceLevel": "EN 16931",
    }
    if declared != expected:
        fail(f"XMP declares {declared}, not {expected}")
    if b"Factur-X PDFA Extension Schema" not in reader.trailer["/Root"]["/Metadata"].get_data():
        fail("the XMP has no PDF/A extension schema for fx:")
    print(f"factur-x: ok ({level}, XSD and EN 16931 Schematron, XMP and /AF)")


if __name__ == "__main__":
    if len(sys.argv) != 2:
        fail("usage: facturx_check.py FILE.pdf")
    main(sys.argv[1])
