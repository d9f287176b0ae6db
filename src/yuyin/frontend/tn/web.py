"""E-mail addresses, URLs and version numbers -> what a reader says.

Letters stay Latin (the letter speller in g2p reads them); the signs between them become
words and the digits are read one by one: ``abc_1@qq.com`` -> abc下划线幺艾特qq点com,
``https://www.example.com/a-b`` -> 三W点example点com斜杠a杠b (the scheme is not read),
``v2.0`` -> V二点零, ``1.10.3`` -> 一点十点三.
"""

from __future__ import annotations

import re

from .digits import read_digits, read_integer
from .rule import Rule, rule

_SIGNS = {
    ".": "点", "@": "艾特", "_": "下划线", "-": "杠", "/": "斜杠", "?": "问号", "=": "等于",
    "&": "和", "#": "井号", ":": "冒号", "%": "百分号", "~": "波浪号", "+": "加",
}  # fmt: skip
_TLDS = "com|cn|net|org|edu|gov|io|ai|co|info|me|tv|cc|top|xyz|app|dev|uk|jp|de|hk|tw"
_HOST = r"[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?"
_URL_PATH = r"(?:/[A-Za-z0-9._~%/?#=&+:@-]*)?"
_SPELLED = re.compile(r"[0-9]+|[^A-Za-z0-9]")


def _spell_address(text: str, yao: bool) -> str:
    """Digits one by one, signs as words, letters as they are."""

    def one(match: re.Match[str]) -> str:
        piece = match.group()
        return read_digits(piece, yao) if piece[0].isdigit() else _SIGNS.get(piece, "")

    return _SPELLED.sub(one, text)


def _email(match: re.Match[str]) -> str:
    return _spell_address(match.group(), yao=True)


def _url(match: re.Match[str]) -> str:
    text = re.sub(r"^[A-Za-z]+://", "", match.group()).rstrip(".?:/")
    spoken = _spell_address(text, yao=False)
    return re.sub(r"^www(?=点)", "三W", spoken, flags=re.IGNORECASE)


def _version(match: re.Match[str]) -> str:
    prefix, numbers, _, plain, build = match.groups()
    numbers = numbers or plain
    spoken = (prefix or "").upper() + "点".join(read_digits(part) if len(part) > 4 else read_integer(part)
                                                 for part in numbers.split("."))  # V1.0.3.20240315: a build's date
    return spoken + ("杠" + read_integer(build) if build else "")


_EXTENSIONS = ("docx?|xlsx?|pptx?|pdf|txt|csv|json|xml|md|jpe?g|png|gif|bmp|webp|svg|mp[34]|wav|flac|mov|avi|mkv|zip|rar|7z"
               "|tar|gz|exe|apk|ipa|dmg|iso|py|js|ts|java|cpp|go|rs|html?|css|log|ini|yaml|yml|toml")  # fmt: skip
# (upper case too, as Windows names them: 报告.PDF; no .sh: .SH ends a stock code, 600519.SH)

# 报告.pdf, main.py, 年度总结2023.pptx: the dot before a file's extension is said
FILE_EXTENSION = rule("file_extension", r"(?<=[0-9A-Za-z_)\u4e00-\u9fff])\.(?=(?:" + _EXTENSIONS + r"|" + _EXTENSIONS.upper() + r")(?![A-Za-z0-9]))",
                      lambda m: "点")

RULES: tuple[Rule, ...] = (
    # (an address starts after a full stop that ends a sentence: 请回复.abc@sohu.com, not 点abc)
    rule(
        "email",
        r"(?<![A-Za-z0-9_%+-])(?<![A-Za-z0-9_%+-]\.)[A-Za-z0-9_%+-][A-Za-z0-9._%+-]*@" + _HOST + r"(?:\." + _HOST + r")*\.[A-Za-z]{2,}",
        _email,
    ),
    FILE_EXTENSION,
    rule(
        "url",
        r"(?:(?<![A-Za-z])[A-Za-z]+://|(?<![A-Za-z0-9.@])(?=www\.)|(?<![A-Za-z0-9.@-])(?=[A-Za-z0-9-]+\.(?:" + _TLDS + r")\b))"
        + _HOST + r"(?:\." + _HOST + r")*(?::[0-9]+)?" + _URL_PATH,
        _url,
    ),
)

# Programs whose versions are said as numbers (Python 3.12 三点十二)
_PROGRAMS = ("Python", "python", "Java", "Node", "Go", "Rust", "Swift", "Kotlin", "Ruby", "PHP", "Scala", "Julia", "Lua",
             "Dart", "Flutter", "Vue", "React", "Angular", "Django", "Flask", "Spring", "Kubernetes", "Docker", "Ubuntu",
             "Debian", "CentOS", "Fedora", "Android", "iOS", "iPadOS", "macOS", "Chrome", "Firefox", "Safari", "nginx",
             "Nginx", "Redis", "MySQL", "PostgreSQL", "MongoDB", "Kafka", "Spark", "Hadoop", "Elasticsearch", "Git",
             "Xcode", "Qt", "GCC", "LLVM", "Clang", "Unity", "Blender", "Godot", "Electron", "Laravel", "Rails", "Gradle",
             "Maven", "npm", "pip", "numpy", "pandas", "PyTorch", "torch", "TensorFlow", "CUDA", "OpenSSL", "Linux",
             "HarmonyOS", "MIUI", "HyperOS", "ColorOS", "OriginOS", "EMUI")  # fmt: skip

# After dates (2024.3.15 is a date): v2.0, V1.2.3; 1.2.3 and 192.168.1.1 (two or more dots); 6.8.0-31-generic
# with its build's number after a dash (杠, not a minus; not 1.2.3-1.2.5, a range)
VERSION_RULES: tuple[Rule, ...] = (
    rule(
        "version",
        r"(?<![0-9A-Za-z.])(?:([vV])([0-9]+(?:\.[0-9]+)+)|()([0-9]+(?:\.[0-9]+){2,}))(?:-([0-9]+)(?=-?[A-Za-z]))?(?![0-9]|\.[0-9])",
        _version,
    ),
    # Python 3.10, nginx:1.25, numpy==1.26, 1.10版本: a version of two parts after a program's name or before 版本,
    # its parts numbers (三点十, not 三点一零 as a decimal would be)
    rule(
        "named_version",
        r"(?:" + "|".join(f"(?<={name}{sep})" for name in _PROGRAMS for sep in (" ", ":", "==")) + r")([0-9]+)\.([0-9]{2})(?![0-9]|\.[0-9])"
        r"|(?<![0-9A-Za-z.])([0-9]+)\.([0-9]{2})(?=版本|版(?![权面税图]))",
        lambda m: "点".join(read_integer(part) for part in m.groups() if part),
    ),
)

