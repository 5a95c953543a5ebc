"""The PySide6 desktop front end (views, dialogs, workers); no NLP lives here."""
