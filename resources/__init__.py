"""Data shipped with boothpos: demo catalog, translations, icons.

Read through ``importlib.resources.files("boothpos.resources")``.
"""
