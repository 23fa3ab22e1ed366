"""Models of the projects app; the page types arrive with their issue."""
