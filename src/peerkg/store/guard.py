"""Screening a query text before it runs: is it an update, does it use SERVICE, which FROM graphs.

pyoxigraph executes ``SERVICE`` by making the HTTP request itself, so it must be refused before the
query reaches a worker. The scan tokenises the text (comments, strings and IRIs are skipped as whole
tokens), so ``"SERVICE"`` in a string or ``?service`` never trips it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

_TOKEN = re.compile(
    r'(?P<comment>#[^\n]*)'
    r'|(?P<string>"""(?:[^"\\]|\\.|"(?!""))*"""|\'\'\'(?:[^\'\\]|\\.|\'(?!\'\'))*\'\'\''
    r'|"(?:[^"\\\n]|\\.)*"|\'(?:[^\'\\\n]|\\.)*\')'
    r'|(?P<iri><[^<>"{}|^`\\\s]*>)'
    r'|(?P<var>[?$][\w\u00B7-\uFFFF]+)'
    r'|(?P<pname>(?:[A-Za-z\u00C0-\uFFFF][\w.\-\u00B7-\uFFFF]*)?:[\w.\-%:\u00B7-\uFFFF]*)'
    r'|(?P<word>[A-Za-z_]\w*)'
    r'|(?P<other>\S)',
    re.UNICODE,
)
UPDATE_KEYWORDS = frozenset({"INSERT", "DELETE", "LOAD", "CLEAR", "DROP", "CREATE", "ADD", "MOVE", "COPY",
                             "WITH"})


@dataclass
class Screening:
    is_update: bool = False
    uses_service: bool = False
    from_graphs: list[str] = field(default_factory=list)


def screen(query: str) -> Screening:
    tokens = [(m.lastgroup, m.group()) for m in _TOKEN.finditer(query) if m.lastgroup not in ("comment",)]
    result = Screening()
    prefixes: dict[str, str] = {}
    first_keyword: str | None = None
    i = 0
    while i < len(tokens):
        kind, text = tokens[i]
        upper = text.upper()
        if kind == "word" and upper == "PREFIX" and i + 2 < len(tokens):
            pname, iri = tokens[i + 1][1], tokens[i + 2][1]
            prefixes[pname.rstrip(":")] = iri[1:-1]
            i += 3
            continue
        if kind == "word" and upper == "BASE":
            i += 2
            continue
        if kind == "word":
            if first_keyword is None:
                first_keyword = upper
            if upper == "SERVICE":
                result.uses_service = True
            elif upper == "FROM":
                j = i + 1
                if j < len(tokens) and tokens[j][1].upper() == "NAMED":
                    j += 1
                if j < len(tokens):
                    gkind, gtext = tokens[j]
                    if gkind == "iri":
                        result.from_graphs.append(gtext[1:-1])
                    elif gkind == "pname":
                        prefix, _, local = gtext.partition(":")
                        if prefix in prefixes:
                            result.from_graphs.append(prefixes[prefix] + local)
        i += 1
    result.is_update = first_keyword in UPDATE_KEYWORDS
    return result
