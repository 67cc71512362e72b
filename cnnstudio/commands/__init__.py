"""The subcommands of ``cnnstudio`` that grew beyond a few lines, one module each.

They sit in the entry layer beside ``cnnstudio.cli`` (which dispatches to them), so they may use
its shared parser and loaders; nothing below this layer imports them.
"""
