"""Language-blind neural networks, one architecture per module."""
