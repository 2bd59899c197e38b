"""The characters of the report font's subset (see src/main/resources/fonts/README.txt), as U+XXXX codes.

Everything GB 2312 encodes (6,763 hanzi, punctuation, full-width forms, Greek, Cyrillic, kana),
printable ASCII and Latin-1, general punctuation, CJK symbols and punctuation, half- and full-width
forms, and every character of the text files under the folders named as arguments.
"""
import pathlib
import sys

chars = set()
for cp in range(0x80, 0x10000):
    try:
        chr(cp).encode('gb2312')
        chars.add(cp)
    except UnicodeEncodeError:
        pass
chars |= set(range(0x20, 0x7F)) | set(range(0xA0, 0x100)) | set(range(0x2000, 0x2070)) \
    | set(range(0x3000, 0x3040)) | set(range(0xFF00, 0xFFF0))
for root in sys.argv[1:]:
    for f in pathlib.Path(root).rglob('*'):
        if f.is_file() and f.suffix in ('.properties', '.txt', '.csv', '.json', '.html', '.sql'):
            chars |= {ord(c) for c in f.read_text('utf-8', errors='ignore') if ord(c) >= 0x80}
print(','.join('U+%04X' % c for c in sorted(chars)))
