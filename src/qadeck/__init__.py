"""qadeck: turn question-and-answer text into spaced-repetition flashcards."""

__version__ = "0.1.0"
