#!/usr/bin/env python3
"""One-time import of the decision's appendix into danhmuc content files.

This produced the first version of `content/`. Since then `content/` is the
source of truth and is edited by hand; rerunning this script would discard
those edits, so it writes into a folder you name, for comparison only.

Usage: tools/import_catalog.py SHARED_SOURCE_DIR OUT_DIR

It reads the cleaned transcription (catalog.json) and, from the decision's
text, the `<p>` fragments that mark where a cell starts a new paragraph
(headings such as "Thông tin về hội:"), then turns the inline "- a - b"
runs into Markdown lists. The words are the decision's, typos included.
"""
import json
import re
import sys
import unicodedata
from pathlib import Path

SECTORS = {
    "Nội vụ": "noi-vu",
    "Xây dựng": "xay-dung",
    "Khoa học và Công nghệ": "khoa-hoc-va-cong-nghe",
    "Nông nghiệp và Môi trường": "nong-nghiep-va-moi-truong",
    "Dân tộc và Tôn giáo": "dan-toc-va-ton-giao",
    "Giáo dục và Đào tạo": "giao-duc-va-dao-tao",
    "Y tế": "y-te",
    "Công Thương": "cong-thuong",
    "Văn hóa, Thể thao và Du lịch": "van-hoa-the-thao-va-du-lich",
    "Khác": "khac",
}
AGENCIES = {
    "Sở Nội vụ": "so-noi-vu",
    "Sở Xây dựng": "so-xay-dung",
    "Sở Khoa học và Công nghệ": "so-khoa-hoc-va-cong-nghe",
    "Sở Nông nghiệp và Môi trường": "so-nong-nghiep-va-moi-truong",
    "Sở Dân tộc và Tôn giáo": "so-dan-toc-va-ton-giao",
    "Sở Giáo dục và Đào tạo": "so-giao-duc-va-dao-tao",
    "Sở Y tế": "so-y-te",
    "Sở Công Thương": "so-cong-thuong",
    "Sở Văn hóa, Thể thao và Du lịch": "so-van-hoa-the-thao-va-du-lich",
    "Văn phòng UBND tỉnh": "van-phong-ubnd-tinh",
    "UBND các xã, phường, đặc khu": "ubnd-cac-xa-phuong-dac-khu",
    # The decision spells this agency two ways (A.18, A.21): one agency.
    "Ban Quản lý Khu kinh tế Quảng Ninh": "ban-quan-ly-khu-kinh-te",
    "Ban quản lý Khu Kinh tế Quảng Ninh": "ban-quan-ly-khu-kinh-te",
}
# Paragraph starts that the PDF extraction glued to the previous item and
# that no <p> fragment marks.
EXTRA_BREAKS = {("A", 24, "scope"): ["Thuê bao điện thoại"]}
# Cells whose " - " are hyphens inside names ("Du lịch - Dịch vụ"), not items.
NOT_LISTS = {("B", 10, "scope")}


def ascii_fold(text):
    text = text.replace("đ", "d").replace("Đ", "D")
    return "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c))


def slugify(text, limit=60):
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_fold(text).lower()).strip("-")
    if len(slug) > limit:
        slug = slug[:limit].rsplit("-", 1)[0]
    return slug


def paragraph_fragments(decision_text):
    frags = set()
    for frag in re.findall(r"<p>(.*?)</p>", decision_text):
        frag = frag.strip()
        # A fragment that starts in lower case is the tail of a cell cut by
        # a page break, not a paragraph of its own.
        if frag and frag[0] not in "-+" and not frag[0].islower():
            frags.add(frag)
    return frags


def split_before_capital(text, marker):
    """Split at `marker` where the next word starts with a capital letter, so
    that "kinh tế - xã hội" stays whole while "- Thông tin" starts an item."""
    pieces, start = [], 0
    for m in re.finditer(marker, text):
        if m.end() < len(text) and text[m.end()].isupper():
            pieces.append(text[start:m.start()])
            start = m.end()
    pieces.append(text[start:])
    return [p.strip() for p in pieces]


def split_items(paragraph):
    """'intro - a - b' -> (intro, [a, b])."""
    pieces = split_before_capital(paragraph, r"(?:^|\s)-\s*")
    intro, items = pieces[0], [p for p in pieces[1:] if p]
    starts_with_dash = paragraph.lstrip().startswith("-")
    if not items or not (starts_with_dash or intro.endswith(":") or len(items) > 1):
        return paragraph, []
    return intro, items


def item_markdown(item):
    subs = split_before_capital(item, r"\s\+\s")
    lines = [f"- {subs[0]}"]
    lines += [f"  - {s}" for s in subs[1:]]
    return "\n".join(lines)


def to_markdown(text, key, frags):
    text = text.strip()
    for frag in sorted(frags | set(EXTRA_BREAKS.get(key, [])), key=len, reverse=True):
        if frag != text and frag in text:
            text = re.sub(re.escape(frag) + r"(?=\s*(?:[-+(]|$))", f"\n\n{frag}\n\n", text)
    blocks = []
    for para in (p.strip() for p in text.split("\n\n")):
        if not para:
            continue
        intro, items = ("", []) if key in NOT_LISTS else split_items(para)
        if not items:
            blocks.append(para)
            continue
        if intro:
            blocks.append(intro)
        blocks.append("\n".join(item_markdown(i) for i in items))
    return "\n\n".join(blocks)


def yaml_str(value):
    if re.search(r'[:#"\'\[\]{}&*!|>%@`]|^[-?\s]|\s$', value) or value == "":
        return json.dumps(value, ensure_ascii=False)
    return value


def main():
    source, out = Path(sys.argv[1]), Path(sys.argv[2])
    catalog = json.loads((source / "catalog.json").read_text(encoding="utf-8"))
    frags = paragraph_fragments(
        (source / "quyet-dinh-danh-muc-csdl-dung-chung-quang-ninh.txt").read_text(encoding="utf-8")
    )
    (out / "csdl").mkdir(parents=True, exist_ok=True)
    for e in catalog["entries"]:
        group, number = e["group"], e["number"]
        agencies = []
        for name in e["agencies"]:
            if AGENCIES[name] not in agencies:
                agencies.append(AGENCIES[name])
        front = [
            "---",
            f"title: {yaml_str(e['name'])}",
            f"group: {group}",
            f"number: {number}",
            f"sector: {SECTORS[e['sector']]}",
            "agencies:",
            *[f"  - {a}" for a in agencies],
        ]
        if e["notes"].strip():
            front.append(f"notes: {yaml_str(e['notes'].strip())}")
        front.append("---")
        body = []
        for field, heading in [
            ("purpose", "Mục đích"),
            ("scope", "Phạm vi, nội dung chính"),
            ("collection", "Cơ chế thu thập"),
            ("sharing", "Kết nối, chia sẻ dữ liệu"),
        ]:
            body += [f"## {heading}", "", to_markdown(e[field], (group, number, field), frags), ""]
        text = "\n".join(front) + "\n\n" + "\n".join(body)
        name = f"{group.lower()}-{number:02d}-{slugify(e['name'], 40)}.md"
        (out / "csdl" / name).write_text(unicodedata.normalize("NFC", text), encoding="utf-8")


if __name__ == "__main__":
    main()
