"""Make the fonts the plugin draws avatars and social cards with (maintainers only).

The plugin ships DejaVu Sans and DejaVu Sans Bold cut down to the scripts persona names and
taglines are written in: Latin (with every accent of the European languages and Vietnamese),
Greek and Cyrillic, plus typographic punctuation and currency signs. Pillow's own default
font has ASCII only, so without them "José Müller" would be drawn as "Jose Muller".

Run it after changing the ranges below, then commit the files it writes::

    pip install fonttools
    python scripts/subset_fonts.py [--source /usr/share/fonts/truetype/dejavu]

The source is Debian's ``fonts-dejavu-core`` package (``apt-get install fonts-dejavu-core``);
its licence is copied next to the fonts.
"""

from __future__ import annotations

import argparse
import shutil
from pathlib import Path

from fontTools import subset

OUT = Path(__file__).resolve().parent.parent / "mkdocs_persona_plugin" / "images" / "fonts"
FACES = {"DejaVuSans.ttf": "DejaVuSans.ttf", "DejaVuSans-Bold.ttf": "DejaVuSans-Bold.ttf"}
#: Unicode blocks kept (inclusive ranges).
RANGES = [
    (0x0020, 0x007E),  # Basic Latin
    (0x00A0, 0x00FF),  # Latin-1 Supplement
    (0x0100, 0x024F),  # Latin Extended-A and -B
    (0x0300, 0x036F),  # combining diacritical marks
    (0x0370, 0x03FF),  # Greek and Coptic
    (0x0400, 0x052F),  # Cyrillic and Cyrillic Supplement
    (0x1E00, 0x1EFF),  # Latin Extended Additional (Vietnamese, Welsh, …)
    (0x2000, 0x206F),  # General Punctuation
    (0x20A0, 0x20CF),  # currency symbols
    (0x2100, 0x214F),  # letterlike symbols (№, ™, …)
    (0x2190, 0x21FF),  # arrows
]
LICENCE = Path("/usr/share/doc/fonts-dejavu-core/copyright")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--source", type=Path, default=Path("/usr/share/fonts/truetype/dejavu"))
    args = parser.parse_args()
    OUT.mkdir(parents=True, exist_ok=True)
    unicodes = [cp for first, last in RANGES for cp in range(first, last + 1)]
    for source_name, out_name in FACES.items():
        options = subset.Options()
        options.layout_features = ["kern", "liga", "ccmp", "locl", "mark", "mkmk"]
        options.name_IDs = ["*"]  # keep the copyright and licence records
        options.notdef_outline = True
        options.recalc_timestamp = False  # the same input gives the same bytes
        font = subset.load_font(str(args.source / source_name), options)
        subsetter = subset.Subsetter(options)
        subsetter.populate(unicodes=unicodes)
        subsetter.subset(font)
        subset.save_font(font, str(OUT / out_name), options)
        print(f"wrote {OUT / out_name} ({(OUT / out_name).stat().st_size // 1024} KB)")
    if LICENCE.is_file():
        shutil.copyfile(LICENCE, OUT / "LICENSE-DejaVu.txt")
        print(f"wrote {OUT / 'LICENSE-DejaVu.txt'}")


if __name__ == "__main__":
    main()
