"""Data files shipped with CNN Studio (installed as the package ``cnnstudio.resources``)."""
