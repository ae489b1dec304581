"""Custom Rasa NLU components: the project's spaCy pipeline and entity extraction."""
