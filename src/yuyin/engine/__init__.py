"""Inference engine: voice runtimes, device policy and the Synthesizer."""
