"""PyTorch side of CNN Studio: building modules from networks and checking them (no Qt)."""
