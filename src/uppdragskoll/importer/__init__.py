"""`uppdrag importera`: a government decision's text becomes a draft assignment. Pure.

Rule-based and explainable: every date and amount in the draft comes with the sentence it was
read from and its character offsets in the input. See docs/importera.md.
"""

from .draft import Draft, draft_from_text
from .found import Fact

__all__ = ["Draft", "Fact", "draft_from_text"]
