"""boothpos: point of sale and inventory for a shared exhibition booth."""

__version__ = "0.1.0"
