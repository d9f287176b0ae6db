"""Read the constant tensors of a TFLite flatbuffer without TensorFlow.

Int8 tensors are dequantised as the baker spec (section 5) prescribes: symmetric, one scale per
tensor, zero point 0, ``w = scale * q`` in float32.
"""
from __future__ import annotations

import numpy as np
import tflite

_DTYPES = {
    tflite.TensorType.FLOAT32: np.float32,
    tflite.TensorType.INT8: np.int8,
    tflite.TensorType.INT32: np.int32,
}


class TFLiteFormatError(ValueError):
    """The flatbuffer is not the model we expect."""


def read_constants(model_bytes: bytes) -> dict[str, np.ndarray]:
    """All constant tensors of subgraph 0 by name, float32 (dequantised) or int32."""
    try:
        model = tflite.Model.GetRootAsModel(model_bytes, 0)
        graph = model.Subgraphs(0)
    except Exception as exc:  # the flatbuffer library raises assorted errors on garbage
        raise TFLiteFormatError(f"not a TFLite model: {exc}") from exc
    constants: dict[str, np.ndarray] = {}
    for index in range(graph.TensorsLength()):
        tensor = graph.Tensors(index)
        buffer = model.Buffers(tensor.Buffer())
        if buffer is None or buffer.DataLength() == 0 or tensor.Type() not in _DTYPES:
            continue
        shape = tuple(int(d) for d in tensor.ShapeAsNumpy()) if tensor.ShapeLength() else ()
        raw = np.frombuffer(buffer.DataAsNumpy().tobytes(), dtype=_DTYPES[tensor.Type()])
        if raw.size != int(np.prod(shape)):
            raise TFLiteFormatError(f"tensor {index} has {raw.size} values for shape {shape}")
        values = raw.reshape(shape)
        if tensor.Type() == tflite.TensorType.INT8:
            values = _dequantize(tensor, values)
        constants[tensor.Name().decode("utf-8")] = values
    return constants


def _dequantize(tensor: "tflite.Tensor", values: np.ndarray) -> np.ndarray:
    quant = tensor.Quantization()
    if quant is None or quant.ScaleLength() != 1:
        raise TFLiteFormatError(f"{tensor.Name().decode()}: expected one per-tensor scale")
    if quant.ZeroPointLength() and int(quant.ZeroPoint(0)) != 0:
        raise TFLiteFormatError(f"{tensor.Name().decode()}: expected zero point 0")
    return (np.float32(quant.Scale(0)) * values.astype(np.float32)).astype(np.float32)
