"""chronicle: English texts on Chinese history -> event tables with real CE dates."""
