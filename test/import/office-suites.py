"""Rewrites an import template the way other office suites save it, for test/import/office-suites.e2e-spec.ts.

Runs under Debian's python3 with python3-openpyxl (apt-get install python3-openpyxl; .ci/run installs it).

  office-suites.py openpyxl IN OUT EDITS.json
      Loads IN with openpyxl, sets the cells EDITS names ({"<milestone id>": {"<header>": "<value>"}}; a value that
      is a YYYY-MM-DD date is written as a date) and saves OUT as openpyxl writes it: its own part names
      (xl/comments/comment1.xml, absolute relationship targets), the header's notes as comments, shared strings.
  office-suites.py inline-no-styles IN OUT
      Rewrites IN's package as lean writers (some WPS and web exports) do: every shared string inlined into its cell
      (t="inlineStr"), no xl/sharedStrings.xml and no xl/styles.xml (dates are then bare serial numbers).
"""

import datetime
import json
import re
import sys
import zipfile
from xml.sax.saxutils import escape


def openpyxl_edit(source, target, edits_path):
    import openpyxl

    with open(edits_path, encoding="utf-8") as handle:
        edits = json.load(handle)
    book = openpyxl.load_workbook(source)
    sheet = book["里程碑更新"]
    header = {cell.value: cell.column for cell in sheet[1]}
    for row in sheet.iter_rows(min_row=2):
        milestone = row[header["里程碑ID"] - 1].value
        for name, value in edits.get(milestone, {}).items():
            if isinstance(value, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
                value = datetime.datetime.strptime(value, "%Y-%m-%d")
            row[header[name] - 1].value = value
    book.save(target)


def inline_no_styles(source, target):
    with zipfile.ZipFile(source) as package:
        parts = {name: package.read(name) for name in package.namelist()}
    shared = []
    strings = next((name for name in parts if name.lower().endswith("sharedstrings.xml")), None)
    if strings:
        for item in re.findall(rb"<si>(.*?)</si>", parts.pop(strings), re.S):
            shared.append("".join(t.decode("utf-8") for t in re.findall(rb"<t[^>]*>(.*?)</t>", item, re.S)))

    def inline(match):
        attributes, index = match.group(1).decode("utf-8"), int(match.group(2))
        attributes = re.sub(r'\s+t="s"', "", re.sub(r'\s+s="\d+"', "", attributes))
        text = escape(unescape(shared[index]))
        return f'<c{attributes} t="inlineStr"><is><t>{text}</t></is></c>'.encode("utf-8")

    styles = next((name for name in parts if name.lower().endswith("styles.xml")), None)
    if styles:
        parts.pop(styles)
    for name in list(parts):
        if re.search(r"worksheets/[^/]+\.xml$", name):
            xml = re.sub(rb'<c([^>]*?\st="s"[^>]*)><v>(\d+)</v></c>', inline, parts[name])
            parts[name] = re.sub(rb'\s+s="\d+"', b"", xml)
        elif name.endswith(".rels") or name == "[Content_Types].xml":
            parts[name] = re.sub(rb"<(Relationship|Override)\b[^>]*(sharedStrings|styles)[^>]*/>", b"", parts[name])
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as package:
        for name, data in parts.items():
            package.writestr(name, data)


def unescape(text):
    return text.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", '"').replace("&apos;", "'").replace("&amp;", "&")


if __name__ == "__main__":
    mode = sys.argv[1]
    if mode == "openpyxl":
        openpyxl_edit(*sys.argv[2:5])
    elif mode == "inline-no-styles":
        inline_no_styles(*sys.argv[2:4])
    else:
        sys.exit(f"unknown mode {mode}")
