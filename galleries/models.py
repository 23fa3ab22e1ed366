"""Models of the galleries app; the page types arrive with their issue."""
