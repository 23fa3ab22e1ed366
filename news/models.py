"""Models of the news app; the page types arrive with their issue."""
