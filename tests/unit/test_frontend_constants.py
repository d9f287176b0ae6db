"""A front-end module constant bound twice silently replaces the first for every function that reads it (the rules
tables' repeated keys are test_frontend_cases' concern)."""
from __future__ import annotations

import ast
import inspect
from types import ModuleType

import pytest

from yuyin.frontend import normalize, polyphones, sandhi, tn, words
from yuyin.frontend.tn import chat, datetime, digits, letters, marks, math, measures, money, numbers, phone, specs, web


def _tree(module: ModuleType) -> ast.Module:
    return ast.parse(inspect.getsource(module))


def _duplicates(names: list[str]) -> list[str]:
    return sorted({name for name in names if names.count(name) > 1})


@pytest.mark.parametrize("module", [polyphones, sandhi, words, normalize, tn, chat, datetime, digits, letters, marks, math,
                                    measures, money, numbers, phone, specs, web], ids=lambda module: module.__name__)
def test_module_constants_are_bound_once(module: ModuleType) -> None:
    names = [target.id for node in _tree(module).body if isinstance(node, (ast.Assign, ast.AnnAssign))
             for target in (node.targets if isinstance(node, ast.Assign) else [node.target]) if isinstance(target, ast.Name)]
    assert _duplicates(names) == []
