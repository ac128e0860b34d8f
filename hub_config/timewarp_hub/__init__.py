"""The Time Warp Studio hub: JupyterHub configuration as importable, tested code."""
