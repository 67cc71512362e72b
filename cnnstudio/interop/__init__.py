"""Leaving CNN Studio and coming in: PyTorch code, ONNX, a training script, LaTeX tables."""
