"""Models of the testimonials app; the page types arrive with their issue."""
