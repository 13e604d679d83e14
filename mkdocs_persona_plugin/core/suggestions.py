"""Did-you-mean: the known names closest to a mistyped one (ids, owners, commands, options).

A name is suggested when it is a small typo away from what was written, or when what was
written is a short form of it: ``olivia`` finds ``operations-manager-olivia`` (a word of the
id, or of the persona's name), ``fin-man`` finds ``finance-manager-margie`` (each word starts
one of its words). This module does not import mkdocs.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping
from difflib import SequenceMatcher

#: How alike a whole name must be (difflib's ratio) to count as a typo of it.
NAME_CUTOFF = 0.6
#: How alike one word must be to a word of a name to count as a typo of that word.
WORD_CUTOFF = 0.8
#: Known names are listed in a message when there are at most this many.
LIST_AT_MOST = 8


def _plain(text: str) -> str:
    """Case-folded, without accents and without leading ``@`` (owners) or ``-`` (options)."""
    decomposed = unicodedata.normalize("NFKD", str(text).strip().lstrip("@-").casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _words(text: str) -> list[str]:
    return re.findall(r"[^\W_]+", _plain(text))


def _ratio(a: str, b: str) -> float:
    matcher = SequenceMatcher(None, a, b)
    if matcher.real_quick_ratio() < NAME_CUTOFF or matcher.quick_ratio() < NAME_CUTOFF:
        return 0.0
    return matcher.ratio()


class Matcher:
    """Finds the closest of a fixed set of names; build it once, ask it many times.

    ``aliases`` gives other texts a name can be found by, e.g. a persona's ``name`` for its id.
    """

    def __init__(
        self, choices: Iterable[str], aliases: Mapping[str, Iterable[str]] | None = None
    ) -> None:
        self.choices = list(dict.fromkeys(str(c) for c in choices))
        aliases = aliases or {}
        self._plain = {c: _plain(c) for c in self.choices}
        self._texts = {
            c: [self._plain[c], *(_plain(a) for a in aliases.get(c, ()) if a)]
            for c in self.choices
        }
        self._words = {
            c: {w for text in self._texts[c] for w in _words(text)} for c in self.choices
        }
        self._vocabulary = {w for words in self._words.values() for w in words}

    def closest(self, word: str, limit: int = 3) -> list[str]:
        """Up to ``limit`` names close to ``word``, best first."""
        target = _plain(word)
        if not target:
            return []
        # For each word written, the known words it may stand for (once, not per name).
        wanted = [self._stands_for(w) for w in _words(word)]
        short: list[tuple[float, str]] = []
        typos: list[tuple[float, str]] = []
        for choice in self.choices:
            ratio = _ratio(target, self._plain[choice])
            if self._is_short_form(target, wanted, choice):
                short.append((-ratio, choice))
            elif ratio >= NAME_CUTOFF:
                typos.append((-ratio, choice))
        short.sort()
        typos.sort()
        if short:
            # Beside names written short, only near-certain typos.
            typos = [t for t in typos if -t[0] >= WORD_CUTOFF]
        elif typos:
            # Only the typos about as close as the closest one.
            typos = [t for t in typos if -t[0] >= -typos[0][0] - 0.1]
        return [choice for _, choice in [*short, *typos][:limit]]

    def _stands_for(self, want: str) -> set[str]:
        """The known words ``want`` is, starts, or is a typo of."""
        return {
            have
            for have in self._vocabulary
            if have == want
            or (len(want) >= 3 and have.startswith(want))
            or (len(want) >= 4 and _ratio(want, have) >= WORD_CUTOFF)
        }

    def _is_short_form(self, target: str, wanted: list[set[str]], choice: str) -> bool:
        """``target`` names ``choice`` by its words (or a typo of them), or is a part of it."""
        words = self._words[choice]
        if wanted and all(not words.isdisjoint(have) for have in wanted):
            return True
        return len(target) >= 4 and any(target in text for text in self._texts[choice])


def closest(
    word: str,
    choices: Iterable[str],
    aliases: Mapping[str, Iterable[str]] | None = None,
    limit: int = 3,
) -> list[str]:
    """Up to ``limit`` of ``choices`` close to ``word``, best first (see :class:`Matcher`)."""
    return Matcher(choices, aliases).closest(word, limit)


def quoted_list(names: Iterable[str], conjunction: str = "or") -> str:
    """``'a'``, ``'a' or 'b'``, ``'a', 'b' or 'c'``."""
    items = [f"'{name}'" for name in names]
    if len(items) <= 1:
        return "".join(items)
    return f"{', '.join(items[:-1])} {conjunction} {items[-1]}"


def did_you_mean(matches: Iterable[str]) -> str:
    """``"; did you mean 'x'?"`` (or ``'x' or 'y'``), or an empty string."""
    names = list(matches)
    return f"; did you mean {quoted_list(names)}?" if names else ""
