"""spaCy is loaded once per test session (ner.get_detector caches the model)."""

import pytest

import ner


@pytest.fixture(scope="session")
def detector() -> ner.Detector:
    return ner.get_detector()


@pytest.fixture(scope="session")
def gaz():
    from ner.gazetteer import get_gazetteer

    return get_gazetteer()


def masked(text: str, spans) -> str:
    """The text with every detected span replaced by '#' (for readable assertions)."""
    chars = list(text)
    for s in spans:
        chars[s.start : s.end] = "#" * (s.end - s.start)
    return "".join(chars)


def found(text: str, spans, label: str | None = None) -> list[str]:
    return [text[s.start : s.end] for s in spans if label is None or s.label == label]
