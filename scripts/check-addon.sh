#!/usr/bin/env bash
# Static checks of the copilot addon, without Odoo: Python compiles and passes pyflakes
# (Debian package python3-pyflakes, installed by CI), XML parses, the manifest is a literal
# dict whose data files exist, .po/.pot files parse. Exits non-zero on any failure.
set -uo pipefail

repo_root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
addon=${1:-$repo_root/odoo_addon/copilot}
# pyflakes comes from Debian (python3-pyflakes): when the python3 first on PATH (pyenv, venv)
# lacks it, use the system one
python=${PYTHON:-python3}
if [ -z "${PYTHON:-}" ] && ! python3 -m pyflakes --version >/dev/null 2>&1 \
        && /usr/bin/python3 -m pyflakes --version >/dev/null 2>&1; then
    python=/usr/bin/python3
fi

if [ ! -f "$addon/__manifest__.py" ]; then
    echo "check-addon: no addon at $addon" >&2
    exit 1
fi
if ! "$python" -m pyflakes --version >/dev/null 2>&1; then
    echo "check-addon: pyflakes is missing for $python (apt-get install python3-pyflakes)" >&2
    exit 1
fi

exec "$python" - "$addon" <<'PYTHON'
import ast
import os
import py_compile
import re
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

addon = sys.argv[1]
failures = []


def fail(path, message):
    failures.append(f'{os.path.relpath(path, addon)}: {message}')


def files(*extensions):
    found = []
    for root, dirs, names in os.walk(addon):
        dirs[:] = sorted(d for d in dirs if d not in ('__pycache__', 'node_modules'))
        found += [os.path.join(root, n) for n in sorted(names) if n.endswith(extensions)]
    return found


# Python: compiles, and pyflakes is clean. Odoo's `from . import x` in __init__.py files
# is how modules are loaded, not an unused import.
python_files = files('.py')
with tempfile.TemporaryDirectory() as tmp:
    for path in python_files:
        try:
            py_compile.compile(path, cfile=os.path.join(tmp, 'check.pyc'), doraise=True)
        except py_compile.PyCompileError as exc:
            fail(path, f'does not compile: {exc.msg}')
result = subprocess.run([sys.executable, '-m', 'pyflakes', *python_files],
                        capture_output=True, text=True)
for line in (result.stdout + result.stderr).splitlines():
    if re.match(r'.*/__init__\.py:\d+:(\d+:)? .* imported but unused$', line):
        continue
    failures.append(f'pyflakes: {os.path.relpath(line, addon) if line.startswith(addon) else line}')
print(f'check-addon: {len(python_files)} Python files compiled and checked with pyflakes')

# XML: well-formed.
xml_files = files('.xml')
for path in xml_files:
    try:
        ET.parse(path)
    except ET.ParseError as exc:
        fail(path, f'invalid XML: {exc}')
print(f'check-addon: {len(xml_files)} XML files parsed')

# Manifest: a literal dict, the keys the project relies on, every data file present.
manifest_path = os.path.join(addon, '__manifest__.py')
try:
    with open(manifest_path, encoding='utf-8') as f:
        manifest = ast.literal_eval(f.read())
    if not isinstance(manifest, dict):
        raise ValueError('not a dict')
except (ValueError, SyntaxError) as exc:
    fail(manifest_path, f'not a literal dict: {exc}')
    manifest = {}
for key in ('name', 'version', 'author', 'license', 'depends'):
    if key not in manifest:
        fail(manifest_path, f'missing key {key!r}')
if 'version' in manifest and not re.fullmatch(r'\d+\.\d+\.\d+', str(manifest['version'])):
    fail(manifest_path, f"version {manifest['version']!r} must be x.y.z, without series prefix")
data_files = [*manifest.get('data', []), *manifest.get('demo', [])]
for name in data_files:
    if not os.path.isfile(os.path.join(addon, name)):
        fail(manifest_path, f'data file {name} does not exist')
print(f"check-addon: manifest is a literal dict, {len(data_files)} data/demo files exist")


# .po/.pot: msgid/msgstr pairs, quoted strings, no duplicate msgid, and what Odoo's reader
# needs: a "#. module:" comment on every entry (else it fails on the file), and every msgid
# of a .po also in the module's .pot when there is one (Odoo merges the .po with it, and
# drops what the .pot lacks).
def unquote(text, path, number):
    text = text.strip()
    if len(text) < 2 or text[0] != '"' or text[-1] != '"':
        fail(path, f'line {number}: not a quoted string: {text[:40]}')
        return ''
    try:
        return ast.literal_eval(text)
    except (ValueError, SyntaxError):
        fail(path, f'line {number}: bad string escape')
        return ''


def read_po(path):
    entries, current, key, comments = [], None, None, []
    with open(path, encoding='utf-8') as f:
        for number, line in enumerate(f, 1):
            line = line.rstrip('\n')
            if not line.strip():
                continue
            if line.startswith('#'):
                comments.append(line)
                continue
            match = re.match(r'(msgctxt|msgid|msgid_plural|msgstr(?:\[\d+\])?)\s+(.*)$', line)
            if match:
                key, value = match.group(1), unquote(match.group(2), path, number)
                if key in ('msgid', 'msgctxt') and (current is None or 'msgstr' in current):
                    if current is not None:
                        entries.append(current)
                    current = {'comments': comments, 'line': number}
                    comments = []
                elif current is None:
                    fail(path, f'line {number}: {key} before any msgid')
                    current = {'comments': [], 'line': number}
                if key == 'msgid' and 'msgid' in current:
                    fail(path, f'line {number}: msgid without msgstr before it')
                current[key.split('[')[0]] = value
            elif line.startswith('"') and key and current is not None:
                current[key.split('[')[0]] += unquote(line, path, number)
            else:
                fail(path, f'line {number}: unexpected line: {line[:40]}')
    if current is not None:
        entries.append(current)
    return entries


po_files = files('.po', '.pot')
catalogs = {}
entries_total = 0
for path in po_files:
    entries = read_po(path)
    seen = set()
    for entry in entries:
        if 'msgid' not in entry or 'msgstr' not in entry:
            fail(path, f"line {entry['line']}: entry without msgid/msgstr pair")
            continue
        ident = (entry.get('msgctxt'), entry['msgid'])
        if ident in seen:
            fail(path, f"line {entry['line']}: duplicate msgid {entry['msgid'][:40]!r}")
        seen.add(ident)
        if entry['msgid'] and not any(c.startswith('#. module') for c in entry['comments']):
            fail(path, f"line {entry['line']}: no '#. module: ...' comment "
                       f"(Odoo cannot read the file): {entry['msgid'][:40]!r}")
    if not entries or entries[0].get('msgid') != '':
        fail(path, 'no header entry (msgid "")')
    catalogs[path] = seen
    entries_total += len(entries)
for path, idents in catalogs.items():
    if not path.endswith('.po'):
        continue
    pots = [p for p in catalogs if p.endswith('.pot') and os.path.dirname(p) == os.path.dirname(path)]
    for pot in pots:
        for ident in sorted(idents - catalogs[pot], key=str):
            if ident[1]:
                fail(path, f"msgid not in {os.path.basename(pot)}, so Odoo ignores it: "
                           f"{ident[1][:40]!r}")
print(f'check-addon: {len(po_files)} translation files parsed ({entries_total} entries)')

if failures:
    print(f'check-addon: FAILED ({len(failures)} problem(s))')
    for failure in failures:
        print(f'  {failure}')
    sys.exit(1)
print('check-addon: OK')
PYTHON
