#!/usr/bin/env python3
"""Writes the headings of the pinned BOLT files (level and text, in order) to the reports module's
spec-headings.json, from which reports link each requirement to its section's anchor on GitHub.
Run from the repository root: python3 reports/tools/spec_headings.py ../shared/bolts"""
import json, os, re, sys

bolts = sys.argv[1] if len(sys.argv) > 1 else "../shared/bolts"
out = {"commit": open(os.path.join(bolts, "COMMIT")).read().split()[2], "files": {}}
for name in sorted(os.listdir(bolts)):
    if not re.match(r"\d\d-.*\.md$", name):
        continue
    heads, fence = [], False
    for line in open(os.path.join(bolts, name), encoding="utf-8"):
        if line.lstrip().startswith("```"):
            fence = not fence
        m = None if fence else re.match(r"(#{1,6})\s+(.*?)\s*#*\s*$", line)
        if m:
            heads.append([len(m.group(1)), m.group(2)])
    out["files"][name] = heads
path = "reports/src/main/resources/org/lnconform/reports/spec-headings.json"
with open(path, "w", encoding="utf-8") as f:
    json.dump(out, f, indent=1, ensure_ascii=False)
    f.write("\n")
print(path)
