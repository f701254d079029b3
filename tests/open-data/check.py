#!/usr/bin/env python3
"""Open-data checks with the tools other people use on our files.

- rdflib (a real RDF library) loads data/catalog.jsonld as a DCAT catalog of
  44 datasets and every node carries the properties DCAT-AP 3 requires; it
  also loads the schema.org JSON-LD of every entry page and the home page.
- pySHACL validates data/catalog.jsonld against the official DCAT-AP 3.0.0
  shapes kept in tests/dcat-ap/ (core and ranges: no violation).
- LibreOffice (headless) opens data/catalog.xlsx and converts both sheets to
  CSV: it opens without complaint, and the flat sheet equals catalog.csv.
- LibreOffice Writer prints data/quyet-dinh.docx to PDF, which poppler
  reads: page sizes and orientation, the first page's header, every entry.

Usage: tests/open-data/check.py SITE_DIR [--shapes-only]   (builds nothing itself;
--shapes-only: the DCAT-AP shapes alone, for a catalog other than the real one)
Prints one line per check and "N passed, M failed"; exits non-zero on a failure.
"""
import csv
import io
import json
import re
import shutil
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

import pyshacl
import rdflib
from rdflib.namespace import DCAT, DCTERMS, FOAF, PROV, RDF, SH

SCHEMA = rdflib.Namespace("https://schema.org/")
VCARD = rdflib.Namespace("http://www.w3.org/2006/vcard/ns#")
results = []


def check(name, condition, detail=""):
    results.append(bool(condition))
    print(("ok     " if condition else "FAILED ") + name + ("" if condition else f": {detail}"))


def dcat(site):
    graph = rdflib.Graph()
    graph.parse(site / "data" / "catalog.jsonld", format="json-ld", publicID="https://example.invalid/data/catalog.jsonld")
    catalogs = list(graph.subjects(RDF.type, DCAT.Catalog))
    datasets = set(graph.subjects(RDF.type, DCAT.Dataset))
    check("one dcat:Catalog", len(catalogs) == 1, catalogs)
    check("44 dcat:Dataset", len(datasets) == 44, len(datasets))
    catalog = catalogs[0]
    for prop in (DCTERMS.title, DCTERMS.description, DCTERMS.publisher, DCTERMS.language):
        check(f"catalog has {graph.qname(prop)}", graph.value(catalog, prop) is not None)
    check("catalog lists every dataset", set(graph.objects(catalog, DCAT.dataset)) == datasets)
    missing = []
    for ds in datasets:
        for prop in (DCTERMS.title, DCTERMS.description, DCTERMS.publisher, DCAT.theme, DCAT.landingPage, DCTERMS.identifier):
            if graph.value(ds, prop) is None:
                missing.append(f"{ds} lacks {graph.qname(prop)}")
        title = graph.value(ds, DCTERMS.title)
        if title is not None and title.language != "vi":
            missing.append(f"{ds} title not tagged vi")
    check("every dataset has title, description, publisher, theme, landing page, identifier", not missing, missing[:5])
    agents = set(graph.objects(None, DCTERMS.publisher))
    unnamed = [a for a in agents if graph.value(a, FOAF.name) is None or (a, RDF.type, FOAF.Agent) not in graph]
    check("every publisher is a foaf:Agent with foaf:name", agents and not unnamed, unnamed[:5])
    check("one publisher per dataset", all(len(list(graph.objects(ds, DCTERMS.publisher))) == 1 for ds in datasets))
    a18 = [ds for ds in datasets if str(graph.value(ds, DCTERMS.identifier)) == "A.18"]
    credited = [graph.value(a, PROV.agent) for a in graph.objects(a18[0], PROV.qualifiedAttribution)] if a18 else []
    check("A.18 credits its three lead agencies as custodians", len(credited) == 3 and all(
        graph.value(a, DCAT.hadRole) is not None for a in graph.objects(a18[0], PROV.qualifiedAttribution)), credited)
    contacts = [c for ds in datasets for c in graph.objects(ds, DCAT.contactPoint)]
    check("every dataset has a contact point with a name", contacts and all(
        graph.value(c, VCARD.fn) is not None for c in contacts))
    # The publisher's contact ([publisher] address, telephone, email), when set.
    for contact in graph.objects(catalog, DCAT.contactPoint):
        email, phone = graph.value(contact, VCARD.hasEmail), graph.value(contact, VCARD.hasTelephone)
        check("the catalog's contact point is an organisation with a name, mailto: and tel: IRIs",
              (contact, RDF.type, VCARD.Organization) in graph and graph.value(contact, VCARD.fn) is not None
              and (email is None or str(email).startswith("mailto:"))
              and (phone is None or str(phone).startswith("tel:+")), (email, phone))


def dcat_ap_shapes(site):
    """The official DCAT-AP 3.0.0 SHACL shapes (tests/dcat-ap): no violation
    of the core and range shapes; the recommended ones are counted."""
    data = rdflib.Graph().parse(site / "data" / "catalog.jsonld", format="json-ld",
                                publicID="https://example.invalid/data/catalog.jsonld")
    shapes = Path(__file__).resolve().parent.parent / "dcat-ap"
    for name, strict in (("shapes.ttl", True), ("range.ttl", True), ("shapes_recommended.ttl", False)):
        graph = rdflib.Graph().parse(shapes / name, format="turtle")
        conforms, report, _ = pyshacl.validate(data, shacl_graph=graph, inference="none", allow_warnings=True)
        violations = [r for r in report.subjects(RDF.type, SH.ValidationResult)
                      if report.value(r, SH.resultSeverity) == SH.Violation]
        messages = sorted({f"{report.value(r, SH.resultPath)}: {report.value(r, SH.resultMessage)}" for r in violations})
        if strict:
            check(f"DCAT-AP 3.0.0 {name}: no violation", conforms and not violations, messages[:5])
        else:
            warnings = len(list(report.subjects(RDF.type, SH.ValidationResult)))
            print(f"note   DCAT-AP 3.0.0 {name}: {warnings} recommendations not met (distribution, temporal coverage, publisher type)")


def schema_org(site):
    pages = sorted((site / "csdl").glob("*/index.html"))
    check("44 entry pages", len(pages) == 44, len(pages))
    bad = []
    for page in pages + [site / "index.html"]:
        html = page.read_text(encoding="utf-8")
        match = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
        if not match:
            bad.append(f"{page}: no JSON-LD")
            continue
        data = json.loads(match.group(1))
        check_context = data.get("@context") == "https://schema.org"
        if not check_context:
            bad.append(f"{page}: @context is not schema.org")
        # The machine has no network: use schema.org's context offline (its
        # essence is @vocab) instead of letting rdflib fetch it.
        data["@context"] = {"@vocab": "https://schema.org/"}
        graph = rdflib.Graph()
        graph.parse(data=json.dumps(data), format="json-ld", publicID="https://example.invalid/" + str(page.relative_to(site)))
        kind = SCHEMA.DataCatalog if page.name == "index.html" and page.parent == site else SCHEMA.Dataset
        nodes = [n for n in graph.subjects(RDF.type, kind) if graph.value(n, SCHEMA.name) is not None]
        if not nodes:
            bad.append(f"{page}: no {kind} with a name")
            continue
        if graph.value(nodes[0], SCHEMA.description) is None:
            bad.append(f"{page}: no description")
    check("every page's schema.org JSON-LD parses as RDF with the required name and description", not bad, bad[:5])


def libreoffice(site):
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    check("LibreOffice is installed", soffice, "install libreoffice-calc-nogui")
    if not soffice:
        return
    with tempfile.TemporaryDirectory() as out:
        expected = (site / "data" / "catalog.csv").read_text(encoding="utf-8-sig")
        for sheet, name in ((1, "Phụ lục"), (2, "Bảng dữ liệu")):
            run = subprocess.run(
                [soffice, "--headless", f"-env:UserInstallation=file://{out}/profile", "--convert-to",
                 f"csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,{sheet}",
                 "--outdir", out, str(site / "data" / "catalog.xlsx")],
                capture_output=True, text=True, timeout=120)
            produced = list(Path(out).glob(f"catalog*{name}*.csv")) or list(Path(out).glob("catalog*.csv"))
            check(f"LibreOffice opens the workbook and converts sheet “{name}”", run.returncode == 0 and produced, run.stderr[-500:])
            if not produced:
                continue
            rows = list(csv.reader(io.StringIO(produced[0].read_text(encoding="utf-8"))))
            if sheet == 2:
                # The CSV keeps cells text with one leading apostrophe
                # where a spreadsheet would run them (src/export/csv.rs).
                from_csv = [[c[1:] if c[:2] in ("'=", "'+", "'-", "'@", "'\t", "'\r") else c for c in r]
                            for r in csv.reader(io.StringIO(expected))]
                check("the flat sheet, read by LibreOffice, equals catalog.csv", rows == from_csv)
            else:
                entries = [r for r in rows[4:] if r and r[0].isdigit()]
                check("the appendix sheet has 44 entry rows", len(entries) == 44, len(entries))
            for f in produced:
                f.unlink()


def csv_in_a_spreadsheet(site):
    """LibreOffice opens catalog.csv with its default import (formulas
    evaluated): no cell may become a formula or an error, and the cells
    that start with a Markdown list read as text."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if not soffice:
        return
    with tempfile.TemporaryDirectory() as out:
        source = Path(out) / "catalog.csv"
        shutil.copy(site / "data" / "catalog.csv", source)
        run = subprocess.run(
            [soffice, "--headless", f"-env:UserInstallation=file://{out}/profile", "--infilter=CSV:44,34,76,1",
             "--convert-to", "xlsx", "--outdir", str(Path(out) / "x"), str(source)],
            capture_output=True, text=True, timeout=120)
        book = Path(out) / "x" / "catalog.xlsx"
        check("LibreOffice opens catalog.csv", run.returncode == 0 and book.exists(), run.stderr[-500:])
        if not book.exists():
            return
        with zipfile.ZipFile(book) as z:
            sheet = z.read("xl/worksheets/sheet1.xml").decode("utf-8")
            strings = z.read("xl/sharedStrings.xml").decode("utf-8")
        check("no cell of catalog.csv becomes a formula in LibreOffice", "<f" not in sheet, sheet.count("<f"))
        check("no cell of catalog.csv is an error in LibreOffice", 't="e"' not in sheet)
        check("list cells of catalog.csv read as text", "&apos;- " in strings or "'- " in strings)


def decision_document(site):
    """LibreOffice Writer opens data/quyet-dinh.docx and prints it to PDF:
    the decision's pages are A4 portrait and the appendix's landscape, the
    first page starts with the two-column header, and the PDF's text holds
    every entry's words in the decision's order."""
    entries = json.loads((site / "data" / "catalog.json").read_text(encoding="utf-8"))["entries"]
    with tempfile.TemporaryDirectory() as out:
        run = subprocess.run(
            ["soffice", f"-env:UserInstallation=file://{out}/profile", "--headless", "--convert-to", "pdf",
             "--outdir", out, str(site / "data" / "quyet-dinh.docx")],
            capture_output=True, text=True, timeout=600)
        pdf = Path(out) / "quyet-dinh.pdf"
        check("LibreOffice Writer prints the decision to PDF", run.returncode == 0 and pdf.exists(), run.stderr[-500:])
        if not pdf.exists():
            return
        info = subprocess.run(["pdfinfo", "-f", "1", "-l", "9999", str(pdf)], capture_output=True, text=True).stdout
        sizes = [(float(w), float(h)) for w, h in re.findall(r"Page\s+\d+ size:\s+([\d.]+) x ([\d.]+)", info)]
        turn = next((i for i, (w, h) in enumerate(sizes) if w > h), 0)
        check("the decision's pages are A4 portrait, then the appendix's landscape",
              turn > 0 and all(w < h for w, h in sizes[:turn]) and all(w > h for w, h in sizes[turn:])
              and all(abs(min(w, h) - 595.3) < 1 and abs(max(w, h) - 841.9) < 1 for w, h in sizes), sizes[:6])
        first = subprocess.run(["pdftotext", "-f", "1", "-l", "1", "-layout", str(pdf), "-"],
                               capture_output=True, text=True).stdout
        top = [line for line in first.splitlines() if line.strip()][:6]
        check("the first page opens with the draft mark, the issuing body and the national name",
              any("DỰ THẢO" in line for line in top[:2]) and any("ỦY BAN NHÂN DÂN" in line for line in top)
              and any("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in line for line in top), top)
        text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True).stdout
        words = re.findall(r"\w+", text.lower())
        at, missing = 0, []
        for entry in entries:
            for word in re.findall(r"\w+", entry["title"].lower()):
                try:
                    at = words.index(word, at) + 1
                except ValueError:
                    missing.append(f"{entry['group']}.{entry['number']} {word}")
                    break
        check("the PDF holds every entry's words in the decision's order", not missing, missing[:5])


def main():
    site = Path(sys.argv[1])
    if "--shapes-only" in sys.argv[2:]:
        # Another catalog than the real one: the official shapes only.
        dcat_ap_shapes(site)
    else:
        dcat(site)
        dcat_ap_shapes(site)
        schema_org(site)
        libreoffice(site)
        csv_in_a_spreadsheet(site)
        decision_document(site)
    failed = results.count(False)
    print(f"{results.count(True)} passed, {failed} failed")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
