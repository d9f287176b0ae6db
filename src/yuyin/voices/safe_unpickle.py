"""Code-free reader for legacy torch zip checkpoints that pickle whole ``nn.Module`` objects.

Owns the restricted unpickler of ``voice-ttskit.md`` section 1.2: ``data.pkl`` is read with an
allow-list of globals, every module class becomes a generated *inert* class whose instances only
hold their pickled ``__dict__``, tensors are rebuilt as numpy copies from the raw storages, and any
other global (``os.system``, ``builtins.eval``, ``subprocess.Popen``, the real torch classes ...)
raises :class:`UnsafePickleError` before anything is called. No torch import is needed here.

Use :func:`load_module_checkpoint` on the bytes of a ``.pt`` file, then :func:`module_tensors`
for the ``state_dict()``-named tensors and :func:`submodule` / ``vars()`` for plain attributes.
"""
from __future__ import annotations

import io
import pickle
import zipfile
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import numpy as np


class UnsafePickleError(pickle.UnpicklingError):
    """The pickle references a global outside the allow-list, or misuses an allowed one."""


class CheckpointFormatError(ValueError):
    """The checkpoint is not a well-formed legacy torch zip file."""


class _Sealed:
    """Mixin: a pickle's BUILD opcode on the object is refused instead of changing it."""

    __slots__ = ()

    def __setstate__(self, state: Any) -> None:
        raise UnsafePickleError(f"the pickle tries to change {type(self).__name__}")


@dataclass(frozen=True, slots=True)
class StorageType(_Sealed):
    """Stand-in for ``torch.<X>Storage``: only names the storage kind; the dtype is looked up
    in :data:`STORAGE_DTYPES` when the storage is read."""

    name: str

    def __setstate__(self, state: Any) -> None:  # dataclass(slots=True) would add its own
        _Sealed.__setstate__(self, state)


STORAGE_DTYPES: dict[str, np.dtype] = {
    "FloatStorage": np.dtype("<f4"),
    "DoubleStorage": np.dtype("<f8"),
    "HalfStorage": np.dtype("<f2"),
    "LongStorage": np.dtype("<i8"),
    "IntStorage": np.dtype("<i4"),
    "ShortStorage": np.dtype("<i2"),
    "CharStorage": np.dtype("i1"),
    "ByteStorage": np.dtype("u1"),
    "BoolStorage": np.dtype("?"),
}
# Module prefixes whose classes become inert placeholders (section 1.2).
INERT_MODULE_PREFIXES = ("torch.nn.", "mellotron.", "melgan.")


class InertModule:
    """Base of the generated placeholder classes: a bag of pickled attributes, nothing else.

    ``NEWOBJ`` creates an instance without arguments and ``BUILD`` hands it the state dict;
    no method of the original class exists here, so nothing of it can run.
    """

    pickled_module: str = ""
    pickled_name: str = ""

    def __new__(cls, *args: Any, **kwargs: Any) -> InertModule:
        if args or kwargs:
            raise UnsafePickleError(f"{cls.pickled_module}.{cls.pickled_name} called with arguments")
        return super().__new__(cls)

    def __setstate__(self, state: Any) -> None:
        if not isinstance(state, dict) or not all(isinstance(key, str) for key in state):
            raise UnsafePickleError(f"{self.pickled_module}.{self.pickled_name}: state is not a dict")
        self.__dict__.update(state)

    def __repr__(self) -> str:
        return f"<inert {self.pickled_module}.{self.pickled_name}>"


_INERT_CLASSES: dict[tuple[str, str], type[InertModule]] = {}


def inert_class(module: str, name: str) -> type[InertModule]:
    """One generated class per pickled ``module.name``, reused so ``isinstance`` checks work."""
    key = (module, name)
    if key not in _INERT_CLASSES:
        _INERT_CLASSES[key] = type(name, (InertModule,), {"pickled_module": module, "pickled_name": name})
    return _INERT_CLASSES[key]


@dataclass(frozen=True, slots=True, eq=False)
class Storage(_Sealed):
    """A 1-D little-endian storage read from ``archive/data/<key>`` (read-only, immutable)."""

    key: str
    array: np.ndarray

    def __setstate__(self, state: Any) -> None:
        _Sealed.__setstate__(self, state)


@dataclass(frozen=True, slots=True, eq=False)
class SafeCallable(_Sealed):
    """An allowed callable as the pickle sees it; sealed, so BUILD cannot patch it."""

    name: str
    function: Callable[..., Any]

    def __setstate__(self, state: Any) -> None:
        _Sealed.__setstate__(self, state)

    def __call__(self, *args: Any) -> Any:
        return self.function(*args)


def _is_int_tuple(value: Any) -> bool:
    return isinstance(value, tuple) and all(isinstance(v, int) and not isinstance(v, bool) for v in value)


def rebuild_tensor(storage: Any, offset: Any, size: Any, stride: Any, *_: Any) -> np.ndarray:
    """Safe ``torch._utils._rebuild_tensor_v2``: a bounds-checked copy of the strided view.

    storage: :class:`Storage` [numel]; offset, size, stride in elements as torch counts them.
    """
    if not isinstance(storage, Storage) or not isinstance(offset, int) or isinstance(offset, bool):
        raise UnsafePickleError("_rebuild_tensor_v2: bad storage or offset")
    if storage.array.ndim != 1 or not storage.array.flags.c_contiguous:
        raise UnsafePickleError("_rebuild_tensor_v2: storage is not a flat buffer")
    if not (_is_int_tuple(size) and _is_int_tuple(stride)) or len(size) != len(stride):
        raise UnsafePickleError("_rebuild_tensor_v2: size and stride must be int tuples of one length")
    if offset < 0 or any(n < 0 for n in size) or any(s < 0 for s in stride):
        raise UnsafePickleError("_rebuild_tensor_v2: negative offset, size or stride")
    flat = storage.array
    if 0 in size:
        return np.empty(size, dtype=flat.dtype)
    last = offset + sum((n - 1) * s for n, s in zip(size, stride))
    if last >= flat.size:
        raise UnsafePickleError(f"_rebuild_tensor_v2: view ends at {last}, storage {storage.key} has {flat.size}")
    view = np.lib.stride_tricks.as_strided(
        flat[offset:], shape=size, strides=tuple(s * flat.itemsize for s in stride), writeable=False
    )
    return np.array(view, copy=True)


def rebuild_parameter(data: Any, requires_grad: Any = False, hooks: Any = None) -> np.ndarray:
    """Safe ``torch._utils._rebuild_parameter``: a parameter is just its data here."""
    if not isinstance(data, np.ndarray):
        raise UnsafePickleError("_rebuild_parameter: data is not a rebuilt tensor")
    return data


def _allowed_global(module: str, name: str) -> Any:
    if (module, name) == ("torch._utils", "_rebuild_tensor_v2"):
        return SafeCallable(name, rebuild_tensor)
    if (module, name) == ("torch._utils", "_rebuild_parameter"):
        return SafeCallable(name, rebuild_parameter)
    if module == "torch" and name in STORAGE_DTYPES:
        return StorageType(name)
    if (module, name) == ("collections", "OrderedDict"):
        return OrderedDict
    if (module, name) in (("__builtin__", "set"), ("builtins", "set")):
        return set
    plain_name = name.isidentifier() and not name.startswith("_")
    if module.startswith(INERT_MODULE_PREFIXES) and plain_name and all(p.isidentifier() for p in module.split(".")):
        return inert_class(module, name)
    raise UnsafePickleError(f"global {module}.{name} is not allowed in a weights pickle")


class RestrictedUnpickler(pickle.Unpickler):
    """``pickle.Unpickler`` whose globals come only from :func:`_allowed_global`.

    read_storage(key) returns the raw bytes of ``archive/data/<key>``.
    """

    def __init__(self, file: io.BytesIO, read_storage: Callable[[str], bytes]) -> None:
        super().__init__(file)
        self._read_storage = read_storage
        self._storages: dict[str, Storage] = {}

    def find_class(self, module: str, name: str) -> Any:
        return _allowed_global(module, name)

    def persistent_load(self, pid: Any) -> Storage:
        if not (isinstance(pid, tuple) and len(pid) == 5 and pid[0] == "storage"):
            raise UnsafePickleError(f"unexpected persistent id {pid!r:.80}")
        _, kind, key, _location, numel = pid
        if type(kind) is not StorageType or not isinstance(key, str) or not isinstance(numel, int):
            raise UnsafePickleError(f"malformed storage id {pid!r:.80}")
        if not key.isalnum():
            raise UnsafePickleError(f"storage key {key!r:.40} is not a plain name")
        dtype = STORAGE_DTYPES[kind.name]
        if key not in self._storages:
            array = np.frombuffer(self._read_storage(key), dtype=dtype)
            if array.size != numel:
                raise CheckpointFormatError(f"storage {key}: {array.size} elements, pickle says {numel}")
            self._storages[key] = Storage(key, array)
        storage = self._storages[key]
        if storage.array.dtype != dtype:
            raise CheckpointFormatError(f"storage {key} used with two dtypes")
        return storage


def load_module_checkpoint(data: bytes) -> Any:
    """Unpickle a legacy torch zip checkpoint (``<prefix>/data.pkl`` + ``<prefix>/data/<key>``).

    Returns the root object: an :class:`InertModule` for a pickled ``nn.Module``.
    """
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile as exc:
        raise CheckpointFormatError("not a torch zip checkpoint") from exc
    with archive:
        pickles = [n for n in archive.namelist() if n.endswith("/data.pkl") and n.count("/") == 1]
        if len(pickles) != 1:
            raise CheckpointFormatError(f"expected one <prefix>/data.pkl, found {pickles}")
        prefix = pickles[0][: -len("data.pkl")]
        members = set(archive.namelist())
        if f"{prefix}byteorder" in members and archive.read(f"{prefix}byteorder") != b"little":
            raise CheckpointFormatError("only little-endian checkpoints are supported")

        def read_storage(key: str) -> bytes:
            name = f"{prefix}data/{key}"
            if name not in members:
                raise CheckpointFormatError(f"missing storage member {name}")
            return archive.read(name)

        unpickler = RestrictedUnpickler(io.BytesIO(archive.read(pickles[0])), read_storage)
        try:
            return unpickler.load()
        except (UnsafePickleError, CheckpointFormatError):
            raise
        except Exception as exc:  # e.g. BUILD on an allowed object, a wrong argument count
            raise UnsafePickleError(f"malformed weights pickle ({type(exc).__name__}: {exc})") from exc


def module_tensors(root: Any, prefix: str = "") -> dict[str, np.ndarray]:
    """Flatten an inert module tree into ``state_dict()`` names -> arrays (None entries skipped)."""
    if not isinstance(root, InertModule):
        raise CheckpointFormatError(f"{prefix or 'root'} is not a pickled module")
    state = vars(root)
    out: dict[str, np.ndarray] = {}
    skip = state.get("_non_persistent_buffers_set") or set()
    for group in ("_parameters", "_buffers"):
        for name, value in (state.get(group) or {}).items():
            if value is None or name in skip:
                continue
            if not isinstance(value, np.ndarray):
                raise CheckpointFormatError(f"{prefix}{name} is not a tensor")
            out[prefix + name] = value
    for name, child in (state.get("_modules") or {}).items():
        if child is not None:
            out.update(module_tensors(child, f"{prefix}{name}."))
    return out


def submodule(root: Any, path: str) -> InertModule:
    """Child module by dotted path (``"decoder.attention_layer"``); ``""`` is the root."""
    node = root
    for part in filter(None, path.split(".")):
        children = vars(node).get("_modules") or {}
        if part not in children or not isinstance(children[part], InertModule):
            raise CheckpointFormatError(f"no submodule {path!r} (missing {part!r})")
        node = children[part]
    return node


def class_name(node: Any) -> str:
    """``"module.Class"`` as pickled, e.g. ``"torch.nn.modules.conv.Conv1d"``."""
    kind = type(node)  # class attributes: a BUILD cannot fake them through the instance dict
    return f"{kind.pickled_module}.{kind.pickled_name}" if isinstance(node, InertModule) else kind.__name__
