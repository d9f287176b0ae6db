"""Free-text speaking instructions (OpenAI's ``instructions``) -> an emotion style and its intensity.

``"Speak in a cheerful, upbeat tone"`` -> ``("happy", 1.0)``; ``"语气非常悲伤"`` -> ``("sad", 1.5)``;
``"Don't sound angry, stay calm"`` -> ``("gentle", 1.0)``. The first style word (English or
Chinese) that no negation comes right before decides the style; a degree word right before it
sets the intensity: strong (very, extremely, 非常, 特别) 1.5, weak (slightly, a bit, 有点, 稍微) 0.5,
else 1.0. Instructions that name no style give None: the voice speaks as predicted.
"""

from __future__ import annotations

import re

_STYLE_WORDS = {
    "happy": "cheerful cheerfully cheery cheerily happy happily joyful joyfully joyous joyously excited excitedly "
             "upbeat enthusiastic enthusiastically lively playful playfully bubbly 开心 高兴 快乐 愉快 欢快 兴奋 活泼 喜悦",
    "sad": "sad sadly sorrowful sorrowfully melancholy melancholic somber somberly sombre gloomy gloomily mournful "
           "mournfully tearful tearfully 悲伤 伤心 难过 忧伤 低落 哀伤",
    "angry": "angry angrily furious furiously annoyed irritated irritably enraged mad 生气 愤怒 恼火 气愤",
    "surprised": "surprised surprisedly astonished amazed shocked 惊讶 吃惊 震惊 惊奇",
    "fearful": "fearful fearfully scared afraid frightened nervous nervously anxious anxiously "
               "害怕 恐惧 紧张 惊恐",
    "gentle": "gentle gently soft softly calm calmly soothing warm warmly tender tenderly kind kindly "
              "温柔 柔和 轻柔 平静 温和 亲切",
    "serious": "serious seriously formal formally professional professionally authoritative authoritatively stern "
               "sternly solemn solemnly 严肃 正式 庄重 认真",
}  # fmt: skip
_STRONG = ("very", "extremely", "really", "super", "highly", "so", "非常", "特别", "十分", "极其", "很", "超级")
_WEAK = ("slightly", "a bit", "a little", "somewhat", "mildly", "有点", "有一点", "稍微", "略微", "略", "一点")
_NEGATIONS = ("not", "no", "never", "don't", "dont", "without", "isn't", "aren't", "不", "别", "没")

_WORD_STYLE = {word: style for style, words in _STYLE_WORDS.items() for word in words.split()}
_STYLE = re.compile(
    "|".join(re.escape(w) if not w.isascii() else rf"\b{re.escape(w)}\b" for w in sorted(_WORD_STYLE, key=len, reverse=True)),
    re.IGNORECASE,
)
_ENGLISH_WORD = re.compile(r"[a-z']+")
MAX_INSTRUCTION_CHARS = 4000  # OpenAI's own limit on instructions


def style_of_instructions(instructions: str) -> tuple[str, float] | None:
    """(style, intensity) that ``instructions`` ask for, or None (see the module docstring)."""
    text = instructions[:MAX_INSTRUCTION_CHARS]
    for match in _STYLE.finditer(text):
        before = text[max(0, match.start() - 24) : match.start()].lower()
        words = _ENGLISH_WORD.findall(before)[-3:]  # English: the three words before
        chars = before.replace(" ", "")[-3:]  # Chinese: the three characters before
        if any(w in _NEGATIONS for w in words) or any(c in "不别没" for c in chars):
            continue
        return _WORD_STYLE[match.group().lower()], _intensity(" ".join(words[-2:]), chars)
    return None


def _intensity(words: str, chars: str) -> float:
    """1.5 after a strong degree word, 0.5 after a weak one, else 1.0."""
    for degree, value in ((_STRONG, 1.5), (_WEAK, 0.5)):
        if any(f" {words}".endswith(f" {w}") if w.isascii() else chars.endswith(w) for w in degree):
            return value
    return 1.0
