"""Models of the events app; the page types arrive with their issue."""
