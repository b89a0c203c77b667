#!/usr/bin/env python3
"""Page, API and rule text lives in .resx files under a stable code. This tool adds codes and checks them.

  scripts/text.py add FILE.resx CODE TEXT      add one code (the file is created when missing)
  scripts/text.py add-many FILE.resx TSV       add codes from CODE<TAB>TEXT lines (\\n in TEXT is a line break)
  scripts/text.py check                        every code used in src/ is written once, in one file
  scripts/text.py left [PATH ...]              the inline Chinese still in .cs/.cshtml files, per file
"""
import os, re, sys
from xml.sax.saxutils import escape

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SRC = os.path.join(ROOT, "src")
HEADER = """<?xml version="1.0" encoding="utf-8"?>
<root>
  <resheader name="resmimetype"><value>text/microsoft-resx</value></resheader>
  <resheader name="version"><value>2.0</value></resheader>
  <resheader name="reader"><value>System.Resources.ResXResourceReader, System.Windows.Forms, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089</value></resheader>
  <resheader name="writer"><value>System.Resources.ResXResourceWriter, System.Windows.Forms, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089</value></resheader>
</root>
"""
DATA = re.compile(r'<data name="([^"]+)"')
USE = re.compile(r'(?<![\w.])(?:T|UiText\.T|Messages\.Get|Messages\.Describe)\(\s*"([^"]+)"')
LITERAL = re.compile(r'"(?:[^"\\\n]|\\.)*[\u4e00-\u9fff](?:[^"\\\n]|\\.)*"')
CHINESE = re.compile(r'[\u4e00-\u9fff]')


def sources(ext):
    for root, dirs, files in os.walk(SRC):
        dirs[:] = [d for d in dirs if d not in ("bin", "obj")]
        for f in files:
            if f.endswith(ext):
                yield os.path.join(root, f)


def codes():
    found = {}
    for path in sources(".resx"):
        for code in DATA.findall(open(path, encoding="utf-8").read()):
            found.setdefault(code, []).append(os.path.relpath(path, ROOT))
    return found


def add(resx, pairs):
    existing = codes()
    clash = [c for c, _ in pairs if c in existing]
    if clash:
        sys.exit("already written: " + ", ".join(f"{c} ({existing[c][0]})" for c in clash))
    if not os.path.exists(resx):
        open(resx, "w", encoding="utf-8").write(HEADER)
    text = open(resx, encoding="utf-8").read()
    lines = "".join(f'  <data name="{escape(c, {chr(34): "&quot;"})}" xml:space="preserve"><value>{escape(v)}</value></data>\n' for c, v in pairs)
    open(resx, "w", encoding="utf-8").write(text.replace("</root>", lines + "</root>"))
    print(f"{len(pairs)} added to {os.path.relpath(resx, ROOT)}")


def is_data(path):
    if "/Migrations" in path or "/Demo/" in path or path.endswith("DocumentTypes.cs") or "/Redaction/" in path:
        return True
    # a file may say in its first line that its literals are data: "// Data, not messages: why"
    with open(path, encoding="utf-8") as f:
        return f.readline().startswith("// Data, not messages:")


def inline(path):
    text = open(path, encoding="utf-8").read()
    if path.endswith(".cshtml"):
        return sum(1 for l in text.split("\n") if CHINESE.search(l) and not l.lstrip().startswith("@*"))
    code = "\n".join("" if l.lstrip().startswith("//") else l for l in text.split("\n"))
    return len(LITERAL.findall(code))


def main(args):
    if not args:
        sys.exit(__doc__)
    cmd, rest = args[0], args[1:]
    if cmd == "add" and len(rest) == 3:
        add(rest[0], [(rest[1], rest[2])])
    elif cmd == "add-many" and len(rest) == 2:
        pairs = [l.rstrip("\n").split("\t", 1) for l in open(rest[1], encoding="utf-8") if l.strip()]
        add(rest[0], [(c, v.replace("\\n", "\n")) for c, v in pairs])
    elif cmd == "check":
        written = codes()
        bad = [f"{c} is written in {len(f)} places: {', '.join(f)}" for c, f in written.items() if len(f) > 1]
        for path in list(sources(".cs")) + list(sources(".cshtml")):
            for n, line in enumerate(open(path, encoding="utf-8"), 1):
                if line.lstrip().startswith("///"):
                    continue
                for code in USE.findall(line):
                    # a code ending in "." is completed at run time ("holiday." + name)
                    if code not in written and not code.endswith("."):
                        bad.append(f"{os.path.relpath(path, ROOT)}:{n}: no text for code '{code}'")
        print("\n".join(bad) if bad else f"ok: {len(written)} codes")
        sys.exit(1 if bad else 0)
    elif cmd == "left":
        roots = [os.path.abspath(p) for p in rest] or [SRC]
        total = 0
        for path in sorted(list(sources(".cs")) + list(sources(".cshtml"))):
            if is_data(path) or not any(path.startswith(r) for r in roots):
                continue
            n = inline(path)
            if n:
                total += n
                print(f"{n:5} {os.path.relpath(path, ROOT)}")
        print(f"{total:5} in all")
    else:
        sys.exit(__doc__)


main(sys.argv[1:])
