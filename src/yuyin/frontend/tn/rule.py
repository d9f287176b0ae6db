"""The shape of a text-normalisation rule and how a list of them is applied."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass


@dataclass(frozen=True)
class Rule:
    """Replace each match of ``pattern`` by ``spoken(match)``; ``name`` is for tests and traces."""

    name: str
    pattern: re.Pattern[str]
    spoken: Callable[[re.Match[str]], str]


def rule(name: str, pattern: str, spoken: Callable[[re.Match[str]], str]) -> Rule:
    return Rule(name, re.compile(pattern), spoken)


def apply_rules(rules: Iterable[Rule], text: str) -> str:
    """Apply each rule in order over the whole text."""
    for each in rules:
        text = each.pattern.sub(each.spoken, text)
    return text


def context_before(match: re.Match[str], width: int) -> str:
    """Up to ``width`` characters of the text just before ``match``."""
    return match.string[max(0, match.start() - width) : match.start()]


def context_after(match: re.Match[str], width: int) -> str:
    """Up to ``width`` characters of the text just after ``match``."""
    return match.string[match.end() : match.end() + width]
