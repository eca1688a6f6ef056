"""Latin spellings of Russian names back to Cyrillic ("Lukashenko" → "лукашенко", "Shoigu" →
"шойгу", "Zelensky" → "зеленский"): the common English and passport transliterations, longest
letter groups first. Approximate by nature: it gives one spelling, which the index then matches."""
from __future__ import annotations

import re

GROUPS = [
    ("shch", "щ"), ("sch", "щ"), ("zh", "ж"), ("kh", "х"), ("ts", "ц"), ("tz", "ц"), ("ch", "ч"),
    ("sh", "ш"), ("yu", "ю"), ("iu", "ю"), ("ya", "я"), ("ia", "я"), ("yo", "ё"), ("ye", "е"),
    ("yi", "ый"), ("oi", "ой"), ("iy", "ий"), ("oy", "ой"), ("ey", "ей"), ("ay", "ай"), ("uy", "уй"),
    ("a", "а"), ("b", "б"), ("v", "в"), ("w", "в"), ("g", "г"), ("d", "д"), ("e", "е"), ("z", "з"),
    ("i", "и"), ("j", "й"), ("k", "к"), ("l", "л"), ("m", "м"), ("n", "н"), ("o", "о"), ("p", "п"),
    ("r", "р"), ("s", "с"), ("t", "т"), ("u", "у"), ("f", "ф"), ("h", "х"), ("c", "к"), ("q", "к"),
    ("x", "кс"), ("y", "ы"),
]
LETTERS = re.compile("|".join(latin for latin, _ in GROUPS))
CYRILLIC = dict(GROUPS)
ENDINGS = (("sky", "ский"), ("skiy", "ский"), ("skii", "ский"), ("lny", "льный"), ("ny", "ный"), ("y", "ий"))


def cyrillic(word: str) -> str:
    """One Cyrillic spelling of a Latin word (lower case in, lower case out)."""
    word = word.casefold()
    for latin, ending in ENDINGS:
        if word.endswith(latin) and len(word) > len(latin) + 2:
            return _letters(word[: -len(latin)]) + ending
    return _letters(word)


def _letters(word: str) -> str:
    return LETTERS.sub(lambda match: CYRILLIC[match.group()], word)
