#!/usr/bin/env python3
"""Writes kartlegging.fods (a flat OpenDocument spreadsheet, the readable
source of this example's data) and converts it with LibreOffice into
kartlegging.xlsx, the file org.toml names.

    python3 make-workbook.py            # needs soffice (libreoffice-calc)

The sheets are made the way an HR adviser makes them: Norwegian headers,
employee numbers as number cells, real date cells shown as
14.03.2026, levels typed as numbers or picked from
a drop-down list ("3 - avansert"), skill columns headed by the skills'
names, blank cells where nothing is assessed.
"""
import os
import subprocess
import sys
from xml.sax.saxutils import escape

HERE = os.path.dirname(os.path.abspath(__file__))

PEOPLE = [  # Ansattnr, Navn, Enhet, Stilling
    ("1001", "Kari Nordmann", "helse/sykehjem", "sykepleier"),
    ("1002", "Ola Bråten", "helse/sykehjem", "sykepleier"),
    ("1003", "Åse Lømo", "helse/sykehjem", "sykepleier"),
    ("1004", "Siri Hætta", "helse/sykehjem", "helsefagarbeider"),
    ("1005", "Jørgen Øie", "helse/sykehjem", "helsefagarbeider"),
    ("1006", "Mona Strøm", "helse/sykehjem", "helsefagarbeider"),
    ("1007", "Ivar Sæther", "helse/sykehjem", "helsefagarbeider"),
    ("1008", "Linn Ødegård", "helse/sykehjem", "helsefagarbeider"),
    ("1009", "Trond Aas", "helse/sykehjem", "helsefagarbeider"),
    ("1010", "Hege Bø", "helse/sykehjem", "helsefagarbeider"),
    ("1011", "Nina Kvål", "helse/hjemmetjeneste", "sykepleier"),
    ("1012", "Per Ødven", "helse/hjemmetjeneste", "helsefagarbeider"),
    ("1013", "Emma Lie", "helse/hjemmetjeneste", "helsefagarbeider"),
    ("1014", "Arne Grønli", "helse/hjemmetjeneste", "helsefagarbeider"),
    ("1015", "Sofie Dæhli", "helse/hjemmetjeneste", "helsefagarbeider"),
    ("1016", "Ingrid Fjær", "oppvekst/barnehage", "pedagog"),
    ("1017", "Tor Ålien", "oppvekst/barnehage", "pedagog"),
    ("1018", "Marte Ruud", "oppvekst/barnehage", ""),
]

# Kartlegging: Ansattnr, Navn, Vurdert, then one column per skill name.
MATRIX_SKILLS = ["Legemiddelhåndtering", "Demensomsorg", "Dokumentasjon i EPJ",
                 "Velferdsteknologi", "Språkutvikling hos barn"]
MATRIX = [
    ("1001", "2026-03-14", [4, "3 - avansert", 3, 2, None]),
    ("1002", "2026-03-14", [3, 2, "3 - avansert", 1, None]),
    ("1003", "2025-09-02", ["2 - god", 3, 2, 1, None]),
    ("1004", "2026-03-14", [1, "3 - avansert", 2, 1, None]),
    ("1005", "2026-03-15", [1, 2, 2, None, None]),
    ("1006", "2024-01-20", [None, "2 - god", 1, 2, None]),
    ("1007", "2026-03-15", [1, 1, 2, 1, None]),
    ("1008", "2026-03-15", [None, 3, 2, None, None]),
    ("1009", "2026-03-16", [1, 2, "1 - grunnleggende", 1, None]),
    ("1010", "2026-03-16", [None, 1, 2, 2, None]),
    ("1011", "2026-02-02", [3, 1, 3, 3, None]),
    ("1012", "2026-02-02", [1, 1, 2, 2, None]),
    ("1013", "2026-02-03", [None, None, 2, 1, None]),
    ("1014", "2026-02-03", [None, 2, 1, "3 - avansert", None]),
    ("1015", "2026-02-03", [1, None, 2, 1, None]),
    ("1016", "2026-04-20", [None, None, None, 1, 3]),
    ("1017", "2026-04-20", [None, None, None, None, "2 - god"]),
    ("1018", "2026-04-21", [None, None, None, None, 2]),
]

# Sertifikater: Ansattnr, Kompetanse, Nivå, Vurdert, Utløper, Kilde
CERTS = [
    ("1001", "førstehjelp", 2, "2025-02-01", "2027-02-01", "kursbevis"),
    ("1002", "førstehjelp", 2, "2024-12-10", "2026-12-10", "kursbevis"),
    ("1003", "førstehjelp", 3, "2025-05-05", "2027-05-05", "kursbevis – Norsk Folkehjelp"),
    ("1004", "førstehjelp", 2, "2025-01-15", "2027-01-15", "kursbevis"),
    ("1005", "førstehjelp", 2, "2025-06-01", "2027-06-01", "kursbevis"),
    ("1006", "førstehjelp", 2, "2023-10-01", "2025-10-01", "kursbevis"),
    ("1007", "førstehjelp", 2, "2025-11-20", "2027-11-20", "kursbevis"),
    ("1008", "førstehjelp", 2, "2025-01-10", "2027-01-10", "kursbevis"),
    ("1009", "førstehjelp", 1, "2026-01-12", "", "leder"),
    ("1011", "førstehjelp", 2, "2025-03-01", "2027-03-01", "kursbevis"),
    ("1012", "førstehjelp", 2, "2025-03-01", "2027-03-01", "kursbevis"),
    ("1016", "førstehjelp", 2, "2026-08-15", "2028-08-15", "kursbevis"),
    ("1017", "førstehjelp", 2, "2026-08-15", "2028-08-15", "kursbevis"),
    ("1001", "legemiddelhåndtering", 4, "2026-05-01", "2029-05-01", "sertifikat"),
]


def cell(value):
    if value is None or value == "":
        return "<table:table-cell/>"
    if isinstance(value, int):
        return (f'<table:table-cell office:value-type="float" office:value="{value}">'
                f"<text:p>{value}</text:p></table:table-cell>")
    if isinstance(value, tuple) and value[0] == "date":
        y, m, d = value[1].split("-")
        return (f'<table:table-cell table:style-name="dato" office:value-type="date" '
                f'office:date-value="{value[1]}"><text:p>{d}.{m}.{y}</text:p></table:table-cell>')
    return (f'<table:table-cell office:value-type="string"><text:p>{escape(value)}</text:p>'
            "</table:table-cell>")


def date(text):
    return ("date", text) if text else None


def sheet(name, header, rows):
    out = [f'<table:table table:name="{escape(name)}">']
    for row in [header] + rows:
        out.append("<table:table-row>" + "".join(cell(v) for v in row) + "</table:table-row>")
    out.append("</table:table>")
    return "\n".join(out)


def main():
    sheets = [
        sheet("Ansatte", ["Ansattnr", "Navn", "Enhet", "Stilling"], [[int(p[0])] + list(p[1:]) for p in PEOPLE]),
        sheet("Kartlegging", ["Ansattnr", "Navn", "Vurdert"] + MATRIX_SKILLS,
              [[int(pid), next(p[1] for p in PEOPLE if p[0] == pid), date(d)] + levels
               for pid, d, levels in MATRIX]),
        sheet("Sertifikater", ["Ansattnr", "Kompetanse", "Nivå", "Vurdert", "Utløper", "Kilde"],
              [[int(pid), skill, lvl, date(a), date(e), src] for pid, skill, lvl, a, e, src in CERTS]),
    ]
    doc = f"""<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"
 xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
 xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"
 xmlns:number="urn:oasis:names:tc:opendocument:xmlns:datastyle:1.0"
 xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"
 office:version="1.2" office:mimetype="application/vnd.oasis.opendocument.spreadsheet">
<office:automatic-styles>
<number:date-style style:name="N37"><number:day number:style="long"/><number:text>.</number:text><number:month number:style="long"/><number:text>.</number:text><number:year number:style="long"/></number:date-style>
<style:style style:name="dato" style:family="table-cell" style:data-style-name="N37"/>
</office:automatic-styles>
<office:body><office:spreadsheet>
{chr(10).join(sheets)}
</office:spreadsheet></office:body></office:document>
"""
    fods = os.path.join(HERE, "kartlegging.fods")
    with open(fods, "w", encoding="utf-8") as f:
        f.write(doc)
    if "--no-xlsx" in sys.argv:
        return
    subprocess.run(["soffice", "--headless", "--convert-to", "xlsx:Calc MS Excel 2007 XML",
                    "--outdir", HERE, fods], check=True, stdout=subprocess.DEVNULL)


if __name__ == "__main__":
    main()
